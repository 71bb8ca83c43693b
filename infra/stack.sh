#!/usr/bin/env bash
# Starts, stops and tests the Contacts stack: natively by default, with Docker on request.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: infra/stack.sh <command> [options]

  up [--infra-only] [--docker]   build the services if needed, start every part, wait until all are healthy,
                                 print and write infra/.run/stack.env
                                   --infra-only  only PostgreSQL, Kafka, Elasticsearch and the mail server
                                   --docker      the same topology with docker compose (infra/docker-compose.yml)
  down [--docker]                stop what `up` started (by pid; compose down with --docker)
  status                         one line per part: running/stopped, pid, port
  logs [part] [-f]               tail one log (pg, kafka, es, mail, command-service, query-service, nginx) or all
  test                           start the stack, run `mvnw -B verify` against it, stop what this run started
  faults [--full]                run the fault-injection suite (fault-tests) against the running stack; --full:
                                 the issue's outage lengths (docs/faults.md)
  stop <part>...                 stop parts cleanly (restart them with `up`)
  kill <part>...                 crash parts: kill -9 (PostgreSQL: pg_ctl stop -m immediate, recovery at next start)
  freeze <part>...               hang parts without stopping them: SIGSTOP of the part's whole process group (every
                                 PostgreSQL process; Elasticsearch's node), what a long GC pause or a partition
                                 looks like: connections are still accepted, nothing answers
  thaw <part>...                 SIGCONT what freeze stopped
  env                            print the stack.env lines

Jars:  CONTACTS_COMMAND_JAR, CONTACTS_QUERY_JAR run the given jars instead of building the modules.
Ports: CONTACTS_EDGE_PORT (8080), COMMAND_SERVICE_PORT (8081), QUERY_SERVICE_PORT (8082), COMMAND_MANAGEMENT_PORT
       (8091) and QUERY_MANAGEMENT_PORT (8092) (actuator: health probes, metrics), CONTACTS_PG_PORT (5432),
       CONTACTS_KAFKA_PORT (9092), CONTACTS_KAFKA_CONTROLLER_PORT (9093), CONTACTS_ES_PORT (9200),
       CONTACTS_SMTP_PORT (3025), CONTACTS_IMAP_PORT (3143) (the development mail server, GreenMail).
State: CONTACTS_RUN_DIR (default infra/.run): data, logs/<part>.log, pids/<part>.pid, downloads.
EOF
}

# runuser, useradd and nginx live in sbin, which a CI or cron PATH may lack
PATH=$PATH:/usr/local/sbin:/usr/sbin:/sbin
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
INFRA=$ROOT/infra
RUN=${CONTACTS_RUN_DIR:-$INFRA/.run}
mkdir -p "$RUN"
RUN=$(cd "$RUN" && pwd)
LOGS=$RUN/logs
PIDS=$RUN/pids

EDGE_PORT=${CONTACTS_EDGE_PORT:-8080}
COMMAND_PORT=${COMMAND_SERVICE_PORT:-8081}
QUERY_PORT=${QUERY_SERVICE_PORT:-8082}
COMMAND_MANAGEMENT=${COMMAND_MANAGEMENT_PORT:-8091}
QUERY_MANAGEMENT=${QUERY_MANAGEMENT_PORT:-8092}
PG_PORT=${CONTACTS_PG_PORT:-5432}
KAFKA_PORT=${CONTACTS_KAFKA_PORT:-9092}
KAFKA_CONTROLLER_PORT=${CONTACTS_KAFKA_CONTROLLER_PORT:-9093}
ES_PORT=${CONTACTS_ES_PORT:-9200}
SMTP_PORT=${CONTACTS_SMTP_PORT:-3025}
IMAP_PORT=${CONTACTS_IMAP_PORT:-3143}

ES_VERSION=8.19.5
ES_USER=contacts-es
PG_USER=postgres
SERVICE_VERSION=0.1.0-SNAPSHOT

INFRA_PARTS=(pg kafka es mail)
APP_PARTS=(command-service query-service nginx)
ALL_PARTS=("${INFRA_PARTS[@]}" "${APP_PARTS[@]}")
STARTED=()        # parts this invocation started, so `test` stops only those
declare -A LAUNCHED_AT=()

# ---------------------------------------------------------------------------------------------------------------- util

say() { printf '%s\n' "$*" >&2; }
die() { say "stack.sh: error: $*"; exit 1; }

# A part failed to start: show the end of its log right away (CI output is often all one gets).
fail_part() {
  local part=$1 log; log=$(log_of "$1"); shift
  if [[ -s $log ]]; then say "---- last lines of $log ----"; tail -n 25 "$log" >&2; say "----"; fi
  die "$part $*; see $log$([[ $part == es ]] && echo " and $RUN/es/logs/launcher.log" || true)"
}
now_ms() { date +%s%3N; }
secs_since() { local ms=$(( $(now_ms) - $1 )); printf '%d.%01d' $((ms / 1000)) $(((ms % 1000) / 100)); }

