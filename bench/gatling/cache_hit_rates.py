#!/usr/bin/env python3
"""Each cache's hits and misses since the store started, from its own metrics (Micrometer's cache.gets in
/actuator/metrics, admin only), as a Markdown table for the benchmark report: a hot path is fast or slow by its
hit rate, and the load's samples decide how often it misses.

Usage: cache_hit_rates.py BASE_URL ADMIN_ACCESS_TOKEN > cache-hit-rates.md
"""
import json
import sys
import urllib.parse
import urllib.request


def metric(base, token, name, tags=()):
    query = urllib.parse.urlencode([("tag", tag) for tag in tags])
    request = urllib.request.Request(f"{base}/actuator/metrics/{name}" + (f"?{query}" if query else ""),
                                     headers={"Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(request, timeout=10) as answer:
        return json.load(answer)


def count(base, token, cache, result):
    measured = metric(base, token, "cache.gets", [f"cache:{cache}", f"result:{result}"])
    return sum(m["value"] for m in measured["measurements"] if m["statistic"] == "COUNT")


def main():
    base, token = sys.argv[1], sys.argv[2]
    tags = metric(base, token, "cache.gets")["availableTags"]
    caches = sorted(next(tag["values"] for tag in tags if tag["tag"] == "cache"))
    print("| cache | reads | hits | hit rate |")
    print("|---|---:|---:|---:|")
    for cache in caches:
        hits, misses = count(base, token, cache, "hit"), count(base, token, cache, "miss")
        reads = hits + misses
        print(f"| {cache} | {reads:,.0f} | {hits:,.0f} | " + (f"{hits / reads:.1%}" if reads else "—") + " |")


if __name__ == "__main__":
    main()
