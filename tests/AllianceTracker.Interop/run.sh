#!/usr/bin/env bash
# The interop suite (issue 14): starts the app on a fresh seeded SQLite database in a temporary
# folder, on a free loopback port, freezes one snapshot through the command line, runs
# interop.test.mjs with Node's test runner (results: TestResults/interop.junit.xml), and stops the
# app whatever happens. Needs the solution built (test.sh builds it) and Node 20+.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$here"

npm ci --no-audit --no-fund --loglevel=error

work=$(mktemp -d)
app_pid=
cleanup() {
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill -TERM "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
export ASPNETCORE_ENVIRONMENT=Production Database__Path="$work/alliance.db" DOTNET_NOLOGO=1
app=(dotnet run --no-build --no-launch-profile --project "$root/src/AllianceTracker.Web")

ASPNETCORE_URLS="http://127.0.0.1:$port" "${app[@]}" >"$work/app.log" 2>&1 &
app_pid=$!
ready() { node -e "fetch('http://127.0.0.1:$port/healthz/ready').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"; }
for _ in $(seq 1 120); do
  if ready; then break; fi
  if ! kill -0 "$app_pid" 2>/dev/null; then cat "$work/app.log" >&2; echo "interop: the app did not start" >&2; exit 1; fi
  sleep 0.5
done
ready || { cat "$work/app.log" >&2; echo "interop: the app did not become ready" >&2; exit 1; }

snapshot=$("${app[@]}" -- snapshot create --title "Interop suite" | sed -n 's/^Snapshot \([a-z0-9]*\) .*/\1/p')
[ -n "$snapshot" ] || { echo "interop: no snapshot was created" >&2; exit 1; }

mkdir -p "$root/TestResults"
ALLIANCE_URL="http://127.0.0.1:$port" ALLIANCE_SNAPSHOT="$snapshot" node --test \
  --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=junit --test-reporter-destination="$root/TestResults/interop.junit.xml" \
  interop.test.mjs
