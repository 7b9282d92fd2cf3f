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

/** Excel's General format: integers as is, others to about 10 significant digits. */
export function formatGeneral(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e11) return String(value);
  const abs = Math.abs(value);
  if (abs !== 0 && (abs >= 1e11 || abs < 1e-9)) return value.toExponential(4).replace("e", "E");
  return String(Number(value.toPrecision(10)));
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
