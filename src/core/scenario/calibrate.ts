import { invalidValue } from "../errors";
import { ExposureVector } from "./exposures";
import { solveLinear } from "./linear-solve";
import {
  FACTOR_IDS,
  FACTOR_MAX,
  FACTOR_MIN,
  FactorId,
  neutralScenario,
  ScenarioLevels,
} from "./factors";

/** One observed event-window return and the exposures of the instrument that produced it. */
export interface EventObservation {
  readonly symbol: string;
  readonly exposure: ExposureVector;
  /** Observed return over the event window (decimal). */
  readonly observed: number;
}

export interface ReestimateResult {
  readonly levels: ScenarioLevels;
  /** Factors whose least-squares solution fell outside −3 … +3 and was clamped. */
  readonly clamped: FactorId[];
  /** observed − fitted, per observation, after clamping. */
  readonly residuals: number[];
}

/**
 * Re-estimates a preset's factor levels from observed event-window returns by ridge-regularised
 * least squares over the `active` factors (others stay at `prior`, default 0):
 *   minimise Σ_i (r_i − β_i·s)² + λ Σ_k∈active (s_k − prior_k)²
 * i.e. (BᵀB + λI) s_A = Bᵀ(r − B_fixed s_fixed) + λ prior_A, with λ = lambda × mean diag(BᵀB).
 * The small default (1e-4) only keeps the system solvable when observations are few; results are
 * clamped to the −3 … +3 scale.
 */
export function reestimateShocks(
  observations: readonly EventObservation[],
  active: readonly FactorId[],
  prior: Partial<ScenarioLevels> = {},
  lambda = 1e-4
): ReestimateResult {
  if (active.length === 0) throw invalidValue("no factors to estimate");
  if (observations.length === 0) throw invalidValue("no event-window returns to fit");
  for (const o of observations)
    if (!Number.isFinite(o.observed))
      throw invalidValue(`${o.symbol}: observed return is not a number`);
  const base = { ...neutralScenario(), ...prior };
  const fixed = FACTOR_IDS.filter((id) => !active.includes(id));
  const target = observations.map(
    (o) => o.observed - fixed.reduce((s, id) => s + o.exposure[id] * base[id], 0)
  );
  const gram = active.map((j) =>
    active.map((k) => observations.reduce((s, o) => s + o.exposure[j] * o.exposure[k], 0))
  );
  // λ is relative to the mean diagonal of BᵀB, so it means the same whatever the exposures' scale.
  const ridge = (lambda * gram.reduce((s, row, i) => s + row[i], 0)) / active.length || lambda;
  const a = gram.map((row, j) => row.map((v, k) => v + (j === k ? ridge : 0)));
  const b = active.map(
    (j) => observations.reduce((s, o, i) => s + o.exposure[j] * target[i], 0) + ridge * base[j]
  );
  const solution = solveLinear(a, b, "event window does not identify the factors");
  const levels = { ...base };
  const clamped: FactorId[] = [];
  active.forEach((id, i) => {
    const v = Math.min(FACTOR_MAX, Math.max(FACTOR_MIN, solution[i]));
    if (v !== solution[i]) clamped.push(id);
    levels[id] = v;
  });
  const residuals = observations.map(
    (o) => o.observed - FACTOR_IDS.reduce((s, id) => s + o.exposure[id] * levels[id], 0)
  );
  return { levels, clamped, residuals };
}
