/**
 * The Summary sheet's risk columns (volatility, beta, drawdown) against independent computations
 * from the demo total-return levels: plain loops here, not the core's statistics.
 */
import { dayFromIso, isoFromDay } from "../../src/core/dates";
import { runImport } from "../../src/taskpane/workbook/import-runner";
import {
  commonDates,
  lastIndexOnOrBefore,
  levelsIn,
  sampleStdev,
  simpleReturns,
  windowSlice,
} from "../functions/helpers";
import { freshExcel, request } from "./fixtures";

const START = "2025-01-02";
const END = "2025-06-30";

function summaryRow(sim: ReturnType<typeof freshExcel>, symbol: string): Record<string, unknown> {
  const t = sim.api.listTables().find((x) => x.sheet === "CNTech Summary")!;
  const [header, ...body] = sim.api.getValues("CNTech Summary", t.address);
  const row = body.find((r) => r[0] === symbol)!;
  return Object.fromEntries(header.map((h, i) => [String(h), row[i]]));
}

function maxDrawdown(levels: number[]): number {
  let peak = -Infinity;
  let worst = 0;
  for (const v of levels) {
    peak = Math.max(peak, v);
    worst = Math.min(worst, v / peak - 1);
  }
  return worst;
}

test("a dividend payer's volatility, beta and drawdown are those of its total-return levels", async () => {
  const sim = freshExcel();
  await runImport(request({ start: dayFromIso(START), end: dayFromIso(END) }));
  const row = summaryRow(sim, "0700.HK");
  const own = await levelsIn("0700.HK", "USD", "total");
  const w = windowSlice(own, START, END);
  expect(row["Volatility (ann.)"]).toBeCloseTo(
    sampleStdev(simpleReturns(w.levels)) * Math.sqrt(252),
    10
  );
  expect(row["Max drawdown"]).toBeCloseTo(maxDrawdown(w.levels), 10);
  const pair = commonDates(own, await levelsIn("^NDX", "USD", "total"));
  const i0 = lastIndexOnOrBefore(pair.dates, dayFromIso(START));
  const i1 = lastIndexOnOrBefore(pair.dates, dayFromIso(END));
  const ra = simpleReturns(pair.a.slice(i0, i1 + 1));
  const rb = simpleReturns(pair.b.slice(i0, i1 + 1));
  const ma = ra.reduce((x, y) => x + y) / ra.length;
  const mb = rb.reduce((x, y) => x + y) / rb.length;
  let cov = 0;
  let vb = 0;
  ra.forEach((x, i) => {
    cov += (x - ma) * (rb[i] - mb);
    vb += (rb[i] - mb) ** 2;
  });
  expect(row.Beta).toBeCloseTo(cov / vb, 10);
  // The price-only volatility differs: the check above can tell total from price levels.
  const priceOnly = windowSlice(await levelsIn("0700.HK", "USD", "price"), START, END);
  const priceVol = sampleStdev(simpleReturns(priceOnly.levels)) * Math.sqrt(252);
  expect(Math.abs((row["Volatility (ann.)"] as number) - priceVol)).toBeGreaterThan(1e-9);
  expect(isoFromDay(pair.dates[i0]) <= START).toBe(true);
});
