import { invalidNumber, invalidValue } from "./errors";

/**
 * Normalised basket weights: w_i / Σ w_j. Omitted weights mean equal weights 1/n.
 * Negative weights (short legs) are allowed only with allowShort; the net total Σ w_j must not be
 * zero (a dollar-neutral basket has no return per unit of capital on this basis).
 * Example: [2, 1, 1] → [0.5, 0.25, 0.25]; [1.5, −0.5] with allowShort → [1.5, −0.5].
 * @throws "value" for a length mismatch, a non-number or a negative weight without allowShort;
 *   "num" when the weights sum to zero.
 */
export function normaliseWeights(
  weights: readonly number[] | ArrayLike<number> | undefined,
  n: number,
  allowShort = false
): Float64Array {
  if (n <= 0) throw invalidValue("a basket needs at least one constituent");
  const out = new Float64Array(n);
  if (weights === undefined || weights.length === 0) return out.fill(1 / n);
  if (weights.length !== n) throw invalidValue(`${weights.length} weights for ${n} constituents`);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i];
    if (typeof w !== "number" || !Number.isFinite(w))
      throw invalidValue(`weight ${i + 1} is not a number`);
    if (w < 0 && !allowShort)
      throw invalidValue(
        `weight ${i + 1} is negative (${w}); allow long/short to use short weights`
      );
    total += w;
  }
  if (total === 0 || Math.abs(total) < 1e-12 * sumAbs(weights))
    throw invalidNumber("weights sum to zero");
  for (let i = 0; i < n; i++) out[i] = weights[i] / total;
  return out;
}

function sumAbs(w: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < w.length; i++) s += Math.abs(w[i]);
  return s;
}
