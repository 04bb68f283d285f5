#!/usr/bin/env bash
# Page weight and largest contentful paint of the reading pages on a slow-4G phone (issue 25;
# docs/page-weight.md): publishes a Release build of the app as scripts/load.sh
# does, starts it on a temporary seeded SQLite database at a loopback port, and loads the
# dashboard, a proposal and a member in Chromium with the reading stylesheet and, in the same run,
# with MudBlazor.min.css in its place. --short: one round instead of three. Prints a budget
# table; fails only when it cannot run. PAGE_WEIGHT_VERBOSE=1 also lists every request of every load.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

for candidate in "${CHROMIUM_PATH:-}" /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome; do
  if [ -n "$candidate" ] && [ -x "$candidate" ]; then
    export CHROMIUM_PATH="$candidate"
    break
  fi
done
[ -n "${CHROMIUM_PATH:-}" ] || { echo "page-weight: no Chromium found; install one (./test.sh does) or set CHROMIUM_PATH." >&2; exit 1; }

work=$(mktemp -d -t alliance-tracker-weight.XXXXXX)
trap 'rm -rf "$work"' EXIT
rid=$(dotnet --info | sed -n 's/^ *RID: *//p' | head -n 1)
dotnet publish src/AllianceTracker.Web -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true -o "$work/app" -v quiet -nologo
dotnet build tests/AllianceTracker.Load -c Release -v quiet -nologo
dotnet tests/AllianceTracker.Load/bin/Release/net10.0/AllianceTracker.Load.dll --app "$work/app/AllianceTracker.Web.dll" --work "$work/run" --page-weight "$@"
