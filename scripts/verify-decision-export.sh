#!/usr/bin/env bash
# Verifies an export of Baton's decision record (GET /api/v1/decisions/export) without Baton:
# each line's hash must be sha256(previous hash + "\n" + content), starting from 64 zeros.
# Needs only bash, jq and sha256sum.   Usage: scripts/verify-decision-export.sh decisions.jsonl
set -euo pipefail
prev=0000000000000000000000000000000000000000000000000000000000000000
n=0
while IFS= read -r line; do
  n=$((n + 1))
  content=$(printf '%s' "$line" | jq -r .content)
  claimed=$(printf '%s' "$line" | jq -r .hash)
  actual=$(printf '%s\n%s' "$prev" "$content" | sha256sum | cut -d' ' -f1)
  if [ "$actual" != "$claimed" ]; then
    echo "BROKEN at line $n (seq $(printf '%s' "$line" | jq -r .seq))"
    exit 1
  fi
  prev=$claimed
done <"${1:?usage: $0 decisions.jsonl}"
echo "INTACT: $n entries, last hash $prev"
