#!/usr/bin/env bash
# The load benchmark of docs/benchmarks.md, in one command:
#
#   bench/run.sh                  the full measurement: 1M products, 100K shoppers, every rate (about 40 minutes
#                                 the first time, of which ~10 build the data set; then about 30)
#   bench/run.sh --quick          a smoke run of the same code path: 20K products, 2K shoppers, two short rates
#   bench/run.sh --profile[=OP]   also profile one operation with JFR (default: the one furthest from its target)
#   bench/run.sh --publish        write the results into docs/benchmarks.md and docs/benchmarks/ (default for the
#                                 full run; --no-publish keeps them in the results directory only)
#
# Steps: (1) build the data set once per size (./bazaar start with the catalog generator, then
# bench/gatling/seed-shoppers.sql for users, carts, orders, reviews and behaviour) and keep it in BENCH_DATA_DIR;
# (2) start the server on it (embedded PostgreSQL, rate limits off), sign shoppers in and write the fixture files
# (bench/gatling/fixtures.py); (3) run the Gatling simulation (bench/gatling): per operation a warm-up, then one
# stage per offered rate in an open model, the ceiling (GET /api/v1/ping) and the mixed scenario;
# (4) optionally profile; (5) write the report (bench/gatling/report.py). Every number can be changed through the
# BENCH_* variables below; needs a JDK 21+, Maven, python3, curl and psql.
set -euo pipefail
overrides=$(env | grep -E '^BENCH_[A-Z_]+=' | sort | tr '\n' ' ' || true)   # for the report: the exact command
root="$(cd "$(dirname "$0")/.." && pwd)"
harness="$root/bench/gatling"

quick=false
profile=""
publish=""
for arg in "$@"; do
  case "$arg" in
    --quick) quick=true ;;
    --profile) profile=auto ;;
    --profile=*) profile="${arg#--profile=}" ;;
    --publish) publish=true ;;
    --no-publish) publish=false ;;
    -h | --help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "Unknown argument: $arg (see bench/run.sh --help)" >&2; exit 2 ;;
  esac
done

if $quick; then
  mode="quick smoke run"
  : "${BENCH_PRODUCTS:=20000}" "${BENCH_USERS:=2000}" "${BENCH_SAMPLE:=2000}"
  : "${BENCH_RATES:=50,150}" "${BENCH_MIXED_RATES:=1,3}"
  : "${BENCH_STAGE_SECONDS:=5}" "${BENCH_WARMUP_SECONDS:=5}" "${BENCH_PAUSE_SECONDS:=1}"
  : "${BENCH_POOL_CART:=100}" "${BENCH_POOL_ADD:=100}" "${BENCH_POOL_RECOMMENDATIONS:=100}" "${BENCH_POOL_MIXED:=100}"
  : "${BENCH_PROFILE_SECONDS:=10}"
  : "${publish:=false}"
else
  mode="full run"
  : "${BENCH_PRODUCTS:=1000000}" "${BENCH_USERS:=100000}" "${BENCH_SAMPLE:=20000}"
  # Rates per operation span well below to beyond what two cores can serve (closed-model saturation in the
  # sections below: ping 12K, details 5K, search 2.5K, get cart 1.8K, add to cart 0.5K requests/s).
  : "${BENCH_RATES:=100,250,500,1000,2000,4000}"
  : "${BENCH_RATES_DETAILS:=500,1000,2000,4000,8000}"
  : "${BENCH_RATES_ADD:=100,250,500,1000,2000}"
  # popular recommendations are computed per request for now (scores and product cards of every product with
  # activity in the window): start low
  : "${BENCH_RATES_RECOMMENDATIONS:=50,250,500,1000,2000,4000}"
  : "${BENCH_MIXED_RATES:=5,10,20,40}"
  : "${BENCH_STAGE_SECONDS:=30}" "${BENCH_WARMUP_SECONDS:=30}" "${BENCH_PAUSE_SECONDS:=3}"
  : "${BENCH_POOL_CART:=1000}" "${BENCH_POOL_ADD:=2000}" "${BENCH_POOL_RECOMMENDATIONS:=1000}" "${BENCH_POOL_MIXED:=1000}"
  : "${BENCH_PROFILE_SECONDS:=60}"
  : "${publish:=true}"
