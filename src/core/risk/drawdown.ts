import { requireLength } from "../series";
import { Vector } from "./stats";
import { invalidValue } from "../errors";

/** The worst peak-to-trough fall of a level series. */
export interface Drawdown {
  /** (trough / peak) − 1, ≤ 0; 0 when the series never falls. */
  readonly maxDrawdown: number;
  readonly peakIndex: number;
  readonly troughIndex: number;
  /** First index after the trough back at or above the peak level, −1 if not recovered. */
  readonly recoveryIndex: number;
  /** Day numbers of peak / trough / recovery when dates were given (recovery −1 if none). */
  readonly peakDay?: number;
  readonly troughDay?: number;
  readonly recoveryDay?: number;
}

/**
 * Maximum drawdown of levels L (prices or an index, not returns):
 *   MDD = min_t (L_t / max_{s≤t} L_s − 1), with the peak s* and trough t* where it occurs.
 * Ties keep the earliest trough. One pass, O(n).
 * Example: [100, 120, 90, 130, 104] → −0.25 (peak 120 at 1, trough 90 at 2, recovered at 3).
 * @throws "na" empty, "num" single point, "value" for a non-positive or non-numeric level.
 */
export function maxDrawdown(levels: Vector, dates?: ArrayLike<number>): Drawdown {
  const n = levels.length;
  requireLength(n, 2, "max drawdown");
  if (dates && dates.length !== n)
    throw invalidValue("max drawdown: dates and levels differ in length");
  let peak = levels[0];
  let peakI = 0;
  let worst = 0;
  let bestPeak = 0;
  let bestTrough = 0;
  for (let t = 0; t < n; t++) {
    const v = levels[t];
    if (!(v > 0))
      throw invalidValue(`max drawdown: level ${v} at ${t + 1} is not a positive number`);
    if (v > peak) {
      peak = v;
      peakI = t;
    } else {
      const dd = v / peak - 1;
      if (dd < worst) {
        worst = dd;
        bestPeak = peakI;
        bestTrough = t;
      }
    }
  }
  let recovery = -1;
  if (worst < 0) {
    const target = levels[bestPeak];
    for (let t = bestTrough + 1; t < n; t++)
      if (levels[t] >= target) {
        recovery = t;
        break;
      }
  }
  const out: Drawdown = {
    maxDrawdown: worst,
    peakIndex: bestPeak,
    troughIndex: bestTrough,
    recoveryIndex: recovery,
  };
  if (!dates) return out;
  return {
    ...out,
    peakDay: dates[bestPeak],
    troughDay: dates[bestTrough],
    recoveryDay: recovery >= 0 ? dates[recovery] : -1,
  };
}
