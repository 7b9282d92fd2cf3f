import { DayNumber, isoFromDay } from "./dates";
import { invalidNumber, invalidValue, notAvailable } from "./errors";

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
  /**
   * Set when the source could not give a total-return basis (e.g. a plan without dividend-adjusted
   * prices): why, in words. Price answers work; total-return answers fail with this message.
   */
  readonly totalUnavailable?: string;
}

/** The raw shape makeSeries and sortAndDedupe accept. */
export interface SeriesInput {
  symbol: string;
  currency: string;
  dates: ArrayLike<number>;
  close: ArrayLike<number>;
  adjClose?: ArrayLike<number>;
  dividends?: ArrayLike<number>;
  totalUnavailable?: string;
}

/**
 * Builds a series, checking everything a statistic later relies on: integer day numbers, strictly
 * ascending dates, equal lengths, closes and adjusted closes finite and > 0, dividends finite and ≥ 0.
 * Unsorted or duplicate dates are rejected here; pass raw provider rows through sortAndDedupe first.
 * Example: makeSeries({symbol:"X", currency:"USD", dates:[19724,19725], close:[100,101]}).
 * @throws FinanceError "value" naming the symbol and the 1-based row.
 */
export function makeSeries(input: SeriesInput): PriceSeries {
  const n = input.dates.length;
  const sym = input.symbol;
  if (input.close.length !== n)
    throw invalidValue(`${sym}: ${n} dates but ${input.close.length} prices`);
  for (let i = 0; i < n; i++) {
    const d = input.dates[i];
    if (!Number.isInteger(d) || Math.abs(d) > 2e9)
      throw invalidValue(`${sym}: date at row ${i + 1} is not a whole day number`);
  }
  const dates = Int32Array.from(input.dates);
  const close = Float64Array.from(input.close);
  for (let i = 0; i < n; i++) {
    if (i > 0 && dates[i] === dates[i - 1])
      throw invalidValue(`${sym}: duplicate date ${isoFromDay(dates[i])} at row ${i + 1}`);
    if (i > 0 && dates[i] < dates[i - 1])
      throw invalidValue(`${sym}: dates not ascending at row ${i + 1} (${isoFromDay(dates[i])})`);
    checkPrice(sym, "price", close[i], i, dates[i]);
  }
  const extra: { adjClose?: Float64Array; dividends?: Float64Array; totalUnavailable?: string } =
    {};
  if (input.totalUnavailable !== undefined && !input.adjClose) {
    extra.totalUnavailable = input.totalUnavailable;
  }
  if (input.adjClose) {
    if (input.adjClose.length !== n)
      throw invalidValue(`${sym}: adjusted closes do not match dates`);
    extra.adjClose = Float64Array.from(input.adjClose);
    for (let i = 0; i < n; i++) checkPrice(sym, "adjusted close", extra.adjClose[i], i, dates[i]);
  }
  if (input.dividends) {
    if (input.dividends.length !== n) throw invalidValue(`${sym}: dividends do not match dates`);
    extra.dividends = Float64Array.from(input.dividends);
    for (let i = 0; i < n; i++) {
      const v = extra.dividends[i];
      if (!(Number.isFinite(v) && v >= 0))
        throw invalidValue(`${sym}: dividend ${v} on ${isoFromDay(dates[i])} is not a number ≥ 0`);
    }
  }
  return { symbol: sym, currency: input.currency, dates, close, ...extra };
}

function checkPrice(sym: string, what: string, v: number, i: number, day: number): void {
  if (!(v > 0) || !Number.isFinite(v))
    throw invalidValue(
      `${sym}: ${what} ${v} on ${isoFromDay(day)} (row ${i + 1}) is not a positive number`
    );
}

/**
 * The duplicate-date rule (docs/conventions.md): rows are sorted by date (stable); rows repeating a
 * date with identical fields collapse into one; rows repeating a date with different values are
 * rejected, because picking one would silently change a return.
 * Example: dates [3,1,1] closes [30,10,10] → dates [1,3] closes [10,30]; closes [30,10,11] → error.
 * @throws FinanceError "value" naming the conflicting date.
 */
export function sortAndDedupe(input: SeriesInput): SeriesInput {
  const n = input.dates.length;
  if (input.close.length !== n)
    throw invalidValue(`${input.symbol}: ${n} dates but ${input.close.length} prices`);
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => input.dates[a] - input.dates[b] || a - b
  );
  const keep: number[] = [];
  for (const i of order) {
    const prev = keep.length ? keep[keep.length - 1] : -1;
    if (prev >= 0 && input.dates[prev] === input.dates[i]) {
      if (!sameRow(input, prev, i))
        throw invalidValue(
          `${input.symbol}: conflicting prices for ${isoFromDay(input.dates[i])} (duplicate date)`
        );
      continue;
    }
    keep.push(i);
  }
  const pick = (a?: ArrayLike<number>) => (a ? keep.map((i) => a[i]) : undefined);
  const out: SeriesInput = {
    symbol: input.symbol,
    currency: input.currency,
    dates: pick(input.dates)!,
    close: pick(input.close)!,
  };
  if (input.adjClose) out.adjClose = pick(input.adjClose);
  if (input.dividends) out.dividends = pick(input.dividends);
  return out;
}

function sameRow(s: SeriesInput, a: number, b: number): boolean {
  const eq = (x?: ArrayLike<number>) => !x || Object.is(x[a], x[b]);
  return eq(s.close) && eq(s.adjClose) && eq(s.dividends);
}

/**
 * Index of the last observation on or before `day`, or -1 when the series starts after it. Binary search.
 * Example: dates [10, 11, 14]: day 13 → 1, day 9 → −1.
 */
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

/** Like indexOnOrBefore, but a #N/A-kind error when there is no such observation. Example: (s, day 9, "start") throws "X: no price on or before the start date". */
export function requireIndexOnOrBefore(series: PriceSeries, day: DayNumber, what: string): number {
  const i = indexOnOrBefore(series, day);
  if (i < 0) throw notAvailable(`${series.symbol}: no price on or before the ${what} date`);
  return i;
}

/**
 * The observation indices of the window [start, end] under the window rule: i0 = last close on or
 * before start, i1 = last close on or before end. A start before the first observation or after the
 * last one is "outside the data" (#N/A); start after end is #VALUE!.
 * Example: dates [10,11,14], window (12, 14) → {i0: 1, i1: 2}.
 */
export function windowIndices(
  series: PriceSeries,
  start: DayNumber,
  end: DayNumber
): { i0: number; i1: number } {
  if (start > end) throw invalidValue("start date is after end date");
  const n = series.dates.length;
  if (n === 0) throw notAvailable(`${series.symbol}: no prices`);
  if (start > series.dates[n - 1])
    throw notAvailable(
      `${series.symbol}: window starts ${isoFromDay(start)}, after the last price (${isoFromDay(series.dates[n - 1])})`
    );
  const i0 = indexOnOrBefore(series, start);
  if (i0 < 0)
    throw notAvailable(
      `${series.symbol}: no price on or before ${isoFromDay(start)} (data starts ${isoFromDay(series.dates[0])})`
    );
  return { i0, i1: indexOnOrBefore(series, end) };
}

/**
 * At least `min` observations: none → #N/A ("no data"), too few → #NUM! (a statistic cannot be formed).
 * Example: requireLength(1, 2, "volatility") throws "volatility: needs at least 2 points, got 1".
 */
export function requireLength(n: number, min: number, what: string): void {
  if (n === 0) throw notAvailable(`${what}: no data`);
  if (n < min) throw invalidNumber(`${what}: needs at least ${min} points, got ${n}`);
}
