#!/bin/sh
# Builds the benchmark programs (preset "bench", directory build-bench) and runs every benchmark
# once, printing a summary table of ratios against the targets. Usage:
#   benchmarks/run_all.sh [--full] [--duckdb] [--build DIR]
# --full adds 16 M transactions, pandas and the DataFrame export at 10 M rows and 500 MB IATI
# files (needs ~8 GB of memory and several minutes on 2 cores). --duckdb adds DuckDB as a peer of
# the aggregation: `npm install` in benchmarks/duckdb (once; needs node and npm), the rows
# exported once to CSV. Generated data is kept in DIR/bench-data and reused by later runs.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build="$here/build-bench"
full=""
duckdb=""
while [ $# -gt 0 ]; do
  case "$1" in
    --full) full="--full" ;;
    --duckdb) duckdb="--duckdb" ;;
    --build) shift; build="$1" ;;
    *) echo "usage: $0 [--full] [--duckdb] [--build DIR]" >&2; exit 2 ;;
  esac
  shift
done
if [ ! -f "$build/build.ninja" ]; then
  cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DAIDTRACK_BUILD_BENCHMARKS=ON \
        -DPython3_EXECUTABLE=/usr/bin/python3
fi
ninja -C "$build" -j2 aidtrack_bench aidtrack_bench_gen aidtrack_python aidtrack_cli
exec /usr/bin/python3 "$here/benchmarks/bench_python.py" --build "$build" $full $duckdb
