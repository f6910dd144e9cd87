#!/usr/bin/env bash
# Verifies an export of Baton's decision record (GET /api/v1/decisions/export) without Baton.
#  1. Each entry's hash must be sha256(previous hash + "\n" + content), starting from 64 zeros.
#  2. Each checkpoint must carry the witness's Ed25519 signature over
#     "baton-decision-checkpoint\n<seq>\n<head>\n<at>", and the record must still contain entry
#     <seq> with hash <head>: a record that is shorter, or diverges, is reported.
# The export carries the witness's public key; compare its fingerprint with the one you keep
# (shown on /admin/decisions/verify), or pass your own copy of the key as the second argument.
# Needs bash, jq, sha256sum and openssl.
# Usage: scripts/verify-decision-export.sh decisions.jsonl [witness.pub]
set -euo pipefail
export="${1:?usage: $0 decisions.jsonl [witness.pub]}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

prev=0000000000000000000000000000000000000000000000000000000000000000
n=0
last_seq=0
declare -A hash_at
checkpoints=()
while IFS= read -r line; do
  # Keys are sorted in every line, so its first key says what it is.
  if [[ $line == '{"witness":'* ]]; then
    printf '%s' "$line" | jq -r .witness.publicKey >"$work/export.pub"
    continue
  fi
  if [[ $line == '{"checkpoint":'* ]]; then
    checkpoints+=("$(printf '%s' "$line" | jq -c .checkpoint)")
    continue
  fi
  n=$((n + 1))
  seq=$(printf '%s' "$line" | jq -r .seq)
  content=$(printf '%s' "$line" | jq -r .content)
  claimed=$(printf '%s' "$line" | jq -r .hash)
  actual=$(printf '%s\n%s' "$prev" "$content" | sha256sum | cut -d' ' -f1)
  if [ "$actual" != "$claimed" ]; then
    echo "BROKEN at line $n (seq $seq): its content no longer matches its hash"
    exit 1
  fi
  hash_at[$seq]=$claimed
  last_seq=$seq
  prev=$claimed
done <"$export"

key="${2:-$work/export.pub}"
if [ ${#checkpoints[@]} -gt 0 ] && [ ! -s "$key" ]; then
  echo "BROKEN: the export has checkpoints but no witness key"
  exit 1
fi
last_good=none
for checkpoint in "${checkpoints[@]}"; do
  seq=$(printf '%s' "$checkpoint" | jq -r .seq)
  head=$(printf '%s' "$checkpoint" | jq -r .head)
  at=$(printf '%s' "$checkpoint" | jq -r .at)
  printf 'baton-decision-checkpoint\n%s\n%s\n%s' "$seq" "$head" "$at" >"$work/signed"
  printf '%s' "$checkpoint" | jq -r .signature | base64 -d >"$work/signature"
  if ! openssl pkeyutl -verify -pubin -inkey "$key" -rawin -in "$work/signed" \
    -sigfile "$work/signature" >/dev/null 2>&1; then
    echo "BROKEN: the checkpoint of entry #$seq signed $at does not carry the witness's signature"
    exit 1
  fi
  if [ "$seq" -gt "$last_seq" ]; then
    echo "TRUNCATED: the record ends at entry #$last_seq, but the witness signed entry #$seq on $at (last good checkpoint: $last_good)"
    exit 1
  fi
  if [ "${hash_at[$seq]:-}" != "$head" ]; then
    echo "DIVERGED at entry #$seq: it is not the entry the witness signed on $at (last good checkpoint: $last_good)"
    exit 1
  fi
  last_good="#$seq signed $at"
done
echo "INTACT: $n entries, last hash $prev, ${#checkpoints[@]} checkpoints hold (last: $last_good)"
