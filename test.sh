#!/usr/bin/env bash
# Runs every test: unit, bUnit and integration (no browser), then end-to-end in real Chromium.
# Extra arguments go to `dotnet test` (e.g. --filter ...). Results land in TestResults/*.trx.
set -euo pipefail
cd "$(dirname "$0")"

find_chromium() {
  local candidate
  for candidate in "${CHROMIUM_PATH:-}" /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome /usr/bin/google-chrome-stable; do
    if [ -n "$candidate" ] && [ -x "$candidate" ]; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

# Playwright cannot download its own browser here; the end-to-end tests drive an installed Chromium.
if ! CHROMIUM_PATH=$(find_chromium); then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "test.sh: installing Chromium for the end-to-end tests (apt-get install chromium)..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    CHROMIUM_PATH=$(find_chromium)
  else
    echo "test.sh: no Chromium found. Install it (Debian: sudo apt-get install -y chromium) or set CHROMIUM_PATH." >&2
    exit 1
  fi
fi
export CHROMIUM_PATH

# The metrics tests check deploy/prometheus with promtool and scrape the app with a real Prometheus
# (Debian's package). Installed without starting its service: the tests start their own on 127.0.0.1.
if ! command -v promtool >/dev/null 2>&1 || ! command -v prometheus >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "test.sh: installing Prometheus for the metrics tests (apt-get install prometheus, service not started)..."
    made_policy=0
    if [ ! -e /usr/sbin/policy-rc.d ]; then
      printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d && made_policy=1
    fi
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus >/dev/null
    if [ "$made_policy" = 1 ]; then rm -f /usr/sbin/policy-rc.d; fi
  else
    echo "test.sh: Prometheus is missing. Install it (Debian: sudo apt-get install -y prometheus)." >&2
    exit 1
  fi
fi
echo "test.sh: end-to-end tests will drive $CHROMIUM_PATH"

# The PostgreSQL tests start a throwaway server of their own from Debian's binaries (no Docker);
# the cluster's browser test puts nginx in front of two instances (deploy/cluster.sh).
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || ! command -v nginx >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "test.sh: installing PostgreSQL and nginx for the cluster tests (apt-get install postgresql nginx)..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql nginx >/dev/null
  else
    echo "test.sh: PostgreSQL or nginx is missing. Install them (Debian: sudo apt-get install -y postgresql nginx)." >&2
    exit 1
  fi
fi

dotnet tool restore
rm -rf TestResults
status=0
dotnet test AllianceTracker.sln --results-directory TestResults "$@" || status=$?

# The integration suite again with every app it starts on PostgreSQL (a seeded copy per app on a
# throwaway server) instead of SQLite. Left out: tests of SQLite's own file (backup, locked and
# read-only files, its triggers' messages: trait Database=SqliteOnly) and the PostgreSQL and
# two-instance tests (tests/AllianceTracker.Tests/Data), which ran above. Tests that start no app
# run again unchanged. Skipped, like the interop suite, when arguments narrow the run.
if [ "$#" -eq 0 ]; then
  ALLIANCE_TRACKER_TESTS_DATABASE=PostgreSQL dotnet test tests/AllianceTracker.Tests --no-build --results-directory TestResults \
    --logger "trx;LogFileName=AllianceTracker.Tests.PostgreSQL.trx" \
    --filter "Database!=SqliteOnly&FullyQualifiedName!~AllianceTracker.Tests.Data." || status=$?
fi

# The interop suite opens the exports, feed, API and OpenAPI document with third-party Node
# clients (exceljs, SheetJS, csv-parse, ajv, a feed parser, Redocly): TestResults/interop.junit.xml.
# Skipped when arguments narrow the .NET run (a --filter is for one area).
if [ "$#" -eq 0 ]; then
  tests/AllianceTracker.Interop/run.sh || status=$?
fi
exit "$status"
