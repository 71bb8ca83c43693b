#!/usr/bin/env bash
# The Java benchmarks (module benchmarks/) against a running stack, from a process of their own:
#   benchmarks/run.sh read|write|lag|import|rebuild|all [options]   (benchmarks/run.sh without arguments lists them)
# Reads $CONTACTS_RUN_DIR/stack.env (default infra/.run) like the other scripts here; builds the module's jar when a
# source is newer than it.
set -euo pipefail
# shellcheck source=benchmarks/lib.sh
source "$(dirname "$0")/lib.sh"

load_stack
root=$(cd "$BENCH_DIR/.." && pwd)
jar=$BENCH_DIR/target/benchmarks.jar
if [[ ! -f $jar ]] || [[ -n $(find "$BENCH_DIR/src" "$BENCH_DIR/pom.xml" -newer "$jar" -print -quit) ]]; then
  echo "building $jar" >&2
  (cd "$root" && ./mvnw -B -q -pl benchmarks -DskipTests package) || die "build failed (./mvnw -pl benchmarks package)"
fi
export CONTACTS_RUN_DIR=$RUN BENCHMARKS_DIR=$BENCH_DIR
exec java -Djava.awt.headless=true -jar "$jar" "$@"
