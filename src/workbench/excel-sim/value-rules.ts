/**
 * How Excel turns what is written into `Range.values` / `Range.formulas` into cell content, and how a
 * cell shows as `Range.text`. Emulated rules (Excel parses a written string as if the user typed it):
 * - null leaves the cell unchanged (Office.js: "null input ... is ignored").
 * - a string starting with "=" becomes a formula; so does a leading "+", "-" or "@" followed by
 *   something that is not a number (Excel's Lotus-style formula entry), stored as "=+...", "=-...", "=...".
 * - a cell formatted as text ("@") keeps any string as text; a leading apostrophe stores the rest as text.
 * - numeric text becomes a number; "TRUE"/"FALSE" become booleans; "" clears the cell.
 * Date text is NOT parsed to serials (a documented gap of the sim).
 */

export type CellValue = string | number | boolean;

export interface CellContent {
  value: CellValue;
  formula?: string;
}

const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

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
  if (NUMERIC.test(input.trim())) return { value: Number(input.trim()) };
  if (/^(\+|-)./.test(input)) return { value: "", formula: "=" + input };
  if (/^@./.test(input)) return { value: "", formula: "=" + input.slice(1) };
  const upper = input.toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return { value: upper === "TRUE" };
  return { value: input };
}

/** Excel's 1900 serial of 1970-01-01, for date formats in `text`. */
const SERIAL_1970 = 25569;

function formatDate(serial: number, format: string): string {
  const d = new Date(Math.round((serial - SERIAL_1970) * 86400000));
  const yyyy = String(d.getUTCFullYear());
  const mm = String(d.getUTCMonth() + 1).padStart(2, "0");
  const dd = String(d.getUTCDate()).padStart(2, "0");
  return format.toLowerCase().replace("yyyy", yyyy).replace("mm", mm).replace("dd", dd);
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
