#!/usr/bin/env bash
# Regenerates src/AllianceTracker.Web/wwwroot/reading.css, the part of MudBlazor.min.css that
# readers' static pages use (issue 25; docs/page-weight.md). Run it after changing
# a reading page's markup or MudBlazor's version: ReadingStylesheetTests fails until you do.
# Starts the built app (dotnet build first) on a fresh seeded SQLite database in a temporary
# folder, on a free loopback port, freezes one snapshot, reads the pages with src/reading-css
# (Node 20+, PurgeCSS), and stops the app whatever happens.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

version=$(sed -n 's/.*Include="MudBlazor" Version="\([^"]*\)".*/\1/p' Directory.Packages.props)
packages=$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')
mud_css="$packages/mudblazor/$version/staticwebassets/MudBlazor.min.css"
[ -f "$mud_css" ] || { echo "reading-css: $mud_css not found; restore the solution first (dotnet build)." >&2; exit 1; }

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
export ASPNETCORE_ENVIRONMENT=Production Database__Path="$work/alliance.db"
app=(dotnet run --no-build --no-launch-profile --project "$root/src/AllianceTracker.Web")
ASPNETCORE_URLS="http://127.0.0.1:$port" "${app[@]}" >"$work/app.log" 2>&1 &
app_pid=$!
ready() { node -e "fetch('http://127.0.0.1:$port/healthz/ready').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"; }
for _ in $(seq 1 120); do
  if ready; then break; fi
  if ! kill -0 "$app_pid" 2>/dev/null; then cat "$work/app.log" >&2; echo "reading-css: the app did not start" >&2; exit 1; fi
  sleep 0.5
done
ready || { cat "$work/app.log" >&2; echo "reading-css: the app did not become ready" >&2; exit 1; }

snapshot=$("${app[@]}" -- snapshot create --title "Reading stylesheet" --as-of 2024-07-08 2>>"$work/app.log" | sed -n 's/^Snapshot \([a-z0-9]*\) .*/\1/p')
[ -n "$snapshot" ] || { echo "reading-css: no snapshot was created" >&2; exit 1; }

cd src/reading-css
npm ci --no-audit --no-fund --loglevel=error
ALLIANCE_URL="http://127.0.0.1:$port/" ALLIANCE_SNAPSHOT="$snapshot" MUDBLAZOR_CSS="$mud_css" MUDBLAZOR_VERSION="$version" \
  READING_CSS="$root/src/AllianceTracker.Web/wwwroot/reading.css" node build-reading-css.mjs
