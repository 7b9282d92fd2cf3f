/** Small helpers for sheet rectangles (0-based rows and columns). */
import type { SheetRect } from "./formula-evaluator";

export function sameSheet(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

export function rectsIntersect(a: SheetRect, b: SheetRect): boolean {
  return (
    sameSheet(a.sheet, b.sheet) &&
    a.row < b.row + b.rowCount &&
    b.row < a.row + a.rowCount &&
    a.column < b.column + b.columnCount &&
    b.column < a.column + a.columnCount
  );
}

export function rectContains(rect: SheetRect, sheet: string, row: number, column: number): boolean {
  return (
    sameSheet(rect.sheet, sheet) &&
    row >= rect.row &&
    row < rect.row + rect.rowCount &&
    column >= rect.column &&
    column < rect.column + rect.columnCount
  );
}

export function cellRect(sheet: string, row: number, column: number): SheetRect {
  return { sheet, row, column, rowCount: 1, columnCount: 1 };
}

/** Key of a cell, case-insensitive in the sheet name like Excel. */
export function cellKey(sheet: string, row: number, column: number): string {
  return `${sheet.toLowerCase()}\u0000${row}\u0000${column}`;
}

/** "A", "B", ... "AA" for a 0-based column. */
export function columnName(column: number): string {
  let s = "";
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** "Sheet1!B3" (quoted when the sheet name needs it), the address Excel gives a streaming call. */
export function cellAddress(sheet: string, row: number, column: number): string {
  const quoted = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${quoted}!${columnName(column)}${row + 1}`;
}
