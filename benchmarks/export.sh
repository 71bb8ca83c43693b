#!/usr/bin/env bash
# CSV export through the edge: exports every contact of an account (by default the one the last benchmarks/run.sh import
# filled), downloads the file from its signed download_url and counts its rows; prints the time until the job
# completed, the download time, rows/s, the file size and the peak resident memory of each process of the stack.
# Needs a running stack (infra/stack.sh up).
set -euo pipefail
# shellcheck source=benchmarks/lib.sh
source "$(dirname "$0")/lib.sh"

usage() { echo "usage: benchmarks/export.sh [--account A --token T] [--keep-file]" >&2; exit 2; }
account='' token='' keep_file=false
while (($#)); do
  case $1 in
    --account) (($# > 1)) || usage; account=$2; shift 2 ;;
    --token) (($# > 1)) || usage; token=$2; shift 2 ;;
    --keep-file) keep_file=true; shift ;;
    *) usage ;;
  esac
done
[[ -n $account && -n $token || -z $account && -z $token ]] || usage
columns='["id","name","email","phone_number","labels","custom_attributes.plan"]'
f=()

load_stack
if [[ -z $account ]]; then
  [[ -s $LAST_IMPORT ]] || die "no account to export: run benchmarks/run.sh import first, or pass --account A --token T"
  # shellcheck disable=SC1090
  source "$LAST_IMPORT"
  # shellcheck disable=SC2153  # ACCOUNT and TOKEN come from the file just sourced
  account=$ACCOUNT token=$TOKEN
fi
auth=(-H "api_access_token: $token")
base=$CONTACTS_URL/api/v1/accounts/$account
mkdir -p "$RUN/bench"
file=$RUN/bench/export-$account-$(date +%s%N).csv
cleanup() { stop_rss_sampler; rm -f "${RSS_SAMPLES:-}"; [[ $keep_file == true ]] || rm -f "$file"; }
trap cleanup EXIT
poll_s=${BENCH_POLL:-0.5}
timeout_s=${BENCH_TIMEOUT:-1800}

start_rss_sampler
started=$(now_ms)
deadline=$((started + timeout_s * 1000))
job=$(api POST "$base/contacts/export" "${auth[@]}" -H 'Content-Type: application/json' \
  -d "{\"column_names\":$columns}")
job_id=$(json id <<<"$job")
[[ -n $job_id ]] || die "the export answered without a job id: $job"

await_job export "$base/data_exports/$job_id" exported_records
completed=$(($(now_ms) - started))
fields f status exported_records total_records download_url error <<<"$job"
status=${f[0]} exported=${f[1]:-0} total=${f[2]:-0} url=${f[3]}
[[ $status == completed ]] || die "the export job failed: ${f[4]:-no error given}; job: $job"
[[ -n $url ]] || die "the completed export has no download_url: $job"
[[ $url == /* ]] && url=$CONTACTS_URL$url

# The signed link is the capability: no token.
code=$(curl -sS -o "$file" -w '%{http_code}' "$url") || die "GET $url: no answer"
[[ $code == 2?? ]] || die "GET $url answered $code: $(head -c 500 "$file")"
downloaded=$(($(now_ms) - started))
stop_rss_sampler

header_and_rows=$("$PYTHON" -c '
import csv, sys
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    reader = csv.reader(f)
    print(",".join(next(reader, [])))
    print(sum(1 for _ in reader))' "$file")
header=${header_and_rows%$'\n'*}
csv_rows=${header_and_rows##*$'\n'}

row "account" "$account"
row "job counts" "total $total, exported $exported"
row "header" "$header"
row "rows in file" "$csv_rows"
row "file size" "$(du -h "$file" | cut -f1)"
row "job completed" "$(secs "$completed") s"
row "downloaded" "$(secs "$downloaded") s"
row "rows/s until completed" "$(per_sec "$csv_rows" "$completed")"
rss_rows
[[ $keep_file == true ]] && row "file kept" "$file"
((csv_rows == exported)) || die "the file has $csv_rows rows, the job says $exported were exported"
