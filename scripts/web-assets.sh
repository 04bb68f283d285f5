#!/usr/bin/env bash
# Regenerates the minified copies that src/AllianceTracker.Web/wwwroot serves of the readable
# sources in src/web-assets: the page script (AllianceTracker.Web.lib.module.js, with terser) and
# app.css (with csso) (docs/page-weight.md). Run it after editing either: WebAssetsTests fails
# until you do. Needs Node 20+; the app itself needs no Node.
set -euo pipefail
cd "$(dirname "$0")/../src/web-assets"
npm ci --no-audit --no-fund --loglevel=error
node build-web-assets.mjs
