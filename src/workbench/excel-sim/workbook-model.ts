/**
 * The state behind the in-memory Excel: sheets of cells, named ranges, tables, charts, selection.
 * The Office.js-style proxies (proxies.ts) read and write it inside context.sync(); the workbench grid
 * and formula engine use its public methods directly (the "model API").
 */
import {
  CellRect,
  contains,
  formatAddress,
  formatLocalAddress,
  intersects,
  parseLocalAddress,
  splitSheet,
} from "./address";
import { formatText, interpretInput } from "./value-rules";
import { SimError } from "./sim-error";
import { deleteSheetInFormula, renameSheetInFormula } from "./sheet-references";
import {
  Calculator,
  Cell,
  cellKey,
  ChangeEvent,
  ChartModel,
  FormatRecord,
  keyColumn,
  keyRow,
  NameModel,
  SheetModel,
  TableModel,
} from "./workbook-types";

export * from "./workbook-types";

const INVALID_SHEET_CHARS = /[\\/?*[\]:]/;

export class WorkbookModel {
  readonly sheets: SheetModel[] = [];
  readonly names = new Map<string, NameModel>();
  readonly tables: TableModel[] = [];
  readonly charts: ChartModel[] = [];
  readonly formatLog: FormatRecord[] = [];
  activeSheetId = "";
  selection: { sheetId: string; rect: CellRect } | undefined;
  calculator: Calculator | undefined;
  private nextId = 1;
  private listeners = new Set<(e: ChangeEvent) => void>();

  constructor(firstSheetName = "Sheet1") {
    this.addSheet(firstSheetName);
  }

  newId(prefix: string): string {
    return `{${prefix}-${this.nextId++}}`;
  }

  // ---- sheets ----

  /** Adds a sheet; name defaults to the next free "SheetN". Excel rejects duplicates and bad names. */
  addSheet(name?: string): SheetModel {
    let finalName = name;
    if (finalName === undefined) {
      let n = this.sheets.length + 1;
      while (this.findSheet(`Sheet${n}`)) n++;
      finalName = `Sheet${n}`;
    }
    this.checkSheetName(finalName);
    const sheet: SheetModel = {
      id: this.newId("sheet"),
      name: finalName,
      visible: true,
      cells: new Map(),
      frozenRows: 0,
    };
    this.sheets.push(sheet);
    if (!this.activeSheetId) this.activeSheetId = sheet.id;
    return sheet;
  }

  checkSheetName(name: string, except?: SheetModel): void {
    if (
      name.length === 0 ||
      name.length > 31 ||
      INVALID_SHEET_CHARS.test(name) ||
      /^'|'$/.test(name)
    )
      throw new SimError("InvalidArgument", `"${name}" is not a valid sheet name`);
    const clash = this.findSheet(name);
    if (clash && clash !== except)
      throw new SimError("ItemAlreadyExists", `A sheet named "${name}" already exists`);
  }

  /** Sheet by name (case-insensitive, as Excel) or id. */
  findSheet(nameOrId: string): SheetModel | undefined {
    const lower = nameOrId.toLowerCase();
    return this.sheets.find((s) => s.id === nameOrId || s.name.toLowerCase() === lower);
  }

  sheet(nameOrId: string): SheetModel {
    const s = this.findSheet(nameOrId);
    if (!s) throw new SimError("ItemNotFound", `The worksheet "${nameOrId}" does not exist`);
    return s;
  }

  /** Renames a sheet and, as Excel does, rewrites every formula that refers to it by its old name. */
  renameSheet(sheet: SheetModel, name: string): void {
    this.checkSheetName(name, sheet);
    const old = sheet.name;
    sheet.name = name;
    if (old === name) return;
    for (const s of this.sheets)
      for (const cell of s.cells.values())
        if (cell.formula) cell.formula = renameSheetInFormula(cell.formula, old, name);
  }

  /** Deletes a sheet; as in Excel, formulas elsewhere that referred to it now read #REF!. */
  deleteSheet(sheet: SheetModel): void {
    if (this.sheets.filter((s) => s.visible).length <= 1 && sheet.visible)
      throw new SimError(
        "InvalidOperation",
        "A workbook must contain at least one visible worksheet"
      );
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    for (const s of this.sheets)
      for (const cell of s.cells.values())
        if (cell.formula) cell.formula = deleteSheetInFormula(cell.formula, sheet.name);
    for (let i = this.tables.length - 1; i >= 0; i--)
      if (this.tables[i].sheetId === sheet.id) this.tables.splice(i, 1);
    for (let i = this.charts.length - 1; i >= 0; i--)
      if (this.charts[i].sheetId === sheet.id) this.charts.splice(i, 1);
    // Excel keeps such names as #REF!; the sim drops them so they cannot resolve to a dead sheet.
    for (const [k, n] of this.names) if (n.sheetId === sheet.id) this.names.delete(k);
    if (this.activeSheetId === sheet.id) this.activeSheetId = this.sheets[0].id;
    if (this.selection?.sheetId === sheet.id) this.selection = undefined;
  }

  activeSheet(): SheetModel {
    return this.sheet(this.activeSheetId);
  }

  // ---- cells ----

