/**
 * Where a formula's result goes: one value in its cell, or an array spilled right and down - unless
 * something is in the way (#SPILL!, naming the blocking cell). Clearing a spill leaves cells that
 * someone has written since. Error results keep their messages, by cell key, for the grid.
 */
import { CellError, FormulaResult, ScalarValue } from "./cell-values";
import type { CalcModel } from "./recalc-engine";
import { FormulaCell, sameRect } from "./formula-cell";
import { SheetRect } from "./formula-evaluator";
import { cellAddress, cellKey, cellRect, rectContains, rectsIntersect } from "./rects";

export class SpillPlacer {
  constructor(
    private readonly cells: ReadonlyMap<string, FormulaCell>,
    private readonly model: CalcModel,
    private readonly messages: Map<string, string>
  ) {}

  /** Writes a result: a single value in the cell, or an array spilled to the right and down. */
  place(cell: FormulaCell, result: FormulaResult): void {
    const key = cellKey(cell.sheet, cell.row, cell.column);
    let values: ScalarValue[][] | undefined;
    if (Array.isArray(result)) {
      if (result.length === 1 && result[0].length === 1) result = result[0][0];
      else values = result;
    }
    cell.blockedTarget = undefined;
    if (values) {
      const target: SheetRect = {
        sheet: cell.sheet,
        row: cell.row,
        column: cell.column,
        rowCount: values.length,
        columnCount: Math.max(...values.map((r) => r.length)),
      };
      const blocker = this.spillBlocker(cell, target);
      if (!blocker) {
        if (cell.spill && !sameRect(cell.spill, target)) this.clearSpill(cell);
        const padded = values.map((r) => [...r, ...Array(target.columnCount - r.length).fill("")]);
        cell.spill = target;
        cell.invaded.clear();
        this.model.setSpill(target, padded);
        this.model.setResult(cell.sheet, cell.row, cell.column, padded[0][0]);
        this.note(key, padded[0][0]);
        return;
      }
      cell.blockedTarget = target;
      result = new CellError("#SPILL!", `Spill range isn't blank: ${blocker} is in the way`);
    }
    if (cell.spill) this.clearSpill(cell);
    const scalar = result as ScalarValue;
    this.model.setResult(cell.sheet, cell.row, cell.column, scalar);
    this.note(key, scalar);
  }

  private note(key: string, value: ScalarValue): void {
    if (value instanceof CellError) this.messages.set(key, value.message);
    else this.messages.delete(key);
  }

  /** Clears a formula's spilled cells, leaving any that someone else has written since. */
  clearSpill(cell: FormulaCell): void {
    if (!cell.spill) return;
    const spill = cell.spill;
    cell.spill = undefined;
    if (cell.invaded.size === 0) {
      this.model.setSpill(spill, null);
    } else {
      for (let r = spill.row; r < spill.row + spill.rowCount; r++)
        for (let c = spill.column; c < spill.column + spill.columnCount; c++)
          if (!cell.invaded.has(cellKey(spill.sheet, r, c)))
            this.model.setSpill(cellRect(spill.sheet, r, c), null);
      cell.invaded.clear();
    }
    if (this.cells.has(cellKey(cell.sheet, cell.row, cell.column)))
      this.model.setResult(cell.sheet, cell.row, cell.column, null);
  }

  /** The first cell in the way of a spill (other than this formula's own spilled values), as "B4". */
  private spillBlocker(cell: FormulaCell, target: SheetRect): string | undefined {
    const others = [...this.cells.values()].filter(
      (o) => o !== cell && o.spill && rectsIntersect(o.spill, target)
    );
    for (let r = target.row; r < target.row + target.rowCount; r++)
      for (let c = target.column; c < target.column + target.columnCount; c++) {
        if (r === cell.row && c === cell.column) continue;
        const key = cellKey(cell.sheet, r, c);
        const own =
          cell.spill && rectContains(cell.spill, cell.sheet, r, c) && !cell.invaded.has(key);
        const blocked =
          this.cells.has(key) ||
          others.some((o) => rectContains(o.spill!, cell.sheet, r, c)) ||
          (!own && !this.model.isEmpty(cell.sheet, r, c));
        if (blocked) return cellAddress(cell.sheet, r, c).split("!")[1];
      }
    return undefined;
  }
}
