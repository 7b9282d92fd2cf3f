import { invalidValue } from "../errors";

/** Sorted copy (ascending). */
export function sortedCopy(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values as ArrayLike<number>).sort();
}

/**
 * Percentile of sorted data with linear interpolation between order statistics, the same rule as
 * Excel's PERCENTILE.INC: position (n − 1)·p. Example: [1,2,3,4], p = 0.5 → 2.5.
 */
export function percentileSorted(sorted: ArrayLike<number>, p: number): number {
  if (!(p >= 0 && p <= 1)) throw invalidValue(`percentile ${p} must be between 0 and 1`);
  const n = sorted.length;
  if (n === 0) throw invalidValue("no values");
  const pos = (n - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
}

export interface TailRisk {
  /** Value at risk: the loss not exceeded with probability `confidence` (positive = loss). −Q(1−c). */
  readonly valueAtRisk: number;
  /** Expected shortfall: the mean loss over the worst ⌈n·(1−c)⌉ outcomes (positive = loss). */
  readonly expectedShortfall: number;
}

/** VaR and ES of simulated returns at a confidence in (0.5, 1), e.g. 0.95. */
export function tailRisk(values: ArrayLike<number>, confidence: number): TailRisk {
  if (!(confidence > 0.5 && confidence < 1))
    throw invalidValue(`confidence ${confidence} must be between 0.5 and 1 (e.g. 0.95)`);
  const sorted = sortedCopy(values);
  const n = sorted.length;
  const valueAtRisk = -percentileSorted(sorted, 1 - confidence);
  // The epsilon keeps 100 × (1 − 0.95) = 5.000000000000004 from rounding up to 6.
  const tail = Math.max(1, Math.ceil(n * (1 - confidence) - 1e-9));
  let sum = 0;
  for (let i = 0; i < tail; i++) sum += sorted[i];
  return { valueAtRisk, expectedShortfall: -sum / tail };
}

export interface DistributionSummary {
  readonly mean: number;
  readonly stdev: number;
  /** Percentiles keyed by probability: 0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99. */
  readonly percentiles: ReadonlyMap<number, number>;
}

export const SUMMARY_PERCENTILES = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99] as const;

/** Mean, sample standard deviation and the standard percentiles of simulated values. */
export function summarise(values: ArrayLike<number>): DistributionSummary {
  const n = values.length;
  if (n < 2) throw invalidValue("need at least two values");
  let mean = 0;
  for (let i = 0; i < n; i++) mean += values[i];
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (values[i] - mean) ** 2;
  const sorted = sortedCopy(values);
  const percentiles = new Map<number, number>();
  for (const p of SUMMARY_PERCENTILES) percentiles.set(p, percentileSorted(sorted, p));
  return { mean, stdev: Math.sqrt(ss / (n - 1)), percentiles };
}

/** Histogram of values in `bins` equal-width bins over [min, max]: bin lower edges and counts. */
export function histogram(
  values: ArrayLike<number>,
  bins: number
): { edges: number[]; counts: number[]; width: number } {
  const sorted = sortedCopy(values);
  const lo = sorted[0];
  const hi = sorted[sorted.length - 1];
  const width = hi > lo ? (hi - lo) / bins : 1e-9;
  const counts = new Array(bins).fill(0);
  for (const v of sorted) counts[Math.min(bins - 1, Math.floor((v - lo) / width))]++;
  return { edges: counts.map((_, i) => lo + i * width), counts, width };
}
