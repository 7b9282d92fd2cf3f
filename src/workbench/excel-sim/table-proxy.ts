/**
 * Excel.Table, its rows and columns, and the workbook / worksheet table collections.
 * Tables are created with hasHeaders = true (the sim does not emulate Excel inserting a header row
 * for hasHeaders = false; it rejects that call with a clear error).
 */
import { CellRect, formatLocalAddress } from "./address";
import { SimContext } from "./context";
import { factories } from "./factories";
import { RangeProxy, RangeRef } from "./range-proxy";
import { SimError } from "./sim-error";
import { CollectionProxy, SimObject, defineProxyProperties } from "./sim-object";
import { CellChange, SheetModel, TableModel } from "./workbook-model";
import {
  TableColumnCollectionProxy,
  TableRowCollectionProxy,
  headerTexts,
  tableSheet,
} from "./table-parts";

const TABLE_PROPS = ["name", "id", "showHeaders", "showTotals", "style", "isNullObject"] as const;

export class TableProxy extends SimObject {
  declare name: string;
  declare readonly id: string;
  declare readonly showHeaders: boolean;
  declare showTotals: boolean;
  declare style: string;
  declare readonly isNullObject: boolean;

  constructor(
    context: SimContext,
    path: string,
    readonly resolveTable: () => TableModel | undefined
  ) {
    super(context, path);
  }

  protected get loadableProps(): readonly string[] {
    return TABLE_PROPS;
  }

  table(): TableModel {
    const t = this.resolveTable();
    if (!t) throw new SimError("ItemNotFound", `${this.path}: the table does not exist`);
    return t;
  }

  protected readProp(prop: string): unknown {
    if (prop === "isNullObject") return this.resolveTable() === undefined;
    const t = this.resolveTable();
    if (!t) return null;
    if (prop === "name") return t.name;
    if (prop === "id") return t.id;
    if (prop === "showHeaders") return true;
    if (prop === "showTotals") return false;
    return t.style;
  }

  protected writeProp(prop: string, value: unknown, changes: CellChange[]): void {
    const t = this.table();
    if (prop === "name") {
      this.context.model.checkDefinedName(String(value), t);
      t.name = String(value);
    } else if (prop === "style") t.style = String(value);
    else if (prop === "showTotals") {
      if (value) throw new SimError("InvalidOperation", "The sim does not model table total rows");
    } else super.writeProp(prop, value, changes);
  }

  private part(method: string, rect: (t: TableModel) => CellRect): RangeProxy {
    return new RangeProxy(this.context, `${this.path}.${method}()`, (): RangeRef => {
      const t = this.table();
      return { sheet: tableSheet(this.context.model, t), rect: rect(t) };
    });
  }

  getRange(): RangeProxy {
    return this.part("getRange", (t) => t.rect);
  }

  getHeaderRowRange(): RangeProxy {
    return this.part("getHeaderRowRange", (t) => ({ ...t.rect, rowCount: 1 }));
  }

  getDataBodyRange(): RangeProxy {
    return this.part("getDataBodyRange", (t) => ({
      ...t.rect,
      row: t.rect.row + 1,
      rowCount: t.rect.rowCount - 1,
    }));
  }

  get rows(): TableRowCollectionProxy {
    return this.nav(
      "rows",
      () => new TableRowCollectionProxy(this.context, `${this.path}.rows`, () => this.table())
    );
  }

  get columns(): TableColumnCollectionProxy {
    return this.nav(
      "columns",
      () => new TableColumnCollectionProxy(this.context, `${this.path}.columns`, () => this.table())
    );
  }

  get worksheet(): unknown {
    return this.nav("worksheet", () =>
      factories.worksheet(this.context, `${this.path}.worksheet`, () =>
        tableSheet(this.context.model, this.table())
      )
    );
  }

  /** Removes the table and its cells' contents. */
  delete(): void {
    this.queue("delete", [], (changes) => {
      const t = this.table();
      const sheet = tableSheet(this.context.model, t);
      this.context.model.clear(sheet, t.rect, "All");
      this.context.model.tables.splice(this.context.model.tables.indexOf(t), 1);
      changes.push({ sheet: sheet.name, address: formatLocalAddress(t.rect) });
    });
  }

