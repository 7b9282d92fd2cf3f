import { notAvailable } from "../errors";
import { defaultExposure, ExposureVector } from "./exposures";
import { FACTOR_IDS, ScenarioLevels } from "./factors";

/** A user's exposures: upper-case symbol → exposure vector (from a workbook table, see parse.ts). */
export type ExposureTable = ReadonlyMap<string, ExposureVector>;

/**
 * The exposure vector for each symbol: from the override table when one is given (a symbol missing
 * from it is #N/A - no silent fallback), else from the default segment map (#N/A when unmapped).
 */
export function resolveExposures(
  symbols: readonly string[],
  override?: ExposureTable
): ExposureVector[] {
  return symbols.map((raw) => {
    const symbol = raw.trim().toUpperCase();
    if (override) {
      const row = override.get(symbol);
      if (!row) throw notAvailable(`${symbol} is not in the exposures table`);
      return row;
    }
    const row = defaultExposure(symbol);
    if (!row)
      throw notAvailable(
        `${symbol} has no default scenario exposures: add it to an exposures table (symbol × factor)`
      );
    return row;
  });
}

/** Linear factor model: r = Σ_k β_k · s_k (exposure × factor level). Example: β_TARIFFS −0.05, s +3 → −0.15. */
export function scenarioReturn(exposure: ExposureVector, levels: ScenarioLevels): number {
  let r = 0;
  for (const id of FACTOR_IDS) r += exposure[id] * levels[id];
  return r;
}

export interface ScenarioOutcome {
  /** Per-constituent scenario returns, in input order. */
  readonly constituents: number[];
  /** Σ w_i r_i. */
  readonly basket: number;
  readonly benchmark: number;
  /** basket − benchmark (the China-minus-Nasdaq spread, in return points). */
  readonly spread: number;
}

/** Scenario returns for a basket and its benchmark: R_B = Σ w_i β_i·s, R_N = β_N·s, spread = R_B − R_N. */
export function evaluateScenario(
  exposures: readonly ExposureVector[],
  weights: readonly number[],
  benchmark: ExposureVector,
  levels: ScenarioLevels
): ScenarioOutcome {
  const constituents = exposures.map((e) => scenarioReturn(e, levels));
  const basket = constituents.reduce((s, r, i) => s + weights[i] * r, 0);
  const bench = scenarioReturn(benchmark, levels);
  return { constituents, basket, benchmark: bench, spread: basket - bench };
}

/** The basket's exposure vector: Σ w_i β_i (the linear model aggregates exactly). */
export function basketExposure(
  exposures: readonly ExposureVector[],
  weights: readonly number[]
): ExposureVector {
  const out = {} as Record<(typeof FACTOR_IDS)[number], number>;
  for (const id of FACTOR_IDS) out[id] = exposures.reduce((s, e, i) => s + weights[i] * e[id], 0);
  return out;
}
