#!/usr/bin/env python3
"""Stop-the-world pauses of a JVM from its unified GC log, for the benchmark report.

The store's JVM runs with -Xlog:gc:file=...:utctime under bench/run.sh, which writes one line per pause, at its
end, such as

    [2026-12-08T03:40:01.123+0000] GC(12) Pause Young (Normal) (G1 Evacuation Pause) 100M->50M(200M) 12.345ms

A stage's p99 beyond its target is often a pause: the longest one in each stage goes beside it in the report.

Usage (a summary of the pauses between two UTC times): gc_pauses.py GC_LOG [FROM TO]
"""
import datetime
import re
import sys
from pathlib import Path

PAUSE = re.compile(r"^\[(?P<at>[0-9T:.+-]+)\].*\bPause\b.*?(?P<ms>[0-9.]+)ms\s*$")


def read(path):
    """[(end of the pause as epoch ms, pause in ms)] in the order logged."""
    pauses = []
    for line in Path(path).read_text(errors="replace").splitlines():
        match = PAUSE.match(line)
        if match:
            at = datetime.datetime.strptime(match["at"], "%Y-%m-%dT%H:%M:%S.%f%z")
            pauses.append((at.timestamp() * 1000, float(match["ms"])))
    return pauses


def within(pauses, start_ms, end_ms):
    """The pauses that overlap [start_ms, end_ms] (a pause is logged when it ends)."""
    return [ms for at, ms in pauses if at >= start_ms and at - ms <= end_ms]


def longest(pauses, start_ms, end_ms):
    return max(within(pauses, start_ms, end_ms), default=0)


def main():
    pauses = read(sys.argv[1])
    if len(sys.argv) > 3:
        times = sorted(within(pauses, *(datetime.datetime.fromisoformat(arg).timestamp() * 1000
                                        for arg in sys.argv[2:4])))
    else:
        times = sorted(ms for _, ms in pauses)
    if not times:
        print("no pauses")
        return
    print(f"{len(times)} pauses, {sum(times):,.0f} ms in all, median {times[len(times) // 2]:,.1f} ms, "
          f"longest {times[-1]:,.1f} ms")


if __name__ == "__main__":
    main()
