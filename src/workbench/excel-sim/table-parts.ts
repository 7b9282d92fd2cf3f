/**
 * The parts of an Excel.Table: its rows collection and its columns, plus helpers shared with
 * table-proxy.ts (header texts, the table's sheet).
 */
import { CellRect, formatLocalAddress } from "./address";
import { SimContext } from "./context";
import { RangeProxy, RangeRef } from "./range-proxy";
import { SimError } from "./sim-error";
import { CollectionProxy, SimObject, defineProxyProperties } from "./sim-object";
import { CellChange, SheetModel, TableModel, WorkbookModel, cellKey } from "./workbook-model";

export function tableSheet(model: WorkbookModel, t: TableModel): SheetModel {
  return model.sheet(t.sheetId);
}

export function headerTexts(model: WorkbookModel, sheet: SheetModel, rect: CellRect): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (let c = 0; c < rect.columnCount; c++) {
    const cell = model.cellAt(sheet, rect.row, rect.column + c);
    let text = cell ? model.text(cell).trim() : "";
    if (text === "") text = `Column${c + 1}`;
    let unique = text;
    for (let k = 2; seen.has(unique.toLowerCase()); k++) unique = `${text}${k}`;
    seen.add(unique.toLowerCase());
    out.push(unique);
  }
  return out;
}

/** Moves a block of cells down by `by` rows (bottom first, so nothing is overwritten). */
function shiftDown(sheet: SheetModel, rect: CellRect, by: number): void {
  for (let r = rect.row + rect.rowCount - 1; r >= rect.row; r--)
    for (let c = rect.column; c < rect.column + rect.columnCount; c++) {
      const cell = sheet.cells.get(cellKey(r, c));
      sheet.cells.delete(cellKey(r, c));
      if (cell) sheet.cells.set(cellKey(r + by, c), cell);
    }
}

export class TableRowCollectionProxy extends SimObject {
  constructor(
    context: SimContext,
    path: string,
    private readonly table: () => TableModel
  ) {
    super(context, path);
  }

  protected get loadableProps(): readonly string[] {
    return ["count"];
  }

  protected readProp(): unknown {
    return this.table().rect.rowCount - 1;
  }

  get count(): number {
    return this.getLoaded("count") as number;
  }

  /**
   * Adds rows at `index` in the data body (null/undefined: at the end). The rows below the table must
   * be empty: the sim does not shift the rest of the sheet down as Excel does.
   */
  add(index?: number | null, values?: unknown[][]): void {
    this.queue("add", [index ?? null, values ?? null], (changes) => {
      const model = this.context.model;
      const t = this.table();
      const sheet = tableSheet(model, t);
      const n = values ? values.length : 1;
      const body = t.rect.rowCount - 1;
      const at = index === null || index === undefined ? body : index;
      if (at < 0 || at > body)
        throw new SimError("InvalidArgument", `Row index ${at} is outside the table`);
      if (values && values.some((row) => !Array.isArray(row) || row.length !== t.rect.columnCount))
        throw new SimError(
          "InvalidArgument",
          "The number of rows or columns in the input array doesn't match the size or dimensions of the range."
        );
      const below: CellRect = { ...t.rect, row: t.rect.row + t.rect.rowCount, rowCount: n };
      for (let r = below.row; r < below.row + n; r++)
        for (let c = below.column; c < below.column + below.columnCount; c++)
          if (model.cellAt(sheet, r, c))
            throw new SimError(
              "InvalidOperation",
              "The rows below the table are not empty; the in-memory Excel does not shift them down"
            );
      if (model.overlappingTable(sheet.id, below, t))
        throw new SimError("InvalidOperation", "A table can't overlap another table");
      const firstRow = t.rect.row + 1 + at;
      shiftDown(sheet, { ...t.rect, row: firstRow, rowCount: body - at }, n);
      t.rect = { ...t.rect, rowCount: t.rect.rowCount + n };
      for (let i = 0; i < n; i++)
        for (let c = 0; c < t.rect.columnCount; c++)
          model.writeInput(sheet, firstRow + i, t.rect.column + c, values ? values[i][c] : "");
      changes.push({ sheet: sheet.name, address: formatLocalAddress(t.rect) });
    });
  }
}

defineProxyProperties(TableRowCollectionProxy, []);

const COLUMN_PROPS = ["name", "id", "index", "values"] as const;

export class TableColumnProxy extends SimObject {
  declare name: string;
  declare readonly id: string;
  declare readonly index: number;
  declare values: unknown[][];

  constructor(
    context: SimContext,
    path: string,
    private readonly resolveColumn: () => { table: TableModel; index: number }
  ) {
    super(context, path);
  }

  protected get loadableProps(): readonly string[] {
    return COLUMN_PROPS;
  }

  private columnRect(part: "all" | "header" | "body"): RangeRef {
    const { table, index } = this.resolveColumn();
    const sheet = tableSheet(this.context.model, table);
    const base = { row: table.rect.row, column: table.rect.column + index, columnCount: 1 };
    if (part === "header") return { sheet, rect: { ...base, rowCount: 1 } };
    if (part === "body")
      return { sheet, rect: { ...base, row: base.row + 1, rowCount: table.rect.rowCount - 1 } };
    return { sheet, rect: { ...base, rowCount: table.rect.rowCount } };
  }

