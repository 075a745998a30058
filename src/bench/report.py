"""Turns the benchmark's results.jsonl into tables, prints them, and records them in docs/performance.md.

Arguments: results.jsonl, docs/performance.md, quick (1 = print only: a quick run is not a record),
nginx.conf (the reference's configuration, recorded with the read path's table).

Two tables: the score read path (issue 14's targets, as ratios to nginx in the same run), recorded
between the bench:reads markers by every run; and the whole service, recorded between the
bench:results markers by a full run only (BENCH_ONLY=reads measures no writes).
"""
import datetime
import json
import os
import platform
import re
import statistics
import subprocess
import sys

START, END = "<!-- bench:results:start -->", "<!-- bench:results:end -->"
READS_START, READS_END = "<!-- bench:reads:start -->", "<!-- bench:reads:end -->"


def load(path):
    rounds = {}
    with open(path) as results:
        for line in results:
            if line.strip():
                result = json.loads(line)
                rounds.setdefault(result["label"], []).append(result)
    return rounds


def median(rounds, label, key):
    return statistics.median(result[key] for result in rounds[label])


def machine():
    def run(*command):
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=10)
            return done.stdout + done.stderr
        except OSError:
            return ""
    cpu = re.search(r"model name\s*:\s*(.+)", open("/proc/cpuinfo").read())
    memory = int(re.search(r"MemTotal:\s+(\d+)", open("/proc/meminfo").read()).group(1)) // (1024 * 1024)
    java = (run("java", "-version").splitlines() or ["java ?"])[0]
    postgres = run("psql", "-tAc", "show server_version", "-d", "postgres").strip().splitlines()
    return (f"{os.cpu_count()} CPUs ({cpu.group(1).strip() if cpu else 'unknown'}), {memory} GiB RAM, "
            f"Linux {platform.release()}, {java}, PostgreSQL {postgres[0] if postgres else '?'}; "
            f"load generator (wrk) and nginx on the same machine")


def verdict(ok):
    return "pass" if ok else "**FAIL**"


