#!/usr/bin/env bash
# Load test of carts against a running server started as for bench/catalog-and-search.sh (1M products,
# rate limits off). Signs up 200 shoppers with 5 items each, then measures get cart and add to cart.
#   bench/cart.sh http://127.0.0.1:8081 30s 32
set -euo pipefail
base="${1:-http://127.0.0.1:8081}"
duration="${2:-30s}"
connections="${3:-32}"
work="$(mktemp -d)"
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/lib/wrk.sh"

python3 "$here/lib/shop.py" shoppers "$base" "$work" --products newest --count 200 --lines 5 --seed 11

wrk_header
for mode in get add-guest add-user; do
  export BENCH_MODE="$mode" BENCH_TOKENS="$work/tokens.txt" BENCH_PRODUCTS="$work/products.txt"
  wrk_row "$mode" "$here/wrk-cart.lua" "$base" "$connections" "$duration"
done
rm -rf "$work"
