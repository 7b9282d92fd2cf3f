import { DayNumber, Frequency, periodKey } from "./dates";
import { invalidNumber, invalidValue } from "./errors";
import { PriceSeries, windowIndices } from "./series";
import { priceField, ReturnKind } from "./total-return";

export type { ReturnKind } from "./total-return";

/** "simple": P1/P0 − 1. "log": ln(P1/P0). */
export type ReturnMethod = "simple" | "log";

/** Day counts for annualising: years = days / 365.25, / 365 or / 360 (actual calendar days). */
export type DayCount = "ACT/365.25" | "ACT/365" | "ACT/360";

/**
 * Simple return over a window: from the last close on or before `start` to the last close on or
 * before `end`. R = L_end / L_start − 1 where L is the close ("price") or the total-return index
 * ("total": adjusted closes, else dividends reinvested; see totalReturnIndex).
 * Example: closes 100 (start) → 110 (end) gives 0.10.
 * @throws "value" when start > end; "na" when start is outside the data.
 */
export function windowReturn(
  series: PriceSeries,
  start: DayNumber,
  end: DayNumber,
  kind: ReturnKind = "total"
): number {
  return windowGrowth(series, start, end, kind) - 1;
}

/**
 * Log return over the same window: ln(L_end / L_start) = ln(1 + windowReturn).
 * Example: 100 → 110 gives ln(1.1) ≈ 0.0953102.
 */
export function windowLogReturn(
  series: PriceSeries,
  start: DayNumber,
  end: DayNumber,
  kind: ReturnKind = "total"
): number {
  return Math.log(windowGrowth(series, start, end, kind));
}

/** L_end / L_start over the window: the growth factor both window returns are read from. */
function windowGrowth(
  series: PriceSeries,
  start: DayNumber,
  end: DayNumber,
  kind: ReturnKind
): number {
  const { i0, i1 } = windowIndices(series, start, end);
  const levels = priceField(series, kind);
  return levels[i1] / levels[i0];
}

/**
 * One-period returns of a level vector: r_t = L_t / L_{t−1} − 1 (simple) or ln(L_t / L_{t−1}) (log),
 * t = 1..n−1. Example: [100, 110, 99] simple → [0.1, −0.1].
 */
export function returnsFromLevels(
  levels: ArrayLike<number>,
  method: ReturnMethod = "simple"
): Float64Array {
  const n = levels.length;
  const out = new Float64Array(Math.max(0, n - 1));
  if (method === "log")
    for (let t = 1; t < n; t++) out[t - 1] = Math.log(levels[t] / levels[t - 1]);
  else if (method === "simple")
    for (let t = 1; t < n; t++) out[t - 1] = levels[t] / levels[t - 1] - 1;
  else throw invalidValue(`return method "${String(method)}" is not "simple" or "log"`);
  return out;
}

/**
 * Years between two days under a day count: (end − start) / 365.25 (ACT/365.25, the default),
 * / 365 or / 360. Example: 2020-01-01 → 2024-01-01 is 1461 days = 4.0 years ACT/365.25.
 */
export function yearFraction(
  startDay: DayNumber,
  endDay: DayNumber,
  dayCount: DayCount = "ACT/365.25"
): number {
  const basis =
    dayCount === "ACT/365.25"
      ? 365.25
      : dayCount === "ACT/365"
        ? 365
        : dayCount === "ACT/360"
          ? 360
          : NaN;
  if (Number.isNaN(basis))
    throw invalidValue(`day count "${String(dayCount)}" is not ACT/365.25, ACT/365 or ACT/360`);
  return (endDay - startDay) / basis;
}

/**
 * Compound annual growth rate: CAGR = (L_end / L_start)^(1 / years) − 1, years from yearFraction.
 * Example: 100 → 121 over 730.5 days (2 years ACT/365.25) gives 0.10.
 * @throws "num" when the span is not positive or a level is not positive.
 */
export function cagr(
  startValue: number,
  endValue: number,
  startDay: DayNumber,
  endDay: DayNumber,
  dayCount: DayCount = "ACT/365.25"
): number {
  const years = yearFraction(startDay, endDay, dayCount);
  if (!(years > 0)) throw invalidNumber("CAGR needs an end date after the start date");
  if (!(startValue > 0) || !(endValue > 0)) throw invalidNumber("CAGR needs positive levels");
  return Math.pow(endValue / startValue, 1 / years) - 1;
}

/**
 * CAGR of a series over a window, measured between the dates of the two closes actually used
 * (the last closes on or before start and end), not the requested dates.
 * Example: closes 100 on 2020-01-02 and 121 on 2022-01-02 (731 days) → 1.21^(365.25/731) − 1 ≈ 0.09993.
 */
export function seriesCagr(
  series: PriceSeries,
  start: DayNumber,
  end: DayNumber,
  kind: ReturnKind = "total",
  dayCount: DayCount = "ACT/365.25"
): number {
  const { i0, i1 } = windowIndices(series, start, end);
  const levels = priceField(series, kind);
  return cagr(levels[i0], levels[i1], series.dates[i0], series.dates[i1], dayCount);
}

/** Indices in (i0, i1] of the last close of each period (the last one: i1, possibly partial). */
function periodEnds(dates: Int32Array, frequency: Frequency, i0: number, i1: number): number[] {
  const ends: number[] = [];
  for (let t = i0 + 1; t <= i1; t++) {
    if (t === i1 || periodKey(dates[t], frequency) !== periodKey(dates[t + 1], frequency))
      ends.push(t);
  }
  return ends;
}

/** Dated one-period returns. dates[k] is the close that ends period k. */
export interface PeriodicReturns {
  readonly dates: Int32Array;
  readonly values: Float64Array;
}

/**
 * Periodic returns over a window. The base is the last close on or before `start`; each period ends
 * at the last close of a day / Monday–Sunday week / calendar month / quarter inside the window, and
 * the last (possibly partial) period ends at the last close on or before `end`. They chain-link:
 * Π(1 + r_k) = 1 + windowReturn(start, end).
 * Example: closes Fri 100, Mon 102, Fri 105, Mon 104 (window from the first Friday), weekly →
 *   [105/100 − 1, 104/105 − 1].
 */
export function periodicReturns(
  series: PriceSeries,
  frequency: Frequency,
  options: { start?: DayNumber; end?: DayNumber; kind?: ReturnKind; method?: ReturnMethod } = {}
): PeriodicReturns {
  const n = series.dates.length;
  const start = options.start ?? (n ? series.dates[0] : 0);
  const end = options.end ?? (n ? series.dates[n - 1] : 0);
  const { i0, i1 } = windowIndices(series, start, end);
  const levels = priceField(series, options.kind ?? "total");
  const method = options.method ?? "simple";
  if (method !== "simple" && method !== "log")
    throw invalidValue(`return method "${String(method)}" is not "simple" or "log"`);
  // Dates are strictly ascending whole days, so every daily close ends a period: no search needed
  // (the common case, and a recalculation storm computes thousands of these).
  const ends = frequency === "daily" ? undefined : periodEnds(series.dates, frequency, i0, i1);
  const count = ends ? ends.length : Math.max(0, i1 - i0);
  const dates = new Int32Array(count);
  const values = new Float64Array(count);
  let prev = i0;
  for (let k = 0; k < count; k++) {
    const t = ends ? ends[k] : i0 + 1 + k;
    dates[k] = series.dates[t];
    const ratio = levels[t] / levels[prev];
    values[k] = method === "log" ? Math.log(ratio) : ratio - 1;
    prev = t;
  }
  return { dates, values };
}
