import { DayNumber, isoFromDay } from "../core/dates";
import { makeSeries } from "../core/series";
import { HistoryResult, Provenance } from "./types";

/**
 * FX series arithmetic. A series "A→B" holds units of B per 1 unit of A on each date
 * (symbol "AB", currency B): USD→HKD ≈ 7.8, HKD→USD ≈ 0.128.
 */

/** Identity conversion: 1.0 on every calendar day of [fromDay − 7, toDay], so any date rule finds a fixing. */
export function constantFxSeries(ccy: string, fromDay: DayNumber, toDay: DayNumber): HistoryResult {
  const n = toDay - fromDay + 8;
  const dates = new Array<number>(n);
  for (let i = 0; i < n; i++) dates[i] = fromDay - 7 + i;
  const series = makeSeries({
    symbol: `${ccy}${ccy}`,
    currency: ccy,
    dates,
    close: new Array(n).fill(1),
  });
  return {
    series,
    provenance: {
      source: "identity (same currency)",
      asOf: isoFromDay(toDay),
      synthetic: false,
      delayed: false,
      stale: false,
    },
  };
}

/** B→A from A→B: each rate inverted (HKD→USD = 1 / USD→HKD). */
export function invertFxSeries(usdToX: HistoryResult, x: string, usd: string): HistoryResult {
  const s = usdToX.series;
  const close = new Float64Array(s.close.length);
  for (let i = 0; i < close.length; i++) close[i] = 1 / s.close[i];
  return {
    series: makeSeries({ symbol: `${x}${usd}`, currency: usd, dates: s.dates, close }),
    provenance: usdToX.provenance,
  };
}

/**
 * A→B through USD: (USD→B) / (USD→A) on the union of both legs' dates, each leg forward-filled
 * (last fixing on or before the date); dates before both legs exist are left out.
 */
export function crossFxSeries(
  usdToA: HistoryResult,
  usdToB: HistoryResult,
  a: string,
  b: string
): HistoryResult {
  const sa = usdToA.series;
  const sb = usdToB.series;
  const dates: number[] = [];
  const close: number[] = [];
  let i = 0;
  let j = 0;
  let ra = NaN;
  let rb = NaN;
  while (i < sa.dates.length || j < sb.dates.length) {
    const da = i < sa.dates.length ? sa.dates[i] : Infinity;
    const db = j < sb.dates.length ? sb.dates[j] : Infinity;
    const d = Math.min(da, db);
    if (da === d) ra = sa.close[i++];
    if (db === d) rb = sb.close[j++];
    if (ra > 0 && rb > 0) {
      dates.push(d);
      close.push(rb / ra);
    }
  }
  return {
    series: makeSeries({ symbol: `${a}${b}`, currency: b, dates, close }),
    provenance: combineProvenance(usdToA.provenance, usdToB.provenance),
  };
}

/** Provenance of a value built from two sources: the weaker flags win, the earlier as-of and fetch time; both notes kept. */
export function combineProvenance(p: Provenance, q: Provenance): Provenance {
  const out: { -readonly [K in keyof Provenance]: Provenance[K] } = {
    source: p.source === q.source ? p.source : `${p.source} + ${q.source}`,
    asOf: p.asOf < q.asOf ? p.asOf : q.asOf,
    synthetic: p.synthetic || q.synthetic,
    delayed: p.delayed || q.delayed,
    stale: p.stale || q.stale,
  };
  // Rare fields, set only when present (formulas combine provenance on every evaluation).
  if (p.fetchedAt || q.fetchedAt) out.fetchedAt = earlier(p.fetchedAt, q.fetchedAt);
  if (p.notes || q.notes)
    out.notes = p.notes && q.notes ? `${p.notes}; ${q.notes}` : (p.notes ?? q.notes);
  return out;
}

function earlier(a: string | undefined, b: string | undefined): string | undefined {
  return a && b ? (a < b ? a : b) : (a ?? b);
}