  protected readProp(prop: string): unknown {
    const { index } = this.resolveColumn();
    if (prop === "index") return index;
    if (prop === "id") return String(index + 1);
    const { sheet, rect } = this.columnRect(prop === "name" ? "header" : "all");
    const cells = [];
    for (let r = 0; r < rect.rowCount; r++)
      cells.push([this.context.model.cellAt(sheet, rect.row + r, rect.column)?.value ?? ""]);
    return prop === "name" ? String(cells[0][0]) : cells;
  }

  protected writeProp(prop: string, value: unknown, changes: CellChange[]): void {
    if (prop !== "name") return super.writeProp(prop, value, changes);
    const { sheet, rect } = this.columnRect("header");
    this.context.model.writeInput(sheet, rect.row, rect.column, "'" + String(value));
    changes.push({ sheet: sheet.name, address: formatLocalAddress(rect) });
  }

  getRange(): RangeProxy {
    return new RangeProxy(this.context, `${this.path}.getRange()`, () => this.columnRect("all"));
  }

  getHeaderRowRange(): RangeProxy {
    return new RangeProxy(this.context, `${this.path}.getHeaderRowRange()`, () =>
      this.columnRect("header")
    );
  }

  getDataBodyRange(): RangeProxy {
    return new RangeProxy(this.context, `${this.path}.getDataBodyRange()`, () =>
      this.columnRect("body")
    );
  }
}

defineProxyProperties(TableColumnProxy, COLUMN_PROPS, ["name"]);

export class TableColumnCollectionProxy extends CollectionProxy<TableColumnProxy> {
  constructor(
    context: SimContext,
    path: string,
    private readonly table: () => TableModel
  ) {
    super(context, path);
  }

  protected get itemProps(): readonly string[] {
    return COLUMN_PROPS;
  }

  protected memberIds(): string[] {
    return Array.from({ length: this.table().rect.columnCount }, (_, i) => String(i));
  }

  protected memberProxy(id: string): TableColumnProxy {
    return this.getItemAt(Number(id));
  }

  getItemAt(index: number): TableColumnProxy {
    return new TableColumnProxy(this.context, `${this.path}.getItemAt(${index})`, () => {
      const table = this.table();
      if (index < 0 || index >= table.rect.columnCount)
        throw new SimError("ItemNotFound", `The table has no column ${index}`);
      return { table, index };
    });
  }

  getItem(key: string | number): TableColumnProxy {
    return new TableColumnProxy(
      this.context,
      `${this.path}.getItem(${JSON.stringify(key)})`,
      () => {
        const table = this.table();
        const sheet = tableSheet(this.context.model, table);
        const names = headerTexts(this.context.model, sheet, table.rect).map((h) =>
          h.toLowerCase()
        );
        const index = typeof key === "number" ? key - 1 : names.indexOf(String(key).toLowerCase());
        if (index < 0 || index >= table.rect.columnCount)
          throw new SimError("ItemNotFound", `The table has no column "${key}"`);
        return { table, index };
      }
    );
  }

  /** Appends a column at the right (the sim supports appending only). Values include the header row. */
  add(index?: number | null, values?: unknown[][], name?: string): TableColumnProxy {
    let created = -1;
    this.queue("add", [index ?? null, values ?? null, name ?? null], (changes) => {
      const model = this.context.model;
      const t = this.table();
      if (index !== null && index !== undefined && index !== t.rect.columnCount)
        throw new SimError("InvalidArgument", "The in-memory Excel only appends table columns");
      const sheet = tableSheet(model, t);
      const col: CellRect = {
        ...t.rect,
        column: t.rect.column + t.rect.columnCount,
        columnCount: 1,
      };
      if (values && values.length !== t.rect.rowCount)
        throw new SimError(
          "InvalidArgument",
          "The number of rows or columns in the input array doesn't match the size or dimensions of the range."
        );
      if (model.overlappingTable(sheet.id, col, t))
        throw new SimError("InvalidOperation", "A table can't overlap another table");
      for (let r = 0; r < t.rect.rowCount; r++)
        if (model.cellAt(sheet, col.row + r, col.column))
          throw new SimError("InvalidOperation", "The column right of the table is not empty");
      for (let r = 1; r < t.rect.rowCount; r++)
        model.writeInput(sheet, col.row + r, col.column, values ? values[r][0] : "");
      const header = name ?? (values ? String(values[0][0]) : "");
      model.writeInput(sheet, col.row, col.column, "'" + header);
      t.rect = { ...t.rect, columnCount: t.rect.columnCount + 1 };
      const fixed = headerTexts(model, sheet, t.rect);
      model.writeInput(sheet, col.row, col.column, "'" + fixed[fixed.length - 1]);
      created = t.rect.columnCount - 1;
      changes.push({ sheet: sheet.name, address: formatLocalAddress(col) });
    });
    return new TableColumnProxy(this.context, `${this.path}.add()`, () => ({
      table: this.table(),
      index: created,
    }));
  }
}
