/** The production build's size check (scripts/check-bundle-sizes.js) fails on an oversized bundle. */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { gzipSync } from "zlib";

const SCRIPT = path.resolve(__dirname, "../../scripts/check-bundle-sizes.js");
const { BUDGETS, measureBundles, checkBudgets } = require(SCRIPT);

/** Bytes that gzip cannot shrink much (a fixed-seed xorshift stream), so gzip sizes are near the raw sizes. */
function noise(length: number): Buffer {
  const out = Buffer.alloc(length);
  let x = 2463534242;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = 32 + ((x >>> 0) % 90);
  }
  return out;
}

function fakeDist(
  files: Record<string, number>,
  entries: Record<string, string[]>,
  lazy: string[],
  paneFirstPaint: string[] = []
): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cntech-dist-"));
  for (const [name, size] of Object.entries(files))
    fs.writeFileSync(path.join(dir, name), noise(size));
  fs.writeFileSync(
    path.join(dir, "build-manifest.json"),
    JSON.stringify({ entries, paneFirstPaint, lazy })
  );
  return dir;
}

const run = (dist: string) =>
  spawnSync(process.execPath, [SCRIPT, "--dist", dist], { encoding: "utf8" });

test("bundles within every budget pass and their sizes are printed", () => {
  const dist = fakeDist(
    { "functions.js": 50_000, "taskpane.1.js": 300_000, "lazy.2.js": 200_000 },
    { functions: ["functions.js"], taskpane: ["taskpane.1.js"] },
    ["lazy.2.js"]
  );
  const r = run(dist);
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/taskpane\.1\.js\s+300\.0 KB/);
  expect(r.stdout).toMatch(/start-up total\s+350\.0 KB/);
});

test("an oversized functions.js fails the check with a message naming the budget", () => {
  const dist = fakeDist(
    { "functions.js": BUDGETS.functions + 1, "taskpane.1.js": 1000 },
    { functions: ["functions.js"], taskpane: ["taskpane.1.js"] },
    []
  );
  const r = run(dist);
  expect(r.status).toBe(1);
  expect(r.stdout).toMatch(/size budget exceeded: functions/);
});

test("start-up bytes over budget fail even when each bundle alone is small; lazy chunks count only in the total", () => {
  const half = Math.ceil(BUDGETS.startup / 2) + 1;
  const over = fakeDist(
    { "functions.js": 1000, "a.js": half, "b.js": half },
    { functions: ["functions.js"], taskpane: ["a.js", "b.js"] },
    []
  );
  expect(run(over).status).toBe(1);
  expect(run(over).stdout).toMatch(/size budget exceeded: startup/);
  const lazy = fakeDist(
    { "functions.js": 1000, "a.js": half, "b.js": half },
    { functions: ["functions.js"], taskpane: ["a.js"] },
    ["b.js"]
  );
  expect(run(lazy).status).toBe(0);
});

test("the chunks the pane fetches for its first paint count as start-up", () => {
  const half = Math.ceil(BUDGETS.startup / 2) + 1;
  const dist = fakeDist(
    { "functions.js": 1000, "t.js": 1000, "pane.1.js": half, "vendor.2.js": half },
    { functions: ["functions.js"], taskpane: ["t.js"] },
    [],
    ["vendor.2.js", "pane.1.js"]
  );
  const r = run(dist);
  expect(r.status).toBe(1);
  expect(r.stdout).toMatch(/pane\.1\.js\s+[\d.]+ KB\s+[\d.]+ KB\s+startup/);
  expect(r.stdout).toMatch(/size budget exceeded: startup/);
});

test("the whole add-in over budget fails; gzip sizes are measured from the files", () => {
  const dist = fakeDist(
    { "functions.js": 1000, "t.js": 1000, "l1.js": 800_000, "l2.js": 800_000 },
    { functions: ["functions.js"], taskpane: ["t.js"] },
    ["l1.js", "l2.js"]
  );
  const rows = measureBundles(dist);
  const l1 = rows.find((r: { file: string }) => r.file === "l1.js");
  expect(l1.gzip).toBe(gzipSync(fs.readFileSync(path.join(dist, "l1.js")), { level: 9 }).length);
  expect(checkBudgets(rows).failures).toEqual([expect.stringMatching(/^total: 1602\.0 KB/)]);
});

test("a missing build manifest fails the check", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cntech-dist-"));
  const r = run(dir);
  expect(r.status).toBe(1);
  expect(r.stderr).toMatch(/build-manifest\.json is missing/);
});
