import { invalidNumber, invalidValue } from "../errors";
import { requireLength } from "../series";

/** A vector of one-period returns (decimals). Typed arrays are fastest; plain arrays work. */
export type Vector = ArrayLike<number>;

/**
 * Arithmetic mean: Σ x_i / n. Example: mean([0.01, 0.03]) = 0.02.
 * @throws "na" for an empty vector.
 */
export function mean(x: Vector): number {
  requireLength(x.length, 1, "mean");
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return finite(s / x.length, "mean");
}

/**
 * Sample standard deviation (n − 1 denominator, two-pass): sqrt(Σ (x_i − x̄)² / (n − 1)).
 * Same definition as Excel's STDEV.S. Example: [1, 2, 3, 4] → sqrt(5/3) ≈ 1.2909944.
 * @throws "na" empty, "num" fewer than 2 points.
 */
export function stdevSample(x: Vector): number {
  requireLength(x.length, 2, "standard deviation");
  const m = mean(x);
  let ss = 0;
  for (let i = 0; i < x.length; i++) {
    const d = x[i] - m;
    ss += d * d;
  }
  return finite(Math.sqrt(ss / (x.length - 1)), "standard deviation");
}

/**
 * Annualised volatility: σ = stdevSample(r) × √periodsPerYear (252 daily, 52 weekly, 12 monthly).
 * Example: daily returns [0.01, −0.01, 0.02, 0] → stdev 0.01290994 × √252 ≈ 0.2049390.
 */
export function volatility(returns: Vector, periodsPerYear = 252): number {
  checkPeriods(periodsPerYear);
  return stdevSample(returns) * Math.sqrt(periodsPerYear);
}

/**
 * Sample covariance: Σ (a_i − ā)(b_i − b̄) / (n − 1). Example: [1,2,3] with [2,4,7] → 2.5.
 * @throws "value" for mismatched lengths; "num" for fewer than 2 pairs.
 */
export function covariance(a: Vector, b: Vector): number {
  const { sab } = comoments(a, b, "covariance");
  return sab / (a.length - 1);
}

/**
 * Beta of returns vs benchmark returns: β = cov(r, b) / var(b) (the OLS slope, Excel SLOPE(r, b)).
 * Example: r = 2 × b exactly → β = 2; beta(x, x) = 1.
 * @throws "num" when the benchmark has no variance.
 */
export function beta(returns: Vector, benchmark: Vector): number {
  const b = benchmark;
  const { sab, sbb } = comoments(returns, b, "beta");
  if (flat(sbb, b)) throw invalidNumber("beta: the benchmark returns do not vary");
  return finite(sab / sbb, "beta");
}

/**
 * Pearson correlation: ρ = Σ (a − ā)(b − b̄) / √(Σ (a − ā)² Σ (b − b̄)²) (Excel CORREL).
 * Example: [1,2,3] with [3,2,1] → −1.
 * @throws "num" when either vector has no variance.
 */
export function correlation(a: Vector, b: Vector): number {
  const { saa, sab, sbb } = comoments(a, b, "correlation");
  if (flat(saa, a) || flat(sbb, b)) throw invalidNumber("correlation: a series does not vary");
  return finite(sab / Math.sqrt(saa * sbb), "correlation");
}

/**
 * Correlation matrix of k return vectors of equal length, M[i][j] = correlation(x_i, x_j),
 * diagonal exactly 1. Demeans once, then k(k−1)/2 dot products.
 * Example: [[1,2,3],[2,4,6],[3,2,1]] → [[1,1,−1],[1,1,−1],[−1,−1,1]].
 */
export function correlationMatrix(vectors: readonly Vector[]): Float64Array[] {
  const k = vectors.length;
  if (k === 0) throw invalidValue("correlation matrix: no series");
  const n = vectors[0].length;
  requireLength(n, 2, "correlation matrix");
  const centred: Float64Array[] = [];
  const norms = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const v = vectors[i];
    if (v.length !== n)
      throw invalidValue(`correlation matrix: series ${i + 1} has ${v.length} points, not ${n}`);
    const m = mean(v);
    const c = new Float64Array(n);
    let ss = 0;
    for (let t = 0; t < n; t++) {
      const d = v[t] - m;
      c[t] = d;
      ss += d * d;
    }
    if (flat(ss, v)) throw invalidNumber(`correlation matrix: series ${i + 1} does not vary`);
    centred.push(c);
    norms[i] = Math.sqrt(ss);
  }
  const out = Array.from({ length: k }, () => new Float64Array(k));
  for (let i = 0; i < k; i++) {
    out[i][i] = 1;
    const ci = centred[i];
    for (let j = i + 1; j < k; j++) {
      const cj = centred[j];
      let s = 0;
      for (let t = 0; t < n; t++) s += ci[t] * cj[t];
      const r = s / (norms[i] * norms[j]);
      out[i][j] = r;
      out[j][i] = r;
    }
  }
  return out;
}

/**
 * Annualised tracking error: TE = stdevSample(r − b) × √periodsPerYear.
 * Example: active returns r − b = [0.01, −0.01, 0.02, 0] daily → ≈ 0.2049390.
 */
