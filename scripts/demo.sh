#!/usr/bin/env bash
# Builds ogicheck (release) and checks the bundled example reports in examples/ with the shipped
# rule packs, printing the findings.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DOGICHECK_BUILD_TESTS=OFF >/dev/null
cmake --build build -j2 >/dev/null
set +e
./build/ogicheck check examples/*.txt
code=$?
echo "(ogicheck exit code $code: 0 = no error findings, 1 = error findings, 3 = unreadable input)"
exit 0
