#!/usr/bin/env node
/**
 * Prints every add-in bundle's minified and gzip size (from dist/build-manifest.json) and exits 1
 * when a budget is exceeded, so a production build (and CI) fails. Usage:
 *   node scripts/check-bundle-sizes.js [--dist <dir>]
 * Budgets (bytes of minified JavaScript, 1 KB = 1000 bytes): see BUDGETS. The CLI bundle (cli.js)
 * runs in Node, not in Excel, and is not counted.
 */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const BUDGETS = {
  /**
   * functions.js alone: what must run before any formula can be registered. It also carries the
   * webpack runtime and the data and core modules the pane reuses from it (the pane's entry depends
   * on it); the scenario model is a chunk its formulas fetch on first call.
   */
  functions: 100_000,
  /**
   * Everything taskpane.html runs before the first formula value and the pane's first paint (the
   * pane's libraries - React DOM, Fluent UI - are about 450 KB of it).
   */
  startup: 600_000,
  /** The whole add-in, lazy chunks included. */
  total: 1_500_000,
};

/**
 * Minified and gzip sizes of each script the build manifest lists, tagged startup (the entries' own
 * scripts and the chunks the pane fetches for its first paint) or lazy.
 */
function measureBundles(distDir) {
  const manifestPath = path.join(distDir, "build-manifest.json");
  if (!fs.existsSync(manifestPath))
    throw new Error(`${manifestPath} is missing: run the production build (npm run build)`);
  const manifest = JSON.parse(fs.readFileSync(manifestPath, "utf8"));
  const rows = [];
  const seen = new Set();
  const add = (file, group, entry) => {
    if (seen.has(file)) return;
    seen.add(file);
    const bytes = fs.readFileSync(path.join(distDir, file));
    rows.push({
      file,
      group,
      entry,
      bytes: bytes.length,
      gzip: zlib.gzipSync(bytes, { level: 9 }).length,
    });
  };
  for (const [entry, files] of Object.entries(manifest.entries))
    files.forEach((f) => add(f, "startup", entry));
  (manifest.paneFirstPaint ?? []).forEach((f) => add(f, "startup", "taskpane"));
  manifest.lazy.forEach((f) => add(f, "lazy", undefined));
  return rows;
}

/** Totals of the measured rows and the budgets they break (an empty list when all hold). */
function checkBudgets(rows, budgets = BUDGETS) {
  const sum = (list, key) => list.reduce((s, r) => s + r[key], 0);
  const functions = rows.filter((r) => r.entry === "functions");
  const startup = rows.filter((r) => r.group === "startup");
  const totals = {
    functions: { bytes: sum(functions, "bytes"), gzip: sum(functions, "gzip") },
    startup: { bytes: sum(startup, "bytes"), gzip: sum(startup, "gzip") },
    total: { bytes: sum(rows, "bytes"), gzip: sum(rows, "gzip") },
  };
  const failures = Object.keys(budgets)
    .filter((k) => totals[k].bytes > budgets[k])
    .map((k) => `${k}: ${kb(totals[k].bytes)} minified exceeds the ${kb(budgets[k])} budget`);
  return { totals, failures };
}

const LABELS = { functions: "functions.js", startup: "start-up total", total: "whole add-in" };
const kb = (n) => `${(n / 1000).toFixed(1)} KB`;

function report(rows, { totals, failures }, budgets = BUDGETS, log = console.log) {
  log("bundle sizes (minified / gzip):");
  for (const r of rows)
    log(
      `  ${r.file.padEnd(36)} ${kb(r.bytes).padStart(10)} ${kb(r.gzip).padStart(10)}  ${r.group}`
    );
  for (const k of Object.keys(budgets))
    log(
      `  ${(LABELS[k] ?? k).padEnd(36)} ${kb(totals[k].bytes).padStart(10)} ${kb(totals[k].gzip).padStart(10)}  budget ${kb(budgets[k])}`
    );
  failures.forEach((f) => log(`size budget exceeded: ${f}`));
}

if (require.main === module) {
  const i = process.argv.indexOf("--dist");
  const dist = path.resolve(i > 0 ? process.argv[i + 1] : path.join(__dirname, "..", "dist"));
  try {
    const rows = measureBundles(dist);
    const result = checkBudgets(rows);
    report(rows, result);
    if (result.failures.length > 0) process.exit(1);
  } catch (e) {
    console.error(`size check: ${e.message}`);
    process.exit(1);
  }
}

module.exports = { BUDGETS, measureBundles, checkBudgets };
