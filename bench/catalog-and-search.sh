#!/usr/bin/env bash
# Load test of catalog and search against a running server (closed model: wrk keeps N connections busy).
#
#   ./bazaar start --bazaar.data-dir=/tmp/bazaar-1m --bazaar.generate.products=1000000 \
#       --bazaar.rate-limit.enabled=false --server.port=8081      # once; wait for "Search index rebuilt"
#   bench/catalog-and-search.sh http://127.0.0.1:8081 30s 32
#
# Needs curl, python3 and wrk (Debian: apt-get install wrk). Prints one markdown table row per operation.
set -euo pipefail
base="${1:-http://127.0.0.1:8081}"
duration="${2:-30s}"
connections="${3:-32}"
work="$(mktemp -d)"
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/lib/wrk.sh"

python3 - "$base" "$work" <<'PY'
import json, random, sys, urllib.request
base, work = sys.argv[1], sys.argv[2]
get = lambda path: json.load(urllib.request.urlopen(base + path))["data"]
random.seed(7)
slugs = []
def walk(nodes):
    for n in nodes:
        slugs.append(n["slug"]); walk(n["children"])
walk(get("/api/v1/categories"))
ids = set()
while len(ids) < 30000:                                  # distinct products from across the catalog
    sort = random.choice(["price:asc", "price:desc", "rating:desc", "newest"])
    page = get(f"/api/v1/products?category={random.choice(slugs)}&sort={sort}&limit=100&page={random.randint(1, 100)}")
    ids.update(p["id"] for p in page["products"])
ids = sorted(ids)
random.shuffle(ids)
with open(f"{work}/details-cold.txt", "w") as f:
    f.writelines(f"/api/v1/products/{i}\n" for i in ids)
with open(f"{work}/details-hot.txt", "w") as f:
    f.writelines(f"/api/v1/products/{i}\n" for i in ids[:200])
with open(f"{work}/listing.txt", "w") as f:
    for _ in range(5000):
        lo = random.choice([0, 10, 25, 50, 100]); hi = lo + random.choice([25, 50, 100, 500])
        f.write(f"/api/v1/products?category={random.choice(slugs)}&minPrice={lo}&maxPrice={hi}"
                f"&sort={random.choice(['price:asc','price:desc','rating:desc','newest'])}&page={random.randint(1,5)}&limit=20\n")
words = ["laptop", "phone", "headphones", "wireless", "camera", "tent", "running shoes", "jacket", "coffee",
         "blender", "backpack", "watch", "keyboard", "monitor", "lamp", "novel", "puzzle", "serum", "drill",
         "garden hose", "bike", "yoga mat", "speaker", "labtop", "hedphones", "sofa", "mug", "charger"]
with open(f"{work}/search.txt", "w") as f:
    for _ in range(5000):
        q = random.choice(words).replace(" ", "%20")
        extra = random.choice(["", f"&category={random.choice(slugs)}", "&minPrice=20&maxPrice=200", "&sort=price:asc"])
        f.write(f"/api/v1/products/search?q={q}{extra}&page={random.randint(1,3)}&limit=20\n")
with open(f"{work}/suggest.txt", "w") as f:
    for _ in range(5000):
        w = random.choice(words); f.write(f"/api/v1/products/suggest?q={w[:random.randint(2, len(w))].replace(' ', '%20')}\n")
with open(f"{work}/ping.txt", "w") as f:
    f.write("/api/v1/ping\n")
PY

wrk_header
for operation in ${OPS:-ping details-hot details-cold listing search suggest}; do
  # a warm-up pass brings the JIT and caches to their steady state; cold details must meet unseen ids
  warmup=5s
  [ "$operation" != details-cold ] || warmup=0
  BENCH_PATHS="$work/$operation.txt" wrk_row "$operation" "$here/wrk-pick.lua" "$base" "$connections" "$duration" "$warmup"
done
rm -rf "$work"
