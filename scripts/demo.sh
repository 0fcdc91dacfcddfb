#!/usr/bin/env bash
# Builds ogicheck (release) and runs it over the bundled example reports in examples/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DOGICHECK_BUILD_TESTS=OFF >/dev/null
cmake --build build -j2 >/dev/null
exec ./build/ogicheck parse examples/*.txt
