/**
 * The add-in's bundle names carry content hashes, so pages that host the built add-in outside Excel
 * (the workbench, the cold-start bench) take its scripts from the page the build emitted,
 * dist/taskpane.html, in its order (functions.js first), instead of naming files themselves.
 */
const fs = require("fs");
const path = require("path");

/** The local scripts dist/taskpane.html loads, in order (office.js from a CDN is left out). */
function addinScripts(distDir) {
  const page = path.join(distDir, "taskpane.html");
  if (!fs.existsSync(page)) throw new Error(`${page} is missing: run npm run build`);
  const html = fs.readFileSync(page, "utf8");
  return [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/g)]
    .map((m) => m[1])
    .filter((src) => !/^[a-z]+:|^\/\//i.test(src));
}

const MARKER = "<!-- add-in scripts -->";

/** Replaces the page's marker with script tags for the add-in's scripts served under urlPrefix. */
function withAddinScripts(html, distDir, urlPrefix) {
  if (!html.includes(MARKER)) throw new Error(`the page has no "${MARKER}" marker`);
  const tags = addinScripts(distDir)
    .map((src) => `<script src="${urlPrefix}${src}"></script>`)
    .join("\n    ");
  return html.replace(MARKER, tags);
}

module.exports = { addinScripts, withAddinScripts };
