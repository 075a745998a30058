#!/usr/bin/env bash
# Score miss benchmark: what a score read costs when it is not in memory (score cache off,
# shopscore.scores.cache-size=0, so every request reads the database). Starts the packaged service
# (H2), creates BENCH_SHOPS shops (default 200) with a few reviews each, then measures with wrk at 50
# connections, in rounds of BENCH_SECONDS (default 10):
#   - one shop asked again and again (what run.sh's round 4 does), and
#   - a shop picked at random from all of them (misses for different shops at the same moment);
# for each: requests/s, p50 and p99, and the CPU the service spent per request (from /proc), which,
# unlike requests/s, other work on the machine hardly moves.
#
# Usage: src/bench/score-miss.sh                    (builds the jar; a few minutes)
#        BENCH_SKIP_BUILD=1 src/bench/score-miss.sh  (reuses target/quarkus-app, or the build in BENCH_APP)
# Extra settings for the service can be given as NAME=value arguments.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BENCH="$ROOT/src/bench"
WORK="$ROOT/target/bench/miss"
SHOPS="${BENCH_SHOPS:-200}"
SECONDS_PER_ROUND="${BENCH_SECONDS:-10}"
APP_PORT=18083
APP_URL="http://127.0.0.1:$APP_PORT"

log() { printf '== %s\n' "$*" >&2; }
admin() { curl -fs -H 'Authorization: Bearer bench-admin' -H 'Content-Type: application/json' "$@"; }

APP_PID=""
start_app() {
  (cd "$WORK/run" && exec env QUARKUS_HTTP_PORT="$APP_PORT" QUARKUS_MANAGEMENT_PORT=19003 SHOPSCORE_ADMIN_TOKEN=bench-admin \
    SHOPSCORE_SCORES_CACHE_SIZE=0 QUARKUS_MAILER_MOCK=true QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT=30S \
    SHOPSCORE_LIMITS_TOKEN_PER_MINUTE=1000000000 SHOPSCORE_LIMITS_API_KEY_PER_MINUTE=1000000000 \
    SHOPSCORE_LIMITS_PUBLIC_PER_MINUTE=1000000000 SHOPSCORE_LIMITS_INVITATIONS_PER_DAY=1000000000 "$@" \
    java -jar "$WORK/app/quarkus-run.jar" >>"$WORK/run/app.log" 2>&1) &
  APP_PID=$!
  for _ in $(seq 1 1800); do
    curl -fs "$APP_URL/q/health/ready" >/dev/null 2>&1 && return
    kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/run/app.log" >&2; exit 1; }
    sleep 0.1
  done
  echo "the service did not start" >&2
  exit 1
}
stop_app() { [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true; APP_PID=""; }
trap stop_app EXIT

# CPU ticks (user + system) the service has used so far
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$(pgrep -f "$WORK/app/quarkus-run.jar" | head -1)/stat"; }

# round <label> <wrk args...>: one measured round; prints a line of the table
round() {
  local label="$1" before after out
  shift
  before=$(cpu_ticks)
  out=$(wrk -t2 -c50 -d"${SECONDS_PER_ROUND}s" --latency "$@")
  after=$(cpu_ticks)
  python3 - "$label" "$before" "$after" "$(getconf CLK_TCK)" <<PY
import re, sys
label, before, after, hz = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
out = """$out"""
requests = int(re.search(r"(\d+) requests in", out).group(1))
def ms(q):
    value, unit = re.search(r"\s" + q + r"%\s+([\d.]+)(us|ms|s)", out).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
cpu_ms = (after - before) * 1000 / hz
print(f"| {label} | {requests / $SECONDS_PER_ROUND:,.0f}/s | {ms('50'):.2f} ms | {ms('99'):.2f} ms | "
      f"{cpu_ms / max(requests, 1):.3f} ms |" + (f" {errors.group(1)} errors" if errors else ""))
PY
}

if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  log "Building the service"
  (cd "$ROOT" && ./mvnw -q -B package -DskipTests -Dexec.skip)
fi
rm -rf "$WORK" && mkdir -p "$WORK/run"
cp -r "${BENCH_APP:-$ROOT/target/quarkus-app}" "$WORK/app"
start_app "$@"

log "Creating $SHOPS shops with 3 reviews each"
: >"$WORK/slugs.txt"
for i in $(seq 1 "$SHOPS"); do
  key=$(admin -d "{\"slug\":\"miss-$i\",\"name\":\"Miss shop $i\",\"websiteUrl\":\"https://miss$i.example\"}" "$APP_URL/api/v1/shops" |
    python3 -c 'import sys, json; print(json.load(sys.stdin)["apiKey"])')
  for grade in 9 4 7; do
    token=$(curl -fs -H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
      -d "{\"orderRef\":\"o-$grade\",\"email\":\"a@example.com\",\"delivery\":\"link\"}" "$APP_URL/api/v1/shops/miss-$i/invitations" |
      python3 -c 'import sys, json; print(json.load(sys.stdin)["token"])')
    curl -fs -H 'Content-Type: application/json' -d "{\"score\":$grade,\"text\":\"Fine\",\"recommend\":true}" \
      "$APP_URL/api/v1/invitations/$token/review" >/dev/null
  done
  echo "miss-$i" >>"$WORK/slugs.txt"
done

log "Warming up (20 s)"
wrk -t2 -c50 -d20s "$APP_URL/api/v1/shops/miss-1/score" >/dev/null
BENCH_SLUGS="$WORK/slugs.txt" wrk -t2 -c50 -d10s -s "$BENCH/score-miss.lua" "$APP_URL" >/dev/null

echo "| score, cache off, 50 connections | requests | p50 | p99 | service CPU per request |"
echo "|---|---|---|---|---|"
for _ in 1 2 3; do
  round "one shop" "$APP_URL/api/v1/shops/miss-1/score"
  BENCH_SLUGS="$WORK/slugs.txt" round "$SHOPS shops at random" -s "$BENCH/score-miss.lua" "$APP_URL"
done
echo "(load average after: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) CPUs)"
