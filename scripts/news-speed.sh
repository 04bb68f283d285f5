#!/usr/bin/env bash
# How long the news assist's rules take to read a 100 KB text of each shape (issue 24: ≤ 1 s),
# against the seed article's time per KB in the same run (docs/news-assist.md quotes the table).
# A Release build, in process; about a minute.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run -c Release --project tests/AllianceTracker.Load -- news-speed \
  --article tests/AllianceTracker.Tests/Features/NewsAssist/Evaluation/seed-article.txt --aliases seeds/proposal-aliases.json
