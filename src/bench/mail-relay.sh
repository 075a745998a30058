#!/usr/bin/env bash
# Mail relay benchmark: how many mails a second one instance sends to a local SMTP server.
# Seeds BENCH_MAILS (default 20,000) invitations whose mails are due now, starts the packaged service
# (H2) against src/bench/smtp_sink.py, and reports mails/s from the sink's first to its last mail,
# and again after the first BENCH_WARMUP mails (default a quarter: a fresh JVM is still compiling);
# the CPU a mail cost the service and the sink; the SMTP connections used; and whether every mail
# arrived exactly once. Fails if not.
#
# Usage: src/bench/mail-relay.sh                    (builds the jar; a few minutes)
#        BENCH_SKIP_BUILD=1 src/bench/mail-relay.sh  (reuses target/quarkus-app, or the build in BENCH_APP)
#        BENCH_RESULT=file ...               (also appends the figures to file as a JSON line; run.sh does)
# Extra settings for the service can be given as NAME=value arguments, for example
#        src/bench/mail-relay.sh SHOPSCORE_MAIL_CONCURRENCY=1
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BENCH="$ROOT/src/bench"
WORK="$ROOT/target/bench/mail"
MAILS="${BENCH_MAILS:-20000}"
WARMUP="${BENCH_WARMUP:-$((MAILS / 4))}"
SMTP_PORT=18026
APP_PORT=18082
APP_URL="http://127.0.0.1:$APP_PORT"
SLUG="mail-bench"

log() { printf '== %s\n' "$*" >&2; }

