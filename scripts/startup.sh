#!/usr/bin/env bash
# Start-up to the first dashboard byte, for comparing builds side by side (docs/performance.md):
#   scripts/startup.sh [ROUNDS] DIR [DIR ...]
# Each DIR is a published app (dotnet publish … -o DIR). Every round starts each build in turn on
# a new SQLite database three times: the first start (migrate and seed), then two restarts on the
# database it left. Builds alternate, so a noisy neighbour on a shared machine hits all alike.
set -euo pipefail
rounds=3
if [[ "${1:-}" =~ ^[0-9]+$ ]]; then rounds=$1; shift; fi
[ $# -gt 0 ] || { echo "usage: $0 [ROUNDS] PUBLISH_DIR [PUBLISH_DIR ...]" >&2; exit 2; }

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
work=$(mktemp -d -t alliance-tracker-startup.XXXXXX)
trap 'rm -rf "$work"' EXIT

start_once() { # start_once DIR DATABASE -> seconds from process start to the first byte of /
  local started pid
  started=$(date +%s.%N)
  ( cd "$1" && ASPNETCORE_ENVIRONMENT=Production Database__Path="$2" ASPNETCORE_URLS="http://127.0.0.1:$port" \
      Serilog__MinimumLevel__Default=Warning exec dotnet AllianceTracker.Web.dll >/dev/null 2>&1 ) &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/"; do sleep 0.02; done
  echo "$(date +%s.%N) - $started" | bc
  kill -TERM "$pid"
  wait "$pid" 2>/dev/null || true
}

for round in $(seq "$rounds"); do
  for dir in "$@"; do
    database="$work/$round-$(basename "$dir").db"
    printf '%-40s first %.2f s, restarts %.2f s %.2f s\n' "$dir" \
      "$(start_once "$dir" "$database")" "$(start_once "$dir" "$database")" "$(start_once "$dir" "$database")"
  done
done
