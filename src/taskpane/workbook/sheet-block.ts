/**
 * One output sheet as data: a header block (title and label/value lines stating source, as-of,
 * currency, synthetic) above a table. Builders produce blocks; sheet-writer.ts writes them.
 *
 * Layout (1-based rows): 1 title; 2.. info lines (label in A, value in B); one blank row; the table's
 * header row; its body.
 */
export type CellInput = string | number | boolean | null;

export interface InfoLine {
  readonly label: string;
  readonly value: CellInput;
  /** Number format of the value cell (e.g. "yyyy-mm-dd"). */
  readonly format?: string;
}

export interface SheetBlock {
  /** Name without the prefix: "Prices", "Returns", "Performance", "Summary". */
  readonly baseName: string;
  readonly title: string;
  readonly info: readonly InfoLine[];
  /** Table header texts (outside text: written as text). */
  readonly columns: readonly string[];
  readonly rows: readonly CellInput[][];
  /** Number format per column (undefined: General). */
  readonly formats: readonly (string | undefined)[];
  /** Columns whose strings are outside text (symbols, names): written as text, never as formulas. */
  readonly textColumns: readonly boolean[];
  /** Columns whose strings are formulas this add-in built (live CNTECH formulas). */
  readonly formulaColumns?: readonly boolean[];
  /** Table name stem, e.g. "CNTech_Prices" (made unique at write time). */
  readonly tableName: string;
}

export interface BlockLayout {
  /** 1-based row of info line i. */
  infoRow(i: number): number;
  /** 1-based row of the table header. */
  readonly headerRow: number;
  /** 1-based row of the first body row. */
  readonly firstBodyRow: number;
}

export function layoutOf(block: Pick<SheetBlock, "info">): BlockLayout {
  const headerRow = block.info.length + 3;
  return { infoRow: (i) => i + 2, headerRow, firstBodyRow: headerRow + 1 };
}

/** Column letters for a 0-based index (0 → A). */
export function colLetter(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
