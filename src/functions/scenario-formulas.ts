/**
 * What the CNTECH.SCENARIO.* formulas compute, over the scenario model in src/core/scenario. A
 * separate chunk in the add-in, loaded on the first SCENARIO.* call (see ./scenario.ts), so the
 * functions bundle that registers every formula does not carry the model, its presets and tables.
 * Failures are thrown as they come; the formulas turn them into Excel errors.
 */
import { dayFromIso } from "../core/dates";
import { invalidValue, notAvailable } from "../core/errors";
import { windowReturn } from "../core/returns";
import {
  DEFAULT_SEED,
  ExposureTable,
  findPreset,
  FACTOR_IDS,
  gprScenario,
  gprSeriesFromRows,
  parseExposureTable,
  parseScenarioRange,
  FactorId,
  presetLevels,
  PRESETS,
  reestimateShocks,
  resolveExposures,
  resolveScenario,
  runScenarioMonteCarlo,
  ScenarioRequest,
  trailingYearVol,
} from "../core/scenario";
import { getMarketData } from "../data/market-data";
import { BasketSpec } from "./basket-args";
import { isOmitted, parseEnum, parseOptionalNumber, parseRequiredDate, singleCell } from "./args";
import { finiteOrThrow } from "./excel-errors";
import { marketResolver, parseBasketArg, parseBenchmarkArg } from "./market-lookup";
import { today } from "./window-data";

function exposuresArg(value: unknown): ExposureTable | undefined {
  return isOmitted(value)
    ? undefined
    : parseExposureTable(value, (s) => marketResolver.normalize(s));
}

/** One benchmark symbol: a preset benchmark must be a single instrument (e.g. NDX → ^NDX). */
function benchmarkSymbol(spec: BasketSpec): string {
  if (spec.members.length !== 1)
    throw invalidValue("benchmark: use one symbol (e.g. ^XNDX, ^NDX or QQQ), not a basket");
  return spec.members[0].symbol;
}

function request(
  symbols: unknown,
  scenario: unknown,
  benchmark: unknown,
  exposures: unknown
): ScenarioRequest & { spec: BasketSpec } {
  const spec = parseBasketArg(symbols);
  return {
    spec,
    symbols: spec.members.map((m) => m.symbol),
    weights: spec.members.map((m) => m.weight),
    benchmark: benchmarkSymbol(parseBenchmarkArg(benchmark)),
    levels: parseScenarioRange(scenario),
    exposures: exposuresArg(exposures),
  };
}

export function scenarioReturn(
  symbols: unknown[][],
  scenarioRange: unknown[][],
  exposuresRange?: unknown[][],
  perConstituent?: unknown
): unknown[][] {
  const req = request(symbols, scenarioRange, undefined, exposuresRange);
  // The benchmark is irrelevant here; skip its exposures when the user's table lacks it.
  const r = resolveScenario({ ...req, benchmark: req.symbols[0] });
  if (singleCell(perConstituent ?? null, "per_constituent") !== true)
    return [[finiteOrThrow(r.outcome.basket, "scenario return")]];
  const rows: (string | number)[][] = r.symbols.map((s, i) => [s, r.outcome.constituents[i]]);
  rows.push(["Basket", r.outcome.basket]);
  return rows;
}

export function scenarioSpread(
  symbols: unknown[][],
  scenarioRange: unknown[][],
  benchmark?: unknown,
  exposuresRange?: unknown[][]
): number {
  const r = resolveScenario(request(symbols, scenarioRange, benchmark, exposuresRange));
  return finiteOrThrow(r.outcome.spread, "scenario spread");
}

/** One-year vol from the configured source, or undefined when it lacks the symbol (segment default). */
async function historyVol(symbol: string): Promise<number | undefined> {
  const end = today();
  try {
    const { series } = await getMarketData().getHistory(symbol, end - 400, end);
    return trailingYearVol(series);
  } catch (e) {
    if ((e as { kind?: string }).kind === "na") return undefined; // documented: segment default
    throw e;
  }
}

