/**
 * What a cell shows: values under their number format (SheetJS SSF, shipped inside
 * fast-formula-parser, implements Excel's format codes), Excel's "General" rendering otherwise.
 */
import FormulaParser from "fast-formula-parser";
import { isErrorCode } from "../calc/cell-values";

export type CellKind = "number" | "text" | "boolean" | "error" | "empty";

export interface Displayed {
  text: string;
  kind: CellKind;
}

/** Excel's General format: integers as is, others to 10 significant digits, huge/tiny ones as 1.23457E+11. */
export function formatGeneral(value: number): string {
  const abs = Math.abs(value);
  if (Number.isInteger(value) && abs < 1e11) return String(value);
  if (abs >= 1e11 || (abs !== 0 && abs < 1e-9)) {
    const [mantissa, exponent] = value.toExponential(5).split("e");
    const e = Number(exponent);
    return `${Number(mantissa)}E${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  }
  const rounded = Number(value.toPrecision(10));
  const text = String(rounded);
  // JavaScript writes 1e-7 where Excel writes 0.0000001.
  return text.includes("e") ? rounded.toFixed(20).replace(/0+$/, "") : text;
}

/** The text and kind of a cell value under a number format. */
export function displayValue(value: unknown, numberFormat?: string): Displayed {
  if (value === "" || value === null || value === undefined) return { text: "", kind: "empty" };
  if (typeof value === "boolean") return { text: value ? "TRUE" : "FALSE", kind: "boolean" };
  if (typeof value === "string")
    return { text: value, kind: isErrorCode(value) ? "error" : "text" };
  if (typeof value === "number") {
    if (!numberFormat || numberFormat === "General")
      return { text: formatGeneral(value), kind: "number" };
    try {
      return { text: FormulaParser.SSF.format(numberFormat, value), kind: "number" };
    } catch {
      return { text: formatGeneral(value), kind: "number" };
    }
  }
  return { text: String(value), kind: "text" };
}
