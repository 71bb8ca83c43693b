#!/usr/bin/env bash
# Write latency through the edge, read-your-writes wait included: N sequential creates and N updates,
# each timed by curl; prints p50/p95/p99/max in milliseconds. Needs a running stack (infra/stack.sh up).
set -euo pipefail
# shellcheck source=benchmarks/lib.sh
source "$(dirname "$0")/lib.sh"
n=${1:-200}
json=(-H 'Content-Type: application/json')

load_stack
new_admin write-latency
auth=(-H "api_access_token: $TOKEN")
base="$CONTACTS_URL/api/v1/accounts/$ACCOUNT/contacts"

report() {
  sort -n | awk -v what="$1" '{ v[NR] = $1 * 1000 } END {
    printf "%-8s n=%-5d p50=%6.1f ms  p95=%6.1f ms  p99=%6.1f ms  max=%6.1f ms\n", what, NR,
      v[int(NR*0.50+0.999)], v[int(NR*0.95+0.999)], v[int(NR*0.99+0.999)], v[NR] }'
}

creates=$(for i in $(seq 1 "$n"); do
  curl -s -o /dev/null -w '%{time_total}\n' -X POST "$base" "${auth[@]}" "${json[@]}" \
    -d "{\"name\":\"Bench $i\",\"email\":\"bench-$i-$RANDOM@bench.test\"}"
done)
echo "$creates" | report create
ids=$(curl -sf "$base?per_page=100" "${auth[@]}" | grep -oE '"id":[0-9]+' | head -50 | cut -d: -f2)
for id in $ids; do
  curl -s -o /dev/null -w '%{time_total}\n' -X PATCH "$base/$id" "${auth[@]}" "${json[@]}" \
    -d '{"custom_attributes":{"touched":true}}'
done | report update
