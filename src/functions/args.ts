/**
 * Argument parsing shared by every CNTECH formula (and the scenario functions): what Excel passes in
 * (numbers, text, booleans, null/undefined for omitted arguments, 2-D arrays for ranges) becomes
 * typed values, or a #VALUE!-kind FinanceError that names the argument and the problem.
 */
import { DayNumber, parseDateArg } from "../core/dates";
import { invalidValue } from "../core/errors";
import { Currency } from "../core/currency";
import { normalizeCurrency } from "../data/symbols";

/** One cell as Excel hands it to a custom function. */
export type CellValue = string | number | boolean | null | undefined;

/** One constituent of a basket spec: a canonical symbol and its (unnormalised) weight. */
export interface BasketMember {
  readonly symbol: string;
  readonly weight: number;
}

/**
 * What a `symbols` argument means: a single symbol, a named preset, or a custom range.
 * Weights are as given (equal weights are 1 each); normalisation is the core's job.
 */
export interface BasketSpec {
  readonly kind: "symbol" | "preset" | "range";
  /** Short label for messages and headers, e.g. "0700.HK", "HSTECH" or "custom basket (3)". */
  readonly label: string;
  readonly members: readonly BasketMember[];
  /** True when the user gave weights (two-column range) rather than equal weights. */
  readonly explicitWeights: boolean;
}

/** How symbols and preset names are resolved; the default comes from the data layer (see market-lookup.ts). */
export interface SymbolResolver {
  /** Canonical form of a typed symbol; throws a FinanceError for unusable text. */
  normalize(symbol: string): string;
  /** A preset basket by (case-insensitive) name, or undefined when the name is not a preset. */
  preset(name: string): { name: string; members: readonly BasketMember[] } | undefined;
  /** Preset names, listed when a single text is neither a symbol nor a preset. */
  presetNames?(): readonly string[];
}

/** Excel passes omitted optional arguments as null (or undefined); an empty cell arrives as "". */
export function isOmitted(value: unknown): value is null | undefined | "" {
  return (
    value === undefined ||
    value === null ||
    (typeof value === "string" && value.trim() === "") ||
    (Array.isArray(value) && value.length === 1 && isOmitted(value[0]))
  );
}

/** A single cell from a scalar or a 1×1 range; #VALUE! for a larger range where one value is expected. */
export function singleCell(value: unknown, argName: string): CellValue {
  if (!Array.isArray(value)) return value as CellValue;
  const cells = value.flat(2).filter((c) => !isOmitted(c));
  if (cells.length > 1) throw invalidValue(`${argName}: expected one value, got a range`);
  return cells[0] as CellValue;
}

/** Any argument as a 2-D array: scalars become [[value]]; a 1-D array becomes one row. */
export function toMatrix(value: unknown): CellValue[][] {
  if (!Array.isArray(value)) return [[value as CellValue]];
  if (value.length === 0) return [];
  if (!Array.isArray(value[0])) return [value as CellValue[]];
  return value as CellValue[][];
}

/** Parsed date texts: a workbook repeats the same few dates in thousands of formulas. */
const dateTexts = new Map<string, DayNumber>();

function parseDateCell(cell: CellValue, argName: string): DayNumber {
  if (typeof cell !== "string") return parseDateArg(cell, argName);
  let day = dateTexts.get(cell);
  if (day === undefined) {
    day = parseDateArg(cell, argName); // failures are not cached: they throw
    if (dateTexts.size >= 10000) dateTexts.clear();
    dateTexts.set(cell, day);
  }
  return day;
}

/** A required date: Excel serial, DATE() result or ISO text. */
export function parseRequiredDate(value: unknown, argName: string): DayNumber {
  const cell = singleCell(value, argName);
  if (isOmitted(cell)) throw invalidValue(`${argName}: a date is required`);
  return parseDateCell(cell, argName);
}

/** An optional date: undefined when omitted, else parsed like parseRequiredDate. */
export function parseOptionalDate(value: unknown, argName: string): DayNumber | undefined {
  const cell = singleCell(value, argName);
  return isOmitted(cell) ? undefined : parseDateCell(cell, argName);
}

