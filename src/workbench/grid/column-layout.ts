/**
 * Column widths and positions for the virtual grid. Widths are fitted to the content the way
 * Excel's AutoFit would (a character-width estimate over the first rows), clamped to a sane range.
 */
import type { SheetModel } from "../excel-sim/workbook-model";
import { cellKey } from "../excel-sim/workbook-model";
import { displayValue } from "./display-format";

export const ROW_HEIGHT = 24;
export const DEFAULT_WIDTH = 88;
const CHAR_WIDTH = 7.6;

export class ColumnLayout {
  private readonly widths: number[];
  private readonly starts: number[];

  constructor(widths: number[]) {
    this.widths = widths;
    this.starts = [0];
    for (const w of widths) this.starts.push(this.starts[this.starts.length - 1] + w);
  }

  /**
   * Fits widths to the widest text per column (texts[c] lists the shown strings of column c),
   * measured with `measure` (pixels) or estimated from the character count.
   */
  static fit(
    columnCount: number,
    texts: Map<number, string[]>,
    measure: (text: string) => number = (t) => t.length * CHAR_WIDTH
  ): ColumnLayout {
    const widths: number[] = [];
    for (let c = 0; c < columnCount; c++) {
      const widest = Math.max(0, ...(texts.get(c) ?? []).map(measure));
      widths.push(Math.min(300, Math.max(DEFAULT_WIDTH, Math.ceil(widest + 16))));
    }
    return new ColumnLayout(widths);
  }

  get count(): number {
    return this.widths.length;
  }

  get totalWidth(): number {
    return this.starts[this.starts.length - 1];
  }

  left(column: number): number {
    return this.starts[Math.min(column, this.widths.length)];
  }

  width(column: number): number {
    return this.widths[column] ?? DEFAULT_WIDTH;
  }

  /** The column at an x offset (binary search over the prefix sums). */
  columnAt(x: number): number {
    let lo = 0;
    let hi = this.widths.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= x) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

/** Whether a cell shows something (a format alone does not count). */
export function filled(sheet: SheetModel, row: number, column: number): boolean {
  const cell = sheet.cells.get(cellKey(row, column));
  return cell !== undefined && (cell.value !== "" || cell.formula !== undefined);
}

interface Rect {
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}

/**
 * The shown texts per column (first 400 rows) that should fit, and the sheet's extent. Text that
 * runs on into an empty neighbour (labels, titles) does not widen its column, except in tables.
 */
export function sheetTexts(
  sheet: SheetModel,
  tables: Rect[]
): { texts: Map<number, string[]>; maxRow: number; maxCol: number } {
  const texts = new Map<number, string[]>();
  let maxRow = 0;
  let maxCol = 0;
  for (const [key, cell] of sheet.cells) {
    const r = Math.floor(key / 16384);
    const c = key % 16384;
    maxRow = Math.max(maxRow, r);
    maxCol = Math.max(maxCol, c);
    if (r > 400) continue;
    const inTable = tables.some(
      (t) => r >= t.row && r < t.row + t.rowCount && c >= t.column && c < t.column + t.columnCount
    );
    if (typeof cell.value === "string" && !inTable && !filled(sheet, r, c + 1)) continue;
    if (!texts.has(c)) texts.set(c, []);
    texts.get(c)!.push(displayValue(cell.value, cell.numberFormat).text);
  }
  return { texts, maxRow, maxCol };
}
