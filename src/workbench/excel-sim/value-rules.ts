/**
 * How Excel turns what is written into `Range.values` / `Range.formulas` into cell content, and how a
 * cell shows as `Range.text`. Emulated rules (Excel parses a written string as if the user typed it):
 * - null leaves the cell unchanged (Office.js: "null input ... is ignored").
 * - a string starting with "=" becomes a formula; so does a leading "+", "-" or "@" followed by
 *   something that is not a number (Excel's Lotus-style formula entry), stored as "=+...", "=-...", "=...".
 * - a cell formatted as text ("@") keeps any string as text; a leading apostrophe stores the rest as text.
 * - numeric text becomes a number, percentages, thousands separators, "$" amounts and dates
 *   included, with the number format Excel applies (typed-entry.ts); "TRUE"/"FALSE" become booleans;
 *   "" clears the cell.
 */
import { parseTypedNumber } from "./typed-entry";

export type CellValue = string | number | boolean;

export interface CellContent {
  value: CellValue;
  formula?: string;
  /** The number format Excel applies to a General cell for this entry ("60%" → "0%"). */
  numberFormat?: string;
}

/** Interprets one written input; undefined means "leave the cell as it is". */
export function interpretInput(input: unknown, numberFormat: string): CellContent | undefined {
  if (input === null || input === undefined) return undefined;
  if (typeof input === "number") {
    if (!Number.isFinite(input)) throw new TypeError("a cell cannot hold NaN or Infinity");
    return { value: input };
  }
  if (typeof input === "boolean") return { value: input };
  if (typeof input !== "string") throw new TypeError(`cannot write a ${typeof input} to a cell`);
  if (numberFormat === "@") return { value: input };
  if (input === "") return { value: "" };
  if (input.startsWith("'")) return { value: input.slice(1) };
  if (input.startsWith("=") && input.length > 1) return { value: "", formula: input };
  const typed = parseTypedNumber(input);
  if (typed) return typed.format ? { value: typed.value, numberFormat: typed.format } : typed;
  if (/^(\+|-)./.test(input)) return { value: "", formula: "=" + input };
  if (/^@./.test(input)) return { value: "", formula: "=" + input.slice(1) };
  const upper = input.toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return { value: upper === "TRUE" };
  return { value: input };
}

/** Excel's 1900 serial of 1970-01-01, for date formats in `text`. */
const SERIAL_1970 = 25569;

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A date serial under a date format's y, m and d codes ("yyyy-mm-dd", "m/d/yyyy", "d-mmm-yy"). */
function formatDate(serial: number, format: string): string {
  const d = new Date(Math.round((serial - SERIAL_1970) * 86400000));
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  const codes: Record<string, string> = {
    yyyy: String(year),
    yy: String(year % 100).padStart(2, "0"),
    mmm: MONTHS[month - 1],
    mm: String(month).padStart(2, "0"),
    m: String(month),
    dd: String(day).padStart(2, "0"),
    d: String(day),
  };
  return format.replace(/yyyy|yy|mmm|mm|m|dd|d/gi, (code) => codes[code.toLowerCase()] ?? code);
}

/**
 * `Range.text` for a value under a number format. Covers General, fixed decimals ("0.00", "#,##0.00"),
 * percentages ("0.00%"), ISO-like dates ("yyyy-mm-dd") and text ("@"); anything else falls back to General.
 */
export function formatText(value: CellValue, numberFormat: string): string {
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  const fmt = numberFormat || "General";
  if (/y/i.test(fmt) && /d/i.test(fmt)) return formatDate(value, fmt);
  const pct = /^0(\.(0+))?%$/.exec(fmt);
  if (pct) return (value * 100).toFixed(pct[2]?.length ?? 0) + "%";
  const fixed = /^(#,##)?0(\.(0+))?$/.exec(fmt);
  if (fixed) {
    const decimals = fixed[3]?.length ?? 0;
    const s = value.toFixed(decimals);
    if (!fixed[1]) return s;
    const [int, frac] = s.split(".");
    const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    return frac ? `${grouped}.${frac}` : grouped;
  }
  // General: up to 11 significant characters, like Excel's default column.
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(10)));
}
