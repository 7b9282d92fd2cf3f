import { invalidValue } from "../errors";
import { ExposureVector } from "./exposures";
import {
  checkLevel,
  FACTOR_IDS,
  FactorId,
  findFactor,
  neutralScenario,
  requireFactor,
} from "./factors";
import { ExposureTable } from "./model";

/** A cell as a workbook or Excel hands it over. */
export type Cell = string | number | boolean | null | undefined;

const isBlank = (c: unknown): boolean =>
  c === null || c === undefined || (typeof c === "string" && c.trim() === "");

function asMatrix(value: unknown, what: string): Cell[][] {
  if (!Array.isArray(value)) throw invalidValue(`${what}: expected a range`);
  if (value.length > 0 && !Array.isArray(value[0])) return [value as Cell[]];
  return value as Cell[][];
}

/** Numbers, or text that is a plain number ("0.5", " -1 "); undefined for anything else. */
function numeric(c: Cell): number | undefined {
  if (typeof c === "number") return Number.isFinite(c) ? c : undefined;
  if (typeof c === "string" && c.trim() !== "") {
    const n = Number(c.trim());
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/**
 * A scenario range: rows of (factor id or name, level), e.g. the CNTECH_SCENARIO named range.
 * Rules: blank rows are skipped; a first row whose level cell is text is a header and skipped;
 * factors not listed are 0 (status quo); extra columns are ignored. Errors (#VALUE!-kind): a
 * single-column range, an unknown factor, a factor listed twice, a blank or non-numeric level, a
 * level outside −3 … +3.
 */
export function parseScenarioRange(value: unknown): Record<FactorId, number> {
  const rows = asMatrix(value, "scenario_range").filter((r) => !r.every(isBlank));
  if (rows.length === 0) throw invalidValue("scenario_range is empty");
  if (rows.some((r) => r.length < 2))
    throw invalidValue("scenario_range needs two columns: factor id or name, and level");
  const levels = neutralScenario();
  const seen = new Set<FactorId>();
  rows.forEach((row, i) => {
    const [name, raw] = row;
    if (
      i === 0 &&
      typeof raw === "string" &&
      numeric(raw) === undefined &&
      !isBlank(raw) &&
      (typeof name !== "string" || !findFactor(name))
    )
      return; // header row such as ("Factor", "Level")
    if (typeof name !== "string" || isBlank(name))
      throw invalidValue(`scenario_range row ${i + 1}: factor name missing`);
    const id = requireFactor(name);
    if (seen.has(id)) throw invalidValue(`scenario_range: ${id} is listed twice`);
    seen.add(id);
    if (isBlank(raw)) throw invalidValue(`scenario_range: ${id} has no level (0 = status quo)`);
    const n = numeric(raw);
    if (n === undefined) throw invalidValue(`${id}: level ${JSON.stringify(raw)} is not a number`);
    levels[id] = checkLevel(id, n);
  });
  return levels;
}

/** Largest accepted |exposure| per level: 0.5 means ±150 % at ±3; larger values are likely percentages. */
export const MAX_ABS_EXPOSURE = 0.5;

/**
 * An exposures table: a header row (any label, then factor ids or names) and one row per symbol of
 * decimal returns per factor level. Factors without a column have exposure 0 (documented). Errors
 * (#VALUE!-kind): unknown or repeated factor column, a symbol listed twice, a blank or non-numeric
 * cell, |exposure| > 0.5. `normalize` maps typed symbols to the canonical form.
 */
export function parseExposureTable(
  value: unknown,
  normalize: (symbol: string) => string = (s) => s.trim().toUpperCase()
): ExposureTable {
  const rows = asMatrix(value, "exposures_range").filter((r) => !r.every(isBlank));
  if (rows.length < 2)
    throw invalidValue("exposures_range needs a header row (symbol, factors...) and symbol rows");
  const header = rows[0];
  const columns: { col: number; id: FactorId }[] = [];
  header.forEach((cell, col) => {
    if (col === 0 || isBlank(cell)) return;
    const id = requireFactor(String(cell));
    if (columns.some((c) => c.id === id))
      throw invalidValue(`exposures_range: factor ${id} has two columns`);
    columns.push({ col, id });
  });
  if (columns.length === 0)
    throw invalidValue("exposures_range header names no factors (e.g. TARIFFS, TAIWAN)");
  const table = new Map<string, ExposureVector>();
  rows.slice(1).forEach((row, r) => {
    const rowNo = r + 2;
    if (typeof row[0] !== "string" || isBlank(row[0]))
      throw invalidValue(`exposures_range row ${rowNo}: symbol missing`);
    const symbol = normalize(row[0]);
    if (table.has(symbol)) throw invalidValue(`exposures_range: ${symbol} is listed twice`);
    const vector = {} as Record<FactorId, number>;
    for (const id of FACTOR_IDS) vector[id] = 0;
    for (const { col, id } of columns) {
      const cell = row[col];
      if (isBlank(cell))
        throw invalidValue(`exposures_range: ${symbol} / ${id} is blank (enter 0 for no exposure)`);
      const n = numeric(cell);
      if (n === undefined)
        throw invalidValue(
          `exposures_range: ${symbol} / ${id} is ${JSON.stringify(cell)}, not a number`
        );
      if (Math.abs(n) > MAX_ABS_EXPOSURE)
        throw invalidValue(
          `exposures_range: ${symbol} / ${id} = ${n}; exposures are decimals per level (−0.05 = −5 %)`
        );
      vector[id] = n;
    }
    table.set(symbol, vector);
  });
  return table;
}
