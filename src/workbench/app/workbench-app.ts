/**
 * The workbench window around the real task pane: formula bar, grid, sheet tabs, status line.
 * It reads and writes the excel-sim workbook through its model API, like a user typing in Excel.
 */
import type { ExcelSim } from "../excel-sim";
import type { CalcHost } from "../host/calc-host";
import { GridView, Selection } from "../grid/grid-view";
import { ChartLayer } from "../grid/chart-layer";
import { CellEditor } from "./cell-editor";
import { SheetTabs } from "./sheet-tabs";
import { columnName } from "../calc/rects";
import { cellKey } from "../excel-sim/workbook-model";
import { displayValue } from "../grid/display-format";
import { entryText } from "../excel-sim/typed-entry";
import { DEMO_SOURCE_NAME, isSyntheticSource, sourceBadge } from "../../data/source-labels";

export class WorkbenchApp {
  readonly grid: GridView;
  private readonly charts: ChartLayer;
  private readonly nameBox: HTMLInputElement;
  private readonly formulaBar: HTMLInputElement;
  private readonly tabs: SheetTabs;
  private readonly status: HTMLElement;
  private readonly calcState: HTMLElement;
  private lastActiveSheetId = "";
  private sheetCellCount = -1;

  constructor(
    private readonly sim: ExcelSim,
    private readonly calc: CalcHost,
    doc: Document = document
  ) {
    const model = sim.model;
    this.nameBox = doc.getElementById("wb-namebox") as HTMLInputElement;
    this.formulaBar = doc.getElementById("wb-formula") as HTMLInputElement;
    this.status = doc.getElementById("wb-status")!;
    this.tabs = new SheetTabs(doc.getElementById("wb-tabs")!, {
      names: () => model.sheets.filter((s) => s.visible).map((s) => s.name),
      current: () => this.grid.sheet,
      show: (name) => this.showSheet(name),
      rename: (name, newName) => sim.api.renameSheet(name, newName),
      remove: (name) => sim.api.deleteSheet(name),
      report: (message) => {
        this.status.textContent = message;
        this.status.dataset.kind = "error";
      },
    });
    this.calcState = doc.getElementById("wb-calcstate")!;
    this.grid = new GridView(doc.getElementById("wb-sheet")!, model, {
      messageAt: (s, r, c) => calc.messageAt(s, r, c),
      spillAt: (s, r, c) => calc.engine.spillAt(s, r, c),
      onSelect: (sel) => this.selected(sel),
      onActivate: () => editor.begin(),
    });
    this.charts = new ChartLayer(model, this.grid);
    const editor = new CellEditor(this.grid, this.formulaBar, {
      editText: (sel) => this.editText(sel),
      commit: async (sel, text) => {
        this.setCalculating(true);
        await calc.enter(this.grid.sheet, sel.row, sel.column, text);
        this.setCalculating(false);
        this.refresh();
      },
    });
    this.nameBox.addEventListener("keydown", (e) => {
      if (e.key !== "Enter") return;
      e.preventDefault();
      this.goTo(this.nameBox.value);
    });
    model.onChange(() => this.refresh());
    calc.engine.onRecalculated(() => this.refresh());
    // Settings can switch the provider without touching the workbook.
    window.setInterval(() => this.renderSource(), 2000);
    this.showSheet(model.activeSheet().name);
  }

  /** Switches the grid to a sheet (as clicking its tab does). */
  showSheet(name: string): void {
    this.sim.api.setActiveSheet(name);
    this.lastActiveSheetId = this.sim.model.activeSheetId;
    this.grid.showSheet(this.sim.model.findSheet(name)!.name);
    this.sheetCellCount = this.sim.model.findSheet(name)!.cells.size;
    this.tabs.render();
    this.charts.render();
    this.grid.select({ row: 0, column: 0 });
  }

  /** Selects a cell by address ("B5" or "Sheet!B5"). */
  goTo(address: string): void {
    try {
      const { sheet, rect } = this.sim.model.resolveAddress(
        address,
        this.sim.model.findSheet(this.grid.sheet)
      );
      if (sheet.name !== this.grid.sheet) this.showSheet(sheet.name);
      this.grid.select({ row: rect.row, column: rect.column });
      if (rect.rowCount * rect.columnCount > 1)
        this.grid.select(
          { row: rect.row + rect.rowCount - 1, column: rect.column + rect.columnCount - 1 },
          true
        );
      this.grid.viewport.focus();
    } catch (e) {
      this.status.textContent = `Cannot go to "${address}": ${(e as Error).message}`;
    }
  }

  setCalculating(on: boolean): void {
    this.calcState.textContent = on ? "Calculating…" : "Ready";
  }

