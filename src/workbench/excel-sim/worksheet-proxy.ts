/**
 * Excel.Worksheet and Excel.WorksheetCollection over the in-memory workbook.
 */
import { CellRect, MAX_COLUMNS, MAX_ROWS, parseLocalAddress, splitSheet } from "./address";
import { SimContext } from "./context";
import { factories } from "./factories";
import { RangeProxy } from "./range-proxy";
import { SimError } from "./sim-error";
import { CollectionProxy, SimObject, defineProxyProperties } from "./sim-object";
import { CellChange, SheetModel } from "./workbook-model";
import { ChartCollectionProxy } from "./chart-collection-proxy";
import { TableCollectionProxy } from "./table-proxy";

const SHEET_PROPS = ["name", "id", "position", "visibility", "isNullObject"] as const;

export class WorksheetProxy extends SimObject {
  declare name: string;
  declare readonly id: string;
  declare readonly position: number;
  declare visibility: string;
  declare readonly isNullObject: boolean;

  constructor(
    context: SimContext,
    path: string,
    readonly resolveSheet: () => SheetModel | undefined
  ) {
    super(context, path);
  }

  protected get loadableProps(): readonly string[] {
    return SHEET_PROPS;
  }

  sheet(): SheetModel {
    const s = this.resolveSheet();
    if (!s) throw new SimError("ItemNotFound", `${this.path}: the worksheet does not exist`);
    return s;
  }

  protected readProp(prop: string): unknown {
    if (prop === "isNullObject") return this.resolveSheet() === undefined;
    const s = this.resolveSheet();
    if (!s) return null;
    if (prop === "name") return s.name;
    if (prop === "id") return s.id;
    if (prop === "position") return this.context.model.sheets.indexOf(s);
    return s.visible ? "Visible" : "Hidden";
  }

  protected writeProp(prop: string, value: unknown, changes: CellChange[]): void {
    const s = this.sheet();
    if (prop === "name") this.context.model.renameSheet(s, String(value));
    else if (prop === "visibility") s.visible = value === "Visible";
    else super.writeProp(prop, value, changes);
  }

  private range(method: string, args: unknown[], rect: () => CellRect | undefined): RangeProxy {
    const path = `${this.path}.${method}(${args.map((a) => JSON.stringify(a)).join(",")})`;
    return new RangeProxy(this.context, path, () => {
      const r = rect();
      return r ? { sheet: this.sheet(), rect: r } : undefined;
    });
  }

  /** A1 address on this sheet ("A1:C3"); no address means the whole sheet. */
  getRange(address?: string): RangeProxy {
    return this.range("getRange", address === undefined ? [] : [address], () => {
      if (address === undefined)
        return { row: 0, column: 0, rowCount: MAX_ROWS, columnCount: MAX_COLUMNS };
      const { sheet, local } = splitSheet(address);
      if (sheet !== undefined && sheet.toLowerCase() !== this.sheet().name.toLowerCase())
        throw new SimError(
          "InvalidArgument",
          `${address} is not on worksheet ${this.sheet().name}`
        );
      try {
        return parseLocalAddress(local);
      } catch (e) {
        throw new SimError("InvalidArgument", (e as Error).message);
      }
    });
  }

  getRangeByIndexes(
    row: number,
    column: number,
    rowCount: number,
    columnCount: number
  ): RangeProxy {
    return this.range("getRangeByIndexes", [row, column, rowCount, columnCount], () => {
      if (row < 0 || column < 0 || rowCount < 1 || columnCount < 1)
        throw new SimError("InvalidArgument", "getRangeByIndexes needs a non-empty range");
      if (row + rowCount > MAX_ROWS || column + columnCount > MAX_COLUMNS)
        throw new SimError("InvalidArgument", "The range is outside the worksheet's grid");
      return { row, column, rowCount, columnCount };
    });
  }

  getCell(row: number, column: number): RangeProxy {
    return this.getRangeByIndexes(row, column, 1, 1);
  }

  /** The used range; on a blank sheet, the top-left cell (as Office.js documents). */
  getUsedRange(valuesOnly = false): RangeProxy {
    return this.range(
      "getUsedRange",
      [valuesOnly],
      () =>
        this.context.model.usedRect(this.sheet(), valuesOnly) ?? {
          row: 0,
          column: 0,
          rowCount: 1,
          columnCount: 1,
        }
    );
  }