export function trackingError(returns: Vector, benchmark: Vector, periodsPerYear = 252): number {
  return volatility(active(returns, benchmark, "tracking error"), periodsPerYear);
}

/**
 * Information ratio: IR = (mean(r − b) × periodsPerYear) / TE.
 * Example: active [0.01, −0.01, 0.02, 0] daily → mean 0.005 × 252 / 0.2049390 ≈ 6.1482.
 * @throws "num" when the active returns do not vary.
 */
export function informationRatio(returns: Vector, benchmark: Vector, periodsPerYear = 252): number {
  const a = active(returns, benchmark, "information ratio");
  const te = volatility(a, periodsPerYear);
  if (flat(te * te, a, periodsPerYear))
    throw invalidNumber("information ratio: zero tracking error");
  return finite((mean(a) * periodsPerYear) / te, "information ratio");
}

/**
 * Sharpe ratio with an annual risk-free rate rf, de-annualised simply per period (rf / periodsPerYear):
 * e_i = r_i − rf/P;  Sharpe = mean(e) / stdevSample(e) × √P.
 * Example: monthly [0.02, 0, 0.04, −0.02], rf 0.12, P 12 → e = [0.01, −0.01, 0.03, −0.03],
 *   mean 0 → Sharpe 0.
 * @throws "num" when the excess returns do not vary.
 */
export function sharpe(returns: Vector, riskFree = 0, periodsPerYear = 252): number {
  checkPeriods(periodsPerYear);
  const e = excess(returns, riskFree / periodsPerYear);
  const sd = stdevSample(e);
  if (flat(sd * sd, e)) throw invalidNumber("Sharpe ratio: returns do not vary");
  return finite((mean(e) / sd) * Math.sqrt(periodsPerYear), "Sharpe ratio");
}

/**
 * Sortino ratio with the risk-free rate as target: e_i = r_i − rf/P;
 * downside deviation DD = √(Σ min(e_i, 0)² / n) (all n periods in the denominator);
 * Sortino = mean(e) / DD × √P.
 * Example: e = [0.02, −0.01, 0.03, −0.02] (rf 0), P 1 → mean 0.005, DD = √(0.0005/4) ≈ 0.01118 → 0.4472.
 * @throws "num" when there is no downside (DD = 0).
 */
export function sortino(returns: Vector, riskFree = 0, periodsPerYear = 252): number {
  checkPeriods(periodsPerYear);
  const e = excess(returns, riskFree / periodsPerYear);
  requireLength(e.length, 2, "Sortino ratio");
  let dd = 0;
  for (let i = 0; i < e.length; i++) if (e[i] < 0) dd += e[i] * e[i];
  dd = Math.sqrt(dd / e.length);
  if (!(dd > 0)) throw invalidNumber("Sortino ratio: no returns below the risk-free rate");
  return finite((mean(e) / dd) * Math.sqrt(periodsPerYear), "Sortino ratio");
}

function comoments(a: Vector, b: Vector, what: string): { saa: number; sab: number; sbb: number } {
  if (a.length !== b.length)
    throw invalidValue(`${what}: ${a.length} returns against ${b.length} benchmark returns`);
  requireLength(a.length, 2, what);
  const ma = mean(a);
  const mb = mean(b);
  let saa = 0;
  let sab = 0;
  let sbb = 0;
  for (let i = 0; i < a.length; i++) {
    const da = a[i] - ma;
    const db = b[i] - mb;
    saa += da * da;
    sab += da * db;
    sbb += db * db;
  }
  return { saa, sab, sbb };
}

function active(r: Vector, b: Vector, what: string): Float64Array {
  if (r.length !== b.length)
    throw invalidValue(`${what}: ${r.length} returns against ${b.length} benchmark returns`);
  const out = new Float64Array(r.length);
  for (let i = 0; i < r.length; i++) out[i] = r[i] - b[i];
  return out;
}

function excess(r: Vector, rfPerPeriod: number): Float64Array {
  if (!Number.isFinite(rfPerPeriod)) throw invalidValue("risk-free rate is not a number");
  const out = new Float64Array(r.length);
  for (let i = 0; i < r.length; i++) out[i] = r[i] - rfPerPeriod;
  return out;
}

/**
 * True when a sum of squared deviations is rounding noise: below (1e-13)² of the raw sum of squares
 * (a relative spread under 1e-13), so a ratio would divide by noise and look plausible but be wrong.
 */
function flat(sumSqDev: number, x: Vector, scale = 1): boolean {
  if (!(sumSqDev > 0)) return true;
  let raw = 0;
  for (let i = 0; i < x.length; i++) raw += x[i] * x[i];
  return sumSqDev <= 1e-26 * raw * scale;
}

/** Checks periods per year is a positive finite number. Example: checkPeriods(0) throws #VALUE!. */
export function checkPeriods(p: number): void {
  if (!(p > 0) || !Number.isFinite(p))
    throw invalidValue(`periods per year ${p} is not a positive number`);
}

function finite(v: number, what: string): number {
  if (!Number.isFinite(v))
    throw invalidValue(`${what}: the input contains a value that is not a number`);
  return v;
}
