import { invalidNumber, invalidValue } from "../errors";
import { maxDrawdown } from "./drawdown";
import {
  beta,
  correlation,
  informationRatio,
  sharpe,
  sortino,
  trackingError,
  Vector,
  volatility,
} from "./stats";

/**
 * Applies `stat` to every trailing window of `window` points:
 *   out[k] = stat(x[k .. k + window − 1]), k = 0 .. n − window.
 * out[k] belongs to the window ending at x[k + window − 1].
 * Example: rolling([1, 2, 3, 4], 2, sum) → [3, 5, 7].
 * @throws "value" when the window is not a whole number ≥ 1 or longer than the data.
 */
export function rolling(
  x: Vector,
  window: number,
  stat: (w: Float64Array) => number
): Float64Array {
  const v = toF64(x);
  checkWindow(window, v.length);
  const out = new Float64Array(v.length - window + 1);
  for (let k = 0; k < out.length; k++) out[k] = stat(v.subarray(k, k + window));
  return out;
}

/**
 * Two-vector version of rolling: out[k] = stat(a[k..k+w−1], b[k..k+w−1]).
 * Example: rolling2(r, b, 60, beta) is the 60-period rolling beta.
 */
export function rolling2(
  a: Vector,
  b: Vector,
  window: number,
  stat: (x: Float64Array, y: Float64Array) => number
): Float64Array {
  if (a.length !== b.length) throw invalidValue(`rolling: ${a.length} against ${b.length} points`);
  const x = toF64(a);
  const y = toF64(b);
  checkWindow(window, x.length);
  const out = new Float64Array(x.length - window + 1);
  for (let k = 0; k < out.length; k++)
    out[k] = stat(x.subarray(k, k + window), y.subarray(k, k + window));
  return out;
}

/** Rolling annualised volatility (see volatility). Example: rollingVolatility(r, 63, 252). */
export const rollingVolatility = (r: Vector, window: number, periodsPerYear = 252): Float64Array =>
  rolling(r, window, (w) => volatility(w, periodsPerYear));
/** Rolling beta (see beta). Example: rollingBeta(r, b, 60). */
export const rollingBeta = (r: Vector, b: Vector, window: number): Float64Array =>
  rolling2(r, b, window, beta);
/** Rolling correlation (see correlation). Example: rollingCorrelation(r, b, 60). */
export const rollingCorrelation = (r: Vector, b: Vector, window: number): Float64Array =>
  rolling2(r, b, window, correlation);
/** Rolling tracking error (see trackingError). Example: rollingTrackingError(r, b, 60, 252). */
export const rollingTrackingError = (
  r: Vector,
  b: Vector,
  window: number,
  periodsPerYear = 252
): Float64Array => rolling2(r, b, window, (x, y) => trackingError(x, y, periodsPerYear));
/** Rolling information ratio (see informationRatio). Example: rollingInformationRatio(r, b, 126, 252). */
export const rollingInformationRatio = (
  r: Vector,
  b: Vector,
  window: number,
  periodsPerYear = 252
): Float64Array => rolling2(r, b, window, (x, y) => informationRatio(x, y, periodsPerYear));
/** Rolling Sharpe ratio (see sharpe). Example: rollingSharpe(r, 252, 0.04, 252). */
export const rollingSharpe = (
  r: Vector,
  window: number,
  riskFree = 0,
  periodsPerYear = 252
): Float64Array => rolling(r, window, (w) => sharpe(w, riskFree, periodsPerYear));
/** Rolling Sortino ratio (see sortino). Example: rollingSortino(r, 252, 0.04, 252). */
export const rollingSortino = (
  r: Vector,
  window: number,
  riskFree = 0,
  periodsPerYear = 252
): Float64Array => rolling(r, window, (w) => sortino(w, riskFree, periodsPerYear));
/** Rolling maximum drawdown of LEVELS over `window` levels (see maxDrawdown); each value ≤ 0. Example: ([100, 120, 90, 130], 3) → [−0.25, −0.25]. */
export const rollingMaxDrawdown = (levels: Vector, window: number): Float64Array =>
  rolling(levels, window, (w) => maxDrawdown(w).maxDrawdown);

function toF64(x: Vector): Float64Array {
  return x instanceof Float64Array ? x : Float64Array.from(x);
}

function checkWindow(window: number, n: number): void {
  if (!Number.isInteger(window) || window < 1)
    throw invalidValue(`rolling window ${window} is not a whole number of periods ≥ 1`);
  if (window > n) throw invalidNumber(`rolling window of ${window} is longer than the ${n} points`);
}

/**
 * Rolling statistic over dated returns, each value dated by the last return in its window:
 *   dates[k] = r.dates[k + window − 1], values[k] = stat(r.values[k .. k + window − 1]).
 * Example: datedRolling(seriesReturns(s, d0, d1), 63, (w) => volatility(w, 252)) is a dated
 * 63-day rolling volatility ready to spill.
 */
export function datedRolling(
  r: { dates: Int32Array; values: Float64Array },
  window: number,
  stat: (w: Float64Array) => number
): { dates: Int32Array; values: Float64Array } {
  const values = rolling(r.values, window, stat);
  return { dates: r.dates.slice(window - 1), values };
}

/**
 * Two-vector dated rolling statistic on paired returns (see pairedReturns).
 * Example: datedRolling2(pairedReturns(s, ndx, d0, d1), 60, beta) is a dated 60-day rolling beta.
 */
export function datedRolling2(
  p: { dates: Int32Array; a: Float64Array; b: Float64Array },
  window: number,
  stat: (x: Float64Array, y: Float64Array) => number
): { dates: Int32Array; values: Float64Array } {
  const values = rolling2(p.a, p.b, window, stat);
  return { dates: p.dates.slice(window - 1), values };
}

/** The statistics a rolling table offers: volatility of one series, the rest against a benchmark. */
export type RollingStatistic = "vol" | "beta" | "corr" | "te";
export const ROLLING_STATISTICS: readonly RollingStatistic[] = ["vol", "beta", "corr", "te"];

/** Fewest returns in a window: 2 for volatility, 3 for the statistics against a benchmark. */
export const minRollingWindow = (stat: RollingStatistic): number => (stat === "vol" ? 2 : 3);

/**
 * A dated rolling statistic on aligned returns: volatility of `a` (annualised), or beta, correlation
 * or annualised tracking error of `a` against `b`; each value is the single-window statistic of the
 * `window` returns ending on its date.
 * Example: rollingStatistic("te", pairedReturns(s, ndx, d0, d1), 63) is a dated 63-day tracking error.
 * @throws "value" when the window is not a whole number ≥ minRollingWindow(stat); "num" when longer than the data.
 */
export function rollingStatistic(
  stat: RollingStatistic,
  r: { dates: Int32Array; a: Float64Array; b?: Float64Array },
  window: number,
  periodsPerYear = 252
): { dates: Int32Array; values: Float64Array } {
  const min = minRollingWindow(stat);
  if (!Number.isInteger(window) || window < min)
    throw invalidValue(`${stat} window ${window} is not a whole number of returns ≥ ${min}`);
  if (stat === "vol")
    return datedRolling({ dates: r.dates, values: r.a }, window, (w) =>
      volatility(w, periodsPerYear)
    );
  if (r.b === undefined) throw invalidValue(`${stat} needs benchmark returns`);
  const pairs = { dates: r.dates, a: r.a, b: r.b };
  if (stat === "beta") return datedRolling2(pairs, window, beta);
  if (stat === "corr") return datedRolling2(pairs, window, correlation);
  return datedRolling2(pairs, window, (x, y) => trackingError(x, y, periodsPerYear));
}