port_of() {
  case $1 in
    pg) echo "$PG_PORT" ;; kafka) echo "$KAFKA_PORT" ;; es) echo "$ES_PORT" ;; mail) echo "$SMTP_PORT" ;;
    command-service) echo "$COMMAND_PORT" ;; query-service) echo "$QUERY_PORT" ;; nginx) echo "$EDGE_PORT" ;;
    *) die "unknown part '$1' (parts: ${ALL_PARTS[*]})" ;;
  esac
}

log_of() {
  case $1 in
    es) echo "$RUN/es/logs/contacts.log" ;;   # Elasticsearch runs daemonised and writes its own log
    *) echo "$LOGS/$1.log" ;;
  esac
}

pid_of() { local f=$PIDS/$1.pid; [[ -s $f ]] && head -n1 "$f" || true; }

is_running() {
  local pid; pid=$(pid_of "$1")
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null && return 0
  # Elasticsearch writes its pid only once the node boots; until then its launcher stands for it.
  [[ $1 == es ]] && pid=$(pid_of es-launcher) && [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Keep one previous log, so a failed start shows only its own lines.
rotate_log() { [[ -e $1 ]] && mv -f "$1" "$1.prev"; : >"$1"; }

# Run detached from this shell (own session, no inherited fds) and record the pid of the exec'd program.
spawn() {
  local part=$1 log=$2; shift 2
  nohup setsid bash -c 'echo $$ >"$0"; exec "$@"' "$PIDS/$part.pid" "$@" </dev/null >>"$log" 2>&1 &
  local i; for i in $(seq 50); do [[ -s $PIDS/$part.pid ]] && return 0; sleep 0.1; done
  die "$part: could not record its pid"
}

# Root runs the data stores as their own unprivileged users (postgres and elasticsearch refuse root);
# anyone else runs them as themselves.
as_user() {
  local user=$1; shift
  if [[ $EUID -eq 0 ]]; then runuser -u "$user" -- "$@"; else "$@"; fi
}

own() { if [[ $EUID -eq 0 ]]; then chown -R "$1" "${@:2}"; fi; }

# The unprivileged users must reach $RUN through every parent directory.
ensure_traversable() {
  [[ $EUID -eq 0 ]] || return 0
  local d=$RUN
  while [[ $d != / ]]; do
    if [[ $(( 8#$(stat -c %a "$d") & 1 )) -eq 0 ]]; then
      say "note: chmod o+x $d (so postgres/$ES_USER can reach $RUN)"
      chmod o+x "$d"
    fi
    d=$(dirname "$d")
  done
}

mvn_cmd() { if [[ -x $ROOT/mvnw ]]; then echo "$ROOT/mvnw"; else command -v mvn || die "neither ./mvnw nor mvn found"; fi; }

# ------------------------------------------------------------------------------------------------------- stack.env

platform_token() {
  local f=$RUN/platform-token
  if [[ ! -s $f ]]; then
    (umask 077; od -An -N24 -tx1 /dev/urandom | tr -d ' \n' >"$f")
  fi
  cat "$f"
}

# Signs export download links; kept with the data, so links in sent emails survive a restart of the service.
exports_secret() {
  local f=$RUN/exports-signing-secret
  if [[ ! -s $f ]]; then
    (umask 077; od -An -N32 -tx1 /dev/urandom | tr -d ' \n' >"$f")
  fi
  cat "$f"
}

stack_env() {
  cat <<EOF
CONTACTS_URL=http://127.0.0.1:$EDGE_PORT
CONTACTS_PUBLIC_URL=http://127.0.0.1:$EDGE_PORT
CONTACTS_PLATFORM_TOKEN=$(platform_token)
CONTACTS_DB_URL=jdbc:postgresql://127.0.0.1:$PG_PORT/contacts
CONTACTS_DB_USER=contacts
CONTACTS_DB_PASSWORD=contacts
CONTACTS_KAFKA_BOOTSTRAP=127.0.0.1:$KAFKA_PORT
CONTACTS_ES_URL=http://127.0.0.1:$ES_PORT
CONTACTS_COMMAND_URL=http://127.0.0.1:$COMMAND_PORT
CONTACTS_QUERY_URL=http://127.0.0.1:$QUERY_PORT
CONTACTS_COMMAND_MANAGEMENT_URL=http://127.0.0.1:$COMMAND_MANAGEMENT
CONTACTS_QUERY_MANAGEMENT_URL=http://127.0.0.1:$QUERY_MANAGEMENT
CONTACTS_SMTP_HOST=127.0.0.1
CONTACTS_SMTP_PORT=$SMTP_PORT
CONTACTS_IMAP_PORT=$IMAP_PORT
CONTACTS_EXPORTS_DIR=$RUN/exports
CONTACTS_EXPORTS_SIGNING_SECRET=$(exports_secret)
EOF
  # only when set: the services' own defaults otherwise (test sets them)
  local name
  for name in CONTACTS_RESULT_WINDOW CONTACTS_PRESENCE_WINDOW; do
    [[ -z ${!name:-} ]] || echo "$name=${!name}"
  done
}

write_stack_env() {
  stack_env >"$RUN/stack.env.tmp" && mv -f "$RUN/stack.env.tmp" "$RUN/stack.env"
  cat "$RUN/stack.env"
}

# ------------------------------------------------------------------------------------------------------ PostgreSQL

PG_BIN=
find_pg() {
  [[ -z $PG_BIN ]] || return 0
  if [[ -x /usr/lib/postgresql/15/bin/pg_ctl ]]; then PG_BIN=/usr/lib/postgresql/15/bin
  elif command -v pg_ctl >/dev/null && command -v initdb >/dev/null; then PG_BIN=$(dirname "$(command -v pg_ctl)")
  else
    die "PostgreSQL 15 is not installed (initdb, pg_ctl, postgres). Install it: sudo apt-get install -y postgresql-15"
  fi
  if [[ $EUID -eq 0 ]] && ! getent passwd "$PG_USER" >/dev/null; then useradd -r -m -d /var/lib/postgresql "$PG_USER"; fi
}

pg_psql() { as_user "$PG_USER" "$PG_BIN/psql" -X -q -h "$RUN/pg/sock" -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 "$@"; }

start_pg() {
  find_pg
  local dir=$RUN/pg data=$RUN/pg/data log; log=$(log_of pg)
  mkdir -p "$dir/sock"
  if [[ ! -s $data/PG_VERSION ]]; then
    say "pg: initdb $data"
    mkdir -p "$data"; own "$PG_USER" "$dir"; chmod 700 "$data"
    as_user "$PG_USER" "$PG_BIN/initdb" -D "$data" -U postgres -E UTF8 --locale=C.UTF-8 \
      --auth-local=peer --auth-host=scram-sha-256 >"$RUN/pg/initdb.log" 2>&1 \
      || die "pg: initdb failed; see $RUN/pg/initdb.log"
    echo "include_if_exists = 'contacts.conf'" >>"$data/postgresql.conf"
  fi
  # Rewritten on each start so port changes apply; fsync and synchronous_commit stay on: no lost writes.
  cat >"$data/contacts.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$dir/sock'
max_connections = 200
# the event store and the claims of a million contacts outgrow 128 MB; imports write WAL by the hundred megabytes
shared_buffers = 512MB
max_wal_size = 4GB
checkpoint_completion_target = 0.9
fsync = on
synchronous_commit = on
full_page_writes = on
log_destination = 'stderr'
logging_collector = off
log_line_prefix = '%m [%p] %q%u@%d '
EOF
  own "$PG_USER" "$dir"
  rotate_log "$log"; own "$PG_USER" "$log"
  LAUNCHED_AT[pg]=$(now_ms)
  as_user "$PG_USER" "$PG_BIN/pg_ctl" -D "$data" -l "$log" -w -t 60 -s start || fail_part pg "failed to start"
  head -n1 "$data/postmaster.pid" >"$PIDS/pg.pid"
  pg_psql -d postgres -f "$INFRA/postgres/init.sql" >>"$log" 2>&1 || fail_part pg "could not create role/database"
}

pg_healthy() { find_pg; as_user "$PG_USER" "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -d contacts -U contacts; }

stop_pg() {
  find_pg
  local data=$RUN/pg/data
  as_user "$PG_USER" "$PG_BIN/pg_ctl" -D "$data" -m fast -w -t 30 -s stop \
    || as_user "$PG_USER" "$PG_BIN/pg_ctl" -D "$data" -m immediate -w -t 10 -s stop || true
}

# ----------------------------------------------------------------------------------------------------------- Kafka

# fetch_libs <part> <what>: the runtime jars of infra/<part>/pom.xml into <run dir>/<part>/libs, again only when
# that pom changed.
fetch_libs() {
  local part=$1 what=$2 libs=$RUN/$1/libs stamp; stamp=$(sha1sum "$INFRA/$1/pom.xml" | cut -c1-40)
  [[ -f $libs/.pom-sha1 && $(cat "$libs/.pom-sha1") == "$stamp" ]] && return 0
  say "$part: fetching $what from Maven Central (first run only)"
  rm -rf "$libs.tmp"
  "$(mvn_cmd)" -B -q -f "$INFRA/$part/pom.xml" dependency:copy-dependencies -DincludeScope=runtime \
    -DoutputDirectory="$libs.tmp" >"$LOGS/$part-fetch.log" 2>&1 || die "$part: download failed; see $LOGS/$part-fetch.log"
  echo "$stamp" >"$libs.tmp/.pom-sha1"
  rm -rf "$libs"; mv "$libs.tmp" "$libs"
}

# The broker's JVM; the last -Xmx wins, so the storage tool can ask for less.
KAFKA_JAVA=(java -Xms512m -Xmx512m -XX:+UseG1GC -Djava.awt.headless=true
  -Dlog4j2.configurationFile="$INFRA/kafka/log4j2.xml" -cp "$RUN/kafka/libs/*")

start_kafka() {
  fetch_libs kafka "the broker jars"
  local dir=$RUN/kafka log; log=$(log_of kafka)
  mkdir -p "$dir/data"
  # A static voter list (not --standalone) keeps the controller address in this file, so changing the ports
  # of an existing data dir still works.
  cat >"$dir/server.properties" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
log.dirs=$dir/data
num.partitions=1
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
# the services create their topics with the partition counts they need; an auto-created one would have 1
auto.create.topics.enable=false
group.initial.rebalance.delay.ms=0
EOF
  rotate_log "$log"
  if [[ ! -f $dir/data/meta.properties ]]; then
    local cluster_id; cluster_id=$("${KAFKA_JAVA[@]}" -Xms64m -Xmx256m kafka.tools.StorageTool random-uuid 2>>"$log" | tail -n1)
    "${KAFKA_JAVA[@]}" -Xms64m -Xmx256m kafka.tools.StorageTool format -t "$cluster_id" -c "$dir/server.properties" \
      >>"$log" 2>&1 || fail_part kafka "could not format its log dir"
  fi
  LAUNCHED_AT[kafka]=$(now_ms)
  spawn kafka "$log" "${KAFKA_JAVA[@]}" kafka.Kafka "$dir/server.properties"
}

kafka_healthy() { port_open "$KAFKA_PORT" && grep -q 'Kafka Server started' "$(log_of kafka)"; }

# --------------------------------------------------------------------------------------------------- Elasticsearch

ES_HOME=$RUN/es/elasticsearch-$ES_VERSION
fetch_es() {
  [[ -x $ES_HOME/bin/elasticsearch ]] && return 0
  say "es: fetching Elasticsearch $ES_VERSION from Maven Central (first run only)"
  mkdir -p "$RUN/downloads" "$RUN/es"
  "$(mvn_cmd)" -B -q -f "$INFRA/elasticsearch/pom.xml" dependency:copy-dependencies \
    -DoutputDirectory="$RUN/downloads" >"$LOGS/es-fetch.log" 2>&1 || die "es: download failed; see $LOGS/es-fetch.log"
  rm -rf "$ES_HOME"
  unzip -q "$RUN/downloads/elasticsearch-$ES_VERSION.zip" -d "$RUN/es" || die "es: unzip failed"
}

start_es() {
  fetch_es
  if [[ $EUID -eq 0 ]] && ! getent passwd "$ES_USER" >/dev/null; then
    useradd -r -M -d /nonexistent -s /usr/sbin/nologin "$ES_USER"
  fi
  local dir=$RUN/es conf=$RUN/es/config
  mkdir -p "$dir/data" "$dir/logs" "$dir/tmp" "$conf/jvm.options.d"
  [[ -f $conf/jvm.options ]] || cp -r "$ES_HOME/config/." "$conf/"
  cat >"$conf/elasticsearch.yml" <<EOF
cluster.name: contacts
node.name: contacts-es-1
discovery.type: single-node
network.host: 127.0.0.1
http.port: $ES_PORT
path.data: $dir/data
path.logs: $dir/logs
# a full-ish dev disk must never turn indices read-only
cluster.routing.allocation.disk.threshold_enabled: false
xpack.security.enabled: false
EOF
  printf -- '-Xms512m\n-Xmx512m\n' >"$conf/jvm.options.d/heap.options"
  own "$ES_USER" "$dir/data" "$dir/logs" "$dir/tmp" "$conf"
  rm -f "$dir/logs/es.pid"
  : >"$dir/logs/launcher.log"; own "$ES_USER" "$dir/logs/launcher.log"
  [[ -e $(log_of es) ]] && mv -f "$(log_of es)" "$(log_of es).prev"
  ln -sfn "$(log_of es)" "$LOGS/es.log"
  local java_home; java_home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
  LAUNCHED_AT[es]=$(now_ms)
  # -d: the launcher JVM exits once the node runs, and -p has the node write its own pid (removed on shutdown).
  # The launcher runs in the background so Kafka and PostgreSQL start meanwhile.
  ln -sfn "$dir/logs/es.pid" "$PIDS/es.pid"
  (cd "$dir/logs" && as_user "$ES_USER" env ES_JAVA_HOME="$java_home" ES_PATH_CONF="$conf" \
      ES_TMPDIR="$dir/tmp" "$ES_HOME/bin/elasticsearch" -d -p "$dir/logs/es.pid") </dev/null >>"$dir/logs/launcher.log" 2>&1 &
  echo $! >"$PIDS/es-launcher.pid"
}

es_healthy() { curl -fsS -o /dev/null "http://127.0.0.1:$ES_PORT/_cluster/health?wait_for_status=yellow&timeout=2s" 2>/dev/null; }

# ------------------------------------------------------------------------------------------------------------ mail

# GreenMail: SMTP and IMAP for development and tests, without authentication; a mailbox is created for every
# recipient (login and password: the address). Messages live in memory only.

start_mail() {
  fetch_libs mail GreenMail
  local log; log=$(log_of mail)
  rotate_log "$log"
  LAUNCHED_AT[mail]=$(now_ms)
  spawn mail "$log" java -Xms32m -Xmx128m -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port="$SMTP_PORT" \
    -Dgreenmail.imap.hostname=127.0.0.1 -Dgreenmail.imap.port="$IMAP_PORT" -Dgreenmail.auth.disabled \
    -cp "$RUN/mail/libs/*" com.icegreen.greenmail.standalone.GreenMailStandaloneRunner
}

# SMTP only: GreenMail 2.1.5's IMAP handler spins a CPU core forever on a connection closed without LOGOUT (measured:
# a port probe on IMAP cost ~90% of a core until restart). Both servers start together.
mail_healthy() { port_open "$SMTP_PORT"; }

# -------------------------------------------------------------------------------------------------------- services

# CONTACTS_COMMAND_JAR / CONTACTS_QUERY_JAR run a given jar instead of the module's build (no build then).
jar_override() { case $1 in command-service) echo "${CONTACTS_COMMAND_JAR:-}" ;; query-service) echo "${CONTACTS_QUERY_JAR:-}" ;; esac; }

service_jar() {
  local o; o=$(jar_override "$1")
  if [[ -n $o ]]; then echo "$o"; else echo "$ROOT/$1/target/$1-$SERVICE_VERSION.jar"; fi
}

build_needed() {
  local m jar
  for m in command-service query-service; do
    [[ -z $(jar_override "$m") ]] || continue
    jar=$(service_jar "$m")
    [[ -f $jar ]] || return 0
    # directories count too: a renamed or deleted file (a Flyway migration, say) only touches its directory
    [[ -n $(find "$ROOT/$m/src" "$ROOT/$m/pom.xml" "$ROOT/shared-events" "$ROOT/pom.xml" \
             -newer "$jar" -not -path '*/target*' -print -quit 2>/dev/null) ]] && return 0
  done
  return 1
}

build_services() {
  build_needed || return 0
  say "build: packaging command-service and query-service"
  local t; t=$(now_ms)
  # clean: an incremental build keeps renamed or deleted resources (old Flyway migrations) in target/classes
  (cd "$ROOT" && "$(mvn_cmd)" -B -q -DskipTests clean package -pl command-service,query-service -am) \
    || die "build failed (./mvnw -B -DskipTests clean package -pl command-service,query-service -am)"
  say "build: done in $(secs_since "$t")s"
}

start_service() {
  local part=$1 jar; jar=$(service_jar "$1")
  [[ -f $jar ]] || die "$part: $jar is missing (build failed?)"
  # Run a copy, so a rebuild (mvn verify, mvn clean) never pulls the jar from under a running JVM.
  mkdir -p "$RUN/jars"; [[ $jar -ef $RUN/jars/$part.jar ]] || cp -f "$jar" "$RUN/jars/$part.jar"
  rotate_log "$(log_of "$part")"
  LAUNCHED_AT[$part]=$(now_ms)
  local -a env_vars; mapfile -t env_vars < <(stack_env)
  spawn "$part" "$(log_of "$part")" env "${env_vars[@]}" COMMAND_SERVICE_PORT="$COMMAND_PORT" \
    QUERY_SERVICE_PORT="$QUERY_PORT" COMMAND_MANAGEMENT_PORT="$COMMAND_MANAGEMENT" \
    QUERY_MANAGEMENT_PORT="$QUERY_MANAGEMENT" java -Xmx512m -jar "$RUN/jars/$part.jar"
}

management_port_of() { if [[ $1 == command-service ]]; then echo "$COMMAND_MANAGEMENT"; else echo "$QUERY_MANAGEMENT"; fi; }

# readiness: the service takes traffic (its dependencies' state is the overall /actuator/health, not a start condition)
service_healthy() {
  [[ $(curl -s -o /dev/null --max-time 2 -w '%{http_code}' \
        "http://127.0.0.1:$(management_port_of "$1")/actuator/health/readiness" 2>/dev/null) == 200 ]]
}

# ----------------------------------------------------------------------------------------------------------- nginx

find_nginx() {
  NGINX=$(command -v nginx || ls /usr/sbin/nginx 2>/dev/null || true)
  [[ -n $NGINX ]] && return 0
  if [[ $EUID -eq 0 ]] && command -v apt-get >/dev/null; then
    say "nginx: installing nginx-light"
    # policy-rc.d keeps the package from starting the system nginx on port 80
    local policy=/usr/sbin/policy-rc.d created=''
    if [[ ! -e $policy ]]; then printf '#!/bin/sh\nexit 101\n' >"$policy"; chmod +x "$policy"; created=1; fi
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light; } >"$LOGS/nginx-install.log" 2>&1 \
      || { [[ -n $created ]] && rm -f "$policy"; die "nginx: apt-get install nginx-light failed; see $LOGS/nginx-install.log"; }
    [[ -n $created ]] && rm -f "$policy"
    NGINX=$(command -v nginx || echo /usr/sbin/nginx)
  else
    die "nginx is not installed. Install it (Debian/Ubuntu: sudo apt-get install -y nginx-light; macOS: brew install nginx)"
  fi
}

render_nginx_conf() {
  local dir=$RUN/nginx
  mkdir -p "$dir/temp" "$dir/logs"
  sed -e "s|\${CONTACTS_EDGE_LISTEN}|127.0.0.1:$EDGE_PORT|g" \
      -e "s|\${COMMAND_UPSTREAM}|127.0.0.1:$COMMAND_PORT|g" \
      -e "s|\${QUERY_UPSTREAM}|127.0.0.1:$QUERY_PORT|g" \
      "$INFRA/nginx/contacts.conf.template" >"$dir/contacts.conf"
  cat >"$dir/nginx.conf" <<EOF
daemon off;
worker_processes 2;
pid $dir/nginx.pid;
error_log $(log_of nginx) warn;
events { worker_connections 1024; }
http {
    default_type application/octet-stream;
    access_log $dir/logs/access.log;
    client_body_temp_path $dir/temp/client_body;
    proxy_temp_path $dir/temp/proxy;
    fastcgi_temp_path $dir/temp/fastcgi;
    uwsgi_temp_path $dir/temp/uwsgi;
    scgi_temp_path $dir/temp/scgi;
    include $dir/contacts.conf;
}
EOF
}

start_nginx() {
  find_nginx
  render_nginx_conf
  local dir=$RUN/nginx
  rotate_log "$(log_of nginx)"
  "$NGINX" -t -q -p "$dir" -e "$(log_of nginx)" -c "$dir/nginx.conf" 2>>"$(log_of nginx)" \
    || fail_part nginx "has an invalid configuration"
  LAUNCHED_AT[nginx]=$(now_ms)
  spawn nginx "$(log_of nginx)" "$NGINX" -p "$dir" -e "$(log_of nginx)" -c "$dir/nginx.conf"
}

nginx_healthy() { curl -fsS -o /dev/null "http://127.0.0.1:$EDGE_PORT/nginx-health" 2>/dev/null; }

# ------------------------------------------------------------------------------------------------------- lifecycle

healthy() {
  case $1 in
    pg) pg_healthy ;; kafka) kafka_healthy ;; es) es_healthy ;; mail) mail_healthy ;;
    command-service|query-service) service_healthy "$1" ;; nginx) nginx_healthy ;;
  esac
}

