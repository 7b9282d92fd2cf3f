/**
 * Connects the calculation engine to the excel-sim workbook model: formulas are read from the
 * model's cells, results and spilled arrays are written back into them (errors as their code, like
 * Range.values in Excel; the message stays with the engine), and names resolve through the model.
 */
import { CellError, ScalarValue, isErrorCode } from "../calc/cell-values";
import type { CalcModel, FormulaCellInput } from "../calc/recalc-engine";
import type { EvaluationSource, SheetRect } from "../calc/formula-evaluator";
import { cellKey as engineKey } from "../calc/rects";
import { Cell, WorkbookModel, cellKey, keyColumn, keyRow } from "../excel-sim/workbook-model";

function toCellValue(value: ScalarValue): string | number | boolean {
  if (value instanceof CellError) return value.code;
  return value === null ? "" : value;
}

export class SimCalcModel implements CalcModel, EvaluationSource {
  /** Error messages by engine cell key, filled by the engine (shared map). */
  messages: Map<string, string> = new Map();

  constructor(readonly model: WorkbookModel) {}

  formulas(rect?: SheetRect): FormulaCellInput[] {
    const out: FormulaCellInput[] = [];
    const sheets = rect
      ? [this.model.findSheet(rect.sheet)].filter((s) => s !== undefined)
      : this.model.sheets;
    for (const sheet of sheets) {
      const consider = (key: number, cell: Cell | undefined): void => {
        if (!cell?.formula) return;
        out.push({
          sheet: sheet.name,
          row: keyRow(key),
          column: keyColumn(key),
          formula: cell.formula,
        });
      };
      if (rect && rect.rowCount * rect.columnCount < sheet.cells.size) {
        for (let r = rect.row; r < rect.row + rect.rowCount; r++)
          for (let c = rect.column; c < rect.column + rect.columnCount; c++) {
            const key = cellKey(r, c);
            consider(key, sheet.cells.get(key));
          }
      } else {
        for (const [key, cell] of sheet.cells) {
          if (rect) {
            const r = keyRow(key);
            const c = keyColumn(key);
            if (r < rect.row || r >= rect.row + rect.rowCount) continue;
            if (c < rect.column || c >= rect.column + rect.columnCount) continue;
          }
          consider(key, cell);
        }
      }
    }
    return out;
  }

  isEmpty(sheetName: string, row: number, column: number): boolean {
    const sheet = this.model.findSheet(sheetName);
    const cell = sheet?.cells.get(cellKey(row, column));
    return !cell || (cell.value === "" && !cell.formula);
  }

  setResult(sheetName: string, row: number, column: number, value: ScalarValue): void {
    const sheet = this.model.findSheet(sheetName);
    const cell = sheet?.cells.get(cellKey(row, column));
    if (cell?.formula) cell.value = toCellValue(value);
  }

  setSpill(rect: SheetRect, values: ScalarValue[][] | null): void {
    const sheet = this.model.findSheet(rect.sheet);
    if (!sheet) return;
    const anchorKey = cellKey(rect.row, rect.column);
    const anchor = sheet.cells.get(anchorKey);
    if (values === null) {
      for (let r = rect.row; r < rect.row + rect.rowCount; r++)
        for (let c = rect.column; c < rect.column + rect.columnCount; c++) {
          const key = cellKey(r, c);
          if (sheet.cells.get(key)?.spillFrom !== undefined) sheet.cells.delete(key);
        }
      if (anchor) delete anchor.spillRect;
      return;
    }
    for (let i = 0; i < values.length; i++)
      for (let j = 0; j < values[i].length; j++) {
        if (i === 0 && j === 0) continue;
        const key = cellKey(rect.row + i, rect.column + j);
        const old = sheet.cells.get(key);
        const next: Cell = { value: toCellValue(values[i][j]), spillFrom: anchorKey };
        if (old?.numberFormat) next.numberFormat = old.numberFormat;
        sheet.cells.set(key, next);
      }
    if (anchor)
      anchor.spillRect = {
        row: rect.row,
        column: rect.column,
        rowCount: rect.rowCount,
        columnCount: rect.columnCount,
      };
  }

  spillRectOf(sheetName: string, row: number, column: number): SheetRect | undefined {
    const sheet = this.model.findSheet(sheetName);
    const rect = sheet?.cells.get(cellKey(row, column))?.spillRect;
    return sheet && rect ? { sheet: sheet.name, ...rect } : undefined;
  }

  cell(sheetName: string, row: number, column: number): ScalarValue {
    const sheet = this.model.findSheet(sheetName);
    if (!sheet) return new CellError("#REF!", `There is no sheet named "${sheetName}"`);
    const cell = sheet.cells.get(cellKey(row, column));
    if (!cell || (cell.value === "" && !cell.formula)) return null;
    if (isErrorCode(cell.value))
      return new CellError(cell.value, this.messages.get(engineKey(sheetName, row, column)) ?? "");
    return cell.value;
  }

  extent(sheetName: string): { rows: number; columns: number } {
    const sheet = this.model.findSheet(sheetName);
    const used = sheet ? this.model.usedRect(sheet, true) : undefined;
    return used
      ? { rows: used.row + used.rowCount, columns: used.column + used.columnCount }
      : { rows: 1, columns: 1 };
  }

  resolveName(name: string): SheetRect | undefined {
    const item = this.model.names.get(name.toUpperCase());
    if (!item) return undefined;
    const sheet = this.model.findSheet(item.sheetId);
    return sheet ? { sheet: sheet.name, ...item.rect } : undefined;
  }

  /** Names and sheet names, to notice when formulas need their references re-resolved. */
  signature(): string {
    const names = [...this.model.names.values()].map(
      (n) =>
        `${n.name}@${n.sheetId}:${n.rect.row},${n.rect.column},${n.rect.rowCount},${n.rect.columnCount}`
    );
    return JSON.stringify([this.model.sheets.map((s) => s.name), names.sort()]);
  }
}
