#!/usr/bin/env python3
"""How long a freshly started instance takes to hold: reads the second-by-second record of bench/run.sh's
first-minute pass (BENCH_FIRST_MINUTE) and prints, per operation, a table of 5-second windows and the first second
from which every second holds (p99 under the seed's target, under 1 % shed or failed).

    python3 bench/gatling/first_minute.py bench/results/<time>/first-minute.json
"""
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from report import OPERATIONS  # noqa: E402  (the seed's targets, one place)

WINDOW = 5


def holds(second, target):
    bad = second["shed"] + second["failed"]
    return second["sent"] > 0 and second["p99"] is not None and second["p99"] < target and bad < 0.01 * second["sent"]


def main(path):
    record = json.loads(Path(path).read_text())
    for operation, data in record.items():
        title, _, target, _ = OPERATIONS[operation]
        seconds = [s for s in data["seconds"] if s["sent"] > 0]
        held_from = next((s["second"] for i, s in enumerate(seconds)
                          if holds(s, target)
                          and sum(holds(later, target) for later in seconds[i:]) >= 0.9 * len(seconds[i:])), None)
        missed_later = [s["second"] for s in seconds if held_from is not None and s["second"] > held_from
                        and not holds(s, target)]
        print(f"### {title} at {data['rate']}/s from the start (p99 target < {target} ms)\n")
        print("| seconds | sent | answered | shed | failed | worst second's p99 ms | every second holds |")
        print("|---|---:|---:|---:|---:|---:|---|")
        for start in range(0, seconds[-1]["second"] + 1, WINDOW) if seconds else []:
            window = [s for s in seconds if start <= s["second"] < start + WINDOW]
            if not window:
                continue
            p99s = [s["p99"] for s in window if s["p99"] is not None]
            print(f"| {start}-{start + WINDOW - 1} | {sum(s['sent'] for s in window):,} "
                  f"| {sum(s['answered'] for s in window):,} | {sum(s['shed'] for s in window):,} "
                  f"| {sum(s['failed'] for s in window):,} | {max(p99s) if p99s else '—'} "
                  f"| {'✔' if all(holds(s, target) for s in window) else '✘'} |")
        verdict = (f"holds from second {held_from} on"
                   + (f" (but for second{'s' if len(missed_later) > 1 else ''} "
                      f"{', '.join(map(str, missed_later))})" if missed_later else "")
                   if held_from is not None else "does not hold by the end of the pass")
        print(f"\n{title}: {verdict}.\n")


if __name__ == "__main__":
    main(sys.argv[1])
