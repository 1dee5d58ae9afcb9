#!/usr/bin/env bash
# Two Bazaar instances on one external PostgreSQL, Redis and Kafka, behind nginx, on this machine; then the checks of
# docs/scale-out.md ("Several instances behind nginx"), printed as PASS/FAIL with what was measured:
#
#   bench/scale-out/run.sh            build the jar, start everything, run the checks, tear everything down
#
#   (a) a cart started on shop 1 is read on shop 2
#   (b) a price and title changed through shop 1 are shown by shop 2's product details and search within 1 s
#   (c) shop 2 killed (kill -9) while shoppers order through nginx: every order answered 201 is in the database,
#       once per Idempotency-Key
#   (d) wrk: product details and search through nginx (two instances) and on shop 1 directly (one instance)
#   and a NOTE, not a check: how long a category created on shop 1 takes to become usable on shop 2
#
# Needs: a JDK 21+ (JAVA_HOME, default temurin 25), Maven, python3, curl, wrk, psql, PostgreSQL's server binaries
# (initdb, pg_ctl, postgres), redis-server and nginx (Debian: apt-get install nginx redis-server wrk). Kafka is not
# installed: one KRaft broker runs from the test classpath (bench/scale-out/KafkaBroker.java). Everything binds to
# 127.0.0.1 on free ports and lives in a scratch directory, removed at the end (SCALEOUT_KEEP=1 keeps it, with the
# logs). Variables: SCALEOUT_SKIP_BUILD=1 (reuse target/*.jar), SCALEOUT_WRK_SECONDS (15), SCALEOUT_WRK_CONNECTIONS
# (32), SCALEOUT_REPORT (target/scale-out-report.txt). The exit status is 0 only when every check passed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
source "$here/../lib/nginx.sh"
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME
: "${SCALEOUT_WRK_SECONDS:=15}" "${SCALEOUT_WRK_CONNECTIONS:=32}" "${SCALEOUT_REPORT:=$root/target/scale-out-report.txt}"
pg_bin="$(dirname "$(readlink -f "$(command -v pg_ctl || echo /usr/lib/postgresql/15/bin/pg_ctl)")")"

scratch="$(mktemp -d /tmp/bazaar-scaleout.XXXXXX)"
chmod 755 "$scratch"
report="$scratch/report.txt"
pids=()
nginx_started=false
pg_started=false

log() { echo "[$(date +%H:%M:%S)] $*" | tee -a "$report"; }
result() { echo "$*" | tee -a "$report"; }

teardown() {
  set +e
  $nginx_started && stop_nginx_in "$scratch/nginx"
  for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2> /dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2> /dev/null
  done
  $pg_started && as_postgres "$pg_bin/pg_ctl" -D "$scratch/pg/data" -m fast -w stop > /dev/null
  mkdir -p "$(dirname "$SCALEOUT_REPORT")" && cp "$report" "$SCALEOUT_REPORT" 2> /dev/null
  if [ "${SCALEOUT_KEEP:-0}" = 1 ]; then echo "Kept $scratch (logs under it)"; else rm -rf "$scratch"; fi
}
trap teardown EXIT
trap 'exit 130' INT TERM

# PostgreSQL refuses to run as root: run its server as the postgres user then
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_for() { # url seconds name
  for _ in $(seq "$2"); do curl -fs -o /dev/null "$1" && return 0; sleep 1; done
  log "$3 did not come up; see $scratch"; SCALEOUT_KEEP=1; exit 1
}

pg_port=$(free_port); redis_port=$(free_port)
shop1_port=$(free_port); shop2_port=$(free_port); lb_port=$(free_port)
log "scratch $scratch; PostgreSQL :$pg_port, Redis :$redis_port, shop 1 :$shop1_port, shop 2 :$shop2_port, nginx :$lb_port"

