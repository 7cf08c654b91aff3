#!/usr/bin/env bash
# The whole-process figures of docs/PERFORMANCE.md, each beside its goal.
#
#   scripts/perf.sh [RUNS]        (default 10 runs per figure; medians are printed)
#
# Builds the release binary, generates the large inputs (a 20,000-event review, why chains
# 10,000 and 40,000 deep, 11 MB of prose, 40,000 flagged lines, a 136 KB line, 10,000
# review files) into $PERF_INPUTS (default: a folder under the temporary folder, kept for
# the next run), and times waterline against CPython's `tomllib` and `waterline --version`
# in the same run. Uses hyperfine when it is installed, else a plain timing loop; peak
# memory comes from /usr/bin/time. The figures that need no process (the home list, the
# follow-up view, recurrence, opening against the toml crate's parse) are divan
# benchmarks: `cargo bench --bench scale`.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${1:-10}
INPUTS=${PERF_INPUTS:-${TMPDIR:-/tmp}/waterline-perf-inputs}
BIN=target/release/waterline
export WATERLINE_HOME
WATERLINE_HOME=$(mktemp -d)
trap 'rm -rf "$WATERLINE_HOME"' EXIT

cargo build --release --quiet --bin waterline --example perf_inputs
mkdir -p "$INPUTS"
target/release/examples/perf_inputs "$INPUTS"
: > "$INPUTS/empty.txt"

# Median wall time in seconds of a command (given as words), over $RUNS runs. With
# hyperfine, the mean CPU time (user + system) is kept in $CPU too: on a shared machine the
# wall time waits for a core, and the CPU time is what the work itself costs.
CPU=""
median() {
  if command -v hyperfine >/dev/null; then
    local json
    json=$(mktemp)
    # One command line, each word quoted as the shell would, for hyperfine to split again.
    hyperfine -N -i --warmup 2 --runs "$RUNS" --export-json "$json" -- "$(printf '%q ' "$@")" \
      >/dev/null 2>&1 || true
    CPU=$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print(r["user"]+r["system"])' "$json")
    python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["median"])' "$json"
    rm -f "$json"
  else
    local times=()
    for _ in $(seq "$RUNS"); do
      local t0 t1
      t0=$(date +%s%N)
      "$@" >/dev/null 2>&1 || true
      t1=$(date +%s%N)
      times+=("$(( t1 - t0 ))")
    done
    python3 -c 'import statistics,sys; print(statistics.median(map(int,sys.argv[1:]))/1e9)' "${times[@]}"
  fi
}

# Peak resident memory in MB of a command, the median of three runs.
peak() {
  local kb=() out
  out=$(mktemp)
  for _ in 1 2 3; do
    /usr/bin/time -o "$out" -f '%M' "$@" >/dev/null 2>&1 || true
    kb+=("$(tail -1 "$out")")
  done
  rm -f "$out"
  python3 -c 'import statistics,sys; print(round(statistics.median(map(int,sys.argv[1:]))/1024,1))' "${kb[@]}"
}

row() { printf '%-52s %-34s %s\n' "$1" "$2" "$3"; }
# Times a command into $T (median wall) and $C (CPU), without a subshell.
timed() {
  local f
  f=$(mktemp)
  median "$@" > "$f"
  T=$(cat "$f")
  C=${CPU:-$T}
  rm -f "$f"
}
both() { echo "$(calc "round($1, 3)") s (CPU $(calc "round($2, 3)") s)"; }
calc() { python3 -c "print($1)"; }

echo "waterline $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $(date +%F), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), medians of $RUNS runs"
echo
row "figure" "measured" "goal"
row "------" "--------" "----"

review="$INPUTS/review-20000.toml"
size_mb=$(calc "round($(stat -c %s "$review")/1048576, 2)")

timed "$BIN" check "$INPUTS/chain-10000.toml" --format json; t10=$T; c10=$C
timed "$BIN" check "$INPUTS/chain-40000.toml" --format json; t40=$T; c40=$C
row "check, 10,000-deep why chain" "$(both "$t10" "$c10")" "≤ 0.2 s"
row "check, 40,000-deep chain" "$(both "$t40" "$c40")" "linear: CPU ×$(calc "round($c40/$c10, 1)") for ×4"

timed "$BIN" check "$review" --format json; tc=$T; cc=$C
timed python3 -c "import tomllib,sys; tomllib.load(open(sys.argv[1],'rb'))" "$review"; tp=$T; cp=$C
row "check --format json, 20,000-event review ($size_mb MB)" "$(both "$tc" "$cc")" "≤ tomllib ÷ 3"
row "  tomllib parse of the same file" "$(both "$tp" "$cp")" "÷ $(calc "round($tp/$tc, 1)") wall, ÷ $(calc "round($cp/$cc, 1)") CPU; ≥ 3"
row "  peak memory" "$(peak "$BIN" check "$review" --format json) MB" "≤ $(calc "round(3*$size_mb+15, 1)") MB"

timed "$BIN" --version; tv=$T; cv=$C
timed "$BIN" lint "$INPUTS/empty.txt"; te=$T; ce=$C
row "lint start-up, empty input (− --version)" "$(calc "round(($te-$tv)*1000, 1)") ms (CPU $(calc "round(($ce-$cv)*1000, 1)") ms)" "≤ 3 ms"

prose_mb=$(calc "round($(stat -c %s "$INPUTS/prose-11mb.txt")/1048576, 1)")
timed "$BIN" lint "$INPUTS/prose-11mb.txt" --format json; tl=$T; cl=$C
row "lint --format json, $prose_mb MB of prose" "$(calc "round($prose_mb/$tl)") MB/s (CPU: $(calc "round($prose_mb/$cl)"))" "≥ 100 MB/s"
row "  peak memory" "$(peak "$BIN" lint "$INPUTS/prose-11mb.txt" --format json) MB" "≤ $(calc "round(2*$prose_mb+20)") MB"

timed "$BIN" lint "$INPUTS/flagged-40000.txt" --format json; tj=$T; cj=$C
timed "$BIN" lint "$INPUTS/flagged-40000.txt"; tt=$T; ct=$C
row "lint text, 40,000 flagged lines" "$(both "$tt" "$ct")" "×$(calc "round($tt/$tj, 2)") the JSON time; ≤ ×2"

bytes=$("$BIN" lint "$INPUTS/line-136kb.txt" | wc -c || true)
row "lint text, one 136 KB line: output" "$(calc "round($bytes/1048576, 2)") MB" "≤ 2 MB"

timed "$BIN" actions --dir "$INPUTS/library" --today 2026-01-01 --format json; ta=$T; ca=$C
row "actions --dir, 10,000 reviews" "$(both "$ta" "$ca")" "≤ 3 s"
row "  peak memory" "$(peak "$BIN" actions --dir "$INPUTS/library" --today 2026-01-01 --format json) MB" "—"
