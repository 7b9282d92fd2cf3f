/**
 * CNTECH.SCENARIO.* formulas: thin wrappers over the scenario model in src/core/scenario.
 * scenario_range is a 2-column range (factor id or name, level), e.g. the CNTECH_SCENARIO named range
 * that the pane's Scenario tab maintains; exposures_range optionally overrides the default exposures.
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
import {
  BasketSpec,
  isOmitted,
  parseEnum,
  parseOptionalNumber,
  parseRequiredDate,
  singleCell,
} from "./args";
import { excelCall, finiteOrThrow, toExcelError } from "./excel-errors";
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
    throw invalidValue("benchmark: use one symbol (e.g. ^NDX or QQQ), not a basket");
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

/**
 * Scenario return of a symbol or basket under a scenario: Σ exposure × factor level (linear model),
 * weighted over the basket. With per_constituent TRUE it spills one row per constituent (symbol,
 * return) and a final "Basket" row.
 * @customfunction SCENARIO.RETURN
 * @helpurl https://localhost:3000/README.md#cntechscenarioreturn
 * @param symbols A symbol, a preset basket ("HSTECH") or a range of symbols (and weights).
 * @param scenario_range Two columns: factor id or name, level (−3 … +3), e.g. CNTECH_SCENARIO.
 * @param [exposures_range] Optional exposures table: header (Symbol, factor ids…), one row per symbol.
 * @param [per_constituent] TRUE to spill per-constituent returns (default FALSE: the basket return).
 * @returns The scenario return as a decimal (one cell), or a (symbol, return) table.
 */
export function scenarioReturnFn(
  symbols: unknown[][],
  scenario_range: unknown[][],
  exposures_range?: unknown[][],
  per_constituent?: unknown
): unknown[][] {
  try {
    const req = request(symbols, scenario_range, undefined, exposures_range);
    // The benchmark is irrelevant here; skip its exposures when the user's table lacks it.
    const r = resolveScenario({ ...req, benchmark: req.symbols[0] });
    if (singleCell(per_constituent ?? null, "per_constituent") !== true)
      return [[finiteOrThrow(r.outcome.basket, "scenario return")]];
    const rows: (string | number)[][] = r.symbols.map((s, i) => [s, r.outcome.constituents[i]]);
    rows.push(["Basket", r.outcome.basket]);
    return rows;
  } catch (e) {
    throw toExcelError(e);
  }
}

/**
 * Scenario spread: the basket's scenario return minus the benchmark's (default the Nasdaq-100).
 * @customfunction SCENARIO.SPREAD
 * @helpurl https://localhost:3000/README.md#cntechscenariospread
 * @param symbols A symbol, a preset basket ("HSTECH") or a range of symbols (and weights).
 * @param scenario_range Two columns: factor id or name, level (−3 … +3), e.g. CNTECH_SCENARIO.
 * @param [benchmark] Benchmark symbol (default "^NDX").
 * @param [exposures_range] Optional exposures table (must then include the benchmark).
 * @returns Basket minus benchmark scenario return, as a decimal (−0.05 = −5 pp).
 */
