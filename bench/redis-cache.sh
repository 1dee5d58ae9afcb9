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
source "$here/lib/wrk.sh"

python3 - "$base" "$work" "$here/lib" <<'PY'
import random, sys
sys.path.insert(0, sys.argv[3])
from shop import call, shoppers
base, work = sys.argv[1], sys.argv[2]
rng = random.Random(7)
products, page = [], 1
while True:                                              # the whole (demo) catalog, newest first
    batch = call(base, "GET", f"/api/v1/products?sort=newest&limit=100&page={page}")["products"]
    if not batch or len(products) >= 10000:
        break
    products += batch; page += 1
with open(f"{work}/details.txt", "w") as f:
    f.writelines(f"/api/v1/products/{p['id']}\n" for p in rng.sample(products, min(3000, len(products))))
stocked = [p["id"] for p in products if p["stock"] >= 50]
open(f"{work}/tokens.txt", "w").write("\n".join(shoppers(base, stocked, 200, 5, rng)) + "\n")
open(f"{work}/products.txt", "w").write("\n".join(stocked) + "\n")
PY

wrk_header
BENCH_PATHS="$work/details.txt" wrk_row "product details (3,000 products)" "$here/wrk-pick.lua" "$base" "$connections" "$duration" 10s
export BENCH_MODE=get BENCH_TOKENS="$work/tokens.txt" BENCH_PRODUCTS="$work/products.txt"
wrk_row "get cart (200 shoppers, 5 lines)" "$here/wrk-cart.lua" "$base" "$connections" "$duration" 10s
rm -rf "$work"
