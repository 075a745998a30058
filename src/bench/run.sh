#!/usr/bin/env bash
# Shopscore benchmarks. Measures, on this machine and in one run:
#   1. score endpoint throughput and latency at 50 connections, against nginx serving the same JSON
#   2. the same with If-None-Match (304s)
#   2b. the batch endpoint the widget calls (GET /api/v1/scores?shops=, 1 shop) and with 20 shops,
#      each against nginx serving the same JSON
#   3. review submissions per second, then checks the scores are exact (H2 and PostgreSQL)
#   4. score latency for a shop with 1,000,000 reviews against one with 1,000, score cache off
#      (shopscore.scores.cache-size=0: every request is a miss that reads the database)
#   5. start-up time and resident memory after the load
#   6. the mail relay: mails a second from one instance to a local SMTP sink (src/bench/mail-relay.sh)
# Prints the tables and records them in docs/performance.md with the machine it ran on.
#
# Usage: src/bench/run.sh                  (about 25 minutes)
#        BENCH_ONLY=reads src/bench/run.sh (the read path and the mail relay, on H2: 1, 2, 2b, 4 and 6;
#                                          about 11 minutes)
#        BENCH_QUICK=1 src/bench/run.sh    (a few minutes, for trying the script; not for the record)
#        BENCH_NO_BUILD=1 ...              (again, with the builds of the last run)
# Needs: wrk, nginx, python3, curl, psql and a PostgreSQL server (PGHOST/PGPORT/PGUSER, default
# 127.0.0.1:5432 as postgres); it installs wrk and nginx-light from Debian when they are missing.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BENCH="$ROOT/src/bench"
WORK="$ROOT/target/bench"
QUICK="${BENCH_QUICK:-0}"
ONLY="${BENCH_ONLY:-all}"
ROUND_SECONDS=$([ "$QUICK" = 1 ] && echo 4 || echo 10)
ROUNDS=$([ "$QUICK" = 1 ] && echo 1 || echo 3)
WARMUP_SECONDS=$([ "$QUICK" = 1 ] && echo 10 || echo 40)
LARGE=$([ "$QUICK" = 1 ] && echo 100000 || echo 1000000)
SHOPS=20
CONNECTIONS=50
# Customers with a link per shop, seeded straight into the database: the review rounds need more than
# the API can invite in a few seconds. The measured round fails if it runs out of them.
SEEDED_PER_SHOP=$([ "$QUICK" = 1 ] && echo 1000 || echo 5000)
REVIEW_WARMUP_SECONDS=$([ "$QUICK" = 1 ] && echo 10 || echo 60)
SMTP_PORT=18025
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
BENCH_DB="shopscore_bench"

