/**
 * The model API: how the workbench grid, its formula engine and tests read and write the in-memory
 * workbook without going through Excel.run. Writes here notify onChange listeners with source "model";
 * setCalculatedValue (formula results) notifies nobody, so recalculation cannot loop.
 */
import { CellRect, columnLetters, formatLocalAddress } from "./address";
import { SimError } from "./sim-error";
import { CellValue } from "./value-rules";
import {
  Calculator,
  ChangeEvent,
  ChartModel,
  SheetModel,
  TableModel,
  WorkbookModel,
  cellKey,
  keyColumn,
  keyRow,
} from "./workbook-model";

export interface CellSnapshot {
  readonly value: CellValue;
  /** The formula text ("=A1+1") when the cell holds one. */
  readonly formula?: string;
  readonly numberFormat: string;
  readonly text: string;
}

export interface FormulaCell {
  readonly sheet: string;
  readonly row: number;
  readonly column: number;
  readonly address: string;
  readonly formula: string;
}

export class ModelApi {
  constructor(readonly model: WorkbookModel) {}

  /** Sheet names in tab order. */
  listSheets(): string[] {
    return this.model.sheets.map((s) => s.name);
  }

  activeSheetName(): string {
    return this.model.activeSheet().name;
  }

  setActiveSheet(name: string): void {
    this.model.activeSheetId = this.model.sheet(name).id;
  }

  addSheet(name?: string): string {
    const s = this.model.addSheet(name);
    this.model.emit({ source: "model", changes: [{ sheet: s.name, address: "A1" }] });
    return s.name;
  }

  /** Renames a sheet; formulas that refer to it follow (see WorkbookModel.renameSheet). */
  renameSheet(name: string, newName: string): void {
    const s = this.model.sheet(name);
    this.model.renameSheet(s, newName);
    this.model.emit({ source: "model", changes: [{ sheet: s.name, address: "A1" }] });
  }

  /** Deletes a sheet; formulas that referred to it read #REF! (see WorkbookModel.deleteSheet). */
  deleteSheet(name: string): void {
    const s = this.model.sheet(name);
    this.model.deleteSheet(s);
    this.model.emit({ source: "model", changes: [{ sheet: s.name, address: "A1" }] });
  }

  /** One cell ("B3") of a sheet. */
  getCell(sheet: string, address: string): CellSnapshot {
    const { sheet: s, rect } = this.model.resolveAddress(address, this.model.sheet(sheet));
    const cell = this.model.cellAt(s, rect.row, rect.column);
    return {
      value: cell?.value ?? "",
      ...(cell?.formula ? { formula: cell.formula } : {}),
      numberFormat: cell?.numberFormat ?? "General",
      text: this.model.text(cell),
    };
  }

  /** Values of a range ("A1:C3"), row-major. */
  getValues(sheet: string, address: string): CellValue[][] {
    const { sheet: s, rect } = this.model.resolveAddress(address, this.model.sheet(sheet));
    const out: CellValue[][] = [];
    for (let r = 0; r < rect.rowCount; r++) {
      const row: CellValue[] = [];
      for (let c = 0; c < rect.columnCount; c++)
        row.push(this.model.cellAt(s, rect.row + r, rect.column + c)?.value ?? "");
      out.push(row);
    }
    return out;
  }

  /** Writes a cell as a user typing into the grid would ("=..." is a formula); notifies listeners. */
  setCell(sheet: string, address: string, input: string | number | boolean | null): void {
    const { sheet: s, rect } = this.model.resolveAddress(address, this.model.sheet(sheet));
    this.model.writeInput(s, rect.row, rect.column, input === null ? "" : input);
    this.model.emit({
      source: "model",
      changes: [{ sheet: s.name, address: formatLocalAddress(rect) }],
    });
  }

  setNumberFormat(sheet: string, address: string, format: string): void {
    const { sheet: s, rect } = this.model.resolveAddress(address, this.model.sheet(sheet));
    for (let r = 0; r < rect.rowCount; r++)
      for (let c = 0; c < rect.columnCount; c++)
        this.model.setNumberFormat(s, rect.row + r, rect.column + c, format);
  }

