#!/usr/bin/env bash
# Benchmark: throughput, scaling, memory, start-up and detection of injected defects.
# usage: bench/run.sh [COUNT...]   (default: 10000 100000)
# Writes the figures to stdout in Markdown; bench/RESULTS.md records a run with the machine.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
command -v /usr/bin/time >/dev/null || { apt-get install -y -qq time >/dev/null; }
cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DOGICHECK_BUILD_TESTS=OFF >/dev/null
cmake --build build-bench -j2 >/dev/null
bin=$PWD/build-bench/ogicheck
counts=("$@"); ((${#counts[@]})) || counts=(10000 100000)
work=${BENCH_DIR:-/tmp/ogicheck-bench}
mkdir -p "$work"

echo "## Machine"; echo; echo '```'; uname -srm; nproc; grep -m1 'model name' /proc/cpuinfo || true; free -h | head -2; echo '```'; echo

measure() {  # measure LABEL ARGS... -> prints a table row; findings JSON goes to $work/out.json
  local label=$1; shift
  local start end rss
  start=$(date +%s.%N)
  /usr/bin/time -f '%M' -o "$work/time.txt" "$bin" check --format json --fail-on never "$@" > "$work/out.json" || true
  end=$(date +%s.%N)
  rss=$(tail -1 "$work/time.txt")
  echo "$label $(echo "$end - $start" | bc) $rss"
}

for n in "${counts[@]}"; do
  dir=$work/gen-$n
  [[ -f $dir/manifest.jsonl ]] || python3 bench/generate.py "$dir" "$n" --seed 7 >/dev/null
  bytes=$(du -sb "$dir/reports" | cut -f1)
  echo "## $n reports ($((bytes / 1048576)) MB)"; echo
  echo "| jobs | wall s | MB/s | reports/s | peak RSS MB |"; echo "|---|---|---|---|---|"
  for jobs in 1 2; do
    read -r _ secs rss < <(measure "j$jobs" --jobs "$jobs" "$dir/reports")
    awk -v j="$jobs" -v s="$secs" -v b="$bytes" -v n="$n" -v r="$rss" \
      'BEGIN { printf "| %d | %.2f | %.1f | %.0f | %.0f |\n", j, s, b / 1048576 / s, n / s, r / 1024 }'
  done
  echo
  python3 bench/detection.py "$dir/manifest.jsonl" "$work/out.json"
  echo
done

one=$(ls "$work"/gen-"${counts[0]}"/reports/*.txt | head -1)
echo "## One report, wall time including start-up (hyperfine-style, 50 runs)"; echo
python3 - "$bin" "$one" <<'PY'
import subprocess, sys, time
bin, path = sys.argv[1], sys.argv[2]
times = []
for _ in range(50):
    t = time.perf_counter(); subprocess.run([bin, "check", "--format", "json", "--fail-on", "never", path], stdout=subprocess.DEVNULL); times.append(time.perf_counter() - t)
times.sort()
print(f"median {times[25]*1000:.1f} ms, min {times[0]*1000:.1f} ms, max {times[-1]*1000:.1f} ms")
PY
