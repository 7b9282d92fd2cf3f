/**
 * Excel.Range for the in-memory workbook: values / formulas / numberFormat / text and the geometry
 * properties, resolved lazily at sync time like Office.js object paths.
 */
import { CellRect, MAX_COLUMNS, MAX_ROWS, formatLocalAddress } from "./address";
import { SimContext } from "./context";
import { SimError } from "./sim-error";
import { SimObject, defineProxyProperties, recorder } from "./sim-object";
import { CellChange, SheetModel, cellKey } from "./workbook-model";
import { factories } from "./factories";

export interface RangeRef {
  readonly sheet: SheetModel;
  readonly rect: CellRect;
}

const RANGE_PROPS = [
  "address",
  "addressLocal",
  "rowCount",
  "columnCount",
  "rowIndex",
  "columnIndex",
  "cellCount",
  "values",
  "formulas",
  "numberFormat",
  "text",
  "valueTypes",
  "isNullObject",
] as const;

const ERROR_VALUES = new Set([
  "#VALUE!",
  "#N/A",
  "#NUM!",
  "#DIV/0!",
  "#NAME?",
  "#REF!",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#BUSY!",
  "#CONNECT!",
  "#GETTING_DATA",
]);

const DIMENSION_MESSAGE =
  "The number of rows or columns in the input array doesn't match the size or dimensions of the range.";

/** Calls fn per cell with the matching input; a non-array input applies to every cell (as Office.js). */
function forEachInput(
  rect: CellRect,
  input: unknown,
  fn: (row: number, column: number, value: unknown) => void
): void {
  if (!Array.isArray(input)) {
    for (let r = 0; r < rect.rowCount; r++)
      for (let c = 0; c < rect.columnCount; c++) fn(rect.row + r, rect.column + c, input);
    return;
  }
  if (input.length !== rect.rowCount) throw new SimError("InvalidArgument", DIMENSION_MESSAGE);
  for (let r = 0; r < rect.rowCount; r++) {
    const row = input[r];
    if (!Array.isArray(row) || row.length !== rect.columnCount)
      throw new SimError("InvalidArgument", DIMENSION_MESSAGE);
    for (let c = 0; c < rect.columnCount; c++) fn(rect.row + r, rect.column + c, row[c]);
  }
}

function checkRect(rect: CellRect): CellRect {
  if (
    rect.row < 0 ||
    rect.column < 0 ||
    rect.rowCount < 1 ||
    rect.columnCount < 1 ||
    rect.row + rect.rowCount > MAX_ROWS ||
    rect.column + rect.columnCount > MAX_COLUMNS
  )
    throw new SimError("InvalidArgument", "The range is outside the worksheet's grid");
  return rect;
}

export class RangeProxy extends SimObject {
  declare readonly address: string;
  declare readonly addressLocal: string;
  declare readonly rowCount: number;
  declare readonly columnCount: number;
  declare readonly rowIndex: number;
  declare readonly columnIndex: number;
  declare readonly cellCount: number;
  declare values: unknown[][];
  declare formulas: unknown[][];
  declare numberFormat: unknown[][];
  declare readonly text: string[][];
  declare readonly valueTypes: string[][];
  declare readonly isNullObject: boolean;

  constructor(
    context: SimContext,
    path: string,
    /** Undefined means a null object (…OrNullObject methods). */
    readonly resolveRef: () => RangeRef | undefined
  ) {
    super(context, path);
  }

  protected get loadableProps(): readonly string[] {
    return RANGE_PROPS;
  }

  ref(): RangeRef {
    const r = this.resolveRef();
    if (!r) throw new SimError("ItemNotFound", `${this.path} is a null object`);
    return r;
  }

  protected readProp(prop: string): unknown {
    if (prop === "isNullObject") return this.resolveRef() === undefined;
    const ref = this.resolveRef();
    if (!ref) return null;
    const { sheet, rect } = ref;
    const model = this.context.model;
    switch (prop) {
      case "address":
        return model.addressOf(sheet, rect);
      case "addressLocal":
        return model.addressOf(sheet, rect);
      case "rowCount":
        return rect.rowCount;
      case "columnCount":
        return rect.columnCount;
      case "rowIndex":
        return rect.row;
      case "columnIndex":
        return rect.column;
      case "cellCount":
        return rect.rowCount * rect.columnCount;
    }
    const grid: unknown[][] = [];
    for (let r = 0; r < rect.rowCount; r++) {
      const row: unknown[] = new Array(rect.columnCount);
      for (let c = 0; c < rect.columnCount; c++) {
        const cell = sheet.cells.get(cellKey(rect.row + r, rect.column + c));
        if (prop === "values") row[c] = cell?.value ?? "";
        else if (prop === "formulas") row[c] = cell?.formula ?? cell?.value ?? "";
        else if (prop === "numberFormat") row[c] = cell?.numberFormat ?? "General";
        else if (prop === "text") row[c] = model.text(cell);
        else row[c] = valueType(cell?.value ?? "");
      }
      grid.push(row);
    }
    return grid;
  }

