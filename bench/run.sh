#!/usr/bin/env bash
# Benchmark: throughput, scaling, memory, start-up and detection of injected defects.
# usage: bench/run.sh [COUNT...]   (default: 10000 100000); BENCH_REPEATS=N (default 3);
#        BENCH_COLD=1 adds a run of each job count with the page cache dropped (needs root)
# Builds a Release ogicheck in build-bench/, generates COUNT synthetic reports per size with
# bench/generate.py (cached in $BENCH_DIR, default /tmp/ogicheck-bench), runs
# `ogicheck check --format json` over them with --jobs 1 and --jobs 2, alternating, BENCH_REPEATS
# times, and prints Markdown: each run's and the median wall time, MB/s and reports/s (by wall
# time and by CPU time) and peak RSS, the two-job speed-up, then the detection check
# (bench/detection.py), the start-up time (pack and schema load) and one ~20 KB report's wall
# time including start-up. bench/RESULTS.md records a run with the machine.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
command -v /usr/bin/time >/dev/null || { echo "bench: needs /usr/bin/time (Debian package 'time')" >&2; exit 2; }
cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DOGICHECK_BUILD_TESTS=OFF >/dev/null
cmake --build build-bench -j2 >/dev/null
bin=$PWD/build-bench/ogicheck
counts=("$@"); ((${#counts[@]})) || counts=(10000 100000)
work=${BENCH_DIR:-/tmp/ogicheck-bench}
mkdir -p "$work"

echo "## Machine"; echo; echo '```'
uname -srm; echo "processors: $(nproc)"; grep -m1 'model name' /proc/cpuinfo || true
free -h | head -2; echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "ogicheck $(git rev-parse --short HEAD), Release build"
echo '```'; echo

# run JOBS DIR OUT -> "wall_s cpu_s peak_rss_kb"; the findings JSON goes to OUT.
run() {
  local jobs=$1 dir=$2 out=$3 start end
  start=$(date +%s.%N)
  /usr/bin/time -f '%U %S %M' -o "$work/time.txt" \
    "$bin" check --format json --fail-on never --no-progress --jobs "$jobs" "$dir" > "$out" || true
  end=$(date +%s.%N)
  read -r user sys rss < <(tail -1 "$work/time.txt")
  echo "$(echo "$end - $start" | bc) $(echo "$user + $sys" | bc) $rss"
}

repeats=${BENCH_REPEATS:-3}
# The head of a table of runs, whose rows `row` prints.
table_head() {
  echo "| run | jobs | wall s | MB/s (wall) | reports/s (wall) | CPU s | MB/s per CPU-second | peak RSS MB |"
  echo "|---|---|---|---|---|---|---|---|"
}
# row RUN JOBS WALL CPU RSS_KB: one Markdown table row for $n reports of $bytes bytes.
row() {
  awk -v run="$1" -v j="$2" -v s="$3" -v c="$4" -v r="$5" -v b="$bytes" -v n="$n" 'BEGIN {
    printf "| %s | %d | %.2f | %.1f | %.0f | %.2f | %.1f | %.1f |\n", run, j, s, b / 1048576 / s,
           n / s, c, b / 1048576 / c, r / 1024 }'
}
# median COLUMN JOBS: the median of that column of $work/runs.txt ("JOBS WALL CPU RSS" lines)
# over the runs with JOBS jobs.
median() {
  awk -v j="$2" -v c="$1" '$1 == j { print $c }' "$work/runs.txt" | sort -g |
    awk '{ v[NR] = $1 } END { m = int((NR + 1) / 2); print NR % 2 ? v[m] : (v[m] + v[m + 1]) / 2 }'
}

status=0
for n in "${counts[@]}"; do
  dir=$work/gen-$n
  [[ -f $dir/manifest.jsonl ]] || python3 bench/generate.py "$dir" "$n" --seed 7 >/dev/null
  bytes=$(du -sb --apparent-size "$dir/reports" | cut -f1)
  echo "## $n reports ($(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1048576 }') MB, mean $((bytes / n / 1024)) KB)"; echo
  table_head
  # Read the set once before timing, so that --jobs 1 (timed first) does not pay alone for
  # filling the page cache from disk (where the cache holds the set at all).
  find "$dir/reports" -type f -exec cat {} + > /dev/null
  # --jobs 1 and --jobs 2 alternate, $repeats times: a shared VM's speed drifts from minute to
  # minute, and the medians of alternating runs see the same drift.
  : > "$work/runs.txt"
  for ((rep = 1; rep <= repeats; rep++)); do
    for jobs in 1 2; do
      # The first run's findings are kept for the detection check and the comparison; the
      # others overwrite one file (two files' worth of page cache, not six).
      out=$work/out.json
      ((rep > 1 || jobs > 1)) || out=$work/out-j1.json
      read -r secs cpu rss < <(run "$jobs" "$dir/reports" "$out")
      echo "$jobs $secs $cpu $rss" >> "$work/runs.txt"
      row "$rep" "$jobs" "$secs" "$cpu" "$rss"
      if ((rep == 1 && jobs == 2)); then
        cmp -s "$work/out-j1.json" "$out" && same=identical || { same=DIFFERENT; status=1; }
      fi
    done
  done
  for jobs in 1 2; do
    row "**median**" "$jobs" "$(median 2 "$jobs")" "$(median 3 "$jobs")" "$(median 4 "$jobs")"
  done
  echo
  speedups=$(awk '$1 == 1 { one = $2 } $1 == 2 { printf "%s%.2f×", n++ ? ", " : "", one / $2 }' "$work/runs.txt")
  awk -v a="$(median 2 1)" -v b="$(median 2 2)" -v runs="$speedups" 'BEGIN {
    printf "Speed-up with 2 jobs (median wall time of --jobs 1 / of --jobs 2): **%.2f×** (run by run: %s)\n", a / b, runs }'
  echo
  echo "Output of --jobs 1 and --jobs 2 (first runs): $same."
  echo
  # BENCH_COLD=1 (needs root): once more with each job count after dropping the page cache, as
  # a first run over reports fresh from disk is.
  if [[ ${BENCH_COLD:-0} == 1 ]]; then
    if [[ -w /proc/sys/vm/drop_caches ]]; then
      echo "Cold page cache (dropped before each run):"; echo
      table_head
      for jobs in 1 2; do
        sync; echo 3 > /proc/sys/vm/drop_caches
        read -r secs cpu rss < <(run "$jobs" "$dir/reports" "$work/out.json")
        row cold "$jobs" "$secs" "$cpu" "$rss"
      done
      echo
    else
      echo "BENCH_COLD=1: cannot drop the page cache (not root); no cold runs."; echo
    fi
  fi
  python3 bench/detection.py "$dir/manifest.jsonl" "$work/out-j1.json" || status=1
  echo
done

: > "$work/empty.txt"
# The first plain-text report of 18-22 KB (python, not `find | head`: SIGPIPE under pipefail).
one=$(python3 -c 'import os, sys; d = sys.argv[1]; print(next(os.path.join(d, f) for f in sorted(os.listdir(d))
  if f.endswith(".txt") and 18432 <= os.path.getsize(os.path.join(d, f)) <= 22528))' "$work/gen-${counts[0]}/reports")
echo "## Start-up and one report (wall time including process start-up, 50 runs each)"; echo
python3 - "$bin" "$work/empty.txt" "$one" <<'PY'
import os, subprocess, sys, time
bin, empty, one = sys.argv[1:4]
def median(path):
    times = []
    for _ in range(50):
        t = time.perf_counter()
        subprocess.run([bin, "check", "--format", "json", "--fail-on", "never", path],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - t)
    times.sort()
    return times[25] * 1000, times[0] * 1000, times[-1] * 1000
m, lo, hi = median(empty)
print(f"- start-up with an empty input (process start, loading the shipped packs and schemas): "
      f"median {m:.1f} ms (min {lo:.1f}, max {hi:.1f})")
m, lo, hi = median(one)
print(f"- one report ({os.path.basename(one)}, {os.path.getsize(one)} bytes): "
      f"median {m:.1f} ms (min {lo:.1f}, max {hi:.1f})")
PY
exit $status
