#!/usr/bin/env bash
# Refreshes the README's screenshots in docs/screenshots/ (light and dark) from the running app,
# by running the browser tests that take them. A plain ./test.sh takes them too, to check that
# the pages render, but keeps them out of the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
export ALLIANCE_TRACKER_SCREENSHOTS="$PWD/docs/screenshots"
./test.sh --filter "Category=Screenshots"
git status --short docs/screenshots
