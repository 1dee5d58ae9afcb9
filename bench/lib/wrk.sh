# shellcheck shell=bash
# The closed-model measurement of the bench/*.sh scripts: wrk keeps CONNECTIONS busy, first for a warm-up whose
# figures are dropped, then for DURATION; the Lua script prints one RESULT line (bench/wrk-*.lua).
#   wrk_header
#   wrk_row LABEL SCRIPT BASE CONNECTIONS DURATION [WARMUP=5s, 0: none] [THREADS=2]   (env such as BENCH_PATHS
#   passes through)
wrk_header() {
  echo "| operation | requests/s | p50 ms | p90 ms | p99 ms | max ms | errors |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
}

wrk_row() {
  local label="$1" script="$2" base="$3" connections="$4" duration="$5" warmup="${6:-5s}" threads="${7:-2}"
  local line rps p50_ms p90_ms p99_ms max_ms errors non2xx
  if [ "$warmup" != 0 ]; then
    wrk -t"$threads" -c"$connections" -d"$warmup" -s "$script" "$base" > /dev/null
  fi
  line=$(wrk -t"$threads" -c"$connections" -d"$duration" --latency -s "$script" "$base" | grep '^RESULT')
  eval "${line#RESULT }"
  echo "| $label | $rps | $p50_ms | $p90_ms | $p99_ms | $max_ms | $((errors + non2xx)) |"
}