  /** The used range, or a null object on a blank sheet. */
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return this.range("getUsedRangeOrNullObject", [valuesOnly], () =>
      this.context.model.usedRect(this.sheet(), valuesOnly)
    ).nullable();
  }

  activate(): void {
    this.queue("activate", [], () => {
      this.context.model.activeSheetId = this.sheet().id;
    });
  }

  /**
   * Worksheet.calculate(markAllDirty) (ExcelApi 1.6): true recalculates every formula on the sheet,
   * false only its dirty (here: volatile) ones.
   */
  calculate(markAllDirty: boolean): void {
    this.queue("calculate", [markAllDirty], (changes) => {
      changes.push({ sheet: this.sheet().name, address: "*", calculate: { markAllDirty } });
    });
  }

  delete(): void {
    this.queue("delete", [], (changes) => {
      const s = this.sheet();
      this.context.model.deleteSheet(s);
      changes.push({ sheet: s.name, address: "A1" });
    });
  }

  get tables(): TableCollectionProxy {
    return this.nav(
      "tables",
      () => new TableCollectionProxy(this.context, `${this.path}.tables`, () => this.sheet())
    );
  }

  get charts(): ChartCollectionProxy {
    return this.nav(
      "charts",
      () => new ChartCollectionProxy(this.context, `${this.path}.charts`, () => this.sheet())
    );
  }

  get freezePanes(): {
    freezeRows(n: number): void;
    freezeColumns(n: number): void;
    unfreeze(): void;
  } {
    const set = (n: number) => () => {
      this.sheet().frozenRows = n;
    };
    return {
      freezeRows: (n = 1) => this.queue("freezePanes.freezeRows", [n], set(n)),
      freezeColumns: (n = 1) => this.queue("freezePanes.freezeColumns", [n], () => undefined),
      unfreeze: () => this.queue("freezePanes.unfreeze", [], set(0)),
    };
  }
}

defineProxyProperties(WorksheetProxy, SHEET_PROPS, ["name", "visibility"]);

/** Resolves by name the first time, then by id, so a rename in the same batch keeps working. */
function byNameThenId(context: SimContext, key: string): () => SheetModel | undefined {
  let id: string | undefined;
  return () => {
    const s = id ? context.model.findSheet(id) : context.model.findSheet(key);
    if (s) id = s.id;
    return s;
  };
}

export class WorksheetCollectionProxy extends CollectionProxy<WorksheetProxy> {
  protected get itemProps(): readonly string[] {
    return SHEET_PROPS.filter((p) => p !== "isNullObject");
  }

  protected memberIds(): string[] {
    return this.context.model.sheets.map((s) => s.id);
  }

  protected memberProxy(id: string): WorksheetProxy {
    return new WorksheetProxy(this.context, `worksheets.getItem(${JSON.stringify(id)})`, () =>
      this.context.model.findSheet(id)
    );
  }

  /** Adds a sheet (default name "SheetN"); duplicates and invalid names fail at sync, as in Excel. */
  add(name?: string): WorksheetProxy {
    let createdId: string | undefined;
    this.queue("add", name === undefined ? [] : [name], (changes) => {
      const s = this.context.model.addSheet(name);
      createdId = s.id;
      changes.push({ sheet: s.name, address: "A1" });
    });
    return new WorksheetProxy(this.context, `worksheets.add(${JSON.stringify(name ?? "")})`, () => {
      if (!createdId) return undefined;
      return this.context.model.findSheet(createdId);
    });
  }

  getItem(key: string): WorksheetProxy {
    const find = byNameThenId(this.context, key);
    return new WorksheetProxy(this.context, `worksheets.getItem(${JSON.stringify(key)})`, () => {
      const s = find();
      if (!s) throw new SimError("ItemNotFound", `The worksheet "${key}" does not exist`);
      return s;
    });
  }

  getItemOrNullObject(key: string): WorksheetProxy {
    return new WorksheetProxy(
      this.context,
      `worksheets.getItemOrNullObject(${JSON.stringify(key)})`,
      byNameThenId(this.context, key)
    ).nullable();
  }

  getActiveWorksheet(): WorksheetProxy {
    let id: string | undefined;
    return new WorksheetProxy(this.context, "worksheets.getActiveWorksheet()", () => {
      id = id ?? this.context.model.activeSheetId;
      return this.context.model.findSheet(id);
    });
  }

  getFirst(): WorksheetProxy {
    return new WorksheetProxy(
      this.context,
      "worksheets.getFirst()",
      () => this.context.model.sheets[0]
    );
  }

  getLast(): WorksheetProxy {
    return new WorksheetProxy(this.context, "worksheets.getLast()", () =>
      this.context.model.sheets.at(-1)
    );
  }
}

factories.worksheet = (context, path, resolve) => new WorksheetProxy(context, path, resolve);
