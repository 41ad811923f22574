#!/usr/bin/env bash
# Style enforced: every source listed in CMake, every C++ file formatted as .clang-format says,
# the library clean under the agreed clang-tidy checks of .clang-tidy.
# Usage: scripts/check-style.sh [BUILD_DIR]
# BUILD_DIR holds compile_commands.json (default: build). Run by scripts/run-tests.sh.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$here/build"}
cd "$here"
# Sources are listed in CMake by hand (no globbing): every file in the tree must be listed.
unlisted=()
check_listed() {  # check_listed CMAKE_FILE PREFIX_TO_STRIP FILE...
  local cmake_file=$1 prefix=$2 f
  shift 2
  for f in "$@"; do grep -qxF "  ${f#"$prefix"}" "$cmake_file" || unlisted+=("$f (in $cmake_file)"); done
}
check_listed cmake/aidtrack_sources.cmake "" $(git ls-files 'src/*.cpp')
check_listed tests/CMakeLists.txt tests/ $(git ls-files 'tests/*_test.cpp' | grep -v '^tests/consumer/')
check_listed tools/cli/CMakeLists.txt tools/cli/ $(git ls-files 'tools/cli/*.cpp')
check_listed examples/CMakeLists.txt examples/ $(git ls-files 'examples/*.cpp')
check_listed fuzz/CMakeLists.txt fuzz/ $(git ls-files 'fuzz/fuzz_*.cpp')
check_listed bindings/python/CMakeLists.txt bindings/python/ $(git ls-files 'bindings/python/*.cpp')
check_listed bindings/python/CMakeLists.txt bindings/python/aidtrack/ $(git ls-files 'bindings/python/aidtrack/*.py' 'bindings/python/aidtrack/*.pyi' 'bindings/python/aidtrack/py.typed')
if ((${#unlisted[@]} > 0)); then
  printf 'not listed in CMake: %s\n' "${unlisted[@]}" >&2
  exit 1
fi
mapfile -t files < <(git ls-files '*.cpp' '*.hpp' '*.h' 2>/dev/null || find include src tests tools bindings examples benchmarks fuzz -name '*.[ch]pp')
echo "clang-format: ${#files[@]} files"
clang-format --dry-run -Werror "${files[@]}"
mapfile -t library < <(printf '%s\n' "${files[@]}" | grep '^src/.*\.cpp$')
echo "clang-tidy: ${#library[@]} library sources"
run-clang-tidy -quiet -p "$build" -j "$(nproc)" "${library[@]/#/$here/}" >"$build/clang-tidy.log" 2>&1 || {
  grep -E 'warning:|error:' "$build/clang-tidy.log" | sort -u | head -50
  echo "clang-tidy found problems (full log: $build/clang-tidy.log)" >&2
  exit 1
}
echo "style: clean"
