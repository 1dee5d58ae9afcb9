#!/usr/bin/env python3
"""The checks of bench/scale-out/run.sh against two running instances and nginx in front of them.

    checks.py cart     SHOP1 SHOP2                      a cart started on shop 1 is read on shop 2
    checks.py update   SHOP1 SHOP2                      a price and title changed on shop 1: delay until shop 2's
                                                        product details and search show them
    checks.py category SHOP1 SHOP2                      (a note, not a check) delay until a category created on
                                                        shop 1 can be used on shop 2
    checks.py orders   LB SHOP1 PID_TO_KILL PSQL...     shoppers order through the load balancer while the
                                                        instance PID_TO_KILL is killed; every accepted order
                                                        must be in the database, once per Idempotency-Key
    checks.py wrk-paths SHOP WORKDIR                    path files for wrk (product details, search)

Each check prints "PASS <name>: <measured values>" or "FAIL <name>: <why>" and exits 0 or 1. Products are
created on shop 1 directly: a category created on one instance is known to the others only after their next
reload of the category tree (up to a minute, see the category note). Uses only the
standard library; the admin's password comes from BAZAAR_ADMIN_PASSWORD.
"""
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid

ADMIN_EMAIL = os.environ.get("BAZAAR_ADMIN_EMAIL", "admin@bazaar.local")
ADMIN_PASSWORD = os.environ["BAZAAR_ADMIN_PASSWORD"]
ADDRESS = {"recipient": "Ada Shopper", "line1": "1 High Street", "city": "London", "postalCode": "N1 9GU",
           "country": "GB"}


def call(base, method, path, body=None, token=None, headers=None, timeout=30):
    """One HTTP call; returns (status, parsed body or None, response headers). Connection errors are status 0."""
    all_headers = {"Content-Type": "application/json", **(headers or {})}
    if token:
        all_headers["Authorization"] = "Bearer " + token
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(base + path, method=method, data=data, headers=all_headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, _json(response.read()), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, _json(error.read()), dict(error.headers)
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError) as error:
        return 0, {"error": str(error)}, {}


def _json(raw):
    try:
        return json.loads(raw) if raw else None
    except ValueError:
        return {"raw": raw[:200].decode(errors="replace")}


def ok(base, method, path, body=None, token=None, expect=(200, 201)):
    status, payload, headers = call(base, method, path, body, token)
    if status not in expect:
        raise RuntimeError(f"{method} {path} on {base}: {status} {payload}")
    return payload.get("data") if payload else None, headers


