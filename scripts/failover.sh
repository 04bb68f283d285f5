#!/usr/bin/env bash
# The failover test's long form (docs/deployment.md): deploy/cluster.sh's cluster (PostgreSQL, two
# instances, nginx) under four writers, 40 live streams and a page reader, through ROUNDS rounds
# (default 5) of: kill -9 of each instance, one instance hung 10 s (SIGSTOP), PostgreSQL restarted.
# Prints the figures (also in TestResults/failover.txt). One round runs with every ./test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export ALLIANCE_FAILOVER_ROUNDS="${1:-5}"
dotnet build tests/AllianceTracker.Tests -v quiet -nologo
dotnet test tests/AllianceTracker.Tests --no-build --filter "FullyQualifiedName~Data.FailoverTests" \
  --logger "console;verbosity=detailed" >/dev/null 2>&1 || status=$?
cat TestResults/failover.txt
exit "${status:-0}"
