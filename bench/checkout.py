#!/usr/bin/env python3
"""Checkout under concurrent load against a running server (see docs/benchmarks.md).

Signs up N shoppers, fills each cart with one product, then places all N orders with C concurrent clients and
reports throughput and latency percentiles. Run twice to see what the oversell protection costs:
  --hot   every shopper buys the same product (every reservation contends for one stock row)
  (none)  each shopper buys a different product
Usage: bench/checkout.py http://127.0.0.1:8081 --shoppers 400 --concurrency 16 [--hot]
"""
import argparse, json, random, statistics, time, urllib.error, urllib.request, uuid
from concurrent.futures import ThreadPoolExecutor

parser = argparse.ArgumentParser()
parser.add_argument("base")
parser.add_argument("--shoppers", type=int, default=400)
parser.add_argument("--concurrency", type=int, default=16)
parser.add_argument("--hot", action="store_true")
args = parser.parse_args()

def call(method, path, body=None, token=None, headers=None):
    request = urllib.request.Request(args.base + path, method=method, data=json.dumps(body).encode() if body else None,
                                     headers={"Content-Type": "application/json", **(headers or {}),
                                              **({"Authorization": "Bearer " + token} if token else {})})
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, json.load(error)

random.seed(5)
products = [p["id"] for page in range(1, 11)
            for p in call("GET", f"/api/v1/products?sort=newest&limit=100&page={page}")[1]["data"]["products"]
            if p["stock"] >= 50]

def shopper(i):
    email = f"checkout-{uuid.uuid4()}@example.com"       # registration answers 202 without tokens: sign in
    call("POST", "/api/v1/auth/register", {"email": email, "name": f"Buyer {i}", "password": "benchmark password 1"})
    status, data = call("POST", "/api/v1/auth/login", {"email": email, "password": "benchmark password 1"})
    token = data["data"]["tokens"]["accessToken"]
    product = products[0] if args.hot else products[i % len(products)]
    call("POST", "/api/v1/cart/items", {"productId": product, "quantity": 1}, token)
    return token

with ThreadPoolExecutor(4) as pool:
    tokens = list(pool.map(shopper, range(args.shoppers)))

order = {"shippingAddress": {"recipient": "Bench Buyer", "line1": "1 Load Lane", "city": "Leeds",
                             "postalCode": "LS1 1AA", "country": "GB"}, "paymentMethod": "CARD", "cardToken": "tok_visa"}

def checkout(token):
    started = time.perf_counter()
    status, _ = call("POST", "/api/v1/orders", order, token, {"Idempotency-Key": str(uuid.uuid4())})
    return status, (time.perf_counter() - started) * 1000

started = time.perf_counter()
with ThreadPoolExecutor(args.concurrency) as pool:
    results = list(pool.map(checkout, tokens))
elapsed = time.perf_counter() - started
latencies = sorted(ms for _, ms in results)
pct = lambda p: latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))]
statuses = {}
for status, _ in results:
    statuses[status] = statuses.get(status, 0) + 1
print(f"| {'same product' if args.hot else 'different products'} | {len(results) / elapsed:.0f} | "
      f"{statistics.median(latencies):.1f} | {pct(90):.1f} | {pct(99):.1f} | {latencies[-1]:.1f} | {statuses} |")
