/**
 * Market data for one formula: one symbol's series in the reporting currency, answered from memory
 * at once or after the shared load of that series (shared-load.ts), plus the window rules every
 * formula applies to it. The level series built from them are in levels.ts.
 */
import { requireFreshEnd } from "../core/coverage";
import { DayNumber, isoFromDay } from "../core/dates";
import { notAvailable } from "../core/errors";
import { getMarketData } from "../data/market-data";
import { tradingCalendar } from "../data/trading-calendar";
import { HistoryNeed } from "../data/types";
import { peekInCurrency, SourcedSeries } from "./in-currency";
import { waitForSharedLoad } from "./shared-load";

export type { SourcedSeries } from "./in-currency";

/**
 * A window's end must be covered (core/coverage.ts): when a series' last close lags an end the
 * formula gave by more than a few trading days on the symbol's calendar (a delisting, a stale source,
 * a CSV that ends early), the last close would silently stand in for later dates - a plausible wrong
 * number - so it is #N/A saying so. A window without an end runs to the latest close ("to date").
 */
export function requireCoverage(sourced: SourcedSeries, window: FormulaWindow): void {
  const { series } = sourced;
  const n = series.dates.length;
  if (n === 0) return;
  const last = series.dates[n - 1];
  if (window.start > last)
    throw notAvailable(
      `${series.symbol}: window starts ${isoFromDay(window.start)}, after the last price (${isoFromDay(last)})`
    );
  if (!window.toDate)
    requireFreshEnd(series.symbol, last, window.end, tradingCalendar(series.symbol));
}

/** A window as a formula gave it; `toDate` when the end was omitted (the latest available close). */
export interface FormulaWindow {
  readonly start: DayNumber;
  readonly end: DayNumber;
  readonly toDate?: boolean;
}

/** Today as a day number: the default end of a window ("the latest available close"). */
export function today(): DayNumber {
  return Math.floor(Date.now() / 86400000);
}

/**
 * One symbol's history covering [from, to], in `currency` (local prices × FX local→currency,
 * the last fixing on or before each close), or in its own currency when `currency` is undefined,
 * handed to `use` (synchronous; its result or throw settles the promise). Failures, of the load
 * or of `use`, reject with `fail(error)`. `need` "close" asks for closes only (see needFor).
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
  fail: (error: unknown) => unknown = same,
  need?: HistoryNeed
): Promise<T> {
  const md = getMarketData();
  try {
    const hit = peekInCurrency(md, symbol, from, to, currency, false, need);
    if (hit) return Promise.resolve(use(hit));
    return waitForSharedLoad(md, symbol, from, to, currency, signal, use, fail, need);
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
  signal?: AbortSignal,
  need?: HistoryNeed
): Promise<SourcedSeries> {
  return whenInCurrency(symbol, from, to, currency, signal, same, same, need);
}

/** Closes suffice for price answers; total returns and adjusted closes need a total-return basis. */
export function needFor(kindOrField: "price" | "total" | "close" | "adjclose"): HistoryNeed {
  return kindOrField === "price" || kindOrField === "close" ? "close" : "adjusted";
}
