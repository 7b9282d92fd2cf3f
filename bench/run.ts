/**
 * One benchmark harness. Each bench/*.bench.ts exports `run(): Promise<BenchResult[]>`; every result
 * is a ratio or figure measured against a baseline in the same run (never a bare timing).
 * Results print as a table and are written to bench-results.json at the repository root.
 * Usage: npm run bench [-- name-filter]
 */
import * as fs from "fs";
import * as path from "path";

export interface BenchResult {
  /** e.g. "compute: volatility vs formulajs STDEV.S" */
  name: string;
  /** The measured ratio or figure. */
  value: number;
  unit: string;
  /** The goal in words, e.g. ">= 5x". */
  goal: string;
  met: boolean;
  /** A figure that follows from the design (e.g. a count fixed by a budget): shown, not a goal. */
  informational?: boolean;
}

async function main(): Promise<void> {
  const filter = process.argv[2];
  const dir = __dirname;
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".bench.ts"))
    .filter((f) => !filter || f.includes(filter))
    .sort();
  const results: BenchResult[] = [];
  for (const file of files) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(dir, file)) as { run: () => Promise<BenchResult[]> };
    console.log(`\n== ${file}`);
    const got = await mod.run();
    for (const r of got) {
      const mark = r.informational ? "info" : r.met ? "ok  " : "MISS";
      const goal = r.informational ? "informational" : `goal ${r.goal}`;
      console.log(`${mark} ${r.name}: ${formatValue(r.value)} ${r.unit} (${goal})`);
    }
    results.push(...got);
  }
  const out = path.join(dir, "..", "bench-results.json");
  fs.writeFileSync(
    out,
    JSON.stringify({ measuredAt: new Date().toISOString(), results }, null, 2) + "\n"
  );
  const goals = results.filter((r) => !r.informational);
  console.log(
    `\n${goals.filter((r) => r.met).length}/${goals.length} goals met ` +
      `(${results.length - goals.length} informational figures); written to bench-results.json`
  );
}

function formatValue(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (Math.abs(v) >= 1000) return v.toFixed(0);
  if (Math.abs(v) >= 1) return v.toFixed(2);
  return v.toPrecision(3);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
