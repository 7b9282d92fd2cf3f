import { makeSeries, PriceSeries } from "../../core/series";
import { Provenance } from "../types";

/** What the history cache keeps per series: the data and the date range it is known to cover. */
export interface CacheEntry {
  readonly series: PriceSeries;
  /** First day of the range requested from the source (data may start later, e.g. a recent listing). */
  readonly coverFrom: number;
  /** Last day of the range requested (the "today" of the fetch). */
  readonly coverTo: number;
  /** Epoch ms of the fetch; drives expiry. */
  readonly fetchedAtMs: number;
  /** Provenance as fetched (stale is always false here; the cache sets it when serving after a failure). */
  readonly provenance: Provenance;
}

const VERSION = 1;

/** JSON for the persistent store. Dates are delta-encoded to keep OfficeRuntime.storage's 10 MB budget. */
export function encodeEntry(e: CacheEntry): string {
  const d = e.series.dates;
  const deltas: number[] = new Array(d.length);
  for (let i = 0; i < d.length; i++) deltas[i] = i === 0 ? d[0] : d[i] - d[i - 1];
  return JSON.stringify({
    v: VERSION,
    symbol: e.series.symbol,
    currency: e.series.currency,
    dates: deltas,
    close: Array.from(e.series.close),
    adjClose: e.series.adjClose ? Array.from(e.series.adjClose) : undefined,
    dividends: e.series.dividends ? Array.from(e.series.dividends) : undefined,
    totalUnavailable: e.series.totalUnavailable,
    coverFrom: e.coverFrom,
    coverTo: e.coverTo,
    fetchedAtMs: e.fetchedAtMs,
    provenance: e.provenance,
  });
}

/** Parses a stored entry; anything unreadable or inconsistent yields undefined (treated as a miss). */
export function decodeEntry(text: string | undefined): CacheEntry | undefined {
  if (!text) return undefined;
  try {
    const o = JSON.parse(text);
    if (o.v !== VERSION || !Array.isArray(o.dates) || !Array.isArray(o.close)) return undefined;
    const dates: number[] = [];
    let acc = 0;
    for (let i = 0; i < o.dates.length; i++) {
      acc = i === 0 ? o.dates[0] : acc + o.dates[i];
      dates.push(acc);
    }
    const series = makeSeries({
      symbol: String(o.symbol),
      currency: String(o.currency),
      dates,
      close: o.close,
      adjClose: o.adjClose,
      dividends: o.dividends,
      totalUnavailable: typeof o.totalUnavailable === "string" ? o.totalUnavailable : undefined,
    });
    if (![o.coverFrom, o.coverTo, o.fetchedAtMs].every(Number.isFinite)) return undefined;
    return {
      series,
      coverFrom: o.coverFrom,
      coverTo: o.coverTo,
      fetchedAtMs: o.fetchedAtMs,
      provenance: { ...o.provenance, stale: false },
    };
  } catch {
    return undefined;
  }
}
