import { normaliseWeights } from "../weights";
import { defaultIdioVol, ExposureVector } from "./exposures";
import { FactorId, ScenarioLevels } from "./factors";
import { evaluateScenario, ExposureTable, resolveExposures, ScenarioOutcome } from "./model";
import { simulateScenario } from "./montecarlo";
import { DistributionSummary, summarise, tailRisk, TailRisk } from "./stats";

export interface ScenarioRequest {
  /** Canonical symbols of the basket. */
  readonly symbols: readonly string[];
  /** Unnormalised weights (equal when omitted). */
  readonly weights?: readonly number[];
  /** Canonical benchmark symbol, e.g. "^NDX". */
  readonly benchmark: string;
  readonly levels: ScenarioLevels;
  /** User exposures; when given, every symbol and the benchmark must be in it. */
  readonly exposures?: ExposureTable;
  /** Annual idiosyncratic vols by symbol (e.g. from history); segment defaults otherwise. */
  readonly idioVols?: ReadonlyMap<string, number>;
}

export interface ResolvedScenario {
  readonly symbols: string[];
  readonly weights: number[];
  readonly exposures: ExposureVector[];
  readonly benchmarkExposure: ExposureVector;
  readonly outcome: ScenarioOutcome;
}

/** Resolves exposures and weights and evaluates the linear model. */
export function resolveScenario(req: ScenarioRequest): ResolvedScenario {
  const symbols = req.symbols.map((s) => s.trim().toUpperCase());
  const weights = Array.from(normaliseWeights(req.weights, symbols.length));
  const exposures = resolveExposures(symbols, req.exposures);
  const [benchmarkExposure] = resolveExposures([req.benchmark], req.exposures);
  const outcome = evaluateScenario(exposures, weights, benchmarkExposure, req.levels);
  return { symbols, weights, exposures, benchmarkExposure, outcome };
}

export interface MonteCarloRequest extends ScenarioRequest {
  readonly horizonDays: number;
  readonly confidence: number;
  readonly paths?: number;
  readonly seed?: number;
  readonly factorUncertainty?: Partial<Record<FactorId, number>>;
}

export interface MonteCarloReport {
  readonly linear: ResolvedScenario;
  readonly basket: DistributionSummary & TailRisk;
  readonly benchmark: DistributionSummary & TailRisk;
  readonly spread: DistributionSummary & TailRisk;
  /** Raw spread draws, for the pane's histogram. */
  readonly spreadDraws: Float64Array;
}

/** Linear scenario plus the seeded Monte Carlo summaries (mean, percentiles, VaR, ES) of basket, benchmark and spread. */
export function runScenarioMonteCarlo(req: MonteCarloRequest): MonteCarloReport {
  const linear = resolveScenario(req);
  const vol = (s: string) => req.idioVols?.get(s) ?? defaultIdioVol(s);
  const sim = simulateScenario({
    exposures: linear.exposures,
    weights: linear.weights,
    idioVols: linear.symbols.map(vol),
    benchmark: linear.benchmarkExposure,
    benchmarkIdioVol: vol(req.benchmark.trim().toUpperCase()),
    levels: req.levels,
    horizonDays: req.horizonDays,
    paths: req.paths,
    seed: req.seed,
    factorUncertainty: req.factorUncertainty,
  });
  const both = (v: Float64Array) => ({ ...summarise(v), ...tailRisk(v, req.confidence) });
  return {
    linear,
    basket: both(sim.basket),
    benchmark: both(sim.benchmark),
    spread: both(sim.spread),
    spreadDraws: sim.spread,
  };
}