log() { printf '\n== %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

require_tools() {
  local missing=()
  command -v wrk >/dev/null || missing+=(wrk)
  command -v nginx >/dev/null || missing+=(nginx-light)
  if [ ${#missing[@]} -gt 0 ]; then
    log "Installing ${missing[*]} from Debian"
    as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  for tool in python3 curl psql; do command -v "$tool" >/dev/null || { echo "$tool is needed" >&2; exit 1; }; done
}

# Two builds: the database kind is fixed at build time.
build() {
  if [ "${BENCH_NO_BUILD:-0}" = 1 ] && [ -f "$WORK/h2-app/quarkus-run.jar" ]; then
    log "Using the builds of the last run (BENCH_NO_BUILD=1)"
    return
  fi
  log "Building the service for H2 and for PostgreSQL"
  mkdir -p "$WORK"
  (cd "$ROOT" && ./mvnw -q -B package -DskipTests)
  rm -rf "$WORK/h2-app" && cp -r "$ROOT/target/quarkus-app" "$WORK/h2-app"
  [ "$ONLY" = reads ] && return
  (cd "$ROOT" && ./mvnw -q -B package -DskipTests -Dquarkus.profile=pg)
  rm -rf "$WORK/pg-app" && cp -r "$ROOT/target/quarkus-app" "$WORK/pg-app"
}

APP_PID=""
APP_PORT=18080
APP_URL="http://127.0.0.1:$APP_PORT"
# not the default 9000, which a service started by hand on the same machine may hold
MANAGEMENT_PORT=19000
STARTUP_MS=0

# start_app <h2|pg> <working dir> [NAME=value ...]: starts the service and waits until it is ready.
start_app() {
  local kind="$1" dir="$2"
  shift 2
  mkdir -p "$dir"
  local started
  started=$(date +%s%N)
  # wrk is one client on 127.0.0.1: limits still count every request (their cost is measured), never refuse one.
  # On a busy shared machine opening the H2 file at start-up took longer than the 2 s the pool waits by default.
  # Every review of the benchmark comes from 127.0.0.1, the address the shops' keys are used from, seconds
  # after its link was handed out: the trust signals (docs/trust.md) would hold each one for the operator,
  # and a held review is rightly not counted, so the exactness check would find none. The signals are
  # still assessed and stored for every review, at their full cost; only the threshold is out of reach.
  (cd "$dir" && exec env QUARKUS_HTTP_PORT="$APP_PORT" SHOPSCORE_ADMIN_TOKEN=bench-admin PGDATABASE="$BENCH_DB" \
    QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT=30S QUARKUS_MANAGEMENT_PORT="$MANAGEMENT_PORT" \
    QUARKUS_MAILER_HOST=127.0.0.1 QUARKUS_MAILER_PORT="$SMTP_PORT" \
    SHOPSCORE_LIMITS_TOKEN_PER_MINUTE=1000000000 SHOPSCORE_LIMITS_API_KEY_PER_MINUTE=1000000000 \
    SHOPSCORE_LIMITS_PUBLIC_PER_MINUTE=1000000000 SHOPSCORE_LIMITS_INVITATIONS_PER_DAY=1000000000 SHOPSCORE_TRUST_HOLD_RISK=1000000000 "$@" \
    java -jar "$WORK/$kind-app/quarkus-run.jar" >"$dir/app.log" 2>&1) &
  APP_PID=$!
  for _ in $(seq 1 600); do
    if curl -fs "$APP_URL/q/health/ready" >/dev/null 2>&1; then
      STARTUP_MS=$(( ($(date +%s%N) - started) / 1000000 ))
      return
    fi
    kill -0 "$APP_PID" 2>/dev/null || { cat "$dir/app.log" >&2; exit 1; }
    sleep 0.1
  done
  echo "the service did not start" >&2
  exit 1
}

stop_app() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  APP_PID=""
}

rss_mb() { awk '/VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$APP_PID/status"; }

# nginx as the issue measured it: one worker, no access log, the same JSON as a file. The configuration
# is copied into docs/performance.md with the figures.
NGINX_DIR="$WORK/nginx"
start_nginx() {
  mkdir -p "$NGINX_DIR/www"
  cat >"$NGINX_DIR/nginx.conf" <<EOF
worker_processes 1;
pid $NGINX_DIR/nginx.pid;
error_log $NGINX_DIR/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  server {
    listen 127.0.0.1:18081;
    root $NGINX_DIR/www;
    location / { default_type application/json; etag on; }
  }
}
EOF
  nginx -c "$NGINX_DIR/nginx.conf"
}
stop_nginx() { [ -f "$NGINX_DIR/nginx.pid" ] && nginx -c "$NGINX_DIR/nginx.conf" -s stop 2>/dev/null || true; }

# The service mails every invitation the benchmark makes; a sink takes them, as a mail server would.
SINK_PID=""
start_smtp_sink() {
  python3 "$BENCH/smtp_sink.py" "$SMTP_PORT" 2>"$WORK/smtp-sink.log" &
  SINK_PID=$!
}
stop_smtp_sink() { [ -n "$SINK_PID" ] && kill "$SINK_PID" 2>/dev/null && wait "$SINK_PID" 2>/dev/null || true; }

cleanup() { stop_app; stop_nginx; stop_smtp_sink; }
trap cleanup EXIT

# measure <label> <url> [wrk args...]: one wrk round at 50 connections; appends a JSON line to $RESULTS.
measure() {
  local label="$1" url="$2"
  shift 2
  wrk -t2 -c"$CONNECTIONS" -d"${ROUND_SECONDS}s" --latency "$@" "$url" |
    python3 "$BENCH/wrk_result.py" "$label" >>"$RESULTS"
}

warm() { wrk -t2 -c"$CONNECTIONS" -d"${1}s" "${@:2}" >/dev/null; }

etag_of() { curl -s -D - -o /dev/null "$1" | awk 'tolower($1) == "etag:" { print $2 }' | tr -d '\r'; }

admin() { curl -fs -H 'Authorization: Bearer bench-admin' -H 'Content-Type: application/json' "$@"; }

create_shops() {
  local file="$1" prefix="$2"
  : >"$file"
  for i in $(seq 1 "$SHOPS"); do
    admin -d "{\"slug\":\"$prefix-$i\",\"name\":\"Bench shop $i\",\"websiteUrl\":\"https://shop$i.example\"}" \
      "$APP_URL/api/v1/shops" | python3 -c 'import sys, json; d = json.load(sys.stdin); print(d["slug"], d["apiKey"])' >>"$file"
  done
}

# seed_invitations <kind> <dir>: $SEEDED_PER_SHOP more open invitations for each review shop, and
# their tokens in <dir>/tokens-seeded.txt. H2 is embedded, so the service stops for it and starts again.
seed_invitations() {
  local kind="$1" dir="$2"
  if [ "$kind" = h2 ]; then
    stop_app
    sed -e "s/@PREFIX@/$kind-bench/g" -e "s/@PER_SHOP@/$SEEDED_PER_SHOP/g" -e "s|@TOKENS@|$dir/tokens-seeded.txt|g" \
      "$BENCH/seed-invitations.h2.sql" >"$dir/seed-invitations.sql"
    java -cp "$(ls "$WORK"/h2-app/lib/main/com.h2database.h2-*.jar)" org.h2.tools.RunScript \
      -url "jdbc:h2:file:$dir/data/shopscore" -user shopscore -script "$dir/seed-invitations.sql"
    start_app h2 "$dir"
  else
    sed -e "s/@PREFIX@/$kind-bench/g" -e "s/@PER_SHOP@/$SEEDED_PER_SHOP/g" "$BENCH/seed-invitations.pg.sql" |
      psql -q -v ON_ERROR_STOP=1 -d "$BENCH_DB" >/dev/null
    psql -At -d "$BENCH_DB" -c "SELECT token FROM invitation WHERE order_ref LIKE 'bench-seed-%' ORDER BY MOD(id, 1000000), id" \
      >"$dir/tokens-seeded.txt"
  fi
}

# reviews <kind>: invitations for $SHOPS shops (through the API, then seeded), a warm-up round of
# reviews, the measured round, and the exactness check.
reviews() {
  local kind="$1" dir="$WORK/$1" shops="$WORK/$1/shops.txt"
  create_shops "$shops" "$kind-bench"
  log "$kind: inviting customers through the API (this also warms the service up)"
  BENCH_SHOPS="$shops" wrk -t2 -c"$CONNECTIONS" -d"${WARMUP_SECONDS}s" -s "$BENCH/invite.lua" "$APP_URL" |
    awk '/^TOKEN / { print $2 }' | sort -u >"$dir/tokens-api.txt"
  log "$kind: $(wc -l <"$dir/tokens-api.txt") links from the API (mailed invitations carry none); seeding $SEEDED_PER_SHOP invitations per shop"
  seed_invitations "$kind" "$dir"
  cat "$dir/tokens-api.txt" "$dir/tokens-seeded.txt" >"$dir/tokens.txt"
  local tokens
  tokens=$(wc -l <"$dir/tokens.txt")
  log "$kind: $tokens invitations; writing reviews (${REVIEW_WARMUP_SECONDS}s warm-up, then the measured round)"
  local created=0 line count
  for phase in warmup measured; do
    local slice="$dir/tokens-$phase.txt" seconds
    if [ "$phase" = warmup ]; then
      head -n $((tokens * 3 / 5)) "$dir/tokens.txt" >"$slice"
      seconds=$REVIEW_WARMUP_SECONDS
    else
      tail -n +$((tokens * 3 / 5 + 1)) "$dir/tokens.txt" >"$slice"
      seconds=$ROUND_SECONDS
    fi
    line=$(BENCH_TOKENS="$slice" BENCH_THREADS=2 wrk -t2 -c"$CONNECTIONS" -d"${seconds}s" --latency \
      -s "$BENCH/review.lua" "$APP_URL" | tee "$dir/review-$phase.txt" | awk '/^STATUS/')
    count=$(sed -E 's/.*created=([0-9]+).*/\1/' <<<"$line")
    created=$((created + count))
    if [ "$phase" = measured ]; then
      grep -q "other=0" <<<"$line" || { echo "reviews failed: $line" >&2; exit 1; }
      [ "$count" -lt "$(wc -l <"$slice")" ] || { echo "the measured round ran out of invitations; raise SEEDED_PER_SHOP" >&2; exit 1; }
      python3 "$BENCH/wrk_result.py" "reviews-$kind" --count "$count" <"$dir/review-$phase.txt" >>"$RESULTS"
    fi
  done
  log "$kind: checking that every stored review is counted exactly once"
  python3 "$BENCH/check_exact.py" "$kind" "$APP_URL" "$shops" "$created" $((2 * CONNECTIONS)) >>"$RESULTS"
}

# large <kind>: a shop with $LARGE reviews against one with 1,000, score cache off.
large() {
  local kind="$1" dir="$WORK/$1"
  admin -d '{"slug":"bench-large","name":"Large shop","websiteUrl":"https://large.example"}' "$APP_URL/api/v1/shops" >/dev/null
  admin -d '{"slug":"bench-small","name":"Small shop","websiteUrl":"https://small.example"}' "$APP_URL/api/v1/shops" >/dev/null
  log "$kind: seeding $LARGE reviews for bench-large and 1000 for bench-small"
  # seeded reviews are tagged by the current classifier, so the service does not retag them at start-up
  local version
  version=$(sed -nE 's/.*String VERSION = "([^"]+)".*/\1/p' "$ROOT/src/main/java/io/shopscore/insight/classify/ReviewClassifier.java")
  if [ "$kind" = h2 ]; then
    stop_app
    for spec in "bench-large $LARGE 1" "bench-small 1000 2"; do
      read -r slug count block <<<"$spec"
      sed -e "s/@SLUG@/$slug/g" -e "s/@COUNT@/$count/g" -e "s/@BLOCK@/$block/g" -e "s/@CLASSIFIER_VERSION@/$version/g" \
        "$BENCH/seed-large-shop.h2.sql" >"$dir/seed-$slug.sql"
      java -cp "$(ls "$WORK"/h2-app/lib/main/com.h2database.h2-*.jar)" org.h2.tools.RunScript \
        -url "jdbc:h2:file:$dir/data/shopscore" -user shopscore -script "$dir/seed-$slug.sql"
    done
  else
    for spec in "bench-large $LARGE 1" "bench-small 1000 2"; do
      read -r slug count block <<<"$spec"
      sed -e "s/@SLUG@/$slug/g" -e "s/@COUNT@/$count/g" -e "s/@BLOCK@/$block/g" -e "s/@CLASSIFIER_VERSION@/$version/g" \
        "$BENCH/seed-large-shop.pg.sql" |
        psql -q -v ON_ERROR_STOP=1 -d "$BENCH_DB" >/dev/null
    done
    stop_app
  fi
  start_app "$kind" "$dir" SHOPSCORE_SCORES_CACHE_SIZE=0
  curl -fs "$APP_URL/api/v1/shops/bench-large/score" | python3 -c "import sys, json; c = json.load(sys.stdin)['count']; assert c >= $LARGE, c"
  warm 10 "$APP_URL/api/v1/shops/bench-large/score"
  for _ in $(seq 1 "$ROUNDS"); do
    measure "large-$kind" "$APP_URL/api/v1/shops/bench-large/score"
    measure "small-$kind" "$APP_URL/api/v1/shops/bench-small/score"
    measure "large-batch-$kind" "$APP_URL/api/v1/scores?shops=bench-large"
  done
  stop_app
}

run_h2() {
  local dir="$WORK/h2"
  rm -rf "$dir"
  start_app h2 "$dir"
  echo "{\"label\": \"startup-h2\", \"ms\": $STARTUP_MS}" >>"$RESULTS"
  create_shops "$dir/score-shops.txt" score
  local slug key all_slugs=""
  slug=$(head -n 1 "$dir/score-shops.txt" | cut -d' ' -f1)
  # a few reviews for every shop, so that each batch entry is a real score
  local n=0
  while read -r shop_slug key; do
    all_slugs="$all_slugs${all_slugs:+,}$shop_slug"
    for grade in 10 8 7 9; do
      n=$((n + 1))
      token=$(curl -fs -H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
        -d "{\"orderRef\":\"score-$n\",\"email\":\"a@example.com\",\"delivery\":\"link\"}" "$APP_URL/api/v1/shops/$shop_slug/invitations" |
        python3 -c 'import sys, json; print(json.load(sys.stdin)["token"])')
      curl -fs -H 'Content-Type: application/json' -d "{\"score\":$grade,\"text\":\"Fine\",\"recommend\":true}" \
        "$APP_URL/api/v1/invitations/$token/review" >/dev/null
    done
  done <"$dir/score-shops.txt"
  local score_url="$APP_URL/api/v1/shops/$slug/score"
  local batch1_url="$APP_URL/api/v1/scores?shops=$slug"
  local batch20_url="$APP_URL/api/v1/scores?shops=$all_slugs"
  curl -fs "$score_url" >"$NGINX_DIR/www/score.json"
  curl -fs "$batch1_url" >"$NGINX_DIR/www/batch-1.json"
  curl -fs "$batch20_url" >"$NGINX_DIR/www/batch-20.json"
  local nginx_url="http://127.0.0.1:18081/score.json"

  log "h2: warming up the score endpoints (${WARMUP_SECONDS}s)"
  warm $((WARMUP_SECONDS / 2)) "$score_url"
  warm $((WARMUP_SECONDS / 4)) "$batch1_url"
  warm $((WARMUP_SECONDS / 4)) "$batch20_url"
  warm 5 "$nginx_url"
  local etag nginx_etag
  etag=$(etag_of "$score_url")
  nginx_etag=$(etag_of "$nginx_url")
  for _ in $(seq 1 "$ROUNDS"); do
    measure score-nginx "$nginx_url"
    measure score-shopscore "$score_url"
    measure notmodified-nginx "$nginx_url" -H "If-None-Match: $nginx_etag"
    measure notmodified-shopscore "$score_url" -H "If-None-Match: $etag"
    measure batch1-nginx "http://127.0.0.1:18081/batch-1.json"
    measure batch1-shopscore "$batch1_url"
    measure batch20-nginx "http://127.0.0.1:18081/batch-20.json"
    measure batch20-shopscore "$batch20_url"
  done
  if [ "$ONLY" = reads ]; then
    large h2
    return
  fi
  reviews h2
  echo "{\"label\": \"rss-h2\", \"mb\": $(rss_mb)}" >>"$RESULTS"
  large h2
}

run_pg() {
  local dir="$WORK/pg"
  rm -rf "$dir"
  psql -q -d postgres -c "DROP DATABASE IF EXISTS $BENCH_DB" -c "CREATE DATABASE $BENCH_DB" >/dev/null
  start_app pg "$dir"
  echo "{\"label\": \"startup-pg\", \"ms\": $STARTUP_MS}" >>"$RESULTS"
  reviews pg
  echo "{\"label\": \"rss-pg\", \"mb\": $(rss_mb)}" >>"$RESULTS"
  large pg
}

# The relay's own script, on the H2 build of this run, with its own service and sink; it adds its
# figures to the results.
mail_relay() {
  local mails=$([ "$QUICK" = 1 ] && echo 5000 || echo 30000)
  log "Mail relay: $mails mails to a local SMTP sink"
  BENCH_SKIP_BUILD=1 BENCH_APP="$WORK/h2-app" BENCH_MAILS="$mails" BENCH_RESULT="$RESULTS" "$BENCH/mail-relay.sh"
}

main() {
  require_tools
  build
  RESULTS="$WORK/results.jsonl"
  : >"$RESULTS"
  start_nginx
  start_smtp_sink
  run_h2
  mail_relay
  [ "$ONLY" = reads ] || run_pg
  stop_nginx
  stop_smtp_sink
  cat "$WORK/smtp-sink.log" >&2
  python3 "$BENCH/report.py" "$RESULTS" "$ROOT/docs/performance.md" "$QUICK" "$NGINX_DIR/nginx.conf"
}

main "$@"
