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

python3 - "$base" "$work" <<'PY'
import json, random, sys, urllib.request, uuid
from concurrent.futures import ThreadPoolExecutor
base, work = sys.argv[1], sys.argv[2]
def call(method, path, body=None, token=None):
    request = urllib.request.Request(base + path, method=method, data=json.dumps(body).encode() if body else None,
                                     headers={"Content-Type": "application/json", **({"Authorization": "Bearer " + token} if token else {})})
    return json.load(urllib.request.urlopen(request)).get("data")
random.seed(11)
products = []
for page in random.sample(range(1, 101), 20):
    products += [p["id"] for p in call("GET", f"/api/v1/products?sort=newest&limit=100&page={page}")["products"] if p["stock"] >= 50]
def shopper(i):
    email = f"bench-{uuid.uuid4()}@example.com"           # registration answers 202 without tokens: sign in
    call("POST", "/api/v1/auth/register", {"email": email, "name": f"Shopper {i}", "password": "benchmark password 1"})
    token = call("POST", "/api/v1/auth/login", {"email": email, "password": "benchmark password 1"})["tokens"]["accessToken"]
    for product in random.sample(products, 5):
        call("POST", "/api/v1/cart/items", {"productId": product, "quantity": 1}, token)
    return token
with ThreadPoolExecutor(4) as pool:
    tokens = list(pool.map(shopper, range(200)))
open(f"{work}/tokens.txt", "w").write("\n".join(tokens) + "\n")
open(f"{work}/products.txt", "w").write("\n".join(products) + "\n")
PY

echo "| operation | requests/s | p50 ms | p90 ms | p99 ms | max ms | errors |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for mode in get add-guest add-user; do
  export BENCH_MODE="$mode" BENCH_TOKENS="$work/tokens.txt" BENCH_PRODUCTS="$work/products.txt"
  wrk -t2 -c"$connections" -d5s -s "$here/wrk-cart.lua" "$base" > /dev/null
  line=$(wrk -t2 -c"$connections" -d"$duration" --latency -s "$here/wrk-cart.lua" "$base" | grep '^RESULT')
  eval "${line#RESULT }"
  echo "| $mode | $rps | $p50_ms | $p90_ms | $p99_ms | $max_ms | $((errors + non2xx)) |"
done
rm -rf "$work"
