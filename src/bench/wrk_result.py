"""Reads wrk --latency output on stdin; prints one JSON line: label, requests/s, p50 and p99 in ms."""
import argparse
import json
import re
import sys

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def millis(text):
    number, unit = re.fullmatch(r"([0-9.]+)(us|ms|s)", text).groups()
    return float(number) * UNITS[unit]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("label")
    parser.add_argument("--count", type=int, help="requests that did the work (for reviews: 201s)")
    args = parser.parse_args()
    output = sys.stdin.read()
    seconds = float(re.search(r"requests in ([0-9.]+)(m?s)", output).group(1))
    if re.search(r"requests in [0-9.]+ms", output):
        seconds /= 1000
    result = {
        "label": args.label,
        "rps": float(re.search(r"Requests/sec:\s+([0-9.]+)", output).group(1)),
        "p50": millis(re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1)),
        "p99": millis(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1)),
    }
    if args.count is not None:
        result["count"] = args.count
        result["rps"] = args.count / seconds
    print(json.dumps(result))


if __name__ == "__main__":
    main()
