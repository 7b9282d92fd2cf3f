/**
 * Pure computation behind the Scenario tab: the basket's per-constituent scenario returns, the
 * spread vs the benchmark, and a seeded Monte Carlo of the spread (summaries and a histogram).
 */
import {
  ExposureTable,
  histogram,
  runScenarioMonteCarlo,
  ScenarioLevels,
} from "../../core/scenario";
import { DEFAULT_BENCHMARK, getPresetBasket } from "../../data/baskets";

/** The Monte Carlo settings the pane states next to its numbers. */
export const PANE_MC = { paths: 4000, horizonDays: 21, confidence: 0.95, seed: 42, bins: 30 };

export interface ConstituentRow {
  readonly symbol: string;
  readonly name: string;
  /** Scenario return (decimal). */
  readonly ret: number;
}

export interface ScenarioView {
  readonly basketLabel: string;
  readonly benchmark: string;
  readonly rows: ConstituentRow[];
  readonly basket: number;
  readonly benchmarkReturn: number;
  readonly spread: number;
  readonly mc: {
    readonly mean: number;
    readonly p05: number;
    readonly p95: number;
    readonly valueAtRisk: number;
    readonly expectedShortfall: number;
  };
  readonly histogram: { centres: number[]; counts: number[] };
}

/** The symbols the view needs history for: the basket's constituents and the benchmark. */
export function viewSymbols(basketName: string): string[] {
  const preset = getPresetBasket(basketName);
  return preset ? [...preset.constituents.map((c) => c.symbol), DEFAULT_BENCHMARK] : [];
}

/** Computes the view, or throws the model's FinanceError (unknown symbol in an override table, ...). */
export function computeScenarioView(
  basketName: string,
  levels: ScenarioLevels,
  exposures?: ExposureTable,
  idioVols?: ReadonlyMap<string, number>
): ScenarioView {
  const preset = getPresetBasket(basketName);
  if (!preset) throw new Error(`unknown basket ${basketName}`);
  const weighted = preset.constituents.every((c) => c.weight !== undefined);
  const report = runScenarioMonteCarlo({
    symbols: preset.constituents.map((c) => c.symbol),
    weights: weighted ? preset.constituents.map((c) => c.weight!) : undefined,
    benchmark: DEFAULT_BENCHMARK,
    levels,
    exposures,
    idioVols,
    horizonDays: PANE_MC.horizonDays,
    confidence: PANE_MC.confidence,
    paths: PANE_MC.paths,
    seed: PANE_MC.seed,
  });
  const { outcome } = report.linear;
  const h = histogram(report.spreadDraws, PANE_MC.bins);
  return {
    basketLabel: preset.name,
    benchmark: DEFAULT_BENCHMARK,
    rows: preset.constituents.map((c, i) => ({
      symbol: c.symbol,
      name: c.name,
      ret: outcome.constituents[i],
    })),
    basket: outcome.basket,
    benchmarkReturn: outcome.benchmark,
    spread: outcome.spread,
    mc: {
      mean: report.spread.mean,
      p05: report.spread.percentiles.get(0.05)!,
      p95: report.spread.percentiles.get(0.95)!,
      valueAtRisk: report.spread.valueAtRisk,
      expectedShortfall: report.spread.expectedShortfall,
    },
    histogram: { centres: h.edges.map((e) => e + h.width / 2), counts: h.counts },
  };
}

/** "+2.35 %" / "−1.20 %" with a true minus sign. */
export function formatPct(x: number, digits = 2): string {
  const s = (Math.abs(x) * 100).toFixed(digits);
  return `${x < 0 ? "−" : x > 0 ? "+" : ""}${s} %`;
}

/** A loss figure (VaR, ES): unsigned when it is a loss, "gain" marked otherwise. */
export function formatLoss(x: number, digits = 2): string {
  const s = `${(Math.abs(x) * 100).toFixed(digits)} %`;
  return x < 0 ? `${s} gain` : s;
}

/** Slider captions: "+2" / "−0.5" / "0". */
export function formatLevel(x: number): string {
  const s = Number(Math.abs(x).toFixed(2)).toString();
  return x > 0 ? `+${s}` : x < 0 ? `−${s}` : "0";
}
