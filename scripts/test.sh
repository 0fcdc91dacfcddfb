#!/usr/bin/env bash
# Builds ogicheck with AddressSanitizer + UBSan and runs every test (unit, CLI contract, corpus),
# the CLI contract again on the Release build, then `check --jobs 2` under ThreadSanitizer
# (scripts/tsan.sh) and a short fuzz run of every libFuzzer target (scripts/fuzz.sh;
# FUZZ_SECONDS per target, 0 = skip).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
cmake -S . -B build-test -G Ninja -DCMAKE_BUILD_TYPE=Debug -DOGICHECK_SANITIZE=ON >/dev/null
cmake --build build-test -j2
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ctest --test-dir build-test --output-on-failure
# The CLI contract once more on the Release build users run (-O3, tcmalloc instead of ASan).
cmake -S . -B build-rel -G Ninja -DCMAKE_BUILD_TYPE=Release -DOGICHECK_BUILD_TESTS=OFF >/dev/null
cmake --build build-rel -j2
bash tests/cli/run.sh build-rel/ogicheck "$PWD" "$PWD/../shared"
bash scripts/tsan.sh
fuzz_seconds=${FUZZ_SECONDS:-10}
if ((fuzz_seconds > 0)); then bash scripts/fuzz.sh "$fuzz_seconds"; fi