def table(rounds):
    rows = []

    def speed(name, app, reference):
        rps, p50, p99 = (median(rounds, app, k) for k in ("rps", "p50", "p99"))
        ref_rps, ref_p50, ref_p99 = (median(rounds, reference, k) for k in ("rps", "p50", "p99"))
        ratio = rps / ref_rps
        rows.append((name, f"{rps:,.0f}/s (p50 {p50:.2f} ms, p99 {p99:.2f} ms)",
                     f"nginx {ref_rps:,.0f}/s (p50 {ref_p50:.2f} ms, p99 {ref_p99:.2f} ms)",
                     f"{ratio:.2f}", "≥ 0.50 of nginx, p99 < 10 ms", verdict(ratio >= 0.5 and p99 < 10)))

    speed("1. score, 200 with body", "score-shopscore", "score-nginx")
    speed("2. score, 304 (If-None-Match)", "notmodified-shopscore", "notmodified-nginx")
    for kind, name in (("h2", "H2"), ("pg", "PostgreSQL")):
        review = rounds[f"reviews-{kind}"][0]
        exact = rounds[f"exact-{kind}"][0]
        rows.append((f"3. reviews written, {name}", f"{review['rps']:,.0f}/s (p50 {review['p50']:.1f} ms, p99 {review['p99']:.1f} ms)",
                     f"{exact['counted']:,} stored and counted exactly", "",
                     "≥ 1,000/s, scores exact", verdict(review["rps"] >= 1000 and exact["exact"])))
    for kind, name in (("h2", "H2"), ("pg", "PostgreSQL")):
        large, small = (median(rounds, f"{size}-{kind}", "p50") for size in ("large", "small"))
        large99, small99 = (median(rounds, f"{size}-{kind}", "p99") for size in ("large", "small"))
        ratio = large / small
        rows.append((f"4. score of a 1,000,000-review shop vs a 1,000-review shop, {name}, cache off",
                     f"p50 {large:.2f} ms, p99 {large99:.2f} ms", f"p50 {small:.2f} ms, p99 {small99:.2f} ms",
                     f"{ratio:.2f}", "≤ 1.2", verdict(ratio <= 1.2)))
    for kind, name in (("h2", "H2"), ("pg", "PostgreSQL")):
        rows.append((f"5. start-up to ready, {name}", f"{rounds['startup-' + kind][0]['ms'] / 1000:.1f} s",
                     "", "", "", ""))
        rows.append((f"5. resident memory after the load, {name}", f"{rounds['rss-' + kind][0]['mb']} MB", "", "", "", ""))
    lines = ["| measurement | Shopscore | reference | ratio | target | result |", "|---|---|---|---|---|---|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def reads_table(rounds):
    """The score read path against issue 14's targets: ratio to nginx in the same run, p99 under 10 ms."""
    rows = []

    def speed(name, app, reference, target):
        rps, p50, p99 = (median(rounds, app, k) for k in ("rps", "p50", "p99"))
        ref_rps, ref_p50, ref_p99 = (median(rounds, reference, k) for k in ("rps", "p50", "p99"))
        ratio = rps / ref_rps
        runs = ", ".join(f"{a['rps'] / r['rps']:.2f}" for a, r in zip(rounds[app], rounds[reference]))
        rows.append((name, f"{rps:,.0f}/s (p50 {p50:.2f} ms, p99 {p99:.2f} ms)",
                     f"nginx {ref_rps:,.0f}/s (p50 {ref_p50:.2f} ms, p99 {ref_p99:.2f} ms)",
                     f"{ratio:.2f} ({runs})", f"≥ {target:.1f} of nginx, p99 < 10 ms", verdict(ratio >= target and p99 < 10)))

    speed("`GET /api/v1/shops/{slug}/score`", "score-shopscore", "score-nginx", 0.7)
    speed("the same, 304 (If-None-Match)", "notmodified-shopscore", "notmodified-nginx", 0.7)
    speed("`GET /api/v1/scores?shops={slug}` (the widget's)", "batch1-shopscore", "batch1-nginx", 0.6)
    speed("`GET /api/v1/scores?shops=` 20 shops", "batch20-shopscore", "batch20-nginx", 0.4)
    for label, name in (("large-h2", "score with the cache off (a miss), 1,000,000 reviews, H2"),
                        ("small-h2", "score with the cache off (a miss), 1,000 reviews, H2"),
                        ("large-batch-h2", "widget's batch with the cache off (a miss), 1,000,000 reviews, H2"),
                        ("large-pg", "score with the cache off (a miss), 1,000,000 reviews, PostgreSQL")):
        if label in rounds:
            rps, p50, p99 = (median(rounds, label, k) for k in ("rps", "p50", "p99"))
            rows.append((name, f"{rps:,.0f}/s (p50 {p50:.2f} ms, p99 {p99:.2f} ms)", "", "",
                         "p50 < 10 ms", verdict(p50 < 10)))
    if "mail-relay" in rounds:
        relay = rounds["mail-relay"][0]
        rows.append((f"mail relay: {relay['mails']:,} mails from one instance to a local SMTP sink, H2, "
                     f"{relay['connections']} connections, after the first quarter (whole run)",
                     f"{relay['warm_rate']:,.0f}/s ({relay['rate']:,.0f}/s), service CPU {relay['warm_cpu_ms']:.2f} ms a mail "
                     f"({relay['cpu_ms']:.2f} ms), sink {relay['sink_ms']:.2f} ms a mail", "", "",
                     "≥ 500 mails/s", verdict(relay["warm_rate"] >= 500)))
    lines = ["| request | Shopscore | nginx, same run | ratio (rounds) | target | result |", "|---|---|---|---|---|---|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def main():
    results, document, quick, nginx_conf = sys.argv[1], sys.argv[2], sys.argv[3] == "1", sys.argv[4]
    rounds = load(results)
    when = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    full = "reviews-h2" in rounds and "reviews-pg" in rounds
    reads = (f"Run of {when} on {machine()}. Medians of {len(rounds['score-shopscore'])} measured rounds "
             f"(each round's ratio in brackets); every round 50 connections, after a warm-up.\n\n{reads_table(rounds)}\n\n"
             f"nginx {nginx_version()}, configured as:\n\n```nginx\n{open(nginx_conf).read().strip()}\n```\n")
    print("\n" + reads)
    section = None
    if full:
        section = (f"Run of {when} on {machine()}. Medians of the measured rounds; every round 50 connections, "
                   f"after a warm-up.\n\n{table(rounds)}\n")
        print("\n" + section)
    if quick:
        print("(BENCH_QUICK run: not recorded in docs/performance.md)")
        return
    text = open(document).read()
    text = re.sub(re.escape(READS_START) + ".*?" + re.escape(READS_END), lambda m: READS_START + "\n" + reads + READS_END, text, flags=re.S)
    if section:
        text = re.sub(re.escape(START) + ".*?" + re.escape(END), lambda m: START + "\n" + section + END, text, flags=re.S)
    open(document, "w").write(text)
    print(f"Recorded in {document}")


def nginx_version():
    try:
        done = subprocess.run(["nginx", "-v"], capture_output=True, text=True, timeout=10)
        return (done.stdout + done.stderr).strip().replace("nginx version: nginx/", "")
    except OSError:
        return "?"


if __name__ == "__main__":
    main()
