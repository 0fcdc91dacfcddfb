#!/usr/bin/env bash
# Runs `ogicheck check --jobs 2` under ThreadSanitizer over reports of every input form (the
# examples, ../shared's corpus: text, crawled JSON, HTML, DOCX, PDF, and generated bench reports)
# and checks that the output equals that of --jobs 1. Exits non-zero on a data race or a
# difference. Worker threads share the rule packs (lazily compiled patterns, the pattern
# prefilter), the schemas and the readers' libraries (poppler, libxml2, gumbo, ICU); whichever
# worker finishes the next file writes the output and the progress line (--progress).
set -euo pipefail
cd "$(dirname "$0")/.."
build=$PWD/build-tsan
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DOGICHECK_TSAN=ON \
  -DOGICHECK_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" -j2 >/dev/null

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
inputs=(examples/*.txt)
shared=../shared/corpus
if [[ -d $shared ]]; then
  while IFS= read -r -d '' f; do inputs+=("$f"); done < <(find "$shared" -type f \
    \( -name '*.txt' -o -name '*.json' -o -name '*.html' -o -name '*.docx' -o -name '*.pdf' \) -print0)
fi
python3 bench/generate.py "$work/gen" 300 --seed 11 >/dev/null
inputs+=("$work/gen/reports")

export TSAN_OPTIONS="halt_on_error=1 exitcode=66 second_deadlock_stack=1 suppressions=$PWD/scripts/tsan.supp"
run() {
  local jobs=$1 status=0
  "$build/ogicheck" check --format json --fail-on never --progress --jobs "$jobs" "${inputs[@]}" \
    > "$work/out-j$jobs.json" 2> "$work/err-j$jobs.txt" || status=$?
  # 0: checked; 3: some inputs could not be read (the corpus has deliberately broken files).
  if ((status != 0 && status != 3)); then
    echo "tsan: check --jobs $jobs exited with $status" >&2
    cat "$work/err-j$jobs.txt" >&2
    exit 1
  fi
}
run 2
run 1
if ! cmp -s "$work/out-j1.json" "$work/out-j2.json"; then
  echo "tsan: output of --jobs 2 differs from --jobs 1" >&2
  diff <(head -c 2000 "$work/out-j1.json") <(head -c 2000 "$work/out-j2.json") >&2 || true
  exit 1
fi
echo "tsan: ${#inputs[@]} inputs (the generated folder counts once), no data race, --jobs 2 output identical"
