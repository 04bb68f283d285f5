// Builds the minified copies that src/AllianceTracker.Web/wwwroot serves of the readable sources
// beside this file (docs/page-weight.md):
//
//   scripts/web-assets.sh             (installs terser and csso, then runs this)
//
// - AllianceTracker.Web.lib.module.js, the page script: blazor.web.js loads it as a JS initializer
//   by that exact name, so the served copy keeps the name (terser: 5.5 → 3.0 KB on a reader's wire);
// - app.css, the app's own rules, whose comments say why (csso, without restructuring: rules keep
//   their order and selectors; 3.8 → 2.6 KB on the wire).
// The readable sources live here, out of wwwroot, where the app would serve them too. Each copy
// starts with a line naming its source and the source's hash: WebAssetsTests (unit suite) fails
// when a source changed and this was not run. No source maps are served: each source is one file,
// and the copies keep their strings, class names and custom properties.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { minify as minifyJs } from "terser";
import { minify as minifyCss } from "csso";

const here = dirname(fileURLToPath(import.meta.url));
const wwwroot = join(here, "../AllianceTracker.Web/wwwroot");

const assets = [
  {
    name: "AllianceTracker.Web.lib.module.js",
    comment: (text) => `// ${text}`,
    minify: async (source) => (await minifyJs(source, { module: true, ecma: 2020, compress: { passes: 2 }, mangle: true, format: { comments: false } })).code,
  },
  {
    name: "app.css",
    comment: (text) => `/* ${text} */`,
    minify: async (source) => minifyCss(source, { restructure: false, comments: false }).css,
  },
];

for (const asset of assets) {
  // Line endings normalized, as WebAssetsTests hashes it: a checkout with CRLF is not stale.
  const source = readFileSync(join(here, asset.name), "utf8").replace(/\r\n/g, "\n");
  const stamp = createHash("sha256").update(source, "utf8").digest("hex").slice(0, 16);
  const code = await asset.minify(source);
  // Keep this line's form in step with WebAssetsTests, which reads the stamp from it.
  const header = asset.comment(`Generated from src/web-assets/${asset.name} (sha256 ${stamp}) by scripts/web-assets.sh. Do not edit; regenerate.`);
  const output = join(wwwroot, asset.name);
  writeFileSync(output, `${header}\n${code}\n`);
  console.log(`build-web-assets: ${asset.name} ${source.length} → ${code.length} characters`);
}
