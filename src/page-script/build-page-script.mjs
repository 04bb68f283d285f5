// Builds src/AllianceTracker.Web/wwwroot/AllianceTracker.Web.lib.module.js, the page script every
// page downloads, from the readable source beside this file (docs/page-weight.md):
//
//   scripts/page-script.sh            (installs terser, then runs this)
//
// blazor.web.js loads the served file as a JS initializer by its exact name, so the name stays and
// the readable source lives here, out of wwwroot, where the app would serve it too. The output is
// terser's minified copy (5.2 → 2.6 KB compressed) under a first line naming its source and the
// source's hash: PageScriptTests (unit suite) fails when the source changed and this was not run.
// No source map is served: the readable source is one file, and the minified one keeps its strings.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { minify } from "terser";

const here = dirname(fileURLToPath(import.meta.url));
const name = "AllianceTracker.Web.lib.module.js";
// Line endings normalized, as PageScriptTests hashes it: a checkout with CRLF is not stale.
const source = readFileSync(join(here, name), "utf8").replace(/\r\n/g, "\n");
const stamp = createHash("sha256").update(source, "utf8").digest("hex").slice(0, 16);

const result = await minify(source, {
  module: true,
  ecma: 2020,
  compress: { passes: 2 },
  mangle: true,
  format: { comments: false },
});

// Keep this line's form in step with PageScriptTests, which reads the stamp from it.
const header = `// Generated from src/page-script/${name} (sha256 ${stamp}) by scripts/page-script.sh. Do not edit; regenerate.\n`;
const output = join(here, "../AllianceTracker.Web/wwwroot", name);
writeFileSync(output, header + result.code + "\n");
console.log(`build-page-script: ${source.length} → ${result.code.length} characters, ${output}`);
