/** Printing results for people (tab-separated) and machines (--json). */
import { dayFromExcelSerial, isoFromDay } from "../core/dates";

/** A CustomFunctions.Error (Excel's or the shim's) seen from outside. */
export interface ErrorValue {
  readonly code: string;
  readonly message: string;
}

/** Recognises an error value thrown or placed in a cell; reads #NUM!'s `detail` text too. */
export function asErrorValue(value: unknown): ErrorValue | undefined {
  if (!(value instanceof Error) || value.name !== "CustomFunctions.Error") return undefined;
  const e = value as Error & { code: string; detail?: string };
  return { code: e.code, message: e.message || e.detail || "" };
}

function isDateColumn(header: unknown): boolean {
  return typeof header === "string" && /^date$/i.test(header.trim());
}

function cellText(value: unknown, asDate: boolean): string {
  const err = asErrorValue(value);
  if (err) return err.code;
  if (asDate && typeof value === "number") return isoFromDay(dayFromExcelSerial(value));
  if (value === null || value === undefined) return "";
  return String(value);
}

/** Tab-separated text; a "Date" column of Excel serials prints as ISO dates. */
export function formatText(value: unknown): string {
  if (!Array.isArray(value)) return cellText(value, false);
  const rows = value as unknown[][];
  const dateCols = (rows[0] ?? []).map(isDateColumn);
  return rows.map((row) => row.map((c, j) => cellText(c, dateCols[j])).join("\t")).join("\n");
}

function jsonCell(value: unknown): unknown {
  const err = asErrorValue(value);
  return err ? { error: err.code, message: err.message } : value;
}

/** `{ function, args, value, source }`, with error cells as `{ error, message }`. */
export function formatJson(
  functionId: string,
  args: unknown[],
  value: unknown,
  source: string
): string {
  const out = Array.isArray(value)
    ? (value as unknown[][]).map((row) => row.map(jsonCell))
    : jsonCell(value);
  return JSON.stringify({ function: functionId, args, value: out, source });
}

/** The line that says where a printed number came from (e.g. "source: demo (synthetic)"). */
export function sourceLine(source: string): string {
  return `source: ${source}`;
}

/** `{ function, error: { code, message } }` */
export function formatJsonError(functionId: string | undefined, err: ErrorValue): string {
  return JSON.stringify({ function: functionId ?? null, error: err });
}
