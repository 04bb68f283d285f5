#!/usr/bin/env bash
# The fault tests' long form (docs/security.md): the app as a Production process, killed with
# SIGKILL at random moments during bursts of saves and restarted, CYCLES times (default 30);
# then every acknowledged save is looked for and SQLite's integrity is checked. Prints one line:
#   FAULTS crash cycles=… attempted=… acknowledged=… missing=… integrity=…
# The short form (3 cycles) runs with every ./test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export ALLIANCE_FAULT_CYCLES="${1:-30}"
dotnet build tests/AllianceTracker.Tests -v quiet -nologo
dotnet test tests/AllianceTracker.Tests --no-build --filter "FullyQualifiedName~Hosting.CrashTests" \
  --logger "console;verbosity=detailed" 2>&1 | tee /dev/stderr | grep -E "^ *FAULTS " | sed 's/^ *//'