fi
: "${BENCH_OPERATIONS:=ping,details,search,cart,add,recommendations,mixed}"
: "${BENCH_VIEWS_PER_USER:=20}" "${BENCH_ORDERS_PER_USER:=2}" "${BENCH_CART_SHARE:=0.4}" "${BENCH_POOL_SIZE:=2000}"
: "${BENCH_THINK_MIN_MILLIS:=200}" "${BENCH_THINK_MAX_MILLIS:=800}" "${BENCH_CHECKOUT_SHARE:=0.2}"
: "${BENCH_ABANDON_SHARE:=0.2}"   # once a rate fails for this share of requests, higher rates of it are skipped
: "${BENCH_DATA_DIR:=$root/bench/data/p$BENCH_PRODUCTS-u$BENCH_USERS}"
: "${BENCH_RESULTS:=$root/bench/results/$(date -u +%Y%m%dT%H%M%SZ)}"
password="benchmark password 1"          # every generated shopper's
admin_password="benchmark admin password 1"
command_line="${overrides}bench/run.sh${*:+ $*}"

# The same JDK choice as ./bazaar (21 or newer; JAVA_HOME if it is one), for Maven, jcmd and jfr.
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}'; }
if [ -z "${JAVA_HOME:-}" ] || [ ! -x "$JAVA_HOME/bin/java" ] || [ "$(java_major "$JAVA_HOME")" -lt 21 ]; then
  best=0
  for candidate in /usr/lib/jvm/*; do
    [ -x "$candidate/bin/javac" ] || continue
    version=$(java_major "$candidate" 2> /dev/null || echo 0)
    if [ "${version%%.*}" -gt "$best" ] 2> /dev/null; then best="${version%%.*}"; JAVA_HOME="$candidate"; fi
  done
  [ "$best" -ge 21 ] || { echo "bench/run.sh needs a JDK 21 or newer; set JAVA_HOME to one" >&2; exit 1; }
  export JAVA_HOME
fi
for tool in mvn python3 curl psql; do
  command -v "$tool" > /dev/null || { echo "bench/run.sh needs $tool" >&2; exit 1; }
done

log() { echo "[bench $(date -u +%H:%M:%S)] $*"; }
fail() { echo "[bench] $*" >&2; exit 1; }

server_pid=""
app_pid=""
port=""
base=""

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# Starts ./bazaar start on the data directory, logging to $1; returns once it is ready: the readiness probe turns
# UP after the start-up runners (the catalog generator among them) have finished.
start_server() {
  local server_log="$1"
  port=$(free_port)
  base="http://127.0.0.1:$port"
  log "Starting Bazaar on $base (data in $BENCH_DATA_DIR, log in $server_log)"
  # setsid: the server (Maven, the application's JVM it forks, PostgreSQL) gets a process group of its own
  BAZAAR_LOG_FORMAT="" BAZAAR_DEMO=false BAZAAR_ADMIN_PASSWORD="$admin_password" \
    setsid "$root/bazaar" start --bazaar.data-dir="$BENCH_DATA_DIR" --server.port="$port" \
    --bazaar.generate.products="$BENCH_PRODUCTS" --bazaar.rate-limit.enabled=false \
    --bazaar.security.jwt.access-token-ttl=12h > "$server_log" 2>&1 &
  server_pid=$!
  local waited=0
  until curl -sf -o /dev/null "$base/actuator/health/readiness"; do
    kill -0 "$server_pid" 2> /dev/null || { tail -n 40 "$server_log" >&2; fail "The server stopped; see $server_log"; }
    [ "$waited" -lt 3600 ] || fail "The server was not ready within an hour; see $server_log"
    sleep 2
    waited=$((waited + 2))
    [ $((waited % 60)) -ne 0 ] || log "Still starting; last line of the log: $(grep -v '^[[:space:]]*$' "$server_log" | tail -n 1 | cut -c1-160)"
  done
  app_pid=$(pgrep -P "$server_pid" java | head -n 1 || true)
  [ -n "$app_pid" ] || app_pid=$(pgrep -P "$server_pid" | head -n 1)
  log "Server up (application JVM pid $app_pid)"
}

stop_server() {
  [ -n "$server_pid" ] || return 0
  log "Stopping the server"
  if [ -n "$app_pid" ]; then kill -TERM "$app_pid" 2> /dev/null || true; fi
  for _ in $(seq 1 60); do
    kill -0 "$server_pid" 2> /dev/null || break
    sleep 1
  done
  kill -TERM -- "-$server_pid" 2> /dev/null || true
  wait "$server_pid" 2> /dev/null || true
  server_pid=""
  app_pid=""
}
trap stop_server EXIT
trap 'exit 130' INT TERM

api() { # METHOD PATH [JSON] [TOKEN]
  curl -sS -X "$1" "$base$2" -H 'Content-Type: application/json' ${3:+--data "$3"} \
    ${4:+-H "Authorization: Bearer $4"}
}
json() { python3 -c "import json, sys; data = json.load(sys.stdin); print($1)"; }

admin_token() {
  api POST /api/v1/auth/login "{\"email\": \"admin@bazaar.local\", \"password\": \"$admin_password\"}" \
    | json 'data["data"]["tokens"]["accessToken"]'
}

# The generator's products are searchable once the background index rebuild has indexed them all.
wait_for_search_index() {
  local token status waited=0
  token=$(admin_token)
  while true; do
    status=$(api GET /api/v1/admin/search/index "" "$token")
    if echo "$status" | json 'not data["data"]["rebuilding"] and data["data"]["indexedProducts"] >= '"$BENCH_PRODUCTS" \
      | grep -q True; then
      break
    fi
    [ $((waited % 30)) -ne 0 ] || log "Waiting for the search index: $(echo "$status" | json 'data["data"]')"
    [ "$waited" -lt 3600 ] || fail "The search index was not ready within an hour"
    sleep 5
    waited=$((waited + 5))
  done
}

psql_command() {
  local pg_port
  pg_port=$(sed -n 4p "$BENCH_DATA_DIR/postgres/postmaster.pid")
  echo "psql -h 127.0.0.1 -p $pg_port -U postgres bazaar"
}

# (1) The data set, built once per size and reused.
mkdir -p "$BENCH_DATA_DIR" "$BENCH_RESULTS"
if [ ! -f "$BENCH_DATA_DIR/bench-data-ready" ]; then
  log "Building the data set: $BENCH_PRODUCTS products, $BENCH_USERS shoppers (once; kept in $BENCH_DATA_DIR)"
  started=$(date +%s)
  start_server "$BENCH_DATA_DIR/prepare.log"
  wait_for_search_index
  catalog_seconds=$(($(date +%s) - started))
  log "Catalog generated and indexed in ${catalog_seconds} s; seeding shoppers"
  api POST /api/v1/auth/register "{\"email\": \"template@bench.bazaar.local\", \"name\": \"Template Shopper\", \
\"password\": \"$password\"}" > /dev/null
  psql_cmd=$(psql_command)
  hash=$($psql_cmd -X -A -t -c "SELECT password_hash FROM users WHERE email = 'template@bench.bazaar.local'")
  [ -n "$hash" ] || fail "The template shopper was not registered"
  started=$(date +%s)
  $psql_cmd -X -q -v users="$BENCH_USERS" -v views_per_user="$BENCH_VIEWS_PER_USER" \
    -v orders_per_user="$BENCH_ORDERS_PER_USER" -v cart_share="$BENCH_CART_SHARE" -v pool_size="$BENCH_POOL_SIZE" \
    -v password_hash="$hash" -f "$harness/seed-shoppers.sql" | tee "$BENCH_DATA_DIR/seed.txt"
  log "Shoppers seeded in $(($(date +%s) - started)) s"
  stop_server
  echo "products=$BENCH_PRODUCTS users=$BENCH_USERS catalog_seconds=$catalog_seconds" > "$BENCH_DATA_DIR/bench-data-ready"
fi

# (2) The server under test, and the fixtures.
start_server "$BENCH_RESULTS/server.log"
wait_for_search_index
log "Signing shoppers in and writing fixtures to $BENCH_RESULTS/fixtures"
python3 "$harness/fixtures.py" "$base" "$BENCH_RESULTS/fixtures" --psql "$(psql_command)" --password "$password" \
  --sample "$BENCH_SAMPLE" --token-cache "$BENCH_DATA_DIR/tokens" --pool cart="$BENCH_POOL_CART" --pool add="$BENCH_POOL_ADD" \
  --pool recommendations="$BENCH_POOL_RECOMMENDATIONS" --pool mixed="$BENCH_POOL_MIXED"

# Personalised recommendations are the seed's; until the server serves them, measure the type it has.
recommendation_type=personalized
probe_token=$(sed -n 2p "$BENCH_RESULTS/fixtures/shoppers-recommendations.csv" | tr -d '\r')
probe=$(curl -s -o /dev/null -w '%{http_code}' "$base/api/v1/recommendations?type=personalized&limit=20" \
  -H "Authorization: Bearer $probe_token")
if [ "$probe" != 200 ]; then
  log "GET /recommendations?type=personalized answered $probe: measuring type=popular instead"
  recommendation_type=popular
fi

# (3) The load. One Maven run, one Gatling JVM, every stage in sequence.
gatling() { # RESULTS_FOLDER STAGES_FILE [extra -D...]; Gatling's console goes to RESULTS_FOLDER.log
  local folder="$1" stages="$2"
  shift 2
  (cd "$harness" && mvn -B -q -ntp gatling:test -Dbench.resultsFolder="$folder" \
    -Dbench.baseUrl="$base" -Dbench.fixtures="$BENCH_RESULTS/fixtures" -Dbench.stagesFile="$stages" \
    -Dbench.rates="$BENCH_RATES" -Dbench.mixedRates="$BENCH_MIXED_RATES" \
    -Dbench.rates.details="${BENCH_RATES_DETAILS:-}" -Dbench.rates.search="${BENCH_RATES_SEARCH:-}" \
    -Dbench.rates.cart="${BENCH_RATES_CART:-}" -Dbench.rates.add="${BENCH_RATES_ADD:-}" \
    -Dbench.rates.recommendations="${BENCH_RATES_RECOMMENDATIONS:-}" \
    -Dbench.thinkMinMillis="$BENCH_THINK_MIN_MILLIS" -Dbench.thinkMaxMillis="$BENCH_THINK_MAX_MILLIS" \
    -Dbench.checkoutShare="$BENCH_CHECKOUT_SHARE" -Dbench.abandonShare="$BENCH_ABANDON_SHARE" \
    -Dbench.recommendationType="$recommendation_type" "$@" > "$folder.log" 2>&1)
}
report_of() { find "$1" -name index.html -printf '%T@ %p\n' | sort -n | tail -n 1 | cut -d' ' -f2; }

log "Load: $BENCH_OPERATIONS (progress: tail -f $BENCH_RESULTS/gatling.log)"
gatling "$BENCH_RESULTS/gatling" "$BENCH_RESULTS/stages.json" -Dbench.operations="$BENCH_OPERATIONS" \
  -Dbench.stageSeconds="$BENCH_STAGE_SECONDS" -Dbench.warmUpSeconds="$BENCH_WARMUP_SECONDS" \
  -Dbench.pauseSeconds="$BENCH_PAUSE_SECONDS" \
  || log "Gatling reported failed requests or assertions; the report below says which"
gatling_report=$(report_of "$BENCH_RESULTS/gatling")
[ -n "$gatling_report" ] || fail "Gatling wrote no report under $BENCH_RESULTS/gatling"

report_args=(--gatling-report "$gatling_report" --stages "$BENCH_RESULTS/stages.json" --out "$BENCH_RESULTS"
  --mode "$mode" --command "$command_line" --recommendation-type "$recommendation_type"
  --abandon-share "$BENCH_ABANDON_SHARE"
  --data "products=$BENCH_PRODUCTS users=$BENCH_USERS views_per_user=$BENCH_VIEWS_PER_USER orders_per_user=$BENCH_ORDERS_PER_USER cart_share=$BENCH_CART_SHARE"
  --settings "stage=${BENCH_STAGE_SECONDS}s warm-up=${BENCH_WARMUP_SECONDS}s pause=${BENCH_PAUSE_SECONDS}s think=${BENCH_THINK_MIN_MILLIS}-${BENCH_THINK_MAX_MILLIS}ms checkout-share=$BENCH_CHECKOUT_SHARE"
  --seed-file "$BENCH_DATA_DIR/seed.txt" --server-log "$BENCH_RESULTS/server.log" --java-home "$JAVA_HOME")

# (4) Profile one operation with JFR, in a separate pass so that the recording does not weigh on the measurement.
if [ -n "$profile" ]; then
  if [ "$profile" = auto ]; then
    read -r profile profile_rate < <(python3 "$harness/report.py" "${report_args[@]}" --choose-profile)
  else
    read -r _ profile_rate < <(python3 "$harness/report.py" "${report_args[@]}" --choose-profile="$profile")
  fi
  jfr_file="$BENCH_RESULTS/profile-$profile.jfr"
  log "Profiling $profile at $profile_rate/s for ${BENCH_PROFILE_SECONDS} s with JFR"
  "$JAVA_HOME/bin/jcmd" "$app_pid" JFR.start name=bench settings=profile filename="$jfr_file" > /dev/null
  gatling "$BENCH_RESULTS/gatling-profile" "$BENCH_RESULTS/profile-stages.json" -Dbench.operations="$profile" \
    -Dbench.rates."$profile"="$profile_rate" -Dbench.rates="$profile_rate" -Dbench.mixedRates="$profile_rate" \
    -Dbench.stageSeconds="$BENCH_PROFILE_SECONDS" -Dbench.warmUpSeconds=0 -Dbench.pauseSeconds=0 || true
  "$JAVA_HOME/bin/jcmd" "$app_pid" JFR.stop name=bench > /dev/null
  {
    echo "JFR profile of $profile at $profile_rate requests/s for ${BENCH_PROFILE_SECONDS} s ($mode)"
    echo "Recording: $jfr_file (open it in JDK Mission Control, or: jfr view hot-methods $jfr_file)"
    echo
    python3 "$harness/jfr_hot_paths.py" "$JAVA_HOME/bin/jfr" "$jfr_file"
    for view in hot-methods allocation-by-class contention-by-site; do
      "$JAVA_HOME/bin/jfr" view --width 160 "$view" "$jfr_file" || true
      echo
    done
  } > "$BENCH_RESULTS/profile-$profile.txt" 2>&1
  report_args+=(--profile "$BENCH_RESULTS/profile-$profile.txt")
fi
stop_server

# (5) The report.
if [ "$publish" = true ]; then
  report_args+=(--publish "$root/docs/benchmarks.md" --chart-dir "$root/docs/benchmarks")
fi
python3 "$harness/report.py" "${report_args[@]}"
log "Done: $BENCH_RESULTS/report.md${publish:+ (published: $publish)}"
