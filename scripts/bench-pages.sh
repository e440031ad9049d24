#!/usr/bin/env bash
# Measures Kesher's page and API latency and its memory on the demo, over real HTTP.
# Needs wrk (Debian: apt-get install wrk). Figures go to docs/benchmarks.md by hand.
#   scripts/bench-pages.sh            # builds the release binary first
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "install wrk first (apt-get install wrk)"; exit 1; }
cargo build --release -q
work=$(mktemp -d)
addr=127.0.0.1:8199
password="bench password 1234"
KESHER_LOG=warn KESHER_ADMIN_PASSWORD="$password" ./target/release/kesher demo --db "$work/demo.db" --addr "$addr" >"$work/log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 50); do curl -sf "http://$addr/healthz" >/dev/null && break; sleep 0.2; done
echo "idle RSS after start: $(awk '/VmRSS/ {print $2, $3}' /proc/$pid/status)"

jar="$work/jar"
csrf=$(curl -s -c "$jar" -b "$jar" "http://$addr/login" | grep -o 'name="csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"//')
curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "csrf=$csrf" --data-urlencode "email=backbone@example.org" \
  --data-urlencode "password=$password" "http://$addr/login"
session=$(awk '$6 == "kesher_session" {print $7}' "$jar")

for path in /initiatives/1 /initiatives/1/organizations /initiatives/1/people /initiatives/1/seating \
            "/initiatives/1/organizations?q=%D7%9E%D7%93%D7%A2" /api/v1/initiatives/1/people \
            /initiatives/1/agenda "/initiatives/1/agenda/compare?from=1&to=2" /initiatives/1/results \
            /initiatives/1/results/theory-of-change /initiatives/1/glossary/1 /initiatives/1/endorsements \
            /initiatives/1/field-changes /api/v1/initiatives/1/results; do
  echo "--- GET $path"
  wrk -t2 -c8 -d5s --latency -H "Cookie: kesher_session=$session" "http://$addr$path" \
    | grep -E "Requests/sec|50%|90%|99%|Non-2xx"
done
# Shared measurement: the national network (initiative 2) holds the Ministry's 4,995 places and
# four school years of school data; the admin reads it.
admin_jar="$work/admin-jar"
csrf=$(curl -s -c "$admin_jar" -b "$admin_jar" "http://$addr/login" | grep -o 'name="csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"//')
curl -s -c "$admin_jar" -b "$admin_jar" -o /dev/null --data-urlencode "csrf=$csrf" --data-urlencode "email=admin@example.org" \
  --data-urlencode "password=$password" "http://$addr/login"
admin=$(awk '$6 == "kesher_session" {print $7}' "$admin_jar")
card=$(curl -s -b "$admin_jar" "http://$addr/initiatives/2/measurement/report-card" | grep -o 'href="/report/[^"]*"' | head -1 | sed 's/href="//;s/"//')
for path in /initiatives/2/measurement /initiatives/2/measurement/indicators/3 \
            "/initiatives/2/measurement/indicators/3/gap?group=quintile:5&reference=quintile:1" \
            "/initiatives/2/measurement/places?q=%D7%97%D7%99%D7%A4%D7%94" /api/v1/indicators/4/figures \
            "$card"; do
  echo "--- GET $path"
  wrk -t2 -c8 -d5s --latency -H "Cookie: kesher_session=$admin" "http://$addr$path" \
    | grep -E "Requests/sec|50%|90%|99%|Non-2xx"
done
echo "RSS after the load: $(awk '/VmRSS/ {print $2, $3}' /proc/$pid/status); peak $(awk '/VmHWM/ {print $2, $3}' /proc/$pid/status)"
