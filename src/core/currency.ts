import { DayNumber, isoFromDay } from "./dates";
import { invalidValue, notAvailable } from "./errors";
import { indexOnOrBefore, makeSeries, PriceSeries, windowIndices } from "./series";

/** The currencies the add-in reports in and converts between (CNH and RMB are read as CNY). */
export type Currency = "USD" | "HKD" | "CNY";

/**
 * FX convention (docs/conventions.md): an FX series for LOCAL → TARGET is a PriceSeries whose
 * `close` is the number of TARGET units per 1 LOCAL unit and whose `currency` is TARGET.
 * Example: HKD → USD ≈ 0.128 (1 HKD buys 0.128 USD); symbol "HKDUSD", currency "USD".
 */
export function makeFxSeries(
  from: string,
  to: string,
  dates: ArrayLike<number>,
  rates: ArrayLike<number>
): PriceSeries {
  return makeSeries({
    symbol: `${upper(from)}${upper(to)}`,
    currency: upper(to),
    dates,
    close: rates,
  });
}

/** Options for convertSeries. */
export interface ConvertOptions {
  /** Largest allowed age, in calendar days, of the FX fixing used for a local close (default 7). */
  maxFxAgeDays?: number;
}

/**
 * Converts a local-currency series into `target` with an FX series LOCAL → TARGET, on the window
 * date rule: each local close on day d uses the last FX rate on or before d.
 *   P_target(d) = P_local(d) × FX(d);  adjusted closes and dividends are converted the same way,
 * so (1 + R_target) = (1 + R_local)(1 + R_fx) over any window, R_fx sampled at the local closes.
 * Local closes before the first FX rate are dropped; a rate older than maxFxAgeDays is an error.
 * Example: closes [100, 110] HKD with FX [0.128, 0.129] → [12.8, 14.19] USD;
 *   (1 + 0.1)(1 + 0.129/0.128 − 1) − 1 = 14.19/12.8 − 1.
 * @throws "value" when currencies do not match the FX series; "na" when FX data is missing.
 */
export function convertSeries(
  series: PriceSeries,
  fx: PriceSeries | undefined,
  target: string,
  options: ConvertOptions = {}
): PriceSeries {
  if (upper(series.currency) === upper(target)) return series;
  if (!fx) throw notAvailable(`${series.symbol}: no ${series.currency}→${target} FX series`);
  if (upper(fx.currency) !== upper(target))
    throw invalidValue(
      `FX series ${fx.symbol} quotes ${fx.currency}, not ${target} per ${series.currency}`
    );
  if (fx.symbol.length >= 6 && !upper(fx.symbol).startsWith(upper(series.currency)))
    throw invalidValue(`FX series ${fx.symbol} does not convert from ${series.currency}`);
  const rates = fxOnDates(series, fx, options.maxFxAgeDays ?? 7);
  const first = rates.firstIndex;
  const conv = (a: Float64Array) => a.subarray(first).map((v, k) => v * rates.values[k]);
  return makeSeries({
    symbol: series.symbol,
    currency: upper(target),
    dates: series.dates.subarray(first),
    close: conv(series.close),
    adjClose: series.adjClose ? conv(series.adjClose) : undefined,
    dividends: series.dividends ? conv(series.dividends) : undefined,
    totalUnavailable: series.totalUnavailable,
  });
}

/**
 * The FX return over a window sampled at the local series' closes (the ones windowReturn uses):
 * R_fx = FX(d1) / FX(d0) − 1 with d0, d1 the local close dates and FX taken on or before each.
 * Example: local closes on days 10 and 20, FX 0.128 on day 10 and 0.1292 on day 19 → 0.0093750.
 */
export function fxWindowReturn(
  series: PriceSeries,
  fx: PriceSeries,
  start: DayNumber,
  end: DayNumber
): number {
  const { i0, i1 } = windowIndices(series, start, end);
  const f0 = fxRateOnOrBefore(fx, series.dates[i0]);
  const f1 = fxRateOnOrBefore(fx, series.dates[i1]);
  return f1 / f0 - 1;
}

/**
 * Inverts an FX series: LOCAL → TARGET becomes TARGET → LOCAL, rate 1 / FX.
 * Example: HKDUSD 0.128 → USDHKD 7.8125.
 */
export function invertFx(fx: PriceSeries, from: string, to: string): PriceSeries {
  return makeFxSeries(
    to,
    from,
    fx.dates,
    fx.close.map((v) => 1 / v)
  );
}

/**
 * Cross rate through a common currency: (A → B) × (B → C) = A → C, on the dates of the first leg
 * with the second leg's last rate on or before each (same date rule).
 * Example: CNYUSD 0.14 × USDHKD 7.8 = CNYHKD 1.092.
 */
export function crossFx(
  aToB: PriceSeries,
  bToC: PriceSeries,
  from: string,
  to: string
): PriceSeries {
  const s = convertSeries(aToB, bToC, bToC.currency);
  return makeFxSeries(from, to, s.dates, s.close);
}

function fxRateOnOrBefore(fx: PriceSeries, day: DayNumber): number {
  const found = indexOnOrBefore(fx, day);
  if (found < 0) throw notAvailable(`${fx.symbol}: no FX rate on or before ${isoFromDay(day)}`);
  return fx.close[found];
}

/** FX rate for every local date from the first one FX covers; linear merge. */
function fxOnDates(
  series: PriceSeries,
  fx: PriceSeries,
  maxAge: number
): { firstIndex: number; values: Float64Array } {
  const n = series.dates.length;
  let first = 0;
  while (first < n && fx.dates.length > 0 && series.dates[first] < fx.dates[0]) first++;
  if (fx.dates.length === 0 || first === n)
    throw notAvailable(`${fx.symbol}: no FX rates for ${series.symbol}'s dates`);
  const values = new Float64Array(n - first);
  let j = 0;
  for (let i = first; i < n; i++) {
    const day = series.dates[i];
    while (j + 1 < fx.dates.length && fx.dates[j + 1] <= day) j++;
    if (day - fx.dates[j] > maxAge)
      throw notAvailable(
        `${fx.symbol}: no FX rate within ${maxAge} days before ${isoFromDay(day)} (last ${isoFromDay(fx.dates[j])})`
      );
    values[i - first] = fx.close[j];
  }
  return { firstIndex: first, values };
}

function upper(s: string): string {
  return s.trim().toUpperCase();
}
