#!/usr/bin/env bash
# Builds the libFuzzer harnesses with clang (ASan + UBSan) and runs each for SECONDS (default 60)
# on a seed corpus made from real files, one harness at a time, each in one process (no -jobs:
# the machine is shared). Prints executions, coverage (libFuzzer cov: edges, ft: features), corpus
# size and findings per harness; crashing, leaking, slow and out-of-memory inputs are left in
# build-fuzz/findings/<harness>/ — once fixed, keep each in tests/data/fuzz-regressions/<harness>/
# (tests/io/fuzz_regression_test.cpp replays them through the same entry points).
#   scripts/fuzz.sh [SECONDS] [HARNESS...]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
seconds=${1:-60}
shift || true
iati="$here/tests/data/iati"  # real files and the schema suite, copied from their sources
build="$here/build-fuzz"
CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer" \
  -DAIDTRACK_BUILD_FUZZERS=ON -DAIDTRACK_BUILD_TESTS=OFF -DAIDTRACK_BUILD_PYTHON=OFF -DAIDTRACK_BUILD_DOCS=OFF \
  -DAIDTRACK_BUILD_EXAMPLES=OFF -DAIDTRACK_BUILD_TOOLS=OFF >/dev/null
harnesses=("$@")
if ((${#harnesses[@]} == 0)); then
  mapfile -t harnesses < <(cd fuzz && ls fuzz_*.cpp | sed 's/\.cpp$//')
fi
cmake --build "$build" -j 2 --target "${harnesses[@]}"

seed() {  # harness → seed corpus directory
  local dir="$build/corpus/$1"
  mkdir -p "$dir"
  case "$1" in
    fuzz_iati_reader) cp "$iati"/real/*-activity.xml "$dir"/ 2>/dev/null || true
                      cp "$iati"/schema-tests/activity-tests/should-*/*.xml "$dir"/ 2>/dev/null || true
                      cp tests/data/bad/*.xml "$dir"/ 2>/dev/null || true ;;
    fuzz_archive) cp tests/data/golden/*.atk "$dir"/ ; cp tests/data/bad/*.atk "$dir"/ ;;
    fuzz_rate_tables) head -c 4000 data/rates/imf_exchangerates_A_ENDA_USD.csv > "$dir/imf-head.csv"
                      printf 'date,currency,rate\n2023,KHR,4100\n2024-01,KHR,4050\n' > "$dir/plain.csv"
                      cp tests/data/bad/rates_*.csv "$dir"/ ;;
    fuzz_record_csv) for f in tests/data/coordination/good/*.csv tests/data/coordination/bad/*.csv tests/data/bad/*.csv \
                        data/cambodia/*.csv data/cambodia/*/*.csv; do
                        [[ -f "$f" ]] && cp "$f" "$dir/$(echo "$f" | tr / _)"
                      done ;;
    *) for f in tests/data/coordination/good/*.csv data/cambodia/*.csv; do [[ -f "$f" ]] && cp "$f" "$dir"/; done ;;
  esac
  echo "$dir"
}

printf '%-18s %11s %7s %7s %7s %8s\n' harness executions cov ft corpus findings
for h in "${harnesses[@]}"; do
  corpus=$(seed "$h")
  findings="$build/findings/$h"
  mkdir -p "$findings"
  log="$build/$h.log"
  "$build/fuzz/$h" "$corpus" -max_total_time="$seconds" -max_len=1048576 -rss_limit_mb=2048 -timeout=25 \
    -artifact_prefix="$findings/" -print_final_stats=1 >"$log" 2>&1 || true
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  last=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
  cov=$(grep -o 'cov: [0-9]*' <<<"$last" | grep -o '[0-9]*' || echo 0)
  ft=$(grep -o 'ft: [0-9]*' <<<"$last" | grep -o '[0-9]*' || echo 0)
  corp=$(grep -o 'corp: [0-9]*' <<<"$last" | grep -o '[0-9]*' || echo 0)
  crashes=$(find "$findings" -type f | wc -l)
  printf '%-18s %11s %7s %7s %7s %8s\n' "${h#fuzz_}" "$execs" "$cov" "$ft" "$corp" "$crashes"
done
