#!/usr/bin/env bash
# Verifies an export of Baton's decision record (GET /api/v1/decisions/export) without Baton.
#  1. Each entry's hash must be sha256(previous hash + "\n" + content), starting from 64 zeros.
#  2. Each checkpoint must carry the witness's Ed25519 signature over
#     "baton-decision-checkpoint\n<seq>\n<head>\n<at>", and the record must still contain entry
#     <seq> with hash <head>: a record that is shorter, or diverges, is reported.
# The export carries the witness's public key; compare its fingerprint with the one you keep
# (shown on /admin/decisions/verify), or pass your own copy of the key as the second argument.
# Needs bash, jq, sha256sum, base64 and openssl.
# Usage: scripts/verify-decision-export.sh decisions.jsonl [witness.pub]
#
# One jq reads the whole file and one sha256sum (per few thousand entries, through xargs) hashes
# every entry: a record of 100,000 entries verifies in seconds, not one process per field.
set -euo pipefail
export="${1:?usage: $0 decisions.jsonl [witness.pub]}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/entries"

# Every line as NUL-separated fields, its kind first (no text of an export holds a NUL).
jq -j '
  if .witness then "W", "\u0000", .witness.publicKey, "\u0000"
  elif .checkpoint then "C", "\u0000", (.checkpoint | .seq, .head, .at, .signature
                                        | tostring, "\u0000")
  else "E", "\u0000", (.seq | tostring), "\u0000", .hash, "\u0000", .content, "\u0000"
  end' "$export" >"$work/fields"

# Each entry's preimage goes to a file named by its position, chained to the hash it claims for
# the one before; when every claimed hash is its actual hash, that is the chain itself.
prev=0000000000000000000000000000000000000000000000000000000000000000
n=0
seqs=()
claims=()
checkpoints=()
while IFS= read -r -d '' kind; do
  case $kind in
  W)
    IFS= read -r -d '' key_text
    printf '%s\n' "$key_text" >"$work/export.pub"
    ;;
  C)
    IFS= read -r -d '' seq
    IFS= read -r -d '' head
    IFS= read -r -d '' at
    IFS= read -r -d '' signature
    checkpoints+=("$seq $head $at $signature")
    ;;
  E)
    IFS= read -r -d '' seq
    IFS= read -r -d '' claimed
    IFS= read -r -d '' content
    n=$((n + 1))
    printf '%s\n%s' "$prev" "$content" >"$work/entries/$(printf '%09d' "$n")"
    seqs+=("$seq")
    claims+=("$claimed")
    prev=$claimed
    ;;
  esac
done <"$work/fields"

declare -A hash_at
last_seq=0
if [ "$n" -gt 0 ]; then
  i=0
  while read -r actual _; do
    if [ "$actual" != "${claims[$i]}" ]; then
      echo "BROKEN at entry $((i + 1)) (seq ${seqs[$i]}): its content no longer matches its hash"
      exit 1
    fi
    hash_at[${seqs[$i]}]=$actual
    last_seq=${seqs[$i]}
    i=$((i + 1))
  done < <(cd "$work/entries" && printf "%s\0" * | xargs -0 sha256sum 2>/dev/null)
fi

key="${2:-$work/export.pub}"
if [ ${#checkpoints[@]} -gt 0 ] && [ ! -s "$key" ]; then
  echo "BROKEN: the export has checkpoints but no witness key"
  exit 1
fi
last_good=none
for checkpoint in "${checkpoints[@]}"; do
  read -r seq head at signature <<<"$checkpoint"
  printf 'baton-decision-checkpoint\n%s\n%s\n%s' "$seq" "$head" "$at" >"$work/signed"
  printf '%s' "$signature" | base64 -d >"$work/signature"
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