/** A window [start, end]; end undefined means "the latest available close". #VALUE! when start > end. */
export function parseWindow(
  start: unknown,
  end: unknown
): { start: DayNumber; end: DayNumber | undefined } {
  const startDay = parseRequiredDate(start, "start");
  const endDay = parseOptionalDate(end, "end");
  if (endDay !== undefined && startDay > endDay) {
    throw invalidValue("start date is after end date");
  }
  return { start: startDay, end: endDay };
}

/**
 * One of a fixed set of words, case-insensitive; the default when omitted.
 * Example: parseEnum("BPS", "units", ["pct", "bps", "log"], "pct") → "bps".
 */
export function parseEnum<T extends string>(
  value: unknown,
  argName: string,
  allowed: readonly T[],
  defaultValue: T
): T {
  const cell = singleCell(value, argName);
  if (isOmitted(cell)) return defaultValue;
  const text = String(cell).trim().toLowerCase();
  const hit = allowed.find((a) => a.toLowerCase() === text);
  if (hit === undefined) {
    throw invalidValue(`${argName}: "${String(cell)}" is not one of ${allowed.join(", ")}`);
  }
  return hit;
}

/** Reporting currencies the functions accept (CNH is read as CNY). */
export const CURRENCIES = ["USD", "HKD", "CNY", "CNH"] as const;

/**
 * A reporting currency (USD, HKD, CNY, CNH), case-insensitive; `defaultValue` when omitted. Parsed
 * here once into the core Currency: the data path below takes it as it is.
 */
export function parseCurrency(value: unknown, defaultValue: Currency = "USD"): Currency {
  return normalizeCurrency(parseEnum(value, "currency", CURRENCIES, defaultValue));
}

/** An optional number within [min, max]; numeric text is accepted. */
export function parseOptionalNumber(
  value: unknown,
  argName: string,
  defaultValue: number,
  range: { min?: number; max?: number } = {}
): number {
  const cell = singleCell(value, argName);
  if (isOmitted(cell)) return defaultValue;
  const n = typeof cell === "number" ? cell : typeof cell === "string" ? Number(cell) : NaN;
  if (!Number.isFinite(n)) throw invalidValue(`${argName}: "${String(cell)}" is not a number`);
  if (range.min !== undefined && n < range.min)
    throw invalidValue(`${argName}: ${n} is below ${range.min}`);
  if (range.max !== undefined && n > range.max)
    throw invalidValue(`${argName}: ${n} is above ${range.max}`);
  return n;
}

/** A required single text argument, trimmed. */
export function parseRequiredText(value: unknown, argName: string): string {
  const cell = singleCell(value, argName);
  if (isOmitted(cell)) throw invalidValue(`${argName} is empty`);
  if (typeof cell !== "string") throw invalidValue(`${argName}: expected text, got ${cell}`);
  return cell.trim();
}

function parseWeight(cell: CellValue, symbol: string, row: number): number {
  const n = typeof cell === "number" ? cell : typeof cell === "string" ? Number(cell) : NaN;
  if (isOmitted(cell)) throw invalidValue(`symbols: weight missing for ${symbol} (row ${row})`);
  if (!Number.isFinite(n))
    throw invalidValue(
      `symbols: weight "${String(cell)}" for ${symbol} (row ${row}) is not a number`
    );
  return n;
}

function symbolCell(cell: CellValue, row: number): string {
  if (typeof cell !== "string")
    throw invalidValue(`symbols: row ${row} holds ${String(cell)}, not a symbol`);
  return cell.trim();
}

/** Column titles such as "Symbol" / "Ticker" (then optionally "Weight"), never a ticker. */
const HEADER_WORD = /^(symbols?|tickers?|codes?|constituents?|members?|names?)$/i;

