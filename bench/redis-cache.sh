#!/usr/bin/env bash
# Product details and get-cart against a running server, to compare the cache in process (Caffeine) with the
# cache in Redis (docs/scale-out.md). Works on the demo catalog. Start the server twice on the same data directory,
#   ./bazaar start --bazaar.data-dir=/tmp/bazaar-bench --bazaar.rate-limit.enabled=false --server.port=8091
#   ... --spring.data.redis.host=127.0.0.1 --spring.data.redis.port=6390           # the Redis run
# and run this against each:
#   bench/redis-cache.sh http://127.0.0.1:8091 20s 32
# Needs python3 and wrk. Prints one markdown table row per operation.
set -euo pipefail
base="${1:-http://127.0.0.1:8091}"
duration="${2:-20s}"
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
random.seed(7)
products, page = [], 1
while True:                                              # the whole (demo) catalog, newest first
    batch = call("GET", f"/api/v1/products?sort=newest&limit=100&page={page}")["products"]
    if not batch or len(products) >= 10000:
        break
    products += batch; page += 1
with open(f"{work}/details.txt", "w") as f:
    f.writelines(f"/api/v1/products/{p['id']}\n" for p in random.sample(products, min(3000, len(products))))
stocked = [p["id"] for p in products if p["stock"] >= 50]
def shopper(i):
    email = f"bench-{uuid.uuid4()}@example.com"           # registration answers 202 without tokens: sign in
    call("POST", "/api/v1/auth/register", {"email": email, "name": f"Shopper {i}", "password": "benchmark password 1"})
    token = call("POST", "/api/v1/auth/login", {"email": email, "password": "benchmark password 1"})["tokens"]["accessToken"]
    for product in random.sample(stocked, 5):
        call("POST", "/api/v1/cart/items", {"productId": product, "quantity": 1}, token)
    return token
with ThreadPoolExecutor(4) as pool:
    tokens = list(pool.map(shopper, range(200)))
open(f"{work}/tokens.txt", "w").write("\n".join(tokens) + "\n")
open(f"{work}/products.txt", "w").write("\n".join(stocked) + "\n")
PY

echo "| operation | requests/s | p50 ms | p90 ms | p99 ms | max ms | errors |"
echo "|---|---:|---:|---:|---:|---:|---:|"
BENCH_PATHS="$work/details.txt" wrk -t2 -c"$connections" -d10s -s "$here/wrk-pick.lua" "$base" > /dev/null
line=$(BENCH_PATHS="$work/details.txt" wrk -t2 -c"$connections" -d"$duration" --latency -s "$here/wrk-pick.lua" "$base" | grep '^RESULT')
eval "${line#RESULT }"
echo "| product details (3,000 products) | $rps | $p50_ms | $p90_ms | $p99_ms | $max_ms | $((errors + non2xx)) |"
export BENCH_MODE=get BENCH_TOKENS="$work/tokens.txt" BENCH_PRODUCTS="$work/products.txt"
wrk -t2 -c"$connections" -d10s -s "$here/wrk-cart.lua" "$base" > /dev/null
line=$(wrk -t2 -c"$connections" -d"$duration" --latency -s "$here/wrk-cart.lua" "$base" | grep '^RESULT')
eval "${line#RESULT }"
echo "| get cart (200 shoppers, 5 lines) | $rps | $p50_ms | $p90_ms | $p99_ms | $max_ms | $((errors + non2xx)) |"
rm -rf "$work"
