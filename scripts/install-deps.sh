#!/usr/bin/env bash
# Installs what building and testing aidtrack needs from Debian 12's packages, if missing.
# Runs as root or through sudo; does nothing when everything is already there.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  libboost-serialization-dev libboost-date-time-dev
  libpugixml-dev libxml2-dev zlib1g-dev
  pybind11-dev python3-dev python3-numpy python3-pandas python3-pytest python3-matplotlib
  python3-nbclient python3-ipykernel python3-lxml python3-dask python3-distributed
  python3-setuptools python3-wheel python3-pip python3-venv python3-mypy python3-tqdm
  libgtest-dev libgmock-dev libbenchmark-dev
  doxygen graphviz
  clang libclang-rt-14-dev clang-format clang-tidy
)
if [[ "${AIDTRACK_WITH_BROWSER:-1}" == "1" ]]; then
  packages+=(chromium)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
  echo "install-deps: everything is installed"
  exit 0
fi

sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done"
