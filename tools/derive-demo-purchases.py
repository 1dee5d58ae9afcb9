#!/usr/bin/env python3
"""Derive Bazaar's demo purchase history from the UCI Online Retail data set.

Reads
    /work/shared/data/online-retail.csv.gz (or the path given as the first argument): the UCI Online Retail
    invoice lines (Chen, Sain & Guo 2012, CC BY 4.0), and the demo catalog src/main/resources/demo/catalog.csv.gz
    (tools/derive-demo-catalog.py), whose stock codes are the products the demo store sells.

Writes (relative to the repository root, or to the directory given as the second argument)
    src/main/resources/demo/purchases.csv.gz  one row per invoice (an order basket), header
        invoice,customer,minutes_before_last,stock_codes
    where minutes_before_last is how long before the data set's last invoice it was placed (the importer
    replays the history so that the last invoice is "now"), and stock_codes are the basket's distinct products,
    space separated, in first-seen order.

Same filters as the catalog and the offline evaluation (OnlineRetailPurchases): sales only (no "C" invoices,
quantity > 0, unit price > 0), known customers only, product codes only (upper-cased), and only products of the
demo catalog. Standard library only; the output is byte-for-byte reproducible.
"""

import csv
import gzip
import io
import os
import sys
from datetime import datetime

NON_PRODUCT_CODES = {"POST", "DOT", "M", "BANK CHARGES", "AMAZONFEE", "D", "S", "CRUK", "PADS", "B", "C2"}


def main():
    source = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data/online-retail.csv.gz"
    root = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "..")
    demo = os.path.join(root, "src/main/resources/demo")
    with gzip.open(os.path.join(demo, "catalog.csv.gz"), "rt", encoding="utf-8") as f:
        catalog = {row["stock_code"] for row in csv.DictReader(f)}

    baskets = {}  # invoice -> [customer, time, codes]
    with gzip.open(source, "rt", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            invoice = row["InvoiceNo"].strip()
            code = row["StockCode"].strip().upper()
            customer = row["CustomerID"].strip()
            if invoice.startswith("C") or not customer or code in NON_PRODUCT_CODES or code.startswith("GIFT_"):
                continue
            if int(row["Quantity"]) <= 0 or float(row["UnitPrice"]) <= 0 or code not in catalog:
                continue
            at = datetime.strptime(row["InvoiceDate"].strip(), "%Y-%m-%d %H:%M:%S")
            basket = baskets.setdefault(invoice, [int(float(customer)), at, []])
            if code not in basket[2]:
                basket[2].append(code)

    last = max(b[1] for b in baskets.values())
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["invoice", "customer", "minutes_before_last", "stock_codes"])
    lines = 0
    for invoice in sorted(baskets, key=lambda i: (baskets[i][1], i)):
        customer, at, codes = baskets[invoice]
        writer.writerow([invoice, customer, int((last - at).total_seconds() // 60), " ".join(codes)])
        lines += len(codes)
    target = os.path.join(demo, "purchases.csv.gz")
    with open(target, "wb") as raw:
        # mtime=0 keeps the gzip header, and so the file, reproducible
        with gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, compresslevel=9) as gz:
            gz.write(out.getvalue().encode("utf-8"))
    customers = len({b[0] for b in baskets.values()})
    print(f"{len(baskets)} invoices of {customers} customers, {lines} basket lines -> {target} "
          f"({os.path.getsize(target) // 1024} KB)")


if __name__ == "__main__":
    main()
