/**
 * Test helpers for the CNTECH functions: calling a function by id the way Excel does (every declared
 * argument present, omitted ones null, an invocation object last), and independent oracles that
 * recompute figures from the demo prices with plain loops (no core code).
 */
import { dayFromIso } from "../../src/core/dates";
import { PriceSeries } from "../../src/core/series";
import { DemoSource } from "../../src/data/demo/demo-source";
import { LoadedBundle } from "../support/functions-bundle";

/** Excel's call: declared arguments padded with null, then the invocation for cancelable / streaming functions. */
export function callLikeExcel(
  bundle: LoadedBundle,
  id: string,
  args: unknown[],
  invocation: object = { onCanceled: undefined }
): Promise<unknown> {
  const meta = bundle.metadata.functions.find((f) => f.id === id);
  if (!meta) throw new Error(`${id} is not in functions.json`);
  const padded = meta.parameters.map((_, i) => (i < args.length ? args[i] : null));
  const fn = bundle.shim.registry.get(id);
  if (!fn) throw new Error(`${id} is not associated`);
  return Promise.resolve(fn(...padded, invocation));
}

const demo = new DemoSource();
export const demoSeries = (symbol: string): PriceSeries => demo.series(symbol);

/** Index of the last date <= day, by linear scan (-1 when none). */
export function lastIndexOnOrBefore(dates: ArrayLike<number>, day: number): number {
  let found = -1;
  for (let i = 0; i < dates.length; i++) if (dates[i] <= day) found = i;
  return found;
}

/** Total-return levels by the plain rule: adjusted closes, else TR_t = TR_{t-1} (P_t + D_t) / P_{t-1}. */
export function totalReturnLevels(s: PriceSeries): number[] {
  if (s.adjClose) return Array.from(s.adjClose);
  const out = [s.close[0]];
  for (let t = 1; t < s.close.length; t++) {
    const d = s.dividends ? s.dividends[t] : 0;
    out.push((out[t - 1] * (s.close[t] + d)) / s.close[t - 1]);
  }
  return out;
}

let usdFx: Record<string, PriceSeries> | undefined;
/** Units of `target` per 1 unit of `local` on `day` (last fixing on or before), via the demo USD legs. */
export async function fxRate(local: string, target: string, day: number): Promise<number> {
  if (!usdFx) {
    usdFx = {
      HKD: (await demo.getUsdFxHistory("HKD")).series,
      CNY: (await demo.getUsdFxHistory("CNY")).series,
    };
  }
  const usdTo = (ccy: string): number => {
    if (ccy === "USD") return 1;
    const s = usdFx![ccy];
    return s.close[lastIndexOnOrBefore(s.dates, day)];
  };
  return usdTo(target) / usdTo(local);
}

/** Dated levels of one symbol in a currency on its own calendar (kind: total or price). */
export async function levelsIn(
  symbol: string,
  currency: string,
  kind: "total" | "price" = "total"
): Promise<{ dates: number[]; levels: number[] }> {
  const s = demoSeries(symbol);
  const base = kind === "total" ? totalReturnLevels(s) : Array.from(s.close);
  const dates = Array.from(s.dates);
  const levels: number[] = [];
  for (let i = 0; i < dates.length; i++)
    levels.push(base[i] * (await fxRate(s.currency, currency, dates[i])));
  return { dates, levels };
}

/** Return by the window rule on dated levels. */
export function windowReturnOf(
  x: { dates: number[]; levels: number[] },
  startIso: string,
  endIso: string
): number {
  const i0 = lastIndexOnOrBefore(x.dates, dayFromIso(startIso));
  const i1 = lastIndexOnOrBefore(x.dates, dayFromIso(endIso));
  return x.levels[i1] / x.levels[i0] - 1;
}

/** Levels inside the window: from the last date <= start to the last date <= end. */
export function windowSlice(
  x: { dates: number[]; levels: number[] },
  startIso: string,
  endIso: string
): { dates: number[]; levels: number[] } {
  const i0 = lastIndexOnOrBefore(x.dates, dayFromIso(startIso));
  const i1 = lastIndexOnOrBefore(x.dates, dayFromIso(endIso));
  return { dates: x.dates.slice(i0, i1 + 1), levels: x.levels.slice(i0, i1 + 1) };
}

export const simpleReturns = (levels: number[]): number[] =>
  levels.slice(1).map((v, i) => v / levels[i] - 1);

export function sampleStdev(x: number[]): number {
  const m = x.reduce((a, b) => a + b, 0) / x.length;
  return Math.sqrt(x.reduce((a, b) => a + (b - m) ** 2, 0) / (x.length - 1));
}

/** Two level series restricted to the dates both have. */
export function commonDates(
  a: { dates: number[]; levels: number[] },
  b: { dates: number[]; levels: number[] }
): { dates: number[]; a: number[]; b: number[] } {
  const bIndex = new Map(b.dates.map((d, i) => [d, i]));
  const out = { dates: [] as number[], a: [] as number[], b: [] as number[] };
  a.dates.forEach((d, i) => {
    const j = bIndex.get(d);
    if (j !== undefined) {
      out.dates.push(d);
      out.a.push(a.levels[i]);
      out.b.push(b.levels[j]);
    }
  });
  return out;
}
