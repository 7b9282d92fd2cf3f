#!/usr/bin/env node
/**
 * `npm run test:e2e`: the workbench driven in headless Chromium with node's test runner.
 * Fails (never skips) when Chromium is missing; builds the add-in and the workbench when needed.
 */
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");
const { ensureBuilt, findChromium } = require("../../scripts/workbench.js");

try {
  console.log(`Chromium: ${findChromium()}`);
} catch (e) {
  console.error(`e2e: ${e.message}`);
  process.exit(1);
}
ensureBuilt();
const files = fs
  .readdirSync(__dirname)
  .filter((f) => f.endsWith(".test.js"))
  .sort()
  .map((f) => path.join(__dirname, f));
if (files.length === 0) {
  console.error("e2e: no test files found");
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  ["--test", "--test-concurrency=1", "--test-timeout=180000", "--test-reporter=spec", ...files],
  { stdio: "inherit" }
);
process.exit(result.status ?? 1);
