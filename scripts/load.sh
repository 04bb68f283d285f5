#!/usr/bin/env bash
# The load harness (docs/performance.md): publishes a Release build of the app, then runs
# tests/AllianceTracker.Load against it. Extra arguments go to the harness: --short for the
# CI form, --streams N, --stretch N, --edits N. It prints figures and a budget table; it
# fails only when the harness itself cannot run.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# Thousands of open streams are thousands of sockets, in the harness and in the app it starts.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

# wrk measures throughput (it costs the shared cores far less than a .NET client would).
if ! command -v wrk >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "load.sh: installing wrk (apt-get install wrk)..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
  else
    echo "load.sh: wrk not found. Install it (Debian: sudo apt-get install -y wrk)." >&2
    exit 1
  fi
fi

# The editor's circuit is measured in a real Chromium when one is installed (./test.sh installs it).
for candidate in "${CHROMIUM_PATH:-}" /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome; do
  if [ -n "$candidate" ] && [ -x "$candidate" ]; then
    export CHROMIUM_PATH="$candidate"
    break
  fi
done

dotnet tool restore >/dev/null # dotnet-gcdump, for the managed heap
work=$(mktemp -d -t alliance-tracker-load.XXXXXX)
trap 'rm -rf "$work"' EXIT
# Published as a deployment would be: Release, ReadyToRun (precompiled, so start-up does not wait
# for the JIT; docs/performance.md) for this machine's runtime identifier.
rid=$(dotnet --info | sed -n 's/^ *RID: *//p' | head -n 1)
dotnet publish src/AllianceTracker.Web -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true -o "$work/app" -v quiet -nologo
dotnet build tests/AllianceTracker.Load -c Release -v quiet -nologo
dotnet tests/AllianceTracker.Load/bin/Release/net10.0/AllianceTracker.Load.dll --app "$work/app/AllianceTracker.Web.dll" --work "$work/run" "$@"
