/**
 * A1-style addresses for the in-memory Excel: column letters, cell and range parsing, formatting.
 * Rows and columns are 0-based internally, as in Office.js getRangeByIndexes.
 */

/** Excel's grid: 1,048,576 rows × 16,384 columns (XFD). */
export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

/** A rectangle of cells on one sheet (0-based, inclusive start, counts ≥ 1). */
export interface CellRect {
  readonly row: number;
  readonly column: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetters(column: number): string {
  let n = column + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** "A" → 0, "AA" → 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLUMNS = /^\$?([A-Za-z]{1,3})$/;
const ROWS = /^\$?(\d{1,7})$/;

/** Thrown for an address the sim (or Excel) cannot parse. */
export class AddressError extends Error {}

function parsePart(part: string): { row?: number; column?: number } {
  let m = CELL.exec(part);
  if (m) return { column: columnIndex(m[1]), row: Number(m[2]) - 1 };
  m = COLUMNS.exec(part);
  if (m) return { column: columnIndex(m[1]) };
  m = ROWS.exec(part);
  if (m) return { row: Number(m[1]) - 1 };
  throw new AddressError(`"${part}" is not a cell reference`);
}

/**
 * Splits "Sheet 1!A1:B2" or "'It''s'!A1" into sheet name (unquoted) and the local part.
 * Sheet is undefined when the address has none.
 */
export function splitSheet(address: string): { sheet?: string; local: string } {
  const text = address.trim();
  const bang = text.lastIndexOf("!");
  if (bang < 0) return { local: text };
  let sheet = text.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: text.slice(bang + 1) };
}

/** Parses a local address: "B3", "A1:C3", "A:C" (whole columns), "2:4" (whole rows). */
export function parseLocalAddress(local: string): CellRect {
  const [a, b = a] = local.split(":");
  const p = parsePart(a);
  const q = parsePart(b);
  const wholeColumns = p.row === undefined && q.row === undefined;
  const wholeRows = p.column === undefined && q.column === undefined;
  if ((p.row === undefined) !== (q.row === undefined)) throw new AddressError(`bad range ${local}`);
  const r0 = wholeColumns ? 0 : Math.min(p.row!, q.row!);
  const r1 = wholeColumns ? MAX_ROWS - 1 : Math.max(p.row!, q.row!);
  const c0 = wholeRows ? 0 : Math.min(p.column!, q.column!);
  const c1 = wholeRows ? MAX_COLUMNS - 1 : Math.max(p.column!, q.column!);
  if (r1 >= MAX_ROWS || c1 >= MAX_COLUMNS || r0 < 0 || c0 < 0)
    throw new AddressError(`${local} is outside the grid`);
  return { row: r0, column: c0, rowCount: r1 - r0 + 1, columnCount: c1 - c0 + 1 };
}

/** "A1" or "A1:C3" for a rectangle (no sheet, no $). */
export function formatLocalAddress(rect: CellRect): string {
  const a = columnLetters(rect.column) + (rect.row + 1);
  if (rect.rowCount === 1 && rect.columnCount === 1) return a;
  const b = columnLetters(rect.column + rect.columnCount - 1) + (rect.row + rect.rowCount);
  return `${a}:${b}`;
}

/** Quotes a sheet name the way Excel does when it has anything but letters, digits, dots, underscores. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** "Sheet1!A1:C3" (Office.js Range.address form). */
export function formatAddress(sheet: string, rect: CellRect): string {
  return `${quoteSheetName(sheet)}!${formatLocalAddress(rect)}`;
}

/** "=Sheet1!$A$1:$C$3" (the form Excel gives a NamedItem's formula/value). */
export function formatAbsoluteReference(sheet: string, rect: CellRect): string {
  const a = `$${columnLetters(rect.column)}$${rect.row + 1}`;
  const single = rect.rowCount === 1 && rect.columnCount === 1;
  const b = `$${columnLetters(rect.column + rect.columnCount - 1)}$${rect.row + rect.rowCount}`;
  return `=${quoteSheetName(sheet)}!${single ? a : `${a}:${b}`}`;
}

/** Whether two rectangles share a cell. */
export function intersects(a: CellRect, b: CellRect): boolean {
  return (
    a.row < b.row + b.rowCount &&
    b.row < a.row + a.rowCount &&
    a.column < b.column + b.columnCount &&
    b.column < a.column + a.columnCount
  );
}

/** Whether `inner` lies within `outer`. */
export function contains(outer: CellRect, inner: CellRect): boolean {
  return (
    inner.row >= outer.row &&
    inner.column >= outer.column &&
    inner.row + inner.rowCount <= outer.row + outer.rowCount &&
    inner.column + inner.columnCount <= outer.column + outer.columnCount
  );
}
