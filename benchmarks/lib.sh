# Shared by the benchmark scripts (sourced, not run): the stack's address and platform token, HTTP calls that stop
# with a clear message on anything but 2xx, JSON fields, peak memory of the stack's processes.
# shellcheck shell=bash disable=SC2034  # (variables set here are read by the sourcing scripts)

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
RUN=${CONTACTS_RUN_DIR:-$BENCH_DIR/../infra/.run}
LAST_IMPORT=$RUN/bench-last-import.env
# The interpreter itself: a version manager's shim (pyenv) can cost a second per start on a busy machine, and the
# polling loops start one per answer.
PYTHON=$(python3 -c 'import sys; print(sys.executable)') || { echo "python3 is needed" >&2; exit 1; }

die() { printf '%s: error: %s\n' "$(basename "$0")" "$*" >&2; exit 1; }
now_ms() { date +%s%3N; }
secs() { awk -v ms="$1" 'BEGIN { printf "%.1f", ms / 1000 }'; }
per_sec() { awk -v n="$1" -v ms="$2" 'BEGIN { printf "%.0f", (ms > 0 ? n * 1000 / ms : 0) }'; }
row() { printf '%-34s %s\n' "$1" "$2"; }

# Reads stack.env and checks that the edge answers.
load_stack() {
  [[ -s $RUN/stack.env ]] ||
    die "no $RUN/stack.env: start the stack first (infra/stack.sh up), with the same CONTACTS_RUN_DIR"
  set -a
  # shellcheck disable=SC1091
  source "$RUN/stack.env"
  set +a
  curl -s -o /dev/null --max-time 5 -f "$CONTACTS_URL/nginx-health" ||
    die "the edge at $CONTACTS_URL does not answer: is the stack up? (infra/stack.sh status)"
}

# api METHOD URL [curl options...]: prints the response body; stops with the status and body unless it is 2xx.
api() {
  local method=$1 url=$2 out status hint=
  shift 2
  out=$(curl -sS -X "$method" -w '\n%{http_code}' "$@" "$url") || die "$method $url: no answer"
  status=${out##*$'\n'}
  out=${out%$'\n'*}
  if [[ $status != 2?? ]]; then
    [[ $status == 404 || $status == 405 ]] && hint=" (does this build serve the endpoint?)"
    die "$method $url answered $status$hint: ${out:0:500}"
  fi
  printf '%s\n' "$out"
}

# json FIELD... < body: one line per field (dotted paths reach into objects); empty when absent or null.
json() {
  "$PYTHON" -c '
import json, sys
text = sys.stdin.read()
try:
    body = json.loads(text)
except ValueError:
    sys.exit("not a JSON answer: " + text[:300])
for path in sys.argv[1:]:
    value = body
    for key in path.split("."):
        value = value.get(key) if isinstance(value, dict) else None
    text = "" if value is None else value if isinstance(value, str) else json.dumps(value)
    print(text.replace("\n", " "))' "$@"
}

# fields ARRAY FIELD... < body: the fields (as json prints them) into the array ARRAY; stops when the body is no JSON.
fields() {
  local -n into=$1
  local out
  out=$(json "${@:2}") || exit 1
  mapfile -t into <<<"$out"
}

# await_job KIND URL DONE_FIELD: polls the job at URL (with "${auth[@]}") until it is completed or failed, showing
# DONE_FIELD/total_records as it goes; leaves its last answer in $job. Needs $deadline, $timeout_s and $poll_s.
# shellcheck disable=SC2154  # auth, deadline, timeout_s and poll_s are the calling script's
await_job() {
  local kind=$1 url=$2 done_field=$3 f
  while :; do
    job=$(api GET "$url" "${auth[@]}")
    fields f status "$done_field" total_records <<<"$job"
    printf '\r%s job %s: %-10s %s/%s rows ' "$kind" "${url##*/}" "${f[0]}" "${f[1]:-?}" "${f[2]:-?}" >&2
    [[ ${f[0]} == completed || ${f[0]} == failed ]] && break
    (($(now_ms) < deadline)) || die "the $kind job is still ${f[0]} after ${timeout_s} s (BENCH_TIMEOUT): $job"
    sleep "$poll_s"
  done
  echo >&2
}

# Samples the resident memory (VmRSS) of every process in $RUN/pids once a second, in the background, until
# stop_rss_sampler (call it from the EXIT trap too); peak_rss then prints "part peak-kB" per part.
start_rss_sampler() {
  RSS_SAMPLES=$(mktemp)
  (
    set +e
    while :; do
      for f in "$RUN"/pids/*.pid; do
        part=$(basename "$f" .pid)
        [[ $part == *-launcher ]] && continue
        pid=$(head -n1 "$f" 2>/dev/null)
        rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status" 2>/dev/null)
        [[ -n $rss ]] && echo "$part $rss"
      done >>"$RSS_SAMPLES"
      sleep 1
    done
  ) &
  RSS_SAMPLER=$!
}

stop_rss_sampler() {
  [[ -n ${RSS_SAMPLER:-} ]] || return 0
  kill "$RSS_SAMPLER" 2>/dev/null || true
  wait "$RSS_SAMPLER" 2>/dev/null || true
  RSS_SAMPLER=
}

peak_rss() {
  awk '$2 > peak[$1] { peak[$1] = $2 } END { for (p in peak) print p, peak[p] }' "$RSS_SAMPLES" | sort
  rm -f "$RSS_SAMPLES"
}

# Table rows of the peak resident memory of each part.
rss_rows() {
  local part kb
  while read -r part kb; do row "peak RSS $part" "$((kb / 1024)) MB"; done < <(peak_rss)
}
