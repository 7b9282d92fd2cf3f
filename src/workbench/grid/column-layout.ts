/**
 * Column widths and positions for the virtual grid. Widths are fitted to the content the way
 * Excel's AutoFit would (a character-width estimate over the first rows), clamped to a sane range.
 */
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
