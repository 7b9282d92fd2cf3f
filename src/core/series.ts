import { DayNumber } from "./dates";
import { invalidValue, notAvailable } from "./errors";

/**
 * A daily price series in one currency, dates strictly ascending.
 * close: the traded close; adjClose: split- and dividend-adjusted close (total-return basis)
 * when the source has it; dividends: cash dividend per share on its ex-date (0 elsewhere).
 */
export interface PriceSeries {
  readonly symbol: string;
  readonly currency: string;
  readonly dates: Int32Array;
  readonly close: Float64Array;
  readonly adjClose?: Float64Array;
  readonly dividends?: Float64Array;
}

/** Builds a series, checking order, lengths and prices. */
export function makeSeries(input: {
  symbol: string;
  currency: string;
  dates: ArrayLike<number>;
  close: ArrayLike<number>;
  adjClose?: ArrayLike<number>;
  dividends?: ArrayLike<number>;
}): PriceSeries {
  const n = input.dates.length;
  if (input.close.length !== n)
    throw invalidValue(`${input.symbol}: ${n} dates but ${input.close.length} prices`);
  const dates = Int32Array.from(input.dates);
  const close = Float64Array.from(input.close);
  for (let i = 0; i < n; i++) {
    if (i > 0 && dates[i] <= dates[i - 1])
      throw invalidValue(`${input.symbol}: dates not strictly ascending at row ${i + 1}`);
    if (!(close[i] > 0))
      throw invalidValue(`${input.symbol}: price ${close[i]} at row ${i + 1} is not positive`);
  }
  const series: PriceSeries = { symbol: input.symbol, currency: input.currency, dates, close };
  const extra: { adjClose?: Float64Array; dividends?: Float64Array } = {};
  if (input.adjClose) {
    if (input.adjClose.length !== n)
      throw invalidValue(`${input.symbol}: adjusted closes do not match dates`);
    extra.adjClose = Float64Array.from(input.adjClose);
  }
  if (input.dividends) {
    if (input.dividends.length !== n)
      throw invalidValue(`${input.symbol}: dividends do not match dates`);
    extra.dividends = Float64Array.from(input.dividends);
  }
  return { ...series, ...extra };
}

/** Index of the last observation on or before `day`, or -1 when the series starts after it. Binary search. */
export function indexOnOrBefore(series: Pick<PriceSeries, "dates">, day: DayNumber): number {
  const d = series.dates;
  let lo = 0;
  let hi = d.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (d[mid] <= day) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/** Like indexOnOrBefore, but a #N/A-kind error when there is no such observation. */
export function requireIndexOnOrBefore(series: PriceSeries, day: DayNumber, what: string): number {
  const i = indexOnOrBefore(series, day);
  if (i < 0) throw notAvailable(`${series.symbol}: no price on or before the ${what} date`);
  return i;
}
