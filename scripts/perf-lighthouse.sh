#!/usr/bin/env bash
# Lighthouse (mobile preset: a mid-range phone, simulated slow 4G and CPU) on every main page,
# signed in as a front-line person, against the packaged jar on loopback (docs/PERFORMANCE.md).
# Prints, per page: performance and accessibility scores, cumulative layout shift, largest
# contentful paint and total blocking time. Lighthouse comes from the npm registry on first use.
# Usage: scripts/perf-lighthouse.sh [person [path...]]   (default henry@example.com, every main page)
set -euo pipefail
cd "$(dirname "$0")/.."
person=${1:-henry@example.com}
shift $(( $# > 0 ? 1 : 0 ))
paths=("$@")
[ ${#paths[@]} -gt 0 ] || paths=(/ /authority/check "/authority/check?type=customer.goodwill&amount=40" /decisions /initiatives /advice /learning /strategy /figures /dialogues /roles /authority/growth-suggestions /insights /notifications /people)
port=18090
home=$(mktemp -d)
tools=${LIGHTHOUSE_DIR:-/tmp/baton-lighthouse}
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
trap 'kill $(jobs -p) 2>/dev/null || true; sleep 2; rm -rf "$home"' EXIT
command -v jq >/dev/null || { apt-get update -qq && apt-get install -y -qq jq >/dev/null; }
if [ ! -x "$tools/node_modules/.bin/lighthouse" ]; then
  mkdir -p "$tools" && (cd "$tools" && npm init -y >/dev/null && npm install lighthouse@12 --no-audit --no-fund >/dev/null)
fi

./mvnw -q -DskipTests package >/dev/null
jar=$(ls target/baton-*.jar | grep -v plain | head -1)
BATON_HOME="$home" SERVER_PORT=$port java -jar "$jar" >"$home/run.log" 2>&1 &
until curl -sf -o /dev/null "http://localhost:$port/actuator/health/readiness"; do sleep 0.2; done

# signed in as the person would: the sign-in form with its CSRF token, then the session cookie
cookies="$home/cookies"
csrf=$(curl -s -c "$cookies" "http://localhost:$port/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"$//')
curl -s -b "$cookies" -c "$cookies" -o /dev/null -d "username=$person&password=baton-demo&_csrf=$csrf" "http://localhost:$port/login"
session=$(awk '$6 == "SESSION" {print $7}' "$cookies")
[ -n "$session" ] || { echo "could not sign in as $person" >&2; exit 1; }

printf '%-28s %5s %5s %7s %8s %6s\n' page perf a11y CLS LCP_ms TBT_ms
for path in "${paths[@]}"; do
  "$tools/node_modules/.bin/lighthouse" "http://localhost:$port$path" --quiet --output=json \
    --output-path="$home/report.json" --only-categories=performance,accessibility \
    --extra-headers="{\"Cookie\": \"SESSION=$session\"}" \
    --chrome-flags="--headless=new --no-sandbox" >/dev/null 2>&1 || { echo "$path: lighthouse failed"; continue; }
  jq -r --arg p "$path" '[$p, (.categories.performance.score*100|round), (.categories.accessibility.score*100|round),
      (.audits["cumulative-layout-shift"].numericValue*1000|round/1000),
      (.audits["largest-contentful-paint"].numericValue|round), (.audits["total-blocking-time"].numericValue|round)]
      | @tsv' "$home/report.json" | awk -F'\t' '{printf "%-28s %5s %5s %7s %8s %6s\n", $1, $2, $3, $4, $5, $6}'
done