  /** Repaints after the workbook changed (pane writes, recalculation, edits). */
  refresh(): void {
    const model = this.sim.model;
    if (model.activeSheetId !== this.lastActiveSheetId && model.findSheet(model.activeSheetId)) {
      this.showSheet(model.activeSheet().name);
      return;
    }
    if (!model.findSheet(this.grid.sheet)) {
      // Renamed: keep showing it under its new name; deleted: show the first sheet.
      const same = model.findSheet(this.lastActiveSheetId);
      if (same && same.id === model.activeSheetId) this.grid.sheet = same.name;
      else {
        this.showSheet(model.sheets[0].name);
        return;
      }
    }
    const count = model.findSheet(this.grid.sheet)!.cells.size;
    if (count !== this.sheetCellCount) {
      this.sheetCellCount = count;
      this.grid.refit();
    } else {
      this.grid.styles.refresh();
    }
    this.tabs.render();
    this.renderSource();
    this.grid.render();
    this.charts.render();
    this.selected(this.grid.selection);
  }

  private editText(sel: Selection): string {
    const cell = this.sim.model.findSheet(this.grid.sheet)?.cells.get(cellKey(sel.row, sel.column));
    if (!cell) return "";
    if (cell.formula) return cell.formula;
    if (cell.spillFrom !== undefined) return "";
    if (typeof cell.value === "number") return entryText(cell.value, cell.numberFormat);
    return typeof cell.value === "boolean" ? (cell.value ? "TRUE" : "FALSE") : String(cell.value);
  }

  private selected(sel: Selection): void {
    const sheet = this.grid.sheet;
    const address = `${columnName(sel.column)}${sel.row + 1}`;
    const r = this.grid.range;
    const rangeAddress =
      r.rowCount * r.columnCount > 1
        ? `${columnName(r.column)}${r.row + 1}:${columnName(r.column + r.columnCount - 1)}${r.row + r.rowCount}`
        : address;
    this.nameBox.value = rangeAddress;
    // Excel's selection is what the pane's "Use selected range" reads (workbook.getSelectedRange()).
    if (this.sim.model.findSheet(sheet)) this.sim.api.setSelection(sheet, rangeAddress);
    const cell = this.sim.model.findSheet(sheet)?.cells.get(cellKey(sel.row, sel.column));
    const spillFormula =
      cell?.spillFrom !== undefined
        ? this.calc.engine.spillFormulaAt(sheet, sel.row, sel.column)
        : undefined;
    if (document.activeElement !== this.formulaBar)
      this.formulaBar.value = spillFormula ?? this.editText(sel);
    this.formulaBar.classList.toggle("wb-ghost", spillFormula !== undefined);
    const shown = displayValue(cell?.value, cell?.numberFormat);
    if (r.rowCount * r.columnCount > 1) {
      this.status.textContent = this.aggregate(sheet, r);
      this.status.dataset.kind = "";
    } else if (shown.kind === "error") {
      const message = this.calc.messageAt(sheet, sel.row, sel.column);
      this.status.textContent = `${address}: ${shown.text}${message ? ` — ${message}` : ""}`;
      this.status.dataset.kind = "error";
    } else {
      this.status.textContent = cell?.formula ? `${address} = ${shown.text}` : "";
      this.status.dataset.kind = "";
    }
  }

  /** Excel's status-bar summary of a selected range: Average, Count, Sum. */
  private aggregate(
    sheetName: string,
    r: { row: number; column: number; rowCount: number; columnCount: number }
  ): string {
    const sheet = this.sim.model.findSheet(sheetName);
    if (!sheet || r.rowCount * r.columnCount > 200000) return "";
    let count = 0;
    let numbers = 0;
    let sum = 0;
    for (let i = r.row; i < r.row + r.rowCount; i++)
      for (let j = r.column; j < r.column + r.columnCount; j++) {
        const v = sheet.cells.get(cellKey(i, j))?.value;
        if (v === undefined || v === "") continue;
        count++;
        if (typeof v === "number") {
          numbers++;
          sum += v;
        }
      }
    const fmt = (x: number): string => displayValue(x).text;
    return numbers > 0
      ? `Average: ${fmt(sum / numbers)}   Count: ${count}   Sum: ${fmt(sum)}`
      : `Count: ${count}`;
  }

  /**
   * The title bar's data badge follows the market-data service the add-in bundles share (the
   * pane's Settings can switch to a real provider): "Demo data (synthetic)" only while it is so.
   */
  private renderSource(): void {
    const badge = document.getElementById("wb-source");
    if (!badge) return;
    const service = (window as unknown as { __cntechMarketData?: { providerName?: string } })
      .__cntechMarketData;
    const name = service?.providerName ?? DEMO_SOURCE_NAME;
    const synthetic = isSyntheticSource(name);
    const text = sourceBadge(name);
    if (badge.textContent !== text) badge.textContent = text;
    badge.classList.toggle("wb-badge-live", !synthetic);
    const title = `CNTech Workbench - the add-in over an in-browser workbook (${text})`;
    if (document.title !== title) document.title = title;
  }
}