function isHeaderRow(cells: readonly CellValue[]): boolean {
  const [first, second] = cells;
  if (typeof first !== "string" || !HEADER_WORD.test(first.trim())) return false;
  return isOmitted(second) || (typeof second === "string" && !Number.isFinite(Number(second)));
}

/** One text: a preset basket by name, else a symbol (#VALUE! naming the presets when it is neither). */
function singleSymbol(text: string, resolver: SymbolResolver): BasketSpec {
  const preset = resolver.preset(text);
  if (preset) {
    return { kind: "preset", label: preset.name, members: preset.members, explicitWeights: true };
  }
  let symbol: string;
  try {
    symbol = resolver.normalize(text);
  } catch (e) {
    const names = resolver.presetNames?.() ?? [];
    if (names.length === 0) throw e;
    throw invalidValue(`${(e as Error).message}, nor a preset basket (${names.join(", ")})`);
  }
  return {
    kind: "symbol",
    label: symbol,
    members: [{ symbol, weight: 1 }],
    explicitWeights: false,
  };
}

/**
 * The `symbols` argument: one symbol ("0700.HK"), a preset name ("HSTECH"), a one-column (or one-row)
 * range of symbols (equal weights) or a two-column range of symbols and weights. Blank rows are
 * ignored; text is case-insensitive; a symbol listed twice is #VALUE!.
 */
export function parseSymbolsArg(
  value: unknown,
  resolver: SymbolResolver,
  argName = "symbols"
): BasketSpec {
  // One cell (text or a 1×1 range) is what nearly every formula passes: skip the range machinery.
  const one = Array.isArray(value) ? (value.length === 1 ? value[0] : undefined) : value;
  const cell = Array.isArray(one) ? (one.length === 1 ? one[0] : undefined) : one;
  if (typeof cell === "string" && !isOmitted(cell)) return singleSymbol(cell.trim(), resolver);

  const matrix = toMatrix(value);
  const all = matrix
    .map((cells, i) => ({ cells, row: i + 1 }))
    .filter(({ cells }) => !cells.every(isOmitted));
  // A header row ("Symbol", "Weight") is not a constituent: skip it, as the pane's selection does.
  const rows = all.length > 1 && isHeaderRow(all[0].cells) ? all.slice(1) : all;
  if (rows.length === 0) throw invalidValue(`${argName} is empty`);
  const width = Math.max(...rows.map((r) => r.cells.length));

  if (rows.length === 1 && width === 1) {
    return singleSymbol(symbolCell(rows[0].cells[0], 1), resolver);
  }

  let entries: Array<{ text: string; weight: number; row: number }>;
  const singleRowOfText =
    rows.length === 1 &&
    rows[0].cells.filter((c) => !isOmitted(c)).every((c) => typeof c === "string");
  if (width === 1 || singleRowOfText) {
    const cells = width === 1 ? rows.map((r) => ({ cell: r.cells[0], row: r.row })) : [];
    if (singleRowOfText)
      rows[0].cells.forEach((cell, i) => !isOmitted(cell) && cells.push({ cell, row: i + 1 }));
    entries = cells.map(({ cell, row }) => ({ text: symbolCell(cell, row), weight: 1, row }));
  } else if (width === 2) {
    entries = rows.map(({ cells, row }) => {
      if (isOmitted(cells[0])) throw invalidValue(`${argName}: symbol missing on row ${row}`);
      const text = symbolCell(cells[0], row);
      return { text, weight: parseWeight(cells[1], text, row), row };
    });
  } else {
    throw invalidValue(`${argName}: use one column of symbols, or two columns (symbol, weight)`);
  }

  const seen = new Set<string>();
  const members = entries.map(({ text, weight }) => {
    const symbol = resolver.normalize(text);
    if (seen.has(symbol)) throw invalidValue(`${argName}: ${symbol} is listed twice`);
    seen.add(symbol);
    return { symbol, weight };
  });
  const explicitWeights = width === 2 && !singleRowOfText;
  const label = members.length === 1 ? members[0].symbol : `custom basket (${members.length})`;
  return { kind: "range", label, members, explicitWeights };
}
