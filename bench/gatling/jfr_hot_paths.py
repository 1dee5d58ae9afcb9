#!/usr/bin/env python3
"""Where a JFR recording's CPU samples went, in three short tables (bench/run.sh --profile writes them):

  by library   the top frame's package, grouped (Lucene, PostgreSQL driver, Jackson, Tomcat, Bazaar, JDK ...):
               which layer burns the CPU
  Bazaar       our own methods, counted inclusively (a sample counts for every dev.bazaar method on its stack):
               which of our code paths the time is spent under
  top frames   the methods the samples were taken in (self time)

Usage: jfr_hot_paths.py JFR_TOOL RECORDING.jfr [--limit 15]
"""
import argparse
import collections
import json
import re
import subprocess

LIBRARIES = [  # (prefix of the class name, label), first match wins
    ("dev.bazaar.", "Bazaar"),
    ("org.apache.lucene.", "Lucene"),
    ("org.postgresql.", "PostgreSQL JDBC driver"),
    ("com.zaxxer.hikari.", "HikariCP"),
    ("tools.jackson.", "Jackson"),
    ("com.fasterxml.jackson.", "Jackson"),
    ("org.apache.catalina.", "Tomcat"),
    ("org.apache.coyote.", "Tomcat"),
    ("org.apache.tomcat.", "Tomcat"),
    ("org.springframework.security.", "Spring Security"),
    ("org.springframework.", "Spring"),
    ("com.github.benmanes.caffeine.", "Caffeine"),
    ("io.micrometer.", "Micrometer"),
    ("ch.qos.logback.", "Logback"),
    ("org.slf4j.", "Logback"),
    ("com.nimbusds.", "JWT (Nimbus)"),
    ("org.bouncycastle.", "Bouncy Castle"),
    ("jdk.internal.", "JDK"),
    ("java.", "JDK"),
    ("javax.", "JDK"),
    ("sun.", "JDK"),
    ("jdk.", "JDK"),
]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("jfr")
    parser.add_argument("recording")
    parser.add_argument("--limit", type=int, default=15)
    args = parser.parse_args()
    printed = subprocess.run([args.jfr, "print", "--json", "--stack-depth", "64", "--events", "jdk.ExecutionSample",
                              args.recording], check=True, capture_output=True, text=True).stdout
    events = json.loads(printed)["recording"]["events"]
    by_library, bazaar, top = collections.Counter(), collections.Counter(), collections.Counter()
    for event in events:
        frames = (event["values"].get("stackTrace") or {}).get("frames") or []
        if not frames:
            continue
        names = [method_name(frame["method"]) for frame in frames]
        top[names[0]] += 1
        by_library[library(names[0])] += 1
        for name in set(names):
            if name.startswith("dev.bazaar."):
                bazaar[name] += 1
    total = sum(top.values())
    print(f"{total} CPU samples (jdk.ExecutionSample)\n")
    table("Where the CPU went, by library of the method sampled", by_library, total, args.limit)
    table("Bazaar methods on the sampled stacks (inclusive)", bazaar, total, args.limit)
    table("Methods sampled (self time)", top, total, args.limit)


def method_name(method):
    """java/util/HashMap.getNode, Foo$$Lambda/0x0000000032a0f3b0.run -> java.util.HashMap.getNode, Foo$$Lambda.run"""
    owner = re.sub(r"\$\$Lambda[/.]0x[0-9a-f]+", "$$Lambda", method["type"]["name"]).replace("/", ".")
    return f"{owner}.{method['name']}"


def library(name):
    return next((label for prefix, label in LIBRARIES if name.startswith(prefix)), name.rsplit(".", 2)[0])


def table(title, counter, total, limit):
    print(f"## {title}\n")
    for name, count in counter.most_common(limit):
        print(f"{count / total:6.1%}  {name}")
    print()


if __name__ == "__main__":
    main()
