/**
 * A formula cell in the calculation chain and the pure rules over it: the cells its result occupies,
 * the order to evaluate a set of formulas in (precedents first), and which cells of its spill range
 * someone else has written.
 */
import type { SheetRect } from "./formula-evaluator";
import { cellKey, cellRect, rectsIntersect } from "./rects";

/** A formula cell as the model reports it. */
export interface FormulaCellInput {
  sheet: string;
  row: number;
  column: number;
  formula: string;
}

/** A formula cell with what the engine knows about it. */
export interface FormulaCell extends FormulaCellInput {
  precedents: SheetRect[];
  /** Where the current array result spills (anchor included). */
  spill?: SheetRect;
  /** Where the last array result wanted to spill but was blocked (#SPILL!). */
  blockedTarget?: SheetRect;
  /** Cells of the spill range someone else has since written (keys). */
  invaded: Set<string>;
}

/** The cells a formula's result occupies: its spill range, or its own cell. */
export function outputRect(cell: FormulaCell): SheetRect {
  return cell.spill ?? cellRect(cell.sheet, cell.row, cell.column);
}

/**
 * Precedents first, in levels (Kahn's algorithm): the formulas of one level do not read each other,
 * so they can be evaluated at the same time, as Excel runs async functions concurrently. Formulas
 * left in a cycle are returned apart.
 */
export function dependencyOrder(dirty: Set<FormulaCell>): {
  levels: FormulaCell[][];
  cyclic: FormulaCell[];
} {
  const list = [...dirty];
  const users = new Map<FormulaCell, FormulaCell[]>();
  const remaining = new Map<FormulaCell, number>();
  for (const f of list) {
    const preds = list.filter(
      (g) => g !== f && f.precedents.some((p) => rectsIntersect(p, outputRect(g)))
    );
    remaining.set(f, preds.length);
    for (const g of preds) users.set(g, [...(users.get(g) ?? []), f]);
  }
  const levels: FormulaCell[][] = [];
  let ready = list.filter((f) => remaining.get(f) === 0);
  const done = new Set<FormulaCell>();
  while (ready.length > 0) {
    levels.push(ready);
    const next: FormulaCell[] = [];
    for (const f of ready) {
      done.add(f);
      for (const u of users.get(f) ?? []) {
        const n = remaining.get(u)! - 1;
        remaining.set(u, n);
        if (n === 0) next.push(u);
      }
    }
    ready = next;
  }
  return { levels, cyclic: list.filter((f) => !done.has(f)) };
}

/** Records which cells of a spill range were written by someone else and now hold something. */
export function noteInvasion(
  cell: FormulaCell,
  rect: SheetRect,
  isEmpty: (row: number, column: number) => boolean
): void {
  const spill = cell.spill!;
  const r0 = Math.max(spill.row, rect.row);
  const r1 = Math.min(spill.row + spill.rowCount, rect.row + rect.rowCount);
  const c0 = Math.max(spill.column, rect.column);
  const c1 = Math.min(spill.column + spill.columnCount, rect.column + rect.columnCount);
  for (let r = r0; r < r1; r++)
    for (let c = c0; c < c1; c++) {
      if (r === cell.row && c === cell.column) continue;
      const key = cellKey(cell.sheet, r, c);
      if (isEmpty(r, c)) cell.invaded.delete(key);
      else cell.invaded.add(key);
    }
}

/** Whether two rectangles are the same (or both absent). */
export function sameRect(a: SheetRect | undefined, b: SheetRect | undefined): boolean {
  if (!a || !b) return a === b;
  return (
    a.row === b.row &&
    a.column === b.column &&
    a.rowCount === b.rowCount &&
    a.columnCount === b.columnCount &&
    a.sheet.toLowerCase() === b.sheet.toLowerCase()
  );
}
