"""What the bench/*.sh scripts do through the API before measuring: calls, and shoppers with carts.

    python3 bench/lib/shop.py shoppers BASE OUT_DIR --products newest|popular [--count 200] [--lines 5] [--seed 11]

writes OUT_DIR/tokens.txt (one access token per shopper) and OUT_DIR/products.txt (the products put in carts).
"""
import argparse
import json
import random
import urllib.error
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor

PASSWORD = "benchmark password 1"


def call(base, method, path, body=None, token=None):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    request = urllib.request.Request(base + path, method=method,
                                     data=json.dumps(body).encode() if body else None, headers=headers)
    return json.load(urllib.request.urlopen(request)).get("data")


def sign_up(base, name):
    """A new shopper's access token: registration answers 202 without tokens, so sign in."""
    email = f"bench-{uuid.uuid4()}@example.com"
    call(base, "POST", "/api/v1/auth/register", {"email": email, "name": name, "password": PASSWORD})
    return call(base, "POST", "/api/v1/auth/login", {"email": email, "password": PASSWORD})["tokens"]["accessToken"]


def stocked_newest(base, rng, pages=20, min_stock=50):
    """Products with stock to spare from random pages of the newest listing."""
    products = []
    for page in rng.sample(range(1, 101), pages):
        # pages past the end of a small catalog are empty: they add nothing
        listing = call(base, "GET", f"/api/v1/products?sort=newest&limit=100&page={page}")["products"]
        products += [p["id"] for p in listing if p["stock"] >= min_stock]
    return products


def popular(base):
    return [r["product"]["id"] for r in call(base, "GET", "/api/v1/recommendations?type=popular&limit=50")["recommendations"]]


def shoppers(base, products, count, lines, rng):
    """COUNT shoppers, each with LINES of PRODUCTS in the cart (a product out of stock, 409, is skipped)."""
    picks = [rng.sample(products, min(lines, len(products))) for _ in range(count)]

    def shopper(i):
        token = sign_up(base, f"Shopper {i}")
        for product in picks[i]:
            try:
                call(base, "POST", "/api/v1/cart/items", {"productId": product, "quantity": 1}, token)
            except urllib.error.HTTPError as e:
                if e.code != 409:
                    raise
        return token

    with ThreadPoolExecutor(4) as pool:
        return list(pool.map(shopper, range(count)))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("command", choices=["shoppers"])
    parser.add_argument("base")
    parser.add_argument("out")
    parser.add_argument("--products", choices=["newest", "popular"], default="newest")
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--lines", type=int, default=5)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    products = stocked_newest(args.base, rng) if args.products == "newest" else popular(args.base)
    tokens = shoppers(args.base, products, args.count, args.lines, rng)
    with open(f"{args.out}/tokens.txt", "w") as f:
        f.write("\n".join(tokens) + "\n")
    with open(f"{args.out}/products.txt", "w") as f:
        f.write("\n".join(products) + "\n")


if __name__ == "__main__":
    main()
