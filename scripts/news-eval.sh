#!/usr/bin/env bash
# Scores the news assist on the realistic corpus (tests/AllianceTracker.Tests/Features/NewsAssist/
# Evaluation/news-corpus.json): precision and recall, development and test splits apart.
#   scripts/news-eval.sh                      the rules reader (offline)
#   scripts/news-eval.sh --model URL NAME     a model at an OpenAI-compatible endpoint (e.g. a local
#                                             Ollama: http://127.0.0.1:11434/v1 llama3.1); the key, if
#                                             any, from NEWS_ASSIST_MODEL_API_KEY
# Log each scoring of the test split in docs/news-assist.md (date, commit, figures).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--model" ]; then
  export ALLIANCE_TRACKER_NEWS_READER=Model NEWS_ASSIST_MODEL_ENDPOINT="$2" NEWS_ASSIST_MODEL_NAME="$3"
fi
NEWS_EVAL_REPORT_TEST=1 dotnet test tests/AllianceTracker.Tests --filter "FullyQualifiedName~NewsCorpusEvaluationTests" --logger "console;verbosity=detailed" 2>&1 \
  | grep -E "news corpus, |foreign-language articles|Passed!|Failed!|Error Message" || true
echo "commit $(git rev-parse --short HEAD), $(date -u +%Y-%m-%d)"