# --- 1. PostgreSQL, Redis, Kafka --------------------------------------------------------------------------------
mkdir -p "$scratch/pg/socket" && chown -R "$( [ "$(id -u)" = 0 ] && echo postgres || id -un)" "$scratch/pg"
as_postgres "$pg_bin/initdb" -D "$scratch/pg/data" -U bazaar --auth=trust --encoding=UTF8 > "$scratch/pg/initdb.log"
as_postgres "$pg_bin/pg_ctl" -D "$scratch/pg/data" -l "$scratch/pg/server.log" -w \
  -o "-p $pg_port -h 127.0.0.1 -k $scratch/pg/socket -c max_connections=100" start > /dev/null
pg_started=true
psql=(psql -At -q -h 127.0.0.1 -p "$pg_port" -U bazaar)
"${psql[@]}" -d postgres -c "CREATE DATABASE bazaar"
psql+=(-d bazaar)

redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --maxmemory 512mb \
  --maxmemory-policy volatile-lru > "$scratch/redis.log" 2>&1 &
pids+=($!)

if [ ! -s "$scratch/classpath.txt" ]; then
  (cd "$root" && mvn -B -q -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$scratch/classpath.txt") > /dev/null 2>&1
fi
"$JAVA_HOME/bin/java" -Xmx512m -cp "$(cat "$scratch/classpath.txt")" "$here/KafkaBroker.java" \
  > "$scratch/kafka.log" 2>&1 &
pids+=($!)

# --- 2. the jar and two instances -------------------------------------------------------------------------------
if [ "${SCALEOUT_SKIP_BUILD:-0}" != 1 ] || ! ls "$root"/target/bazaar-*.jar > /dev/null 2>&1; then
  log "building the jar (mvn -q -DskipTests package)"
  (cd "$root" && mvn -B -q -ntp -DskipTests package) > "$scratch/build.log" 2>&1 || { cat "$scratch/build.log"; exit 1; }
fi
jar=$(ls "$root"/target/bazaar-*.jar | grep -v plain | head -1)
for _ in $(seq 120); do grep -q 'KAFKA READY' "$scratch/kafka.log" && break; sleep 1; done
grep -q 'KAFKA READY' "$scratch/kafka.log" || { log "Kafka did not start; see $scratch/kafka.log"; SCALEOUT_KEEP=1; exit 1; }
kafka=$(sed -n 's/^KAFKA READY //p' "$scratch/kafka.log" | head -1)
log "PostgreSQL, Redis and Kafka ($kafka) are up"

export BAZAAR_ADMIN_PASSWORD="scale-out admin password 1"
jwt_secret=$(head -c 32 /dev/urandom | base64)
shop_pid=()
start_shop() { # number port
  local n=$1 port=$2
  mkdir -p "$scratch/shop-$n"
  # the configuration a user copies (docs/scale-out.md), plus: rate limits off, since every request of this run
  # comes from one address, and plain-text logs
  env BAZAAR_DB_URL="jdbc:postgresql://127.0.0.1:$pg_port/bazaar" BAZAAR_DB_USERNAME=bazaar BAZAAR_DB_PASSWORD= \
    SPRING_DATA_REDIS_HOST=127.0.0.1 SPRING_DATA_REDIS_PORT="$redis_port" \
    SPRING_KAFKA_BOOTSTRAP_SERVERS="$kafka" BAZAAR_INSTANCE_ID="shop-$n" \
    BAZAAR_JWT_SECRET="$jwt_secret" BAZAAR_DATA_DIR="$scratch/shop-$n" PORT="$port" BAZAAR_LOG_FORMAT= \
    "$JAVA_HOME/bin/java" -Xms256m -Xmx1g -jar "$jar" \
    --server.forward-headers-strategy=native --bazaar.rate-limit.enabled=false \
    > "$scratch/shop-$n/app.log" 2>&1 &
  shop_pid[$n]=$!
  pids+=($!)
  disown "$!"   # no "Killed" message from the shell when check (c) kills it
}
started=$(date +%s)
start_shop 1 "$shop1_port"
wait_for "http://127.0.0.1:$shop1_port/actuator/health/readiness" 300 "shop 1"
log "shop 1 ready after $(($(date +%s) - started)) s (it imported the demo catalog: $("${psql[@]}" -c 'SELECT count(*) FROM products') products)"
started=$(date +%s)
start_shop 2 "$shop2_port"
wait_for "http://127.0.0.1:$shop2_port/actuator/health/readiness" 300 "shop 2"
log "shop 2 ready after $(($(date +%s) - started)) s"

# --- 3. nginx ---------------------------------------------------------------------------------------------------
write_nginx_conf "$scratch/nginx" "$lb_port" "$scratch/nginx/logs/access.log" \
  "127.0.0.1:$shop1_port" "127.0.0.1:$shop2_port"
start_nginx_in "$scratch/nginx"
nginx_started=true
lb="http://127.0.0.1:$lb_port"
shop1="http://127.0.0.1:$shop1_port"
shop2="http://127.0.0.1:$shop2_port"
wait_for "$lb/actuator/health/readiness" 30 "nginx"
log "nginx up on $lb"

# --- 4. the checks ----------------------------------------------------------------------------------------------
failures=0
check() { python3 "$here/checks.py" "$@" 2>> "$scratch/checks.log" | tee -a "$report" || failures=$((failures + 1)); }
check cart "$shop1" "$shop2"
python3 "$here/checks.py" category "$shop1" "$shop2" 2>> "$scratch/checks.log" | tee -a "$report" || true
check update "$shop1" "$shop2"

wrk_run() { # name base paths
  BENCH_PATHS="$3" wrk -t2 -c"$SCALEOUT_WRK_CONNECTIONS" -d10s -s "$root/bench/wrk-pick.lua" "$2" > /dev/null
  local line
  line=$(BENCH_PATHS="$3" wrk -t2 -c"$SCALEOUT_WRK_CONNECTIONS" -d"${SCALEOUT_WRK_SECONDS}s" --latency \
    -s "$root/bench/wrk-pick.lua" "$2" | grep '^RESULT')
  eval "${line#RESULT }"
  result "| $1 | $rps | $p50_ms | $p90_ms | $p99_ms | $max_ms | $((errors + non2xx)) |"
}
python3 "$here/checks.py" wrk-paths "$shop1" "$scratch" 2>> "$scratch/checks.log"
for warm in "$shop1" "$shop2"; do   # both JITs and both index caches warm before the first row (shop 2 started last)
  BENCH_PATHS="$scratch/details.txt" wrk -t2 -c8 -d10s -s "$root/bench/wrk-pick.lua" "$warm" > /dev/null
  BENCH_PATHS="$scratch/search.txt" wrk -t2 -c8 -d10s -s "$root/bench/wrk-pick.lua" "$warm" > /dev/null
done
log "(d) wrk, $SCALEOUT_WRK_CONNECTIONS connections, ${SCALEOUT_WRK_SECONDS} s per row after 10 s of warm-up; load average $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
result "| operation | requests/s | p50 ms | p90 ms | p99 ms | max ms | errors |"
result "|---|---:|---:|---:|---:|---:|---:|"
wrk_run "product details, nginx → 2 instances" "$lb" "$scratch/details.txt"
wrk_run "product details, 1 instance direct" "$shop1" "$scratch/details.txt"
wrk_run "search, nginx → 2 instances" "$lb" "$scratch/search.txt"
wrk_run "search, 1 instance direct" "$shop1" "$scratch/search.txt"

check orders "$lb" "$shop1" "${shop_pid[2]}" "${psql[@]}"
upstream_errors=$(grep -c 'upstream' "$scratch/nginx/logs/error.log" || true)
log "nginx logged $upstream_errors upstream errors (shop 2 down); $(awk '{print $9}' "$scratch/nginx/logs/access.log" | sort | uniq -c | tr '\n' ' ')"

log "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "$failures" = 0 ]; then log "all checks passed"; else log "$failures check(s) failed"; fi
exit "$failures"