APP_PID=""
SINK_PID=""
start_app() {
  (cd "$WORK/run" && exec env QUARKUS_HTTP_PORT="$APP_PORT" SHOPSCORE_ADMIN_TOKEN=bench-admin \
    QUARKUS_MAILER_HOST=127.0.0.1 QUARKUS_MAILER_PORT="$SMTP_PORT" SHOPSCORE_MAIL_POLL_INTERVAL=1s \
    QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT=30S "$@" \
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
stop_sink() { [ -n "$SINK_PID" ] && kill "$SINK_PID" 2>/dev/null && wait "$SINK_PID" 2>/dev/null || true; SINK_PID=""; }
trap 'stop_app; stop_sink' EXIT

stat() { python3 -c "import json, sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])" "$WORK/sink.json" "$1"; }

if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  log "Building the service"
  (cd "$ROOT" && ./mvnw -q -B package -DskipTests)
fi
rm -rf "$WORK" && mkdir -p "$WORK/run"
cp -r "${BENCH_APP:-$ROOT/target/quarkus-app}" "$WORK/app"

python3 "$BENCH/smtp_sink.py" "$SMTP_PORT" "$WORK/sink.json" 2>"$WORK/sink.log" &
SINK_PID=$!

log "Creating the shop, then seeding $MAILS invitations with their mails due"
start_app "$@"
curl -fs -H 'Authorization: Bearer bench-admin' -H 'Content-Type: application/json' \
  -d "{\"slug\":\"$SLUG\",\"name\":\"Mail bench shop\",\"websiteUrl\":\"https://mail-bench.example\"}" \
  "$APP_URL/api/v1/shops" >/dev/null
stop_app
sed -e "s/@SLUG@/$SLUG/g" -e "s/@MAILS@/$MAILS/g" "$BENCH/seed-mails.h2.sql" >"$WORK/seed.sql"
java -cp "$(ls "$WORK"/app/lib/main/com.h2database.h2-*.jar)" org.h2.tools.RunScript \
  -url "jdbc:h2:file:$WORK/run/data/shopscore" -user shopscore -script "$WORK/seed.sql"

# CPU time the service has used, in clock ticks: on a shared machine the rate alone says how busy
# the other processes were; the CPU each mail cost says what the service needs.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/${1:-$APP_PID}/stat"; }
# The same per thread ("id name ticks" lines), to tell where it went: sending, the event loop, JIT, GC.
thread_ticks() {
  for task in /proc/"$APP_PID"/task/*; do
    sed -E 's/^([0-9]+) \((.*)\) (.*)$/\1 \2\t\3/' "$task/stat" 2>/dev/null \
      | awk -F'\t' '{ split($2, f, " "); gsub(/ /, "_", $1); print $1, f[12] + f[13] }'
  done
}

log "Sending: the service starts and its outbox empties into the sink"
start_app "$@"
deadline=$(( $(date +%s) + 120 + MAILS / 20 ))
while [ "$(stat received)" -eq 0 ] && [ "$(date +%s)" -lt "$deadline" ]; do sleep 0.05; done
# A fresh JVM spends much of its first seconds compiling (the JIT threads' CPU counts as the
# service's); a relay that has run a while no longer does. So the figures are given for the whole
# run and for what comes after the first WARMUP mails.
cold=$(cpu_ticks) sink_cold=$(cpu_ticks "$SINK_PID")
while [ "$(stat received)" -lt "$WARMUP" ] && [ "$(date +%s)" -lt "$deadline" ]; do sleep 0.05; done
warm=$(cpu_ticks) sink_warm=$(cpu_ticks "$SINK_PID") warm_mails=$(stat received) warm_at=$(date +%s.%N)
thread_ticks >"$WORK/threads.start"
while [ "$(stat received)" -lt "$MAILS" ] && [ "$(date +%s)" -lt "$deadline" ]; do sleep 0.2; done
end=$(cpu_ticks) sink_end=$(cpu_ticks "$SINK_PID")
thread_ticks >"$WORK/threads.end"
sleep 2 # a mail sent twice would arrive now
stop_app
received=$(stat received) recipients=$(stat recipients)
python3 - "$WORK/sink.json" "$MAILS" "$(getconf CLK_TCK)" "$(nproc)" "$cold $warm $end" "$sink_cold $sink_warm $sink_end" \
  "$warm_mails" "$warm_at" "$WORK/threads.start" "$WORK/threads.end" <<'PY'
import collections, json, os, re, sys
stats, mails, tick, cpus = json.load(open(sys.argv[1])), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
service = [int(t) / tick for t in sys.argv[5].split()]
sink = [int(t) / tick for t in sys.argv[6].split()]
warm_mails, warm_at = int(sys.argv[7]), float(sys.argv[8])

def part(name, mails_sent, seconds, service_cpu, sink_cpu):
    rate = mails_sent / seconds if seconds > 0 else 0
    print(f"{name}: {mails_sent:,} mails in {seconds:.1f} s, {rate:,.0f} mails/s; service CPU {1000 * service_cpu / max(mails_sent, 1):.2f} ms a mail "
          f"({service_cpu / seconds if seconds else 0:.2f} of {cpus} CPUs), SMTP sink {1000 * sink_cpu / max(mails_sent, 1):.2f} ms a mail")

print(f"mail relay, H2: {stats['received']:,} of {mails:,} mails over {stats['connections']} SMTP connection(s); "
      f"{stats['recipients']:,} distinct recipients; load average {os.getloadavg()[0]:.1f}")
part("whole run", stats["received"] - 1, stats["last"] - stats["first"], service[2] - service[0], sink[2] - sink[0])
part("after warm-up", stats["received"] - warm_mails, stats["last"] - warm_at, service[2] - service[1], sink[2] - sink[1])

def read(path):
    ticks = {}
    for line in open(path):
        key, value = line.rsplit(" ", 1)
        ticks[key] = int(value)
    return ticks
start, end = read(sys.argv[9]), read(sys.argv[10])
groups = collections.Counter()
for key, value in end.items():
    groups[re.sub(r"[-_#]?[0-9]+$", "", key.split("_", 1)[1])] += value - start.get(key, 0)
total = sum(groups.values()) or 1
print("after warm-up, service CPU by thread: "
      + ", ".join(f"{name} {100 * value / total:.0f}%" for name, value in groups.most_common(6) if value))
if os.environ.get("BENCH_RESULT"):
    whole, warm = stats["last"] - stats["first"], stats["last"] - warm_at
    with open(os.environ["BENCH_RESULT"], "a") as out:
        out.write(json.dumps({"label": "mail-relay", "mails": stats["received"], "connections": stats["connections"],
                              "rate": (stats["received"] - 1) / whole if whole > 0 else 0,
                              "warm_rate": (stats["received"] - warm_mails) / warm if warm > 0 else 0,
                              "cpu_ms": 1000 * (service[2] - service[0]) / max(stats["received"], 1),
                              "warm_cpu_ms": 1000 * (service[2] - service[1]) / max(stats["received"] - warm_mails, 1),
                              "sink_ms": 1000 * (sink[2] - sink[1]) / max(stats["received"] - warm_mails, 1)}) + "\n")
PY
[ "$received" -eq "$MAILS" ] || { echo "FAIL: $received of $MAILS mails arrived" >&2; exit 1; }
[ "$recipients" -eq "$MAILS" ] || { echo "FAIL: some mail was sent twice" >&2; exit 1; }
