#!/usr/bin/env bash
# Every test in one command: install what is missing, build everything, run the C++ tests, the
# consumer package test, the examples and the Python tests through ctest; then the C++ tests
# again under AddressSanitizer + UndefinedBehaviorSanitizer (Debug build of the tests only).
# Style is checked too (scripts/check-style.sh: clang-format on every C++ file, clang-tidy's
# agreed checks on the library, CMake source lists complete).
# AIDTRACK_SKIP_SANITIZERS=1 skips the sanitizer pass; AIDTRACK_SKIP_STYLE=1 the style check.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
jobs=$(nproc)
scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DPython3_EXECUTABLE=/usr/bin/python3 >/dev/null
cmake --build build -j "$jobs"
ctest --test-dir build --output-on-failure -j "$jobs"
if [[ "${AIDTRACK_SKIP_STYLE:-0}" != "1" ]]; then
  scripts/check-style.sh build
fi
if [[ "${AIDTRACK_SKIP_SANITIZERS:-0}" != "1" ]]; then
  cmake --preset asan -S . >/dev/null
  cmake --build --preset asan -j "$jobs"
  ctest --preset asan -j "$jobs"
fi
