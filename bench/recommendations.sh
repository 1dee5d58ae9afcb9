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

python3 - "$base" "$work" <<'PY'
import json, random, sys, urllib.error, urllib.request, uuid
from concurrent.futures import ThreadPoolExecutor
base, work = sys.argv[1], sys.argv[2]
def call(method, path, body=None, token=None):
    request = urllib.request.Request(base + path, method=method, data=json.dumps(body).encode() if body else None,
                                     headers={"Content-Type": "application/json", **({"Authorization": "Bearer " + token} if token else {})})
    return json.load(urllib.request.urlopen(request)).get("data")
random.seed(7)
popular = [r["product"]["id"] for r in call("GET", "/api/v1/recommendations?type=popular&limit=50")["recommendations"]]
def shopper(i):
    email = f"bench-{uuid.uuid4()}@example.com"           # registration answers 202 without tokens: sign in
    call("POST", "/api/v1/auth/register", {"email": email, "name": f"Shopper {i}", "password": "benchmark password 1"})
    token = call("POST", "/api/v1/auth/login", {"email": email, "password": "benchmark password 1"})["tokens"]["accessToken"]
    for product in random.sample(popular, 3):
        try:
            call("POST", "/api/v1/cart/items", {"productId": product, "quantity": 1}, token)
        except urllib.error.HTTPError as e:
            if e.code != 409:  # 409: out of stock, a best seller can be
                raise
    return token
with ThreadPoolExecutor(4) as pool:
    tokens = list(pool.map(shopper, range(200)))
open(f"{work}/tokens.txt", "w").write("\n".join(tokens) + "\n")
open(f"{work}/products.txt", "w").write("\n".join(popular) + "\n")
PY

echo "| operation | requests/s | p50 ms | p90 ms | p99 ms | max ms | errors |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for mode in personalized similar popular; do
  export BENCH_MODE="$mode" BENCH_TOKENS="$work/tokens.txt" BENCH_PRODUCTS="$work/products.txt"
  wrk -t2 -c"$connections" -d5s -s "$here/wrk-recommendations.lua" "$base" > /dev/null
  line=$(wrk -t2 -c"$connections" -d"$duration" --latency -s "$here/wrk-recommendations.lua" "$base" | grep '^RESULT')
  eval "${line#RESULT }"
  echo "| $mode | $rps | $p50_ms | $p90_ms | $p99_ms | $max_ms | $((errors + non2xx)) |"
done
rm -rf "$work"