export async function scenarioVar(
  symbols: unknown[][],
  scenarioRange: unknown[][],
  confidence: unknown,
  horizonDays: unknown,
  seed?: unknown,
  measure?: unknown,
  of?: unknown,
  exposuresRange?: unknown[][]
): Promise<number> {
  const req = request(symbols, scenarioRange, undefined, exposuresRange);
  if (isOmitted(confidence)) throw invalidValue("confidence is required (e.g. 0.95)");
  const c = parseOptionalNumber(confidence, "confidence", 0.95, { min: 0.5, max: 0.9999 });
  if (isOmitted(horizonDays)) throw invalidValue("horizon_days is required (e.g. 21)");
  const h = parseOptionalNumber(horizonDays, "horizon_days", 21, { min: 0, max: 2520 });
  const s = parseOptionalNumber(seed, "seed", DEFAULT_SEED, { min: 0, max: 2 ** 32 - 1 });
  const which = parseEnum(measure, "measure", ["var", "es"] as const, "var");
  const target = parseEnum(of, "of", ["basket", "spread"] as const, "basket");
  const all = [...req.symbols, req.benchmark];
  const vols = await Promise.all(all.map(historyVol));
  const idioVols = new Map<string, number>();
  all.forEach((sym, i) => vols[i] !== undefined && idioVols.set(sym, vols[i]!));
  const mc = runScenarioMonteCarlo({ ...req, idioVols, confidence: c, horizonDays: h, seed: s });
  const dist = target === "spread" ? mc.spread : mc.basket;
  return finiteOrThrow(which === "es" ? dist.expectedShortfall : dist.valueAtRisk, "scenario VaR");
}

export function scenarioPreset(name?: unknown): unknown[][] {
  const cell = singleCell(name ?? null, "name");
  if (isOmitted(cell)) return PRESETS.map((p) => [p.id, p.name]);
  const preset = findPreset(String(cell));
  if (!preset)
    throw invalidValue(
      `unknown scenario preset "${String(cell)}" (use one of ${PRESETS.map((p) => p.id).join(", ")})`
    );
  const levels = presetLevels(preset);
  return FACTOR_IDS.map((id) => [id, levels[id]]);
}

export function scenarioGpr(gprRange: unknown[][], from: unknown, to: unknown): unknown[][] {
  const series = gprSeriesFromRows(gprRange);
  const { levels } = gprScenario(
    series,
    parseRequiredDate(from, "from"),
    parseRequiredDate(to, "to")
  );
  return FACTOR_IDS.map((id) => [id, levels[id]]);
}

export async function scenarioReestimate(
  preset: unknown,
  symbols?: unknown[][]
): Promise<unknown[][]> {
  const id = singleCell(preset, "preset");
  const p = typeof id === "string" ? findPreset(id) : undefined;
  if (!p || !p.window || !p.figures)
    throw invalidValue(`preset: "${String(id)}" is not a historical preset with an event window`);
  const start = dayFromIso(p.window.start);
  const end = dayFromIso(p.window.end);
  const list = isOmitted(symbols)
    ? p.figures.map((f) => f.symbol)
    : parseBasketArg(symbols).members.map((m) => m.symbol);
  const histories = await Promise.all(list.map((s) => getMarketData().getHistory(s, start, end)));
  if (histories.some((h) => h.provenance.synthetic))
    throw notAvailable(
      "re-estimation needs real market data; the configured source is synthetic (demo)"
    );
  const exposures = resolveExposures(list);
  const observations = list.map((symbol, i) => ({
    symbol,
    exposure: exposures[i],
    observed: windowReturn(histories[i].series, start, end, "total"),
  }));
  const fit = reestimateShocks(observations, Object.keys(p.shocks) as FactorId[]);
  return FACTOR_IDS.map((f) => [f, fit.levels[f]]);
}
