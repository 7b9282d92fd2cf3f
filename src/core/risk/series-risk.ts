import { alignSeries } from "../calendar";
import { DayNumber, Frequency } from "../dates";
import { invalidValue } from "../errors";
import { periodicReturns, PeriodicReturns, ReturnMethod } from "../returns";
import { makeSeries, PriceSeries, windowIndices } from "../series";
import { priceField, ReturnKind } from "../total-return";
import { Drawdown, maxDrawdown } from "./drawdown";
import {
  beta,
  correlation,
  checkPeriods,
  informationRatio,
  sharpe,
  sortino,
  trackingError,
  volatility,
} from "./stats";

/** How a window of prices becomes a return vector. */
export interface RiskOptions {
  /** "total" (default) or "price" levels. */
  kind?: ReturnKind;
  /** Sampling frequency of the returns (default daily). */
  frequency?: Frequency;
  /** "simple" (default) or "log" one-period returns. */
  method?: ReturnMethod;
  /** Annualisation factor; default 252 daily, 52 weekly, 12 monthly, 4 quarterly. */
  periodsPerYear?: number;
}

/** Default periods per year for a frequency: daily 252, weekly 52, monthly 12, quarterly 4. Example: defaultPeriodsPerYear("weekly") = 52. */
export function defaultPeriodsPerYear(frequency: Frequency = "daily"): number {
  const p = { daily: 252, weekly: 52, monthly: 12, quarterly: 4 }[frequency];
  if (p === undefined)
    throw invalidValue(
      `frequency "${String(frequency)}" is not daily, weekly, monthly or quarterly`
    );
  return p;
}

function ppy(o: RiskOptions): number {
  const p = o.periodsPerYear ?? defaultPeriodsPerYear(o.frequency ?? "daily");
  checkPeriods(p);
  return p;
}

/**
 * A series' returns over a window on its own calendar (see periodicReturns).
 * Example: seriesReturns(s, start, end).values are the daily total returns after the start close.
 */
export function seriesReturns(
  series: PriceSeries,
  start: DayNumber,
  end: DayNumber,
  o: RiskOptions = {}
): PeriodicReturns {
  return periodicReturns(series, o.frequency ?? "daily", {
    start,
    end,
    kind: o.kind ?? "total",
    method: o.method ?? "simple",
  });
}

/**
 * Returns of two series on their INTERSECTION calendar (dates both traded), window rule applied to
 * that calendar, so r[k] and b[k] cover exactly the same interval.
 * Example: HK closes on Mon,Wed and US on Mon,Tue,Wed → one Mon→Wed return each.
 */
export function pairedReturns(
  a: PriceSeries,
  b: PriceSeries,
  start: DayNumber,
  end: DayNumber,
  o: RiskOptions = {}
): { dates: Int32Array; a: Float64Array; b: Float64Array } {
  const panel = alignSeries([a, b], "intersection", o.kind ?? "total");
  const onCommon = (k: number) =>
    makeSeries({
      symbol: panel.symbols[k],
      currency: "",
      dates: panel.dates,
      close: panel.columns[k],
    });
  const opts = { ...o, kind: "price" as const };
  const ra = seriesReturns(onCommon(0), start, end, opts);
  const rb = seriesReturns(onCommon(1), start, end, opts);
  return { dates: ra.dates, a: ra.values, b: rb.values };
}

/** Annualised volatility of a series over a window (own calendar). Example: seriesVolatility(s, d0, d1). */
export function seriesVolatility(
  s: PriceSeries,
  start: DayNumber,
  end: DayNumber,
  o: RiskOptions = {}
): number {
  return volatility(seriesReturns(s, start, end, o).values, ppy(o));
}

/** Beta vs a benchmark on the intersection calendar. Example: seriesBeta(s, ndx, d0, d1). */
export function seriesBeta(
  s: PriceSeries,
  bench: PriceSeries,
  start: DayNumber,
  end: DayNumber,
  o: RiskOptions = {}
): number {
  const p = pairedReturns(s, bench, start, end, o);
  return beta(p.a, p.b);
}

/** Correlation vs a benchmark on the intersection calendar: CORREL of pairedReturns. Example: seriesCorrelation(s, s, d0, d1) = 1. */
export function seriesCorrelation(
  s: PriceSeries,
  bench: PriceSeries,
  start: DayNumber,
  end: DayNumber,
  o: RiskOptions = {}
): number {
  const p = pairedReturns(s, bench, start, end, o);
  return correlation(p.a, p.b);
}

/** Annualised tracking error STDEV.S(r − b) × √P on the intersection calendar. Example: seriesTrackingError(s, ndx, d0, d1, {frequency: "weekly"}) uses P = 52. */
export function seriesTrackingError(
  s: PriceSeries,
  bench: PriceSeries,
  start: DayNumber,
  end: DayNumber,
  o: RiskOptions = {}
): number {
  const p = pairedReturns(s, bench, start, end, o);
  return trackingError(p.a, p.b, ppy(o));
}

/** Information ratio mean(r − b) × P / TE on the intersection calendar. Example: seriesInformationRatio(s, ndx, d0, d1). */
export function seriesInformationRatio(
  s: PriceSeries,
  bench: PriceSeries,
  start: DayNumber,
  end: DayNumber,
  o: RiskOptions = {}
): number {
  const p = pairedReturns(s, bench, start, end, o);
  return informationRatio(p.a, p.b, ppy(o));
}

/** Sharpe ratio mean(e)/STDEV.S(e) × √P, e = r − rf/P, over a window (own calendar). Example: seriesSharpe(s, d0, d1, 0.04). */
export function seriesSharpe(
  s: PriceSeries,
  start: DayNumber,
  end: DayNumber,
  riskFree = 0,
  o: RiskOptions = {}
): number {
  return sharpe(seriesReturns(s, start, end, o).values, riskFree, ppy(o));
}

/** Sortino ratio mean(e)/DD × √P with target rf/P over a window (own calendar). Example: seriesSortino(s, d0, d1, 0.04). */
export function seriesSortino(
  s: PriceSeries,
  start: DayNumber,
  end: DayNumber,
  riskFree = 0,
  o: RiskOptions = {}
): number {
  return sortino(seriesReturns(s, start, end, o).values, riskFree, ppy(o));
}

/**
 * Maximum drawdown of a series' levels from the start close to the end close (own calendar,
 * daily closes), with peak / trough / recovery day numbers.
 * Example: closes [100, 120, 90, 130] → −0.25, peakDay = dates[1], troughDay = dates[2].
 */
export function seriesMaxDrawdown(
  s: PriceSeries,
  start: DayNumber,
  end: DayNumber,
  kind: ReturnKind = "total"
): Drawdown {
  const { i0, i1 } = windowIndices(s, start, end);
  return maxDrawdown(priceField(s, kind).subarray(i0, i1 + 1), s.dates.subarray(i0, i1 + 1));
}
