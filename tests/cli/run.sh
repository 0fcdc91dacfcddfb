#!/usr/bin/env bash
# CLI contract tests: exit codes and messages of the real binary. Usage: run.sh BINARY SRC SHARED
set -u
bin=$1 src=$2 shared=$3
fails=0 passes=0
expect() {  # expect NAME WANT_CODE WANT_SUBSTRING -- command...
  local name=$1 want=$2 needle=$3; shift 4
  local out code
  out=$("$@" 2>&1); code=$?
  if [[ $code -ne $want ]]; then
    echo "FAIL $name: exit $code, want $want"; echo "$out" | head -5; fails=$((fails+1)); return
  fi
  if [[ -n $needle && $out != *"$needle"* ]]; then
    echo "FAIL $name: output lacks '$needle'"; echo "$out" | head -5; fails=$((fails+1)); return
  fi
  passes=$((passes+1))
}
expect version 0 "ogicheck" -- "$bin" --version
expect help 0 "parse" -- "$bin" --help
expect unknown-command 2 "unknown command" -- "$bin" frobnicate
expect parse-missing 3 "no such file" -- "$bin" parse /nonexistent/report.txt
expect parse-seed 0 '"annual_report"' -- "$bin" parse "$shared/seeds/004_f92f5a134582c4f9.txt"
# The parse output of every seed and corpus record matches schemas/document.schema.json.
for f in "$shared"/seeds/*.txt "$shared"/corpus/real/* "$src"/examples/*.txt; do
  expect "schema:$(basename "$f")" 0 "" -- bash -c '"$1" parse --compact "$2" | python3 "$3/tests/cli/validate_json.py" "$3/schemas/document.schema.json"' _ "$bin" "$f" "$src"
done
# A bad input among good ones: the others are still parsed, exit code 3.
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
: > "$tmp/empty.txt"; head -c 4096 /dev/urandom > "$tmp/garbage.txt"
expect mixed-inputs 3 '"title": "盐城市2017年政府信息公开工作年度报告"' -- "$bin" parse "$tmp/empty.txt" "$shared/seeds/004_f92f5a134582c4f9.txt" "$tmp/garbage.txt"
# A file name that is not UTF-8 (GBK 报告.txt, as unpacked from a Windows zip) beside a good one:
# the JSON stays valid (the bad bytes become U+FFFD) and both reports are in it.
mkdir "$tmp/names"
cp "$shared/seeds/004_f92f5a134582c4f9.txt" "$tmp/names/$(printf '\xb1\xa8\xb8\xe6').txt"
cp "$src/examples/qinglan-county-2023.txt" "$tmp/names/"
expect gbk-file-name 1 '"path": "'"$tmp/names/"$'\xef\xbf\xbd' -- "$bin" check --format json "$tmp/names"
expect gbk-file-name-json 0 "" -- bash -c '"$1" check --format json --fail-on never "$2" | python3 "$3/tests/cli/validate_json.py" "$3/schemas/findings.schema.json"' _ "$bin" "$tmp/names" "$src"
# The progress line: forced on into a pipe it is plain lines ending with the summary; off by
# default when stderr is not a terminal; on by default on a terminal (script(1) gives one), but
# not when the JSON goes to that terminal too.
ex=$src/examples
expect progress-forced 0 "ogicheck: checked 5 files in" -- "$bin" check --progress --format json --fail-on never -o "$tmp/p.json" "$ex"
expect progress-unreadable 3 "ogicheck: checked 2 files in" -- "$bin" check --progress --format json -o "$tmp/p.json" "$ex/qinglan-county-2017.txt" "$tmp/garbage.txt"
expect progress-unreadable-count 3 "files/s), 1 unreadable" -- "$bin" check --progress --format json -o "$tmp/p.json" "$ex/qinglan-county-2017.txt" "$tmp/garbage.txt"
expect progress-off-in-pipe 0 "" -- bash -c '! "$1" check --format json --fail-on never -o "$2" "$3" 2>&1 | grep -q "files/s"' _ "$bin" "$tmp/p.json" "$ex"
expect progress-no-progress 0 "" -- bash -c '! "$1" check --no-progress --progress --no-progress --format json --fail-on never -o "$2" "$3" 2>&1 | grep -q "files/s"' _ "$bin" "$tmp/p.json" "$ex"
expect progress-terminal 0 $'\rogicheck: checked 5 files' -- script -qec "'$bin' check --format json --fail-on never -o '$tmp/p.json' '$ex'" /dev/null
expect progress-terminal-one-file 0 "" -- bash -c '! script -qec "$0" /dev/null | grep -q "files/s"' "'$bin' check --fail-on never -o '$tmp/p.txt' '$ex/qinglan-county-2017.txt'"
expect progress-terminal-json 0 "" -- bash -c '! script -qec "$0" /dev/null | grep -q "files/s"' "'$bin' check --format json --fail-on never '$ex'"
echo "cli: $passes passed, $fails failed"
[[ $fails -eq 0 ]]
