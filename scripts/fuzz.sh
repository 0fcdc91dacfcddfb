#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz/, clang, ASan + UBSan) and runs each for a bounded time.
# usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]   (default 20 s, every target)
# Exits non-zero when a target crashes, leaks, times out or runs out of memory; the input that did
# it is left in build-fuzz/crashes/<target>/ (keep it under tests/fuzz/regressions/<target>/ once
# fixed). Seeds: tests/fuzz/corpus/<target>/ plus, copied at run time, the examples, the reader
# fixtures and (when present) ../shared.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-20}; shift || true
root=$PWD
build=$root/build-fuzz
shared=$root/../shared
CC=clang-14 CXX=clang++-14 cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DOGICHECK_FUZZ=ON -DOGICHECK_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" -j2 >/dev/null

targets=("$@")
if ((${#targets[@]} == 0)); then
  for f in tests/fuzz/fuzz_*.cc; do t=$(basename "$f" .cc); targets+=("${t#fuzz_}"); done
fi

# seeds TARGET DIR: fills DIR with the run-time seeds of TARGET (files outside the repo's corpus).
seeds() {
  local t=$1 d=$2
  mkdir -p "$d"
  case $t in
    ingest_text|tables|check)
      cp examples/*.txt "$d"/
      [[ -d $shared/seeds ]] && cp "$shared"/seeds/*.txt "$d"/ ;;
    ingest_docx) cp tests/golden/readers/*.docx "$d"/
      [[ -d $shared/corpus/derived ]] && cp "$shared"/corpus/derived/*.docx "$d"/ ;;
    ingest_pdf) cp tests/golden/readers/{text,scanned,encrypted}.pdf "$d"/
      [[ -d $shared/corpus/derived ]] && cp "$shared"/corpus/derived/*.pdf "$d"/ ;;
    ingest_html) [[ -d $shared/corpus/peers ]] && cp "$shared"/corpus/peers/*.html "$d"/ ;;
    schema) cp schemas/ogi-*.yaml "$d"/ ;;
  esac
  true
}

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export TMPDIR=$build/tmp
mkdir -p "$TMPDIR"
failed=()
for t in "${targets[@]}"; do
  bin=$build/fuzz_$t
  work=$build/corpus/$t; extra=$build/seeds/$t; crashes=$build/crashes/$t
  mkdir -p "$work" "$crashes"
  rm -rf "$extra"; seeds "$t" "$extra"
  echo "fuzz $t: ${secs}s" >&2
  # libFuzzer exits when a corpus folder is missing (git keeps no empty folder): pass only those there.
  dirs=("$work")
  for d in "tests/fuzz/corpus/$t" "$extra"; do [[ -d $d ]] && dirs+=("$d"); done
  if ! "$bin" -max_total_time="$secs" -rss_limit_mb=2048 -timeout=10 -max_len=65536 \
       -print_final_stats=0 -artifact_prefix="$crashes/" "${dirs[@]}" \
       >"$build/$t.log" 2>&1; then
    echo "fuzz $t: FAILED (log: $build/$t.log, input in $crashes/)" >&2
    grep -E "ERROR|SUMMARY|Test unit written" "$build/$t.log" | head -5 >&2 || true
    failed+=("$t")
  fi
done
((${#failed[@]} == 0)) || { echo "fuzz: failures in ${failed[*]}" >&2; exit 1; }
echo "fuzz: ${#targets[@]} targets ran ${secs}s each without a failure" >&2
