import { invalidValue } from "../errors";
import { ExposureVector } from "./exposures";
import { FACTOR_IDS, FactorId, ScenarioLevels } from "./factors";
import { seededNormals } from "../random";

/** Trading days per year used to scale annual vols to the horizon: σ_h = σ · √(h / 252). */
export const TRADING_DAYS_PER_YEAR = 252;
/** Stated default uncertainty of each realised factor level around the scenario's level (level units). */
export const DEFAULT_FACTOR_UNCERTAINTY = 0.5;
export const DEFAULT_PATHS = 10000;
export const DEFAULT_SEED = 42;

export interface MonteCarloInput {
  readonly exposures: readonly ExposureVector[];
  /** Normalised basket weights (sum 1). */
  readonly weights: readonly number[];
  /** Annual idiosyncratic vol per constituent (decimal). */
  readonly idioVols: readonly number[];
  readonly benchmark: ExposureVector;
  readonly benchmarkIdioVol: number;
  readonly levels: ScenarioLevels;
  /** Trading days in the window the noise covers. */
  readonly horizonDays: number;
  /** Std-dev of each factor's realised level around the scenario (default 0.5 for every factor). */
  readonly factorUncertainty?: Partial<Record<FactorId, number>>;
  readonly paths?: number;
  readonly seed?: number;
}

export interface MonteCarloResult {
  readonly basket: Float64Array;
  readonly benchmark: Float64Array;
  /** basket − benchmark per path. */
  readonly spread: Float64Array;
}

/**
 * Simulates window returns under a scenario. Per path p:
 *   L_k = s_k + u_k·z_k                      (realised factor level, z_k ~ N(0,1), shared by all symbols)
 *   r_i = Σ_k β_ik·L_k + σ_i·√(h/252)·ε_i    (ε_i ~ N(0,1) idiosyncratic)
 *   R_B = Σ_i w_i r_i,  R_N = β_N·L + σ_N·√(h/252)·ε_N,  spread = R_B − R_N
 * Returns are simple returns, floored at −100 %.
 */
export function simulateScenario(input: MonteCarloInput): MonteCarloResult {
  const paths = input.paths ?? DEFAULT_PATHS;
  const seed = input.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(paths) || paths < 100 || paths > 1_000_000)
    throw invalidValue(`paths ${paths} must be a whole number between 100 and 1,000,000`);
  if (!Number.isFinite(input.horizonDays) || input.horizonDays < 0 || input.horizonDays > 2520)
    throw invalidValue(`horizon ${input.horizonDays} days must be between 0 and 2520`);
  if (!Number.isFinite(seed)) throw invalidValue("seed is not a number");
  const n = input.exposures.length;
  if (input.weights.length !== n || input.idioVols.length !== n)
    throw invalidValue("exposures, weights and vols differ in length");
  for (const v of [...input.idioVols, input.benchmarkIdioVol])
    if (!(v >= 0) || !Number.isFinite(v)) throw invalidValue(`volatility ${v} is not valid`);

  const scale = Math.sqrt(input.horizonDays / TRADING_DAYS_PER_YEAR);
  const k = FACTOR_IDS.length;
  const centre = FACTOR_IDS.map((id) => input.levels[id]);
  const spreadOf = FACTOR_IDS.map(
    (id) => input.factorUncertainty?.[id] ?? DEFAULT_FACTOR_UNCERTAINTY
  );
  const beta = input.exposures.map((e) => FACTOR_IDS.map((id) => e[id]));
  const betaN = FACTOR_IDS.map((id) => input.benchmark[id]);
  const noise = input.idioVols.map((v) => v * scale);
  const noiseN = input.benchmarkIdioVol * scale;

  const normals = seededNormals(Math.floor(seed));
  const basket = new Float64Array(paths);
  const benchmark = new Float64Array(paths);
  const spread = new Float64Array(paths);
  const level = new Float64Array(k);
  for (let p = 0; p < paths; p++) {
    for (let j = 0; j < k; j++) level[j] = centre[j] + spreadOf[j] * normals.next();
    let rb = 0;
    for (let i = 0; i < n; i++) {
      let r = noise[i] * normals.next();
      for (let j = 0; j < k; j++) r += beta[i][j] * level[j];
      rb += input.weights[i] * Math.max(-1, r);
    }
    let rn = noiseN * normals.next();
    for (let j = 0; j < k; j++) rn += betaN[j] * level[j];
    rn = Math.max(-1, rn);
    basket[p] = rb;
    benchmark[p] = rn;
    spread[p] = rb - rn;
  }
  return { basket, benchmark, spread };
}
