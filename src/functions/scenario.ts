/**
 * CNTECH.SCENARIO.* formulas: thin wrappers over the scenario model in src/core/scenario.
 * scenario_range is a 2-column range (factor id or name, level), e.g. the CNTECH_SCENARIO named range
 * that the pane's Scenario tab maintains; exposures_range optionally overrides the default exposures.
 * The model and the formulas' bodies (./scenario-formulas) load on the first SCENARIO.* call, as a
 * separate chunk: every formula registers without them, and most workbooks never call one.
 */
import { excelCall } from "./excel-errors";

/** The formulas' module: fetched on the first call, then kept by the module loader (a failed fetch is
 * tried again on the next call). */
const formulas = () => import(/* webpackChunkName: "scenario-formulas" */ "./scenario-formulas");

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
): Promise<unknown[][]> {
  return excelCall(async () =>
    (await formulas()).scenarioReturn(symbols, scenario_range, exposures_range, per_constituent)
  );
}

/**
 * Scenario spread: the basket's scenario return minus the benchmark's (default the Nasdaq-100).
 * @customfunction SCENARIO.SPREAD
 * @helpurl https://localhost:3000/README.md#cntechscenariospread
 * @param symbols A symbol, a preset basket ("HSTECH") or a range of symbols (and weights).
 * @param scenario_range Two columns: factor id or name, level (−3 … +3), e.g. CNTECH_SCENARIO.
 * @param [benchmark] Benchmark symbol (default "^XNDX", the Nasdaq-100 Total Return index).
 * @param [exposures_range] Optional exposures table (must then include the benchmark).
 * @returns Basket minus benchmark scenario return, as a decimal (−0.05 = −5 pp).
 */
export function scenarioSpreadFn(
  symbols: unknown[][],
  scenario_range: unknown[][],
  benchmark?: unknown,
  exposures_range?: unknown[][]
): Promise<number> {
  return excelCall(async () =>
    (await formulas()).scenarioSpread(symbols, scenario_range, benchmark, exposures_range)
  );
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
 * @param [of] "basket" (default) or "spread" (basket minus the Nasdaq-100 Total Return index, ^XNDX).
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
  return excelCall(async () =>
    (await formulas()).scenarioVar(
      symbols,
      scenario_range,
      confidence,
      horizon_days,
      seed,
      measure,
      of,
      exposures_range
    )
  );
}

/**
 * The factor levels of a scenario preset, as a (factor id, level) table to paste or link as a
 * scenario_range. Without a name it lists the presets (id, name).
 * @customfunction SCENARIO.PRESET
 * @helpurl https://localhost:3000/README.md#cntechscenariopreset
 * @param [name] Preset id, e.g. "LIBERATION_DAY_2025".
 * @returns A two-column table.
 */
export function scenarioPresetFn(name?: unknown): Promise<unknown[][]> {
  return excelCall(async () => (await formulas()).scenarioPreset(name));
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
export function scenarioGprFn(
  gpr_range: unknown[][],
  from: unknown,
  to: unknown
): Promise<unknown[][]> {
  return excelCall(async () => (await formulas()).scenarioGpr(gpr_range, from, to));
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
  return excelCall(async () => (await formulas()).scenarioReestimate(preset, symbols));
}
