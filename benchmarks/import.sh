#!/usr/bin/env bash
# CSV import through the edge: a fresh account imports ROWS generated contacts (benchmarks/contacts-csv.py); prints
# the upload time, the time until the job completed and until every imported contact is listed by GET /contacts,
# rows/s until then, and the peak resident memory of each process of the stack during the run.
# Needs a running stack (infra/stack.sh up). The account and token are remembered for benchmarks/export.sh.
set -euo pipefail
# shellcheck source=benchmarks/lib.sh
source "$(dirname "$0")/lib.sh"

usage() { echo "usage: benchmarks/import.sh [ROWS] [--keep-file]   (ROWS: 100000)" >&2; exit 2; }
rows=100000
keep_file=false
for arg in "$@"; do
  case $arg in
    --keep-file) keep_file=true ;;
    '' | *[!0-9]*) usage ;;
    *) rows=$arg ;;
  esac
done
f=()
poll_s=${BENCH_POLL:-0.5}
timeout_s=${BENCH_TIMEOUT:-$((300 + rows / 100))}

load_stack
prefix=i$(date +%s%N)
file=$RUN/bench/contacts-$rows-$prefix.csv
mkdir -p "$RUN/bench"
cleanup() { stop_rss_sampler; rm -f "${RSS_SAMPLES:-}"; [[ $keep_file == true ]] || rm -f "$file"; }
trap cleanup EXIT
started=$(now_ms)
"$PYTHON" "$BENCH_DIR/contacts-csv.py" "$rows" --prefix "$prefix" --out "$file"
generated=$(($(now_ms) - started))

new_admin "import-bench-$rows"
auth=(-H "api_access_token: $TOKEN")
base=$CONTACTS_URL/api/v1/accounts/$ACCOUNT

start_rss_sampler
started=$(now_ms)
deadline=$((started + timeout_s * 1000))
job=$(api POST "$base/contacts/import" "${auth[@]}" -F "import_file=@$file;type=text/csv")
uploaded=$(($(now_ms) - started))
job_id=$(json id <<<"$job")
[[ -n $job_id ]] || die "the import answered without a job id: $job"

await_job import "$base/data_imports/$job_id" processed_records
completed=$(($(now_ms) - started))
fields f status total_records created_records updated_records duplicate_records failed_records error <<<"$job"
status=${f[0]} total=${f[1]:-0} created=${f[2]:-0} updated=${f[3]:-0} duplicates=${f[4]:-0} failed=${f[5]:-0}
[[ $status == completed ]] || die "the import job failed: ${f[6]:-no error given}; job: $job"

expected=$((rows - failed - duplicates))
while :; do
  listed=$(api GET "$base/contacts?page=1&per_page=1" "${auth[@]}")
  count=$(json meta.count <<<"$listed")
  printf '\rsearchable: %s/%s contacts ' "$count" "$expected" >&2
  ((count >= expected)) && break
  (($(now_ms) < deadline)) || die "only $count of $expected contacts are listed after ${timeout_s} s (BENCH_TIMEOUT)"
  sleep "$poll_s"
done
searchable=$(($(now_ms) - started))
echo >&2
stop_rss_sampler
(umask 077; printf 'ACCOUNT=%s\nTOKEN=%s\nROWS=%s\n' "$ACCOUNT" "$TOKEN" "$rows" >"$LAST_IMPORT")

row "rows in file" "$rows ($(du -h "$file" | cut -f1), generated in $(secs "$generated") s)"
row "job counts" "total $total, created $created, updated $updated, duplicate $duplicates, failed $failed"
row "account" "$ACCOUNT"
row "upload" "$(secs "$uploaded") s"
row "job completed" "$(secs "$completed") s"
row "fully searchable" "$(secs "$searchable") s"
row "rows/s until searchable" "$(per_sec "$rows" "$searchable")"
rss_rows
[[ $keep_file == true ]] && row "file kept" "$file"
((count == expected)) || die "GET /contacts lists $count contacts, $expected expected"