export function scenarioSpreadFn(
  symbols: unknown[][],
  scenario_range: unknown[][],
  benchmark?: unknown,
  exposures_range?: unknown[][]
): number {
  try {
    const r = resolveScenario(request(symbols, scenario_range, benchmark, exposures_range));
    return finiteOrThrow(r.outcome.spread, "scenario spread");
  } catch (e) {
    throw toExcelError(e);
  }
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

/**
 * Monte Carlo value at risk of a basket (or of its spread vs the benchmark) under a scenario:
 * factor levels drawn around the scenario (σ 0.5 level) plus idiosyncratic noise with each symbol's
 * one-year historical vol (segment default when the source lacks it), scaled to the horizon.
 * @customfunction SCENARIO.VAR
 * @helpurl https://localhost:3000/README.md#cntechscenariovar
 * @param symbols A symbol, a preset basket ("HSTECH") or a range of symbols (and weights).
 * @param scenario_range Two columns: factor id or name, level (−3 … +3), e.g. CNTECH_SCENARIO.
 * @param confidence Confidence level between 0.5 and 1, e.g. 0.95.
 * @param horizon_days Trading days the noise covers (e.g. 21 for a month).
 * @param [seed] Random seed (default 42): the same seed always gives the same answer.
 * @param [measure] "var" (default) or "es" (expected shortfall).
 * @param [of] "basket" (default) or "spread" (basket minus ^NDX).
 * @param [exposures_range] Optional exposures table.
 * @returns The loss (positive) not exceeded with the given confidence, as a decimal.
 */
export function scenarioVarFn(
  symbols: unknown[][],
  scenario_range: unknown[][],
  confidence: unknown,
  horizon_days: unknown,
  seed?: unknown,
  measure?: unknown,
  of?: unknown,
  exposures_range?: unknown[][]
): Promise<number> {
  return excelCall(async () => {
    const req = request(symbols, scenario_range, undefined, exposures_range);
    if (isOmitted(confidence)) throw invalidValue("confidence is required (e.g. 0.95)");
    const c = parseOptionalNumber(confidence, "confidence", 0.95, { min: 0.5, max: 0.9999 });
    if (isOmitted(horizon_days)) throw invalidValue("horizon_days is required (e.g. 21)");
    const h = parseOptionalNumber(horizon_days, "horizon_days", 21, { min: 0, max: 2520 });
    const s = parseOptionalNumber(seed, "seed", DEFAULT_SEED, { min: 0, max: 2 ** 32 - 1 });
    const which = parseEnum(measure, "measure", ["var", "es"] as const, "var");
    const target = parseEnum(of, "of", ["basket", "spread"] as const, "basket");
    const all = [...req.symbols, req.benchmark];
    const vols = await Promise.all(all.map(historyVol));
    const idioVols = new Map<string, number>();
    all.forEach((sym, i) => vols[i] !== undefined && idioVols.set(sym, vols[i]!));
    const mc = runScenarioMonteCarlo({ ...req, idioVols, confidence: c, horizonDays: h, seed: s });
    const dist = target === "spread" ? mc.spread : mc.basket;
    return finiteOrThrow(
      which === "es" ? dist.expectedShortfall : dist.valueAtRisk,
      "scenario VaR"
    );
  });
}

/**
 * The factor levels of a scenario preset, as a (factor id, level) table to paste or link as a
 * scenario_range. Without a name it lists the presets (id, name).
 * @customfunction SCENARIO.PRESET
 * @helpurl https://localhost:3000/README.md#cntechscenariopreset
 * @param [name] Preset id, e.g. "LIBERATION_DAY_2025".
 * @returns A two-column table.
 */
export function scenarioPresetFn(name?: unknown): unknown[][] {
  try {
    const cell = singleCell(name ?? null, "name");
    if (isOmitted(cell)) return PRESETS.map((p) => [p.id, p.name]);
    const preset = findPreset(String(cell));
    if (!preset)
      throw invalidValue(
        `unknown scenario preset "${String(cell)}" (use one of ${PRESETS.map((p) => p.id).join(", ")})`
      );
    const levels = presetLevels(preset);
    return FACTOR_IDS.map((id) => [id, levels[id]]);
  } catch (e) {
    throw toExcelError(e);
  }
}

/**
 * Maps a move in the Caldara–Iacoviello Geopolitical Risk index to factor levels: z = ln(GPR_to /
 * GPR_from) / σ of monthly log changes; level = loading × z (Taiwan 0.6, capital flows 0.4, export
 * controls 0.3, tariffs 0.3, CNY −0.3), clamped to −3 … +3. Spills (factor id, level): a scenario range.
 * @customfunction SCENARIO.GPR
 * @helpurl https://localhost:3000/README.md#cntechscenariogpr
 * @param gpr_range Two columns: month (Excel date or "1985-01") and GPR value, e.g. pasted from the CSV.
 * @param from Month the move starts (value on or before it).
 * @param to Month the move ends (value on or before it).
 * @returns A two-column table of factor ids and levels.
 */
export function scenarioGprFn(gpr_range: unknown[][], from: unknown, to: unknown): unknown[][] {
  try {
    const series = gprSeriesFromRows(gpr_range);
    const { levels } = gprScenario(
      series,
      parseRequiredDate(from, "from"),
      parseRequiredDate(to, "to")
    );
    return FACTOR_IDS.map((id) => [id, levels[id]]);
  } catch (e) {
    throw toExcelError(e);
  }
}

/**
 * Re-estimates a historical preset from its event window on the configured (real) data source:
 * least-squares factor levels that best reproduce the instruments' window returns, over the preset's
 * own factors. Refuses synthetic demo data (#N/A). Spills (factor id, level): a scenario range.
 * @customfunction SCENARIO.REESTIMATE
 * @helpurl https://localhost:3000/README.md#cntechscenarioreestimate
 * @param preset Historical preset id, e.g. "EXPORT_CONTROLS_2022".
 * @param [symbols] Instruments to fit (default: the preset's headline instruments, e.g. KTEC, QQQ).
 * @returns A two-column table of factor ids and re-estimated levels.
 */
export function scenarioReestimateFn(preset: unknown, symbols?: unknown[][]): Promise<unknown[][]> {
  return excelCall(async () => {
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
  });
}
