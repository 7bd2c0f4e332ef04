#!/usr/bin/env bash
# The nightly job's benchmark (not a test): generates a world once, then times whole processes of
# bin/salescomp, each in a fresh JVM, and prints a table of their steps and stages from the job's log.
#
#   bench/run-benchmark.sh [--scale 10] [--data DIR] [--work DIR] [--date 2026-12-05] [--tiny] [--jfr]
#
# --scale S   the generator's scale (1 = 100,000 deals over 24 months; 10 = 1M; 100 = 10M)
# --data DIR  where the world is generated, once (default bench-data/scale-S); reused when it holds sources.conf
# --work DIR  logs and the lakehouse, emptied first (default bench-work/scale-S)
# --date D    the nightly run's logical date on the 24-month history (default 2026-12-05)
# --tiny      instead: a two-deal world (one month), its run and a `sql "select 1"` on it
# --jfr       also record each process with Java Flight Recorder ($work/NAME.jfr) and print the JIT
#             compilers' total time and the garbage collections' pauses (the recording costs a few percent)
#
# Measured: the 24-month backfill (run --from 2025-01 --to 2026-12), then the nightly run --date D on
# the history the backfill left. Whole-process wall time and peak resident memory come from
# /usr/bin/time; the job logs each step (StepClock: session, gate, model, publish, ...), each model
# stage (Stages) and each table's commit (DeltaPublisher), and the peak heap. Run it from the checkout's
# root on an otherwise idle machine; on a shared one compare two builds back to back in one sitting.
set -euo pipefail

scale=10 data="" work="" date=2026-12-05 tiny=false jfr=false
while [[ $# -gt 0 ]]; do
  case "$1" in
    --scale) scale="$2"; shift 2 ;;
    --data) data="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    --date) date="$2"; shift 2 ;;
    --tiny) tiny=true; shift ;;
    --jfr) jfr=true; shift ;;
    -h|--help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run-benchmark: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
if $tiny; then
  name=tiny; scale=0.00002; months=1; from=2025-01; to=2025-01
else
  name="scale-$scale"; months=24; from=2025-01; to=2026-12
fi
data="${data:-bench-data/$name}"
work="${work:-bench-work/$name}"
rm -rf "$work"; mkdir -p "$work"
over="$work/lakehouse.conf"
echo "salescomp.lakehouse.root = \"$work/lakehouse\"" > "$over"
conf=(--conf conf/local.conf --conf "$data/sources.conf" --conf "$over")

# builds target/ when needed, outside the timings
bin/salescomp --version > /dev/null
if [[ ! -f "$data/sources.conf" ]]; then
  echo "generating scale $scale ($months months) into $data ..."
  bin/salescomp generate --out "$data" --scale "$scale" --months "$months" > /dev/null
fi

# timed NAME ARGS...: one whole process of bin/salescomp; its log in $work/NAME.log
timed() {
  local name="$1"; shift
  local recording=()
  if $jfr; then
    recording=("JDK_JAVA_OPTIONS=-XX:StartFlightRecording=filename=$work/$name.jfr,settings=profile")
  fi
  env "${recording[@]}" /usr/bin/time -f "%e %U %S %M" -o "$work/$name.time" bin/salescomp "$@" \
    > "$work/$name.log" 2>&1 ||
    { echo "$name failed (see $work/$name.log)" >&2; tail -5 "$work/$name.log" >&2; exit 1; }
  read -r wall user sys rss < "$work/$name.time"
  printf '%-10s %8.1f s  CPU %6.1f s  peak RSS %6d MiB  %s\n' "$name" "$wall" \
    "$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.1f", u + s }')" $((rss / 1024)) "$(grep -o 'peak heap [0-9]* MiB' "$work/$name.log" | tail -1)"
  if $jfr; then
    printf '%-10s JIT compilers %s in %s compilations; GC pauses %s\n' "" \
      "$(jfr print --events jdk.CompilerStatistics "$work/$name.jfr" | sed -n 's/.*totalTimeSpent = //p' | tail -1)" \
      "$(jfr print --events jdk.CompilerStatistics "$work/$name.jfr" | sed -n 's/.* compileCount = //p' | tail -1)" \
      "$(jfr print --events jdk.GCPhasePause "$work/$name.jfr" |
          awk '/duration =/ { v = $3; if ($4 == "s") v *= 1000; t += v } END { printf "%.1f s", t / 1000 }')"
  fi
}

# the table of one log: steps and stages in the order they ended, commits at the end
table() {
  echo
  echo "$1: seconds per step (model stages and table commits inside 'model' and 'publish')"
  sed -nE 's/.*StepClock: step ([a-z_]+) in ([0-9.]+) s.*/  step    \1 \2/p;
           s/.*Stages: stage ([a-z_]+): ([0-9]+) rows in ([0-9.]+) s.*/  stage     \1 \3 (\2 rows)/p;
           s/.*DeltaPublisher: published ([a-z_]+): (.*) in ([0-9.]+) s.*/  commit    \1 \3 (\2)/p' "$work/$1.log" |
    awk '{ printf "%-8s %-26s %7s s %s %s %s %s\n", $1, $2, $3, $4, $5, $6, $7 }'
}

if $tiny; then
  timed run run --from "$from" --to "$to" "${conf[@]}"
  timed sql sql "${conf[@]}" "select 1"
  table run
  exit 0
fi
timed backfill run --from "$from" --to "$to" "${conf[@]}"
timed nightly run --date "$date" "${conf[@]}"
table backfill
table nightly
