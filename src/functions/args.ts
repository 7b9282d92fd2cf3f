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

/** One date cell: an Excel serial or date text (text memoised). */
export function parseDateCell(cell: CellValue, argName: string): DayNumber {
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
