#!/usr/bin/env bash
# Projection rebuild through the edge: starts POST /platform/api/v1/projection/rebuilds (the alias is switched and the
# old index deleted, as an operator would), waits until the job ends, prints the contacts and events read from the
# event store, the time, contacts/s and the peak resident memory of each process of the stack during the run.
# Needs a running stack (infra/stack.sh up); load contacts first with benchmarks/import.sh.
set -euo pipefail
# shellcheck source=benchmarks/lib.sh
source "$(dirname "$0")/lib.sh"

[[ $# -eq 0 ]] || { echo "usage: benchmarks/rebuild.sh" >&2; exit 2; }
poll_s=${BENCH_POLL:-0.5}
timeout_s=${BENCH_TIMEOUT:-3600}

load_stack
auth=(-H "api_access_token: $CONTACTS_PLATFORM_TOKEN")
url=$CONTACTS_URL/platform/api/v1/projection/rebuilds
cleanup() { stop_rss_sampler; rm -f "${RSS_SAMPLES:-}"; }
trap cleanup EXIT
start_rss_sampler
started=$(now_ms)
deadline=$((started + timeout_s * 1000))
job=$(api POST "$url" "${auth[@]}" -H 'Content-Type: application/json' -d '{}')
fields f id <<<"$job"
while :; do
  job=$(api GET "$url/${f[0]}" "${auth[@]}")
  fields g status step contacts <<<"$job"
  printf '\rrebuild %s: %-10s %-50s %s contacts ' "${f[0]}" "${g[0]}" "${g[1]}" "${g[2]}" >&2
  [[ ${g[0]} == completed || ${g[0]} == failed ]] && break
  (($(now_ms) < deadline)) || die "the rebuild is still ${g[0]} after ${timeout_s} s (BENCH_TIMEOUT): $job"
  sleep "$poll_s"
done
echo >&2
ended=$(now_ms)
[[ ${g[0]} == completed ]] || die "the rebuild failed: $job"
fields r contacts events caught_up_events new_index old_index contacts_per_second <<<"$job"
row "contacts (documents written)" "${r[0]}"
row "events read from the store" "${r[1]}"
row "caught up from Kafka" "${r[2]}"
row "index" "${r[4]} -> ${r[3]}"
row "rebuild" "$(secs $((ended - started))) s      <- from the POST until GET said completed"
row "contacts/s" "$(per_sec "${r[0]}" $((ended - started))) (the job's own figure: ${r[5]})"
rss_rows
