/**
 * Values the workbench calculation engine passes around: Excel's scalar kinds plus an error value
 * that carries the message a custom function gave (Excel shows it on hover for #VALUE! and #N/A).
 */

/** An Excel error value, e.g. #N/A, with the message that explains it. */
export class CellError {
  constructor(
    readonly code: string,
    readonly message: string = ""
  ) {}

  toString(): string {
    return this.code;
  }
}

export type ScalarValue = number | string | boolean | null | CellError;

/** A formula's result: one value, or a 2-D array that spills from the formula's cell. */
export type FormulaResult = ScalarValue | ScalarValue[][];

/** The error codes Excel can show in a cell. */
export const ERROR_CODES = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#BUSY!",
  "#CONNECT!",
  "#FIELD!",
  "#BLOCKED!",
] as const;

/** Whether a string is one of Excel's error codes (cells written with "#N/A" text hold an error). */
export function isErrorCode(text: unknown): text is string {
  return typeof text === "string" && (ERROR_CODES as readonly string[]).includes(text);
}

export function isCellError(value: unknown): value is CellError {
  return value instanceof CellError;
}
