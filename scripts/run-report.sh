#!/usr/bin/env bash
# The main job in one command: install what is missing, build, and run `aidtrack report` on the
# embedded Cambodia dataset (report/aidtrack-report.html, .md and CSVs in ./report).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DPython3_EXECUTABLE=/usr/bin/python3 >/dev/null
cmake --build build --target aidtrack_cli
AIDTRACK_DATA_DIR="$here/data" build/bin/aidtrack report "$@"