deadline_of() {
  case $1 in pg) echo 60 ;; kafka) echo 120 ;; es) echo 180 ;; nginx) echo 15 ;; *) echo 180 ;; esac
}

launch() {   # start a part unless it runs already
  local part=$1
  if is_running "$part"; then
    say "$part: already running (pid $(pid_of "$part"))"
    return 0
  fi
  rm -f "$PIDS/$part.pid" "$PIDS/$part-launcher.pid"
  if port_open "$(port_of "$part")"; then
    die "$part: port $(port_of "$part") is taken by another process (set the port variable to move it)"
  fi
  case $part in
    pg) start_pg ;; kafka) start_kafka ;; es) start_es ;; mail) start_mail ;;
    command-service|query-service) start_service "$part" ;; nginx) start_nginx ;;
  esac
  STARTED+=("$part")
}

report_healthy() {
  local part=$1 took=${2:-}
  if [[ -n $took ]]; then
    say "$(printf '%-16s healthy after %5ss  pid %-7s port %s' "$part" "$took" "$(pid_of "$part")" "$(port_of "$part")")"
  else
    say "$(printf '%-16s healthy (was running)  pid %-7s port %s' "$part" "$(pid_of "$part")" "$(port_of "$part")")"
  fi
}

# Polls all the given parts together, so each one's start-up time is its own and not its queue position.
await() {
  local -a pending=("$@")
  local begun; begun=$(date +%s)
  while ((${#pending[@]})); do
    local -a still=()
    local part
    for part in "${pending[@]}"; do
      if healthy "$part"; then
        report_healthy "$part" "$([[ -n ${LAUNCHED_AT[$part]:-} ]] && secs_since "${LAUNCHED_AT[$part]}")"
        continue
      fi
      is_running "$part" || fail_part "$part" "exited during start-up"
      if (( $(date +%s) - begun >= $(deadline_of "$part") )); then
        fail_part "$part" "not healthy after $(deadline_of "$part")s"
      fi
      still+=("$part")
    done
    pending=("${still[@]+"${still[@]}"}")
    ((${#pending[@]} == 0)) || sleep 0.3
  done
}

stop_part() {
  local part=$1 pid i
  if ! is_running "$part"; then rm -f "$PIDS/$part.pid" "$PIDS/$part-launcher.pid"; return 0; fi
  if [[ $part == es ]]; then   # still booting: let the launcher hand over to the node first
    for i in $(seq 120); do [[ -z $(pid_of es) ]] && is_running es || break; sleep 0.5; done
  fi
  pid=$(pid_of "$part")
  if [[ -z $pid ]]; then rm -f "$PIDS/$part.pid" "$PIDS/$part-launcher.pid"; return 0; fi
  say "$part: stopping (pid $pid)"
  if [[ $part == pg ]]; then
    stop_pg
  else
    # nginx finishes its requests on QUIT; the JVMs shut down cleanly on TERM
    kill -s "$([[ $part == nginx ]] && echo QUIT || echo TERM)" "$pid" 2>/dev/null || true
  fi
  for i in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then
    say "$part: still running after 30s, killing"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$PIDS/$part.pid" "$PIDS/$part-launcher.pid"
}

cmd_up() {
  local infra_only='' docker=''
  while (($#)); do
    case $1 in --infra-only) infra_only=1 ;; --docker) docker=1 ;; *) usage; die "unknown option $1" ;; esac
    shift
  done
  if [[ -n $docker ]]; then docker_up "$infra_only"; return; fi
  mkdir -p "$LOGS" "$PIDS"
  ensure_traversable
  [[ -n $infra_only ]] || { build_services; is_running nginx || find_nginx; }
  is_running kafka || fetch_libs kafka "the broker jars"
  is_running es || fetch_es
  is_running mail || fetch_libs mail GreenMail
  # The two slow JVMs start while PostgreSQL initialises.
  launch kafka; launch es; launch pg; launch mail
  await "${INFRA_PARTS[@]}"
  if [[ -z $infra_only ]]; then
    launch command-service; launch query-service
    await command-service query-service
    launch nginx; await nginx
  fi
  write_stack_env
  if [[ -z $infra_only ]]; then report_memory "${ALL_PARTS[@]}"; else report_memory "${INFRA_PARTS[@]}"; fi
}

# Memory of a part: RSS of its main process, and PSS of its whole process tree (postgres backends, nginx
# workers), which counts shared pages once instead of once per process.
rss_mb() { ps -o rss= -p "$1" 2>/dev/null | awk '{ printf "%d", $1 / 1024 }'; }

tree_pss_mb() {
  local pid kb=0 p
  for p in $(ps -e -o pid=,ppid= | awk -v root="$1" '
      { parent[$1] = $2 }
      END { for (p in parent) { q = p; while (q != "" && q != 0 && q != root) q = parent[q]; if (q == root) print p } }'); do
    pid=$(awk '/^Pss:/ { print $2 }' "/proc/$p/smaps_rollup" 2>/dev/null || true)
    kb=$((kb + ${pid:-0}))
  done
  echo $((kb / 1024))
}

memory_of() { echo "rss $(rss_mb "$1")MB, tree pss $(tree_pss_mb "$1")MB"; }

report_memory() {
  local p
  for p in "$@"; do is_running "$p" && say "$(printf '%-16s %s' "$p" "$(memory_of "$(pid_of "$p")")")"; done
  return 0
}

cmd_down() {
  if [[ ${1:-} == --docker || -f $RUN/docker-mode ]]; then docker_down; return; fi
  local i
  for ((i = ${#ALL_PARTS[@]} - 1; i >= 0; i--)); do stop_part "${ALL_PARTS[$i]}"; done
}

cmd_status() {
  if [[ -f $RUN/docker-mode ]]; then compose ps; return; fi
  local p
  for p in "${ALL_PARTS[@]}"; do
    if is_running "$p" && [[ -z $(pid_of "$p") ]]; then
      printf '%-16s starting %-11s port %s\n' "$p" "" "$(port_of "$p")"
    elif is_running "$p"; then
      printf '%-16s running  pid %-7s port %-5s %s\n' "$p" "$(pid_of "$p")" "$(port_of "$p")" "$(memory_of "$(pid_of "$p")")"
    else
      printf '%-16s stopped  %-11s port %s\n' "$p" "" "$(port_of "$p")"
    fi
  done
}

cmd_logs() {
  local part='' follow='' n=${LINES_TO_SHOW:-40}
  while (($#)); do case $1 in -f) follow=1 ;; *) part=$1 ;; esac; shift; done
  if [[ -n $part ]]; then
    port_of "$part" >/dev/null
    [[ -e $(log_of "$part") ]] || die "no log for $part yet ($(log_of "$part"))"
    if [[ -n $follow ]]; then exec tail -n "$n" -F "$(log_of "$part")"; fi
    tail -n "$n" "$(log_of "$part")"
  else
    local p
    for p in "${ALL_PARTS[@]}"; do
      [[ -e $(log_of "$p") ]] || continue
      printf '==> %s (%s) <==\n' "$p" "$(log_of "$p")"
      tail -n "$n" "$(log_of "$p")"; echo
    done
  fi
}

# A crash, not a shutdown: no handler of the part runs. PostgreSQL's immediate stop aborts every backend without a
# checkpoint (its next start replays the WAL), and pg_ctl removes the postmaster's shared memory so that start works.
kill_part() {
  local part=$1 pid
  port_of "$part" >/dev/null
  pid=$(pid_of "$part")
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || { say "$part: not running"; return 0; }
  say "$part: crashing (pid $pid)"
  if [[ $part == pg ]]; then
    find_pg; as_user "$PG_USER" "$PG_BIN/pg_ctl" -D "$RUN/pg/data" -m immediate -w -t 30 -s stop || true
  else
    kill -KILL "$pid" 2>/dev/null || true
  fi
  local i; for i in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  rm -f "$PIDS/$part.pid" "$PIDS/$part-launcher.pid"
}

# The processes a freeze stops: a part's process group (each part but Elasticsearch runs in its own session), every
# PostgreSQL process (the postmaster and its backends), Elasticsearch's node (daemonised, its group is the launcher's).
frozen_targets() {
  local part=$1 pid; pid=$(pid_of "$part")
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || die "$part: not running"
  case $part in
    pg) echo "$pid"; ps -o pid= --ppid "$pid" ;;
    es) echo "$pid" ;;
    *) echo "-$pid" ;;
  esac
}

signal_part() {
  local signal=$1 part=$2 target
  port_of "$part" >/dev/null
  for target in $(frozen_targets "$part"); do kill -s "$signal" -- "$target" 2>/dev/null || true; done
  say "$part: $([[ $signal == STOP ]] && echo frozen || echo thawed) (SIG$signal, pid $(pid_of "$part"))"
}

cmd_faults() {
  local mode=quick
  while (($#)); do case $1 in --full) mode=full ;; *) usage; die "unknown option $1" ;; esac; shift; done
  set -a; # shellcheck disable=SC1091
  source "$RUN/stack.env"; set +a
  cd "$ROOT" && exec "$(mvn_cmd)" -B verify -pl fault-tests -am -Dfaults="$mode" -Dtest=none \
    -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=FaultInjectionIT -Dfailsafe.failIfNoSpecifiedTests=false
}

cmd_test() {
  trap 'test_cleanup' EXIT
  trap 'exit 130' INT TERM   # so that an interrupted run still stops what it started
  # a small result window puts deep pages (docs/deep-pages.md) in play in every test with a few hundred contacts; a
  # longer presence window keeps a few hundred contacts online while DeepPagesIT walks them
  export CONTACTS_RESULT_WINDOW=${CONTACTS_RESULT_WINDOW:-500} CONTACTS_PRESENCE_WINDOW=${CONTACTS_PRESENCE_WINDOW:-2m}
  cmd_up
  set -a; # shellcheck disable=SC1091
  source "$RUN/stack.env"; set +a
  local status=0
  (cd "$ROOT" && "$(mvn_cmd)" -B verify) || status=$?
  exit "$status"
}

test_cleanup() {
  local status=$? i
  if ((${#STARTED[@]})); then
    say "test: stopping what this run started: ${STARTED[*]}"
    for ((i = ${#ALL_PARTS[@]} - 1; i >= 0; i--)); do
      [[ " ${STARTED[*]} " == *" ${ALL_PARTS[$i]} "* ]] && stop_part "${ALL_PARTS[$i]}"
    done
  fi
  exit "$status"
}

# ---------------------------------------------------------------------------------------------------------- docker

compose() {
  command -v docker >/dev/null || die "docker is not installed"
  CONTACTS_PLATFORM_TOKEN=$(platform_token) CONTACTS_EXPORTS_SIGNING_SECRET=$(exports_secret) \
    CONTACTS_EDGE_PORT=$EDGE_PORT COMMAND_SERVICE_PORT=$COMMAND_PORT \
    QUERY_SERVICE_PORT=$QUERY_PORT COMMAND_MANAGEMENT_PORT=$COMMAND_MANAGEMENT QUERY_MANAGEMENT_PORT=$QUERY_MANAGEMENT \
    CONTACTS_PG_PORT=$PG_PORT CONTACTS_KAFKA_PORT=$KAFKA_PORT \
    CONTACTS_ES_PORT=$ES_PORT CONTACTS_SMTP_PORT=$SMTP_PORT docker compose -f "$INFRA/docker-compose.yml" "$@"
}

docker_up() {
  local infra_only=$1
  if [[ -n $infra_only ]]; then
    compose up -d --wait postgres kafka elasticsearch mailpit
  else
    build_services
    compose up -d --build --wait
  fi
  : >"$RUN/docker-mode"
  write_stack_env
}

docker_down() { compose down; rm -f "$RUN/docker-mode"; }

# ------------------------------------------------------------------------------------------------------------ main

main() {
  local cmd=${1:-}; (($#)) && shift
  case $cmd in
    up) cmd_up "$@" ;;
    down) cmd_down "$@" ;;
    status) cmd_status ;;
    logs) cmd_logs "$@" ;;
    test) cmd_test ;;
    faults) cmd_faults "$@" ;;
    stop) (($#)) || die "stop: which part? (${ALL_PARTS[*]})"; for p in "$@"; do port_of "$p" >/dev/null; stop_part "$p"; done ;;
    kill) (($#)) || die "kill: which part? (${ALL_PARTS[*]})"; for p in "$@"; do kill_part "$p"; done ;;
    freeze) (($#)) || die "freeze: which part? (${ALL_PARTS[*]})"; for p in "$@"; do signal_part STOP "$p"; done ;;
    thaw) (($#)) || die "thaw: which part? (${ALL_PARTS[*]})"; for p in "$@"; do signal_part CONT "$p"; done ;;
    env) stack_env ;;
    -h|--help|help) usage ;;
    *) usage; exit 2 ;;
  esac
}

main "$@"
