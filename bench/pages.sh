#!/usr/bin/env bash
# Server time of the storefront's pages (home, search, category, product) on the demo catalog, once warm, written
# for docs/benchmarks.md. Start the store first (./bazaar start, demo catalog), then:
#   bench/pages.sh http://127.0.0.1:8080 30s 4
# A few connections keep the machine below saturation, so latency is the server's time, not a queue's. Each page
# kind cycles over many paths (queries, categories, products), so no single cached answer is measured.
set -euo pipefail
base="${1:-http://127.0.0.1:8080}"
duration="${2:-30s}"
connections="${3:-4}"
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 - "$base" "$work" <<'PY'
import json, random, sys, urllib.request, urllib.parse
base, work = sys.argv[1], sys.argv[2]
def get(path):
    return json.load(urllib.request.urlopen(base + path))["data"]
random.seed(7)
products = [p["id"] for page in range(1, 11) for p in get(f"/api/v1/products?limit=100&page={page}")["products"]]
categories = [c["slug"] for c in get("/api/v1/categories")]
words = ["heart", "mug", "bag", "candle", "christmas", "vintage", "garden", "cake", "light", "box", "card", "tin",
         "wooden", "glass", "paper", "lunch", "doormat", "clock", "jar", "set"]
kinds = {
    "home": ["/"] * 50,
    "search": [f"/search?q={urllib.parse.quote(w)}" for w in words] + [f"/search?q={w}&sort=price:asc" for w in words],
    "category": [f"/categories/{slug}" for slug in categories],
    "product": [f"/products/{pid}" for pid in random.sample(products, 500)],
}
for kind, paths in kinds.items():
    with open(f"{work}/{kind}.txt", "w") as out:
        out.write("\n".join(paths) + "\n")
PY

echo "| Page | Requests/s | p50 ms | p95 ms | p99 ms | Errors |"
echo "|---|---|---|---|---|---|"
for kind in home search category product; do
  # warm-up: the JIT, the caches and the templates
  BENCH_PATHS="$work/$kind.txt" wrk -t1 -c"$connections" -d10s -s "$here/wrk-pick.lua" "$base" > /dev/null
  result=$(BENCH_PATHS="$work/$kind.txt" wrk -t1 -c"$connections" -d"$duration" --latency -s "$here/wrk-pick.lua" "$base" | grep '^RESULT')
  python3 - "$kind" "$result" <<'PY'
import sys
kind, line = sys.argv[1], sys.argv[2]
values = dict(part.split("=") for part in line.split()[1:])
print(f"| {kind} | {float(values['rps']):.0f} | {values['p50_ms']} | {values['p95_ms']} | {values['p99_ms']} | {int(values['errors']) + int(values['non2xx'])} |")
PY
done
# what a browser downloads for a product page before images: the HTML, its stylesheet and its scripts, compressed
python3 - "$base" "$(sed -n 1p "$work/product.txt")" <<'PY'
import gzip, re, sys, urllib.request
base, path = sys.argv[1], sys.argv[2]
def fetch(url):
    request = urllib.request.Request(base + url, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request) as response:
        body = response.read()
        raw = gzip.decompress(body) if response.headers.get("Content-Encoding") == "gzip" else body
        return len(body), raw
sent, html = fetch(path)
total_sent, total_raw = sent, len(html)
for asset in re.findall(rb'(?:href|src)="(/(?:assets|webjars)/[^"]+\.(?:css|js))"', html):
    asset_sent, asset_raw = fetch(asset.decode())
    total_sent += asset_sent
    total_raw += len(asset_raw)
print()
print(f"Product page before images: {total_sent / 1024:.1f} KB transferred ({total_raw / 1024:.1f} KB uncompressed): HTML, CSS and JS")
PY
