/**
 * The shapes of the in-memory Excel's state (sheets, cells, tables, charts, names, change events)
 * and the cell-key arithmetic, shared by the workbook model and its proxies.
 */
import { CellRect } from "./address";
import { CellValue } from "./value-rules";
import type { WorkbookModel } from "./workbook-model";

export interface Cell {
  value: CellValue;
  formula?: string;
  numberFormat?: string;
  /** Set on cells filled by another cell's spilled (array) result: the anchor's key. */
  spillFrom?: number;
  /** Set on a formula cell whose result spilled: the area it covers. */
  spillRect?: CellRect;
}

export interface SheetModel {
  readonly id: string;
  name: string;
  visible: boolean;
  readonly cells: Map<number, Cell>;
  frozenRows: number;
}

export interface TableModel {
  readonly id: string;
  name: string;
  sheetId: string;
  /** Header row plus data body. */
  rect: CellRect;
  style: string;
}

export interface ChartModel {
  readonly id: string;
  name: string;
  sheetId: string;
  chartType: string;
  sourceRect: CellRect;
  sourceSheetId: string;
  seriesBy: string;
  title: string;
  series: { name: string }[];
  position: {
    startCell?: string;
    endCell?: string;
    top: number;
    left: number;
    width: number;
    height: number;
  };
}

export interface NameModel {
  name: string;
  sheetId: string;
  rect: CellRect;
  comment: string;
}

/** One rectangle that changed, e.g. { sheet: "Prices", address: "A1:C3" }. */
export interface CellChange {
  readonly sheet: string;
  readonly address: string;
  /**
   * Set on a calculation request instead of a write (sheet "*" = every sheet): recalculate every
   * formula (`markAllDirty`), also re-reading the dependency chain (`rebuild`), or only volatile ones.
   */
  readonly calculate?: { readonly markAllDirty: boolean; readonly rebuild?: boolean };
}

export interface ChangeEvent {
  /** "sync": written by an Excel.run batch; "model": written through the model API. */
  readonly source: "sync" | "model";
  readonly changes: readonly CellChange[];
}

/** Called inside sync after writes (and before loads read results) so formula results are fresh. */
export type Calculator = (
  model: WorkbookModel,
  changes: readonly CellChange[]
) => void | Promise<void>;

/** A formatting call the sim records but does not render (autofit, bold, fills). */
export interface FormatRecord {
  readonly sheet: string;
  readonly address: string;
  readonly property: string;
  readonly value: unknown;
}

const KEY_STRIDE = 16384;
export const cellKey = (row: number, column: number): number => row * KEY_STRIDE + column;
export const keyRow = (key: number): number => Math.floor(key / KEY_STRIDE);
export const keyColumn = (key: number): number => key % KEY_STRIDE;
