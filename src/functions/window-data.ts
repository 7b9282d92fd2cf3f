/**
 * Market data for one formula: one symbol's series in the reporting currency, answered from memory
 * at once or after the shared load of that series (shared-load.ts), plus the window rules every
 * formula applies to it. The level series built from them are in levels.ts.
 */
import { dayFromIso, DayNumber, isoFromDay } from "../core/dates";
import { notAvailable } from "../core/errors";
import { getMarketData } from "../data/market-data";
import { peekInCurrency, SourcedSeries } from "./in-currency";
import { waitForSharedLoad } from "./shared-load";

export type { SourcedSeries } from "./in-currency";

/** Longest market closure (e.g. Golden Week) over which a last close still counts as "on or before". */
export const MAX_GAP_DAYS = 10;

/**
 * A window's end must be covered: when a series stops well before the end (a delisting, a stale
 * source, a CSV that ends early) the last close would silently stand in for a later date - a
 * plausible wrong number - so it is #N/A instead. An end after the data's as-of date means "to date".
 */
export function requireCoverage(sourced: SourcedSeries, end: DayNumber): void {
  const { series, provenance } = sourced;
  const n = series.dates.length;
  const asOf = /^\d{4}-\d{2}-\d{2}/.test(provenance.asOf)
    ? dayFromIso(provenance.asOf.slice(0, 10))
    : today();
  const needed = Math.min(end, asOf);
  if (n > 0 && needed > series.dates[n - 1] + MAX_GAP_DAYS) {
    throw notAvailable(
      `${series.symbol}: no prices after ${isoFromDay(series.dates[n - 1])} (the window runs to ${isoFromDay(needed)})`
    );
  }
}

/** Today as a day number: the default end of a window ("the latest available close"). */
export function today(): DayNumber {
  return Math.floor(Date.now() / 86400000);
}

/**
 * One symbol's history covering [from, to], in `currency` (local prices × FX local→currency,
 * the last fixing on or before each close), or in its own currency when `currency` is undefined,
 * handed to `use` (synchronous; its result or throw settles the promise). Failures, of the load
 * or of `use`, reject with `fail(error)`.
 *
 * Cached data is answered with no await. On a miss the formula joins ONE shared load per
 * (symbol, currency) as a small waiter record; the load wakes its waiters when it settles. A storm
 * of 10,000 waiting formulas keeps 10,000 records and promises alive, not 10,000 promise chains.
 */
export function whenInCurrency<T>(
  symbol: string,
  from: DayNumber,
  to: DayNumber,
  currency: string | undefined,
  signal: AbortSignal | undefined,
  use: (series: SourcedSeries) => T,
  fail: (error: unknown) => unknown = same
): Promise<T> {
  const md = getMarketData();
  try {
    const hit = peekInCurrency(md, symbol, from, to, currency, false);
    if (hit) return Promise.resolve(use(hit));
    return waitForSharedLoad(md, symbol, from, to, currency, signal, use, fail);
  } catch (e) {
    return Promise.reject(fail(e));
  }
}

const same = <T>(x: T): T => x;

/** whenInCurrency's series itself. */
export function loadInCurrency(
  symbol: string,
  from: DayNumber,
  to: DayNumber,
  currency: string | undefined,
  signal?: AbortSignal
): Promise<SourcedSeries> {
  return whenInCurrency(symbol, from, to, currency, signal, same);
}
