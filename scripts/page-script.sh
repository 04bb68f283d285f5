#!/usr/bin/env bash
# Regenerates src/AllianceTracker.Web/wwwroot/AllianceTracker.Web.lib.module.js, the served page
# script, by minifying its readable source src/page-script/AllianceTracker.Web.lib.module.js with
# terser (docs/page-weight.md). Run it after editing the source: PageScriptTests fails until you do.
# Needs Node 20+; the app itself needs no Node.
set -euo pipefail
cd "$(dirname "$0")/../src/page-script"
npm ci --no-audit --no-fund --loglevel=error
node build-page-script.mjs