  protected writeProp(prop: string, value: unknown, changes: CellChange[]): void {
    const { sheet, rect } = this.ref();
    const model = this.context.model;
    if (prop === "values" || prop === "formulas") {
      validateShape(rect, value);
      forEachInput(rect, value, (r, c, v) => model.writeInput(sheet, r, c, v));
    } else if (prop === "numberFormat") {
      validateShape(rect, value);
      forEachInput(rect, value, (r, c, v) => model.setNumberFormat(sheet, r, c, v as string));
    } else {
      super.writeProp(prop, value, changes);
    }
    changes.push({ sheet: sheet.name, address: formatLocalAddress(rect) });
  }

  private derived(method: string, args: unknown[], make: (ref: RangeRef) => CellRect): RangeProxy {
    const path = `${this.path}.${method}(${args.map((a) => JSON.stringify(a)).join(",")})`;
    return new RangeProxy(this.context, path, () => {
      const ref = this.ref();
      return { sheet: ref.sheet, rect: checkRect(make(ref)) };
    });
  }

  getCell(row: number, column: number): RangeProxy {
    return this.derived("getCell", [row, column], ({ rect }) => ({
      row: rect.row + row,
      column: rect.column + column,
      rowCount: 1,
      columnCount: 1,
    }));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): RangeProxy {
    return this.derived("getOffsetRange", [rowOffset, columnOffset], ({ rect }) => ({
      ...rect,
      row: rect.row + rowOffset,
      column: rect.column + columnOffset,
    }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    return this.derived("getResizedRange", [deltaRows, deltaColumns], ({ rect }) => ({
      ...rect,
      rowCount: rect.rowCount + deltaRows,
      columnCount: rect.columnCount + deltaColumns,
    }));
  }

  getRow(index: number): RangeProxy {
    return this.derived("getRow", [index], ({ rect }) => ({
      ...rect,
      row: rect.row + index,
      rowCount: 1,
    }));
  }

  getColumn(index: number): RangeProxy {
    return this.derived("getColumn", [index], ({ rect }) => ({
      ...rect,
      column: rect.column + index,
      columnCount: 1,
    }));
  }

  getLastRow(): RangeProxy {
    return this.derived("getLastRow", [], ({ rect }) => ({
      ...rect,
      row: rect.row + rect.rowCount - 1,
      rowCount: 1,
    }));
  }

  clear(applyTo: string = "All"): void {
    this.queue("clear", [applyTo], (changes) => {
      const { sheet, rect } = this.ref();
      this.context.model.clear(sheet, rect, applyTo);
      changes.push({ sheet: sheet.name, address: formatLocalAddress(rect) });
    });
  }

  select(): void {
    this.queue("select", [], () => {
      const { sheet, rect } = this.ref();
      this.context.model.selection = { sheetId: sheet.id, rect };
      this.context.model.activeSheetId = sheet.id;
    });
  }

  get format(): unknown {
    return this.nav("format", () =>
      recorder(this.context, "format", () => {
        const { sheet, rect } = this.ref();
        return { sheet: sheet.name, address: formatLocalAddress(rect) };
      })
    );
  }

  get worksheet(): unknown {
    return this.nav("worksheet", () =>
      factories.worksheet(this.context, `${this.path}.worksheet`, () => this.ref().sheet)
    );
  }
}

function validateShape(rect: CellRect, value: unknown): void {
  if (Array.isArray(value)) forEachInput(rect, value, () => undefined);
}

function valueType(v: unknown): string {
  if (v === "") return "Empty";
  if (typeof v === "boolean") return "Boolean";
  if (typeof v === "number") return Number.isInteger(v) ? "Integer" : "Double";
  if (typeof v === "string" && ERROR_VALUES.has(v)) return "Error";
  return "String";
}

defineProxyProperties(RangeProxy, RANGE_PROPS, ["values", "formulas", "numberFormat"]);