  /**
   * Stores a formula's result. A 2-D array spills from the anchor like a dynamic array; if the spill
   * area is blocked by other content the anchor shows "#SPILL!". Does not notify listeners.
   */
  setCalculatedValue(
    sheet: string,
    row: number,
    column: number,
    result: CellValue | CellValue[][]
  ): void {
    const s = this.model.sheet(sheet);
    const anchorKey = cellKey(row, column);
    const anchor = s.cells.get(anchorKey);
    if (!anchor?.formula)
      throw new SimError(
        "InvalidArgument",
        `${sheet}!${columnLetters(column)}${row + 1} holds no formula`
      );
    this.clearSpill(s, anchor);
    if (!Array.isArray(result)) {
      anchor.value = result;
      return;
    }
    const rows = result.length;
    const cols = rows > 0 ? result[0].length : 0;
    if (rows === 0 || cols === 0) {
      anchor.value = "#CALC!";
      return;
    }
    const rect: CellRect = { row, column, rowCount: rows, columnCount: cols };
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++) {
        if (r === 0 && c === 0) continue;
        if (s.cells.has(cellKey(row + r, column + c))) {
          anchor.value = "#SPILL!";
          return;
        }
      }
    anchor.value = result[0][0];
    anchor.spillRect = rect;
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++)
        if (r !== 0 || c !== 0)
          s.cells.set(cellKey(row + r, column + c), { value: result[r][c], spillFrom: anchorKey });
  }

  private clearSpill(s: SheetModel, anchor: { spillRect?: CellRect }): void {
    const rect = anchor.spillRect;
    if (!rect) return;
    delete anchor.spillRect;
    for (let r = rect.row; r < rect.row + rect.rowCount; r++)
      for (let c = rect.column; c < rect.column + rect.columnCount; c++) {
        const k = cellKey(r, c);
        if (s.cells.get(k)?.spillFrom !== undefined) s.cells.delete(k);
      }
  }

  /** Every formula cell, sheet by sheet, row-major. */
  formulaCells(): FormulaCell[] {
    const out: FormulaCell[] = [];
    for (const s of this.model.sheets) {
      const keys = [...s.cells.keys()].filter((k) => s.cells.get(k)!.formula).sort((a, b) => a - b);
      for (const k of keys) {
        const row = keyRow(k);
        const column = keyColumn(k);
        out.push({
          sheet: s.name,
          row,
          column,
          address: `${columnLetters(column)}${row + 1}`,
          formula: s.cells.get(k)!.formula!,
        });
      }
    }
    return out;
  }

  /** Used area of a sheet ("A1:D20"), or undefined when blank. */
  usedAddress(sheet: string): string | undefined {
    const rect = this.model.usedRect(this.model.sheet(sheet));
    return rect ? formatLocalAddress(rect) : undefined;
  }

  /** A workbook-scoped name → its sheet and local address, or undefined. */
  resolveName(name: string): { sheet: string; address: string } | undefined {
    const n = this.model.names.get(name.toUpperCase());
    if (!n) return undefined;
    const s = this.model.findSheet(n.sheetId);
    return s ? { sheet: s.name, address: formatLocalAddress(n.rect) } : undefined;
  }

  /** Defines (or redefines) a workbook-scoped name. */
  defineName(name: string, sheet: string, address: string): void {
    const { sheet: s, rect } = this.model.resolveAddress(address, this.model.sheet(sheet));
    const existing = this.model.names.get(name.toUpperCase());
    if (!existing) this.model.checkDefinedName(name);
    this.model.names.set(name.toUpperCase(), { name, sheetId: s.id, rect, comment: "" });
  }

  listNames(): { name: string; sheet: string; address: string }[] {
    return [...this.model.names.values()].map((n) => ({
      name: n.name,
      sheet: this.model.sheet(n.sheetId).name,
      address: formatLocalAddress(n.rect),
    }));
  }

  listTables(): (Omit<TableModel, "rect" | "sheetId"> & { sheet: string; address: string })[] {
    return this.model.tables.map((t) => ({
      id: t.id,
      name: t.name,
      style: t.style,
      sheet: this.model.sheet(t.sheetId).name,
      address: formatLocalAddress(t.rect),
    }));
  }

  listCharts(): (Pick<
    ChartModel,
    "id" | "name" | "chartType" | "seriesBy" | "title" | "series" | "position"
  > & {
    sheet: string;
    sourceAddress: string;
  })[] {
    return this.model.charts.map((c) => ({
      id: c.id,
      name: c.name,
      chartType: c.chartType,
      seriesBy: c.seriesBy,
      title: c.title,
      series: c.series.map((s) => ({ ...s })),
      position: { ...c.position },
      sheet: this.model.sheet(c.sheetId).name,
      sourceAddress: this.model.addressOf(this.model.sheet(c.sourceSheetId), c.sourceRect),
    }));
  }

  /** Sets the grid selection that workbook.getSelectedRange() returns. */
  setSelection(sheet: string, address: string): void {
    const { sheet: s, rect } = this.model.resolveAddress(address, this.model.sheet(sheet));
    this.model.selection = { sheetId: s.id, rect };
    this.model.activeSheetId = s.id;
  }

  /** Subscribes to changes (after each sync, and after model-API writes); returns the unsubscribe. */
  onChange(listener: (event: ChangeEvent) => void): () => void {
    return this.model.onChange(listener);
  }

  /** Installs the recalculation hook that sync awaits after writes (see Calculator). */
  setCalculator(calculator: Calculator | undefined): void {
    this.model.calculator = calculator;
  }
}
