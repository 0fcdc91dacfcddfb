#!/usr/bin/env bash
# Installs the Debian 12 packages ogicheck builds with. Safe to run again: it only calls apt when
# something is missing. Needs root (or sudo) on a fresh machine.
set -euo pipefail
packages=(
  build-essential cmake ninja-build pkg-config
  libyaml-cpp-dev libyaml-dev libicu-dev libfmt-dev doctest-dev libre2-dev nlohmann-json3-dev
  libgumbo-dev libzip-dev libxml2-dev libpoppler-cpp-dev
  libtcmalloc-minimal4  # the ogicheck executable's allocator (CMakeLists.txt says why)
  python3 python3-jsonschema python3-yaml
  clang-14 libclang-rt-14-dev  # scripts/fuzz.sh: libFuzzer and the sanitizer runtimes for clang
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""; [[ $(id -u) -ne 0 ]] && sudo="sudo"
  echo "installing: ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
