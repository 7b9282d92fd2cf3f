/**
 * Market data for one formula: one symbol's series in the reporting currency through the data
 * layer's one path (src/data/shared-load.ts: from memory at once, or after the shared load of that
 * series), plus the window rules every formula applies to it. Level series are in levels.ts.
 */
import { requireFreshEnd } from "../core/coverage";
import { DayNumber, isoFromDay } from "../core/dates";
import { notAvailable } from "../core/errors";
import { getMarketData } from "../data/market-data";
import { tradingCalendar } from "../data/trading-calendar";
import { Currency } from "../core/currency";
import { SourcedSeries } from "../data/in-currency";
import { whenInCurrency as whenInCurrencyOf } from "../data/shared-load";
import { HistoryNeed } from "../data/types";

export type { SourcedSeries } from "../data/in-currency";

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
 * One symbol's history covering [from, to] in `currency` (or its own currency when undefined),
 * handed to `use`; failures reject with `fail(error)`. See the data layer's whenInCurrency.
 */
export function whenInCurrency<T>(
  symbol: string,
  from: DayNumber,
  to: DayNumber,
  currency: Currency | undefined,
  signal: AbortSignal | undefined,
  use: (series: SourcedSeries) => T,
  fail: (error: unknown) => unknown = same,
  need?: HistoryNeed
): Promise<T> {
  const md = getMarketData();
  return whenInCurrencyOf(md, symbol, from, to, currency, signal, use, fail, need);
}

const same = <T>(x: T): T => x;

/** whenInCurrency's series itself. */
export function loadInCurrency(
  symbol: string,
  from: DayNumber,
  to: DayNumber,
  currency: Currency | undefined,
  signal?: AbortSignal,
  need?: HistoryNeed
): Promise<SourcedSeries> {
  return whenInCurrency(symbol, from, to, currency, signal, same, same, need);
}

/** Closes suffice for price answers; total returns and adjusted closes need a total-return basis. */
export function needFor(kindOrField: "price" | "total" | "close" | "adjclose"): HistoryNeed {
  return kindOrField === "price" || kindOrField === "close" ? "close" : "adjusted";
}
