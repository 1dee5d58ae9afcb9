#!/usr/bin/env python3
"""The fixture files the Gatling simulation feeds from, drawn from a running, seeded Bazaar (bench/run.sh calls this).

  products.csv     productId: half drawn in proportion to popularity (what shoppers look at), half uniformly
                   from the whole catalog (the long tail, mostly cache misses)
  addable.csv      addableId: active products with plenty of stock, in proportion to popularity
  searches.csv     searchPath: queries (product words, brands, typos) with filters, sorts and pages
  listings.csv     listingPath: category pages with sorts, price ranges and pages
  shoppers-<pool>.csv  token: access tokens of signed-in shoppers, one pool per operation that needs them
                   (cart: shoppers who have a cart; add, recommendations, mixed: others), disjoint so that one
                   operation's writes never change what another reads

Usage: fixtures.py BASE_URL OUT_DIR --psql "psql -h 127.0.0.1 -p PORT -U postgres bazaar" --sample N
                   --pool cart=1000 --pool add=2000 ... --password PASSWORD
"""
import argparse
import csv
import json
import random
import shlex
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

WORDS = ["laptop", "phone", "headphones", "wireless", "camera", "tent", "running shoes", "jacket", "coffee",
         "blender", "backpack", "watch", "keyboard", "monitor", "lamp", "novel", "puzzle", "serum", "drill",
         "garden hose", "bike", "yoga mat", "speaker", "labtop", "hedphones", "sofa", "mug", "charger"]
SORTS = ["price:asc", "price:desc", "rating:desc", "newest"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("base")
    parser.add_argument("out", type=Path)
    parser.add_argument("--psql", required=True, help="the psql command line of the server's database")
    parser.add_argument("--sample", type=int, default=20000, help="products in each half of products.csv")
    parser.add_argument("--pool", action="append", default=[], help="NAME=SIZE of a pool of signed-in shoppers")
    parser.add_argument("--password", required=True, help="the shoppers' password (bench/gatling/seed-shoppers.sql)")
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--token-cache", type=Path,
                        help="keep the tokens here and reuse them for 8 hours (signing in costs an Argon2 hash each)")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    random.seed(args.seed)
    psql = shlex.split(args.psql)

    def query(sql):
        result = subprocess.run(psql + ["-X", "-A", "-t", "-q", "-c", sql], check=True, capture_output=True, text=True)
        return [line.split("|") for line in result.stdout.splitlines() if line]

    # Weighted sampling without replacement (Efraimidis-Spirakis): the smallest -ln(u)/weight win.
    popular = query(f"SELECT id FROM products WHERE active AND popularity > 0 "
                    f"ORDER BY -ln(random()) / popularity LIMIT {args.sample}")
    tail = query(f"SELECT id FROM products WHERE active ORDER BY random() LIMIT {args.sample}")
    ids = [row[0] for row in popular + tail]
    random.shuffle(ids)
    write(args.out / "products.csv", "productId", ids)

    addable = query(f"SELECT p.id FROM products p JOIN inventory_items i ON i.product_id = p.id "
                    f"WHERE p.active AND p.popularity > 0 AND i.on_hand - i.reserved >= 50 "
                    f"ORDER BY -ln(random()) / p.popularity LIMIT {args.sample}")
    write(args.out / "addable.csv", "addableId", [row[0] for row in addable])

    slugs = [row[0] for row in query("SELECT slug FROM categories ORDER BY slug")]
    brands = [row[0] for row in query("SELECT brand FROM products WHERE active AND brand IS NOT NULL "
                                      "GROUP BY brand ORDER BY count(*) DESC LIMIT 40")]
    write(args.out / "searches.csv", "searchPath", [search_path(slugs, brands) for _ in range(5000)])
    write(args.out / "listings.csv", "listingPath", [listing_path(slugs) for _ in range(5000)])

    for pool in args.pool:
        name, size = pool.split("=")
        target = args.out / f"shoppers-{name}.csv"
        cached = args.token_cache / f"shoppers-{name}-{size}.csv" if args.token_cache else None
        if cached and cached.exists() and time.time() - cached.stat().st_mtime < 8 * 3600:
            shutil.copy(cached, target)
            print(f"  {name}: {size} shoppers' tokens reused from {cached}")
            continue
        emails = [row[0] for row in query(pool_query(name, int(size)))]
        if len(emails) < int(size):
            sys.exit(f"Only {len(emails)} shoppers available for the {name} pool (asked for {size}): "
                     f"seed more users (BENCH_USERS) or ask for fewer")
        started = time.time()
        with ThreadPoolExecutor(4) as executor:
            tokens = list(executor.map(lambda email: sign_in(args.base, email, args.password), emails))
        write(target, "token", tokens)
        if cached:
            cached.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(target, cached)
        print(f"  {name}: {len(tokens)} shoppers signed in ({time.time() - started:.0f} s)")


def pool_query(name, size):
    """Shoppers are split into quarters by number, one quarter per pool, so pools never share a shopper."""
    quarter = {"cart": 0, "add": 1, "recommendations": 2, "mixed": 3}[name]
    number = "split_part(split_part(u.email, '@', 1), '-', 2)::int"
    has_cart = "AND EXISTS (SELECT 1 FROM carts c JOIN cart_items i ON i.cart_id = c.id WHERE c.user_id = u.id)" \
        if name == "cart" else ""
    return (f"SELECT u.email FROM users u WHERE u.email LIKE 'shopper-%@bench.bazaar.local' "
            f"AND {number} % 4 = {quarter} {has_cart} ORDER BY {number} LIMIT {size}")


def search_path(slugs, brands):
    roll = random.random()
    if roll < 0.6:
        q = random.choice(WORDS)
    elif roll < 0.8:
        q = random.choice(brands) if brands else random.choice(WORDS)
    else:
        q = (random.choice(brands) + " " if brands else "") + random.choice(WORDS)
    extra = random.choice(["", "", f"&category={random.choice(slugs)}", "&minPrice=20&maxPrice=200",
                           f"&sort={random.choice(SORTS)}"])
    return (f"/api/v1/products/search?q={urllib.request.quote(q)}{extra}"
            f"&page={random.choice([1, 1, 1, 2, 3])}&limit=20")


def listing_path(slugs):
    price = random.choice(["", "", f"&minPrice={random.choice([0, 10, 25, 50])}&maxPrice={random.choice([100, 250, 500])}"])
    return (f"/api/v1/products?category={random.choice(slugs)}&sort={random.choice(SORTS)}{price}"
            f"&page={random.choice([1, 1, 1, 2, 3, 4, 5])}&limit=20")


def sign_in(base, email, password):
    request = urllib.request.Request(base + "/api/v1/auth/login", method="POST",
                                     data=json.dumps({"email": email, "password": password}).encode(),
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.load(response)["data"]["tokens"]["accessToken"]
    except urllib.error.HTTPError as error:
        sys.exit(f"Sign-in of {email} failed: {error.code} {error.read()[:300]!r}")


def write(path, header, values):
    with open(path, "w", newline="") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow([header])
        writer.writerows([value] for value in values)


if __name__ == "__main__":
    main()
