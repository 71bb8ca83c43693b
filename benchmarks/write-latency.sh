#!/usr/bin/env bash
# Write latency through the edge, read-your-writes wait included: N sequential creates and N updates,
# each timed by curl; prints p50/p95/p99/max in milliseconds. Needs a running stack (infra/stack.sh up).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-200}
# shellcheck disable=SC1091
source infra/.run/stack.env
json=(-H 'Content-Type: application/json')
platform=(-H "api_access_token: $CONTACTS_PLATFORM_TOKEN")

account=$(curl -sf -X POST "$CONTACTS_URL/platform/api/v1/accounts" "${platform[@]}" "${json[@]}" \
  -d '{"name":"write-latency"}' | sed -E 's/.*"id":([0-9]+).*/\1/')
user=$(curl -sf -X POST "$CONTACTS_URL/platform/api/v1/users" "${platform[@]}" "${json[@]}" \
  -d "{\"name\":\"bench\",\"email\":\"bench-$RANDOM$RANDOM@bench.test\",\"password\":\"bench-password\"}")
user_id=$(echo "$user" | sed -E 's/.*"id":([0-9]+).*/\1/')
token=$(echo "$user" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
curl -sf -o /dev/null -X POST "$CONTACTS_URL/platform/api/v1/accounts/$account/account_users" "${platform[@]}" \
  "${json[@]}" -d "{\"user_id\":$user_id,\"role\":\"administrator\"}"
auth=(-H "api_access_token: $token")
base="$CONTACTS_URL/api/v1/accounts/$account/contacts"

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
