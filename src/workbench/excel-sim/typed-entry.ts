/**
 * What Excel makes of typed numeric text, in the en-US locale (the workbench's only locale):
 * the number and the built-in number format Excel applies to a General cell.
 * - "60%" → 0.6 "0%"; "12.5%" → 0.125 "0.00%" (a percent with decimals gets two places);
 * - "1,234" → 1234 "#,##0"; "1,234.5" → 1234.5 "#,##0.00" (groups of exactly three digits);
 * - "$1,234.5" → 1234.5 "$#,##0.00"; "$5" → 5 "$#,##0"; "(5)" and "-$5" → -5;
 * - "1e3" → 1000 "0.00E+00";
 * - dates: ISO "2025-01-02" and the short form m/d/yyyy ("1/2/2025", "1-2-2025", "1/2/25") → the
 *   1900-system serial with "m/d/yyyy"; a two-digit year 00-29 is 2000-2029 and 30-99 is 1930-1999;
 *   a date that does not exist ("2/30/2025") stays text.
 * Not handled (kept as text): times ("14:30"), month names ("2-Jan-2025"), dates without a year
 * ("1/2", which Excel reads in the current year), fractions ("0 1/2"), other currency symbols.
 */
import { dayFromYmd, excelSerialFromDay } from "../../core/dates";

export interface TypedNumber {
  value: number;
  /** The number format Excel applies, when it applies one. */
  format?: string;
}

export const DATE_ENTRY_FORMAT = "m/d/yyyy";

const NUMBER = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const GROUPED = /^\d{1,3}(,\d{3})+(\.\d*)?$/;
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const SHORT = /^(\d{1,2})([/-])(\d{1,2})\2(\d{4}|\d{2})$/;

/** The number typed text stands for, or undefined when Excel would keep it as text. */
export function parseTypedNumber(input: string): TypedNumber | undefined {
  const text = input.trim();
  return parseDate(text) ?? parseAmount(text);
}

function parseDate(text: string): TypedNumber | undefined {
  let year: number;
  let month: number;
  let day: number;
  const iso = ISO.exec(text);
  const short = iso ? null : SHORT.exec(text);
  if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (short) {
    [month, day, year] = [Number(short[1]), Number(short[3]), Number(short[4])];
    if (short[4].length === 2) year += year < 30 ? 2000 : 1900;
  } else return undefined;
  try {
    return { value: excelSerialFromDay(dayFromYmd(year, month, day)), format: DATE_ENTRY_FORMAT };
  } catch {
    return undefined; // not a calendar date, or before 1900: text, as in Excel
  }
}

/** Sign, currency, grouping, percent and exponent around a decimal number. */
function parseAmount(text: string): TypedNumber | undefined {
  let body = text;
  let negative = false;
  if (/^\(.*\)$/.test(body)) {
    negative = true;
    body = body.slice(1, -1);
  }
  const sign = /^[+-]/.exec(body);
  if (sign) {
    if (negative) return undefined;
    negative = sign[0] === "-";
    body = body.slice(1);
  }
  const currency = body.startsWith("$");
  if (currency) body = body.slice(1);
  if (!sign && currency && /^[+-]/.test(body)) {
    negative = body[0] === "-";
    body = body.slice(1);
  }
  const percent = body.endsWith("%");
  if (percent) body = body.slice(0, -1);
  if (currency && percent) return undefined;
  const grouped = GROUPED.test(body);
  const plain = NUMBER.exec(body);
  if (!grouped && !plain) return undefined;
  const digits = body.replace(/,/g, "");
  const decimals = /\.\d/.test(digits);
  // Shifting the decimal point in the text keeps "12.345%" the nearest double to 0.12345.
  const magnitude = Number(percent ? `${digits}e-2` : digits);
  if (!Number.isFinite(magnitude)) return undefined;
  const value = negative ? -magnitude : magnitude;
  if (percent) return { value, format: decimals ? "0.00%" : "0%" };
  if (currency) return { value, format: decimals ? "$#,##0.00" : "$#,##0" };
  if (grouped) return { value, format: decimals ? "#,##0.00" : "#,##0" };
  if (plain?.[2]) return { value, format: "0.00E+00" };
  return { value };
}

/**
 * How a number shows in the formula bar for editing, as Excel shows it: a percentage with "%",
 * a date in the short form, anything else as the plain number. Typing it back gives the same cell.
 */
export function entryText(value: number, numberFormat: string | undefined): string {
  const format = numberFormat ?? "General";
  if (/%$/.test(format)) return `${Number((value * 100).toPrecision(15))}%`;
  if (/y/i.test(format) && /d/i.test(format) && Number.isInteger(value) && value > 60) {
    const d = new Date(Math.round((value - 25569) * 86400000));
    return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()}`;
  }
  return String(value);
}