def admin_token(base):
    data, _ = ok(base, "POST", "/api/v1/auth/login", {"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD})
    return data["tokens"]["accessToken"]


def new_shopper(base):
    email = f"scaleout-{uuid.uuid4()}@example.com"
    ok(base, "POST", "/api/v1/auth/register", {"email": email, "name": "Scale-out Shopper",
                                               "password": "scale-out password 1"}, expect=(202,))
    data, _ = ok(base, "POST", "/api/v1/auth/login", {"email": email, "password": "scale-out password 1"})
    return data["user"]["id"], data["tokens"]["accessToken"]


def new_product(base, token, title, price, stock):
    slug = "scaleout-" + uuid.uuid4().hex[:8]
    ok(base, "POST", "/api/v1/categories", {"name": slug, "slug": slug}, token)
    data, _ = ok(base, "POST", "/api/v1/products",
                 {"title": title, "price": price, "category": slug, "stock": stock}, token)
    return data["id"]


def wait_until(condition, limit_seconds, interval=0.01):
    """Seconds until condition() is true, or None after limit_seconds."""
    start = time.monotonic()
    while time.monotonic() - start < limit_seconds:
        if condition():
            return time.monotonic() - start
        time.sleep(interval)
    return None


def report(passed, name, detail):
    print(f"{'PASS' if passed else 'FAIL'} {name}: {detail}", flush=True)
    return 0 if passed else 1


def check_cart(shop1, shop2):
    admin = admin_token(shop1)
    product = new_product(shop1, admin, "Scale-out Cart Lamp", "12.50", 1000)
    _, shopper = new_shopper(shop1)
    ok(shop1, "POST", "/api/v1/cart/items", {"productId": product, "quantity": 3}, shopper)
    cart, _ = ok(shop2, "GET", "/api/v1/cart", token=shopper)
    lines = {item["product"]["id"]: item["quantity"] for item in cart["items"]}
    signed_in = lines.get(product) == 3
    # a guest's cart too: the token shop 1 hands out is honoured by shop 2
    _, headers = ok(shop1, "POST", "/api/v1/cart/items", {"productId": product, "quantity": 2})
    guest_token = headers.get("X-Cart-Token")
    status, guest_cart, _ = call(shop2, "GET", "/api/v1/cart", headers={"X-Cart-Token": guest_token or ""})
    guest_lines = {i["product"]["id"]: i["quantity"] for i in (guest_cart or {}).get("data", {}).get("items", [])}
    guest = status == 200 and guest_lines.get(product) == 2
    return report(signed_in and guest, "(a) cart started on shop 1, read on shop 2",
                  f"signed-in cart on shop 2: {lines.get(product)} of 3 units; guest cart on shop 2 "
                  f"(X-Cart-Token from shop 1): HTTP {status}, {guest_lines.get(product)} of 2 units")


def check_update(shop1, shop2):
    admin = admin_token(shop1)
    marker = uuid.uuid4().hex[:6]
    old_title, new_title = f"Scaleout Lantern {marker}", f"Scaleout Beacon {marker}"
    product = new_product(shop1, admin, old_title, "20.00", 100)

    def shop2_details():
        return ok(shop2, "GET", f"/api/v1/products/{product}")[0]

    def shop2_search(word):
        data = ok(shop2, "GET", f"/api/v1/products/search?q={word}%20{marker}&limit=5")[0]
        return [p["title"] for p in data["products"] if p["id"] == product]

    # the new product reaches shop 2's index over Kafka; read it there so that it is cached before the change
    indexed = wait_until(lambda: shop2_search("lantern") == [old_title], 30, 0.05)
    if indexed is None:
        return report(False, "(b) update on shop 1 seen by shop 2", "the new product never appeared in shop 2's search")
    before = shop2_details()
    shop2_search("beacon")  # a search result that must not stay cached once the title changes
    started = time.monotonic()
    ok(shop1, "PUT", f"/api/v1/products/{product}", {"title": new_title, "price": 17.25}, admin)
    put_seconds = time.monotonic() - started
    details = wait_until(lambda: (lambda d: d["title"] == new_title and float(d["price"]) == 17.25)(shop2_details()), 10)
    search = wait_until(lambda: shop2_search("beacon") == [new_title], 10)
    # the marker still matches the renamed product; what must be gone is the old title
    stale = [title for word in ("lantern", "beacon") for title in shop2_search(word) if title != new_title]
    passed = details is not None and search is not None and details < 1 and search < 1 and not stale
    fmt = lambda seconds: "not within 10 s" if seconds is None else f"{seconds * 1000:.0f} ms"
    return report(passed, "(b) price and title changed on shop 1, seen by shop 2 within 1 s",
                  f"shop 2 saw it cached before ({before['price']}, '{before['title']}'); after the PUT "
                  f"({put_seconds * 1000:.0f} ms) shop 2's product details showed 17.25 and the new title after "
                  f"{fmt(details)}, its search found the new title after {fmt(search)} (time from the PUT's "
                  f"answer); old title still served by search afterwards: {stale or 'no'}")


def note_category(shop1, shop2):
    admin1, admin2 = admin_token(shop1), admin_token(shop2)
    slug = "scaleout-" + uuid.uuid4().hex[:8]
    ok(shop1, "POST", "/api/v1/categories", {"name": slug, "slug": slug}, admin1)
    answers = []

    def usable_on_shop2():
        status, payload, _ = call(shop2, "POST", "/api/v1/products",
                                  {"title": "Scale-out Category Probe", "price": 1, "category": slug, "stock": 1}, admin2)
        if status != 201:
            answers.append(f"{status} {((payload or {}).get('error') or {}).get('details')}")
        return status == 201

    delay = wait_until(usable_on_shop2, 75, 0.5)
    print(f"NOTE category created on shop 1, usable on shop 2 after "
          f"{'more than 75 s' if delay is None else f'{delay:.1f} s'}; product creations on shop 2 refused "
          f"before: {dict((answer, answers.count(answer)) for answer in set(answers))}", flush=True)
    return 0


def check_orders(lb, shop1, pid_to_kill, psql, shoppers=8, orders_each=20):
    admin = admin_token(shop1)
    product = new_product(shop1, admin, "Scale-out Order Candle", "3.00", 100000)
    accounts = [new_shopper(lb) for _ in range(shoppers)]
    lock = threading.Lock()
    accepted = {}          # (user id, key) -> order id from the 201 answer
    failed_keys = []       # keys given up on, with the last answer
    attempts = {"retries": 0, "statuses": {}}
    killed = {"at": None}

    def count(status):
        with lock:
            attempts["statuses"][status] = attempts["statuses"].get(status, 0) + 1

    def shopper(user_id, token):
        for _ in range(orders_each):
            # the cart: retried until an instance answers (a repeated addition only raises the quantity)
            while True:
                status, _, _ = call(lb, "POST", "/api/v1/cart/items", {"productId": product, "quantity": 1}, token)
                if status in (200, 201):
                    break
                time.sleep(0.2)
            key = str(uuid.uuid4())
            deadline = time.monotonic() + 120
            while True:
                status, payload, _ = call(lb, "POST", "/api/v1/orders",
                                          {"shippingAddress": ADDRESS, "paymentMethod": "CARD", "cardToken": "tok_visa"},
                                          token, {"Idempotency-Key": key})
                count(status)
                if status == 201:
                    with lock:
                        accepted[(user_id, key)] = payload["data"]["id"]
                    break
                # 0/502/503/504: no answer from an instance; 409: the key's first attempt is still in flight (or
                # died with the instance: its 30 s lease must pass before the request can be resumed)
                if status in (0, 409, 502, 503, 504) and time.monotonic() < deadline:
                    with lock:
                        attempts["retries"] += 1
                    time.sleep(1.0)
                    continue
                with lock:
                    failed_keys.append((key, status, payload))
                break

    def killer():
        # kill the instance once about a third of the orders are in
        target = shoppers * orders_each // 3
        while len(accepted) < target:
            time.sleep(0.05)
        os.kill(pid_to_kill, signal.SIGKILL)
        killed["at"] = len(accepted)

    started = time.monotonic()
    threads = [threading.Thread(target=shopper, args=account) for account in accounts]
    threads.append(threading.Thread(target=killer, daemon=True))
    for thread in threads:
        thread.start()
    for thread in threads[:-1]:
        thread.join()
    elapsed = time.monotonic() - started

    user_ids = ",".join(f"'{user_id}'" for user_id, _ in accounts)
    sql = lambda query: subprocess.run(psql + ["-c", query], check=True, capture_output=True, text=True).stdout.split()
    in_db = set(sql(f"SELECT id FROM orders WHERE user_id IN ({user_ids})"))
    keyed = dict(line.split("|") for line in sql(
        f"SELECT idempotency_key || '|' || coalesce(order_id::text, '') FROM order_requests WHERE user_id IN ({user_ids})"))
    missing = [order for order in accepted.values() if order not in in_db]
    other_order = [key for (_, key), order in accepted.items() if keyed.get(key) != order]
    unclaimed = in_db - set(accepted.values())     # orders no 201 answer named: a duplicate or a lost answer
    passed = (not missing and not other_order and not unclaimed and not failed_keys and killed["at"] is not None)
    return report(passed, "(c) instance killed mid-load loses no accepted order",
                  f"{shoppers} shoppers x {orders_each} orders through nginx in {elapsed:.1f} s; shop 2 killed "
                  f"(kill -9) after {killed['at']} accepted orders; {len(accepted)} answered 201, {len(failed_keys)} "
                  f"given up {[(s, p) for _, s, p in failed_keys[:3]]}; {attempts['retries']} retries with the same "
                  f"key; answers seen {dict(sorted(attempts['statuses'].items()))}; in the database: {len(in_db)} "
                  f"orders of these shoppers, {len(missing)} accepted orders missing, {len(other_order)} keys whose "
                  f"stored order differs from the 201 answer, {len(unclaimed)} orders no 201 answer named (duplicates)")


def wrk_paths(shop, work):
    random.seed(7)
    products, page = [], 1
    while len(products) < 3000:
        batch = ok(shop, "GET", f"/api/v1/products?sort=newest&limit=100&page={page}")[0]["products"]
        if not batch:
            break
        products += batch
        page += 1
    with open(f"{work}/details.txt", "w") as f:
        f.writelines(f"/api/v1/products/{p['id']}\n" for p in random.sample(products, min(3000, len(products))))
    # words of the demo catalog's titles, so that searches find something; a few misspelt for the fuzzy path
    words = sorted({w.lower() for p in products for w in p["title"].split() if w.isalpha() and len(w) > 3})
    with open(f"{work}/search.txt", "w") as f:
        for _ in range(5000):
            query = random.choice(words)
            if random.random() < 0.1:
                query = query[:-1]
            f.write(f"/api/v1/products/search?q={query}&page={random.randint(1, 2)}&limit=20\n")
    print(f"{len(products)} products, {len(words)} words", file=sys.stderr)


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    try:
        if command == "cart":
            sys.exit(check_cart(*args))
        elif command == "update":
            sys.exit(check_update(*args))
        elif command == "orders":
            sys.exit(check_orders(args[0], args[1], int(args[2]), args[3:]))
        elif command == "category":
            sys.exit(note_category(*args))
        elif command == "wrk-paths":
            wrk_paths(*args)
        else:
            sys.exit(f"unknown check {command}")
    except RuntimeError as error:
        sys.exit(report(False, command, str(error)))
