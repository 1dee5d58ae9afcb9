#!/usr/bin/env bash
# Load test of recommendations against a running demo store (./bazaar start with the demo data, rate limits off):
# signs up 200 shoppers who each put 3 of the demo's best sellers in their cart (so they have a history), then
# measures personalized (first read of each user computes, later reads hit the cache), similar and popular.
#   bench/recommendations.sh http://127.0.0.1:8090 30s 32
set -euo pipefail
base="${1:-http://127.0.0.1:8090}"
duration="${2:-30s}"
connections="${3:-32}"
work="$(mktemp -d)"
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/lib/wrk.sh"

python3 "$here/lib/shop.py" shoppers "$base" "$work" --products popular --count 200 --lines 3 --seed 7

wrk_header
for mode in personalized similar popular; do
  export BENCH_MODE="$mode" BENCH_TOKENS="$work/tokens.txt" BENCH_PRODUCTS="$work/products.txt"
  wrk_row "$mode" "$here/wrk-recommendations.lua" "$base" "$connections" "$duration"
done
rm -rf "$work"