  /** Writes one cell as a user would type it (see value-rules.ts); returns true when something changed. */
  writeInput(sheet: SheetModel, row: number, column: number, input: unknown): boolean {
    const key = cellKey(row, column);
    const cell = sheet.cells.get(key);
    const content = interpretInput(input, cell?.numberFormat ?? "General");
    if (!content) return false;
    this.clearSpill(sheet, cell);
    const next: Cell = { value: content.value };
    if (content.formula) next.formula = content.formula;
    // Excel formats a General cell after what was typed ("60%" → "0%"); an existing format stays.
    const format = cell?.numberFormat ?? content.numberFormat;
    if (format) next.numberFormat = format;
    this.store(sheet, key, next);
    return true;
  }

  setNumberFormat(sheet: SheetModel, row: number, column: number, format: string | null): void {
    if (format === null || format === undefined) return;
    const key = cellKey(row, column);
    const cell = sheet.cells.get(key) ?? { value: "" };
    if (format === "General") delete cell.numberFormat;
    else cell.numberFormat = format;
    this.store(sheet, key, cell);
  }

  /** Clears contents and/or formats of a rectangle (Range.clear). */
  clear(sheet: SheetModel, rect: CellRect, applyTo: string = "All"): void {
    for (const [key, cell] of [...sheet.cells]) {
      const r = keyRow(key);
      const c = keyColumn(key);
      if (r < rect.row || r >= rect.row + rect.rowCount) continue;
      if (c < rect.column || c >= rect.column + rect.columnCount) continue;
      if (applyTo === "Formats") {
        delete cell.numberFormat;
        this.store(sheet, key, cell);
      } else {
        this.clearSpill(sheet, cell);
        const keepFormat = applyTo === "Contents" ? cell.numberFormat : undefined;
        this.store(
          sheet,
          key,
          keepFormat ? { value: "", numberFormat: keepFormat } : { value: "" }
        );
      }
    }
  }

  private store(sheet: SheetModel, key: number, cell: Cell): void {
    if (cell.value === "" && !cell.formula && !cell.numberFormat && !cell.spillRect)
      sheet.cells.delete(key);
    else sheet.cells.set(key, cell);
  }

  private clearSpill(sheet: SheetModel, cell: Cell | undefined): void {
    const rect = cell?.spillRect;
    if (!rect || !cell) return;
    delete cell.spillRect;
    for (let r = rect.row; r < rect.row + rect.rowCount; r++)
      for (let c = rect.column; c < rect.column + rect.columnCount; c++) {
        const k = cellKey(r, c);
        if (sheet.cells.get(k)?.spillFrom !== undefined) sheet.cells.delete(k);
      }
  }

  cellAt(sheet: SheetModel, row: number, column: number): Cell | undefined {
    return sheet.cells.get(cellKey(row, column));
  }

  /** Bounding box of non-empty cells (valuesOnly: ignore cells that only carry a format). */
  usedRect(sheet: SheetModel, valuesOnly = false): CellRect | undefined {
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    for (const [key, cell] of sheet.cells) {
      if (valuesOnly && cell.value === "" && !cell.formula) continue;
      const r = keyRow(key);
      const c = keyColumn(key);
      if (r < r0) r0 = r;
      if (r > r1) r1 = r;
      if (c < c0) c0 = c;
      if (c > c1) c1 = c;
    }
    if (r1 < 0) return undefined;
    return { row: r0, column: c0, rowCount: r1 - r0 + 1, columnCount: c1 - c0 + 1 };
  }

  // ---- tables ----

  tableByName(name: string): TableModel | undefined {
    const lower = name.toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === lower || t.id === name);
  }

  overlappingTable(sheetId: string, rect: CellRect, except?: TableModel): TableModel | undefined {
    return this.tables.find(
      (t) => t !== except && t.sheetId === sheetId && intersects(t.rect, rect)
    );
  }

  tableContaining(sheetId: string, rect: CellRect): TableModel | undefined {
    return this.tables.find((t) => t.sheetId === sheetId && contains(t.rect, rect));
  }

  /** Names must be unique across tables and named items (Excel shares one namespace). */
  checkDefinedName(name: string, except?: object): void {
    if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name))
      throw new SimError("InvalidArgument", `"${name}" is not a valid name`);
    const clashName = this.names.get(name.toUpperCase());
    const clashTable = this.tableByName(name);
    if ((clashName && clashName !== except) || (clashTable && clashTable !== except))
      throw new SimError("ItemAlreadyExists", `The name "${name}" is already used`);
  }

  // ---- change notification ----

  /** Subscribes to changes; returns the unsubscribe function. */
  onChange(listener: (e: ChangeEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: ChangeEvent): void {
    if (event.changes.length === 0) return;
    for (const l of [...this.listeners]) l(event);
  }

  // ---- helpers shared with the model API ----

  resolveAddress(
    address: string,
    defaultSheet?: SheetModel
  ): { sheet: SheetModel; rect: CellRect } {
    const { sheet, local } = splitSheet(address);
    const s = sheet !== undefined ? this.sheet(sheet) : (defaultSheet ?? this.activeSheet());
    try {
      return { sheet: s, rect: parseLocalAddress(local) };
    } catch (e) {
      throw new SimError("InvalidArgument", (e as Error).message);
    }
  }

  addressOf(sheet: SheetModel, rect: CellRect): string {
    return formatAddress(sheet.name, rect);
  }

  text(cell: Cell | undefined): string {
    return cell ? formatText(cell.value, cell.numberFormat ?? "General") : "";
  }

  localAddress(rect: CellRect): string {
    return formatLocalAddress(rect);
  }
}