  /** Keeps the cells, drops the table object. */
  convertToRange(): RangeProxy {
    let rect: CellRect | undefined;
    let sheet: SheetModel | undefined;
    this.queue("convertToRange", [], () => {
      const t = this.table();
      rect = t.rect;
      sheet = tableSheet(this.context.model, t);
      this.context.model.tables.splice(this.context.model.tables.indexOf(t), 1);
    });
    return new RangeProxy(this.context, `${this.path}.convertToRange()`, () =>
      sheet && rect ? { sheet, rect } : undefined
    );
  }
}

defineProxyProperties(TableProxy, TABLE_PROPS, ["name", "style", "showTotals"]);

export class TableCollectionProxy extends CollectionProxy<TableProxy> {
  constructor(
    context: SimContext,
    path: string,
    /** Set for worksheet.tables; undefined for workbook.tables. */
    private readonly scope?: () => SheetModel
  ) {
    super(context, path);
  }

  protected get itemProps(): readonly string[] {
    return TABLE_PROPS.filter((p) => p !== "isNullObject");
  }

  protected memberIds(): string[] {
    const sheetId = this.scope?.().id;
    return this.context.model.tables
      .filter((t) => !sheetId || t.sheetId === sheetId)
      .map((t) => t.id);
  }

  protected memberProxy(id: string): TableProxy {
    return new TableProxy(this.context, `tables.getItem(${JSON.stringify(id)})`, () =>
      this.context.model.tables.find((t) => t.id === id)
    );
  }

  /** Creates a table over `address` (a Range or "A1:C10"/"Sheet!A1:C10"); the first row is the header. */
  add(address: string | RangeProxy, hasHeaders: boolean): TableProxy {
    let createdId: string | undefined;
    const arg = typeof address === "string" ? address : "(range)";
    this.queue("add", [arg, hasHeaders], (changes) => {
      const model = this.context.model;
      if (!hasHeaders)
        throw new SimError(
          "InvalidArgument",
          "The in-memory Excel only supports tables.add(range, true) (a header row in the range)"
        );
      let ref: RangeRef;
      if (typeof address === "string") {
        ref = model.resolveAddress(address, this.scope?.() ?? model.activeSheet());
        if (this.scope && ref.sheet !== this.scope())
          throw new SimError("InvalidArgument", `${address} is not on this worksheet`);
      } else ref = address.ref();
      const rect = ref.rect.rowCount === 1 ? { ...ref.rect, rowCount: 2 } : ref.rect;
      if (model.overlappingTable(ref.sheet.id, rect))
        throw new SimError("InvalidOperation", "A table can't overlap another table");
      const headers = headerTexts(model, ref.sheet, rect);
      headers.forEach((h, c) => model.writeInput(ref.sheet, rect.row, rect.column + c, "'" + h));
      let n = 1;
      while (model.tableByName(`Table${n}`) || model.names.has(`TABLE${n}`)) n++;
      const table: TableModel = {
        id: model.newId("table"),
        name: `Table${n}`,
        sheetId: ref.sheet.id,
        rect,
        style: "TableStyleMedium2",
      };
      model.tables.push(table);
      createdId = table.id;
      changes.push({ sheet: ref.sheet.name, address: formatLocalAddress(rect) });
    });
    return new TableProxy(this.context, `tables.add(${JSON.stringify(arg)})`, () =>
      this.context.model.tables.find((t) => t.id === createdId)
    );
  }

  getItem(key: string): TableProxy {
    return new TableProxy(this.context, `tables.getItem(${JSON.stringify(key)})`, () => {
      const t = this.context.model.tableByName(key);
      if (!t) throw new SimError("ItemNotFound", `The table "${key}" does not exist`);
      return t;
    });
  }

  getItemOrNullObject(key: string): TableProxy {
    return new TableProxy(this.context, `tables.getItemOrNullObject(${JSON.stringify(key)})`, () =>
      this.context.model.tableByName(key)
    ).nullable();
  }
}
