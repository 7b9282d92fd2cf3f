/**
 * The spreadsheet grid: a virtualised view of one sheet of the excel-sim workbook (only the visible
 * cells are in the DOM, so a 100-symbol × 10-year import scrolls smoothly). Cell text is always set
 * with textContent, never as HTML: provider and CSV text cannot inject markup.
 */
import type { WorkbookModel, TableModel } from "../excel-sim/workbook-model";
import { cellKey } from "../excel-sim/workbook-model";
import { columnName } from "../calc/rects";
import { renderCell } from "./cell-renderer";
import { ColumnLayout, ROW_HEIGHT, filled, sheetTexts } from "./column-layout";
import { SheetStyles } from "./sheet-styles";

export interface Selection {
  row: number;
  column: number;
}

export interface GridHooks {
  /** Error message for an error cell (shown on hover). */
  messageAt(sheet: string, row: number, column: number): string;
  /** The spill range a cell belongs to, if any. */
  spillAt(
    sheet: string,
    row: number,
    column: number
  ): { row: number; column: number; rowCount: number; columnCount: number } | undefined;
  onSelect(selection: Selection): void;
  onActivate(selection: Selection): void;
}

const OVERSCAN = 4;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  cls: string,
  parent?: HTMLElement
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.className = cls;
  if (parent) parent.appendChild(e);
  return e;
}

export class GridView {
  readonly root: HTMLDivElement;
  readonly viewport: HTMLDivElement;
  readonly canvas: HTMLDivElement;
  private readonly colHeads: HTMLDivElement;
  private readonly rowHeads: HTMLDivElement;
  private readonly cellLayer: HTMLDivElement;
  private readonly selectionBox: HTMLDivElement;
  private readonly spillBox: HTMLDivElement;
  /** Overlay layer for charts (kept across renders). */
  readonly overlay: HTMLDivElement;
  sheet = "";
  /** The active cell. */
  selection: Selection = { row: 0, column: 0 };
  /** The opposite corner of the selected range (equal to the active cell for one cell). */
  extent: Selection = { row: 0, column: 0 };
  private dragging = false;
  layout = new ColumnLayout([]);
  private rowCount = 100;
  private frame = 0;
  readonly styles: SheetStyles;

  constructor(
    host: HTMLElement,
    private readonly model: WorkbookModel,
    private readonly hooks: GridHooks
  ) {
    this.styles = new SheetStyles(model);
    this.root = el("div", "wb-grid", host);
    el("div", "wb-corner", this.root);
    this.colHeads = el("div", "wb-colheads", this.root);
    this.rowHeads = el("div", "wb-rowheads", this.root);
    this.viewport = el("div", "wb-viewport", this.root);
    // A region, not an ARIA grid: cells are absolutely positioned without row elements. The Name
    // box, formula bar and status line give keyboard and screen-reader access to the selection.
    this.viewport.setAttribute("role", "region");
    this.viewport.setAttribute("aria-roledescription", "spreadsheet");
    this.viewport.tabIndex = 0;
    this.canvas = el("div", "wb-canvas", this.viewport);
    this.cellLayer = el("div", "wb-cells", this.canvas);
    this.spillBox = el("div", "wb-spill", this.canvas);
    this.selectionBox = el("div", "wb-selection", this.canvas);
    this.overlay = el("div", "wb-overlay", this.canvas);
    this.viewport.addEventListener("scroll", () => this.schedule());
    this.viewport.addEventListener("mousedown", (e) => {
      this.dragging = e.button === 0;
      // The second press of a double-click edits (detail counts presses; a dblclick event can be
      // lost because each render replaces the cell elements under the pointer).
      const activate = e.detail === 2 && !e.shiftKey;
      if (activate) e.preventDefault(); // keep focus in the editor it opens
      this.pointer(e, activate, e.shiftKey);
    });
    this.viewport.addEventListener("mousemove", (e) => {
      if (this.dragging && e.buttons === 1) this.pointer(e, false, true);
    });
    window.addEventListener("mouseup", () => (this.dragging = false));
    new ResizeObserver(() => this.schedule()).observe(this.viewport);
  }

  /** Shows a sheet (re-fits columns to its content). */
  showSheet(name: string): void {
    this.sheet = name;
    this.viewport.setAttribute("aria-label", `Sheet ${name}`);
    this.viewport.scrollTo(0, 0);
    this.refit();
    this.render();
  }

  /** Recomputes column widths and extent from the sheet's content. */
  refit(): void {
    this.styles.refresh();
    const sheet = this.model.findSheet(this.sheet);
    const tables = sheet
      ? this.model.tables.filter((t) => t.sheetId === sheet.id).map((t) => t.rect)
      : [];
    const content = sheet ? sheetTexts(sheet, tables) : { texts: new Map(), maxRow: 0, maxCol: 0 };
    const columns = Math.max(content.maxCol + 6, 20);
    const fitted = ColumnLayout.fit(columns, content.texts, (t) => this.measure(t));
    const widths: number[] = [];
    for (let c = 0; c < columns; c++)
      widths.push(
        this.styles.columnWidths.get(`${this.sheet.toLowerCase()}|${c}`) ?? fitted.width(c)
      );
    this.layout = new ColumnLayout(widths);
    this.rowCount = Math.max(content.maxRow + 30, 60);
    this.canvas.style.width = `${this.layout.totalWidth}px`;
    this.canvas.style.height = `${this.rowCount * ROW_HEIGHT}px`;
  }

  private measurer: CanvasRenderingContext2D | null | undefined;

  /** Text width in pixels in the grid's font (bold, to leave room for headers). */
  private measure(text: string): number {
    if (this.measurer === undefined) {
      this.measurer = document.createElement("canvas").getContext("2d");
      if (this.measurer) {
        const font = getComputedStyle(this.root).fontFamily;
        this.measurer.font = `600 13px ${font}`;
      }
    }
    return this.measurer ? this.measurer.measureText(text).width : text.length * 7.6;
  }

  schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
    });
  }

  private pointer(e: MouseEvent, activate: boolean, extend = false): void {
    const target = e.target as HTMLElement;
    if (target.closest(".wb-overlay") || target.classList.contains("wb-editor")) return;
    const rect = this.canvas.getBoundingClientRect();
    const row = Math.floor((e.clientY - rect.top) / ROW_HEIGHT);
    const column = this.layout.columnAt(e.clientX - rect.left);
    if (extend && this.extent.row === row && this.extent.column === column) return;
    this.select({ row, column }, extend);
    if (activate) this.hooks.onActivate(this.selection);
  }

  /** Selects a cell, or (extend) stretches the range from the active cell to it. */
  select(sel: Selection, extend = false): void {
    const cell = { row: Math.max(0, sel.row), column: Math.max(0, sel.column) };
    this.extent = cell;
    if (!extend) this.selection = cell;
    this.scrollIntoView(cell);
    this.render();
    this.hooks.onSelect(this.selection);
  }

  /** The selected range (0-based, inclusive start, counts). */
  get range(): { row: number; column: number; rowCount: number; columnCount: number } {
    const a = this.selection;
    const b = this.extent;
    return {
      row: Math.min(a.row, b.row),
      column: Math.min(a.column, b.column),
      rowCount: Math.abs(a.row - b.row) + 1,
      columnCount: Math.abs(a.column - b.column) + 1,
    };
  }

  private scrollIntoView(cell: Selection): void {
    const { row, column } = cell;
    const v = this.viewport;
    const top = row * ROW_HEIGHT;
    if (top < v.scrollTop) v.scrollTop = top;
    else if (top + ROW_HEIGHT > v.scrollTop + v.clientHeight)
      v.scrollTop = top + ROW_HEIGHT - v.clientHeight;
    const left = this.layout.left(column);
    const w = this.layout.width(column);
    if (left < v.scrollLeft) v.scrollLeft = left;
    else if (left + w > v.scrollLeft + v.clientWidth) v.scrollLeft = left + w - v.clientWidth;
  }

  /** Rectangle (px) of a cell in canvas coordinates. */
  cellBox(
    row: number,
    column: number
  ): { left: number; top: number; width: number; height: number } {
    return {
      left: this.layout.left(column),
      top: row * ROW_HEIGHT,
      width: this.layout.width(column),
      height: ROW_HEIGHT,
    };
  }

  render(): void {
    const sheet = this.model.findSheet(this.sheet);
    if (!sheet) return;
    const v = this.viewport;
    const r0 = Math.max(0, Math.floor(v.scrollTop / ROW_HEIGHT) - OVERSCAN);
    const r1 = Math.min(
      this.rowCount - 1,
      Math.ceil((v.scrollTop + v.clientHeight) / ROW_HEIGHT) + OVERSCAN
    );
    const c0 = Math.max(0, this.layout.columnAt(v.scrollLeft) - 1);
    const c1 = Math.min(
      this.layout.count - 1,
      this.layout.columnAt(v.scrollLeft + v.clientWidth) + 1
    );
    const tables = this.model.tables.filter((t) => t.sheetId === sheet.id);
    const cells = document.createDocumentFragment();
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        const cell = sheet.cells.get(cellKey(r, c));
        const table = tables.find(
          (t) =>
            r >= t.rect.row &&
            r < t.rect.row + t.rect.rowCount &&
            c >= t.rect.column &&
            c < t.rect.column + t.rect.columnCount
        );
        if (!cell && !table) {
          const blank = document.createElement("div");
          blank.className = "wb-cell wb-empty";
          blank.dataset.cell = `${columnName(c)}${r + 1}`;
          blank.style.cssText = `left:${this.layout.left(c)}px;top:${r * ROW_HEIGHT}px;width:${this.layout.width(c)}px;`;
          cells.appendChild(blank);
          continue;
        }
        const d = this.renderCell(r, c, cell?.value, cell?.numberFormat, table);
        if (d.classList.contains("wb-text-cell") && !filled(sheet, r, c + 1)) {
          d.classList.add("wb-overflow");
          // Text runs on over empty neighbours, as in Excel.
          let span = c + 1;
          while (span < this.layout.count && span - c < 12 && !filled(sheet, r, span)) span++;
          d.style.width = `${this.layout.left(span) - this.layout.left(c)}px`;
          // A fill stays inside the cell's own column; only the text runs on.
          const fill = this.styles.styleAt(this.sheet, r, c)?.fill;
          if (fill)
            d.style.background = `linear-gradient(${fill}, ${fill}) 0 0 / ${this.layout.width(c)}px 100% no-repeat`;
        }
        cells.appendChild(d);
      }
    }
    this.cellLayer.replaceChildren(cells);
    this.renderHeaders(r0, r1, c0, c1);
    this.renderSelection();
  }

  private renderCell(
    r: number,
    c: number,
    value: unknown,
    format: string | undefined,
    table?: TableModel
  ): HTMLElement {
    const tablePart = !table
      ? undefined
      : r === table.rect.row
        ? "header"
        : (r - table.rect.row) % 2 === 0
          ? "band"
          : "row";
    return renderCell({
      address: `${columnName(c)}${r + 1}`,
      box: this.cellBox(r, c),
      value,
      format,
      tablePart,
      style: this.styles.styleAt(this.sheet, r, c),
      message: () => this.hooks.messageAt(this.sheet, r, c),
    });
  }

  private renderHeaders(r0: number, r1: number, c0: number, c1: number): void {
    const v = this.viewport;
    const cols = document.createDocumentFragment();
    for (let c = c0; c <= c1; c++) {
      const h = document.createElement("div");
      h.className = c === this.selection.column ? "wb-colhead wb-active" : "wb-colhead";
      h.style.cssText = `left:${this.layout.left(c) - v.scrollLeft}px;width:${this.layout.width(c)}px`;
      h.textContent = columnName(c);
      cols.appendChild(h);
    }
    this.colHeads.replaceChildren(cols);
    const rows = document.createDocumentFragment();
    for (let r = r0; r <= r1; r++) {
      const h = document.createElement("div");
      h.className = r === this.selection.row ? "wb-rowhead wb-active" : "wb-rowhead";
      h.style.top = `${r * ROW_HEIGHT - v.scrollTop}px`;
      h.textContent = String(r + 1);
      rows.appendChild(h);
    }
    this.rowHeads.replaceChildren(rows);
  }

  private renderSelection(): void {
    const { row, column } = this.selection;
    const r = this.range;
    const top = this.cellBox(r.row, r.column);
    const right = this.layout.left(r.column + r.columnCount);
    Object.assign(this.selectionBox.style, {
      left: `${top.left - 1}px`,
      top: `${top.top - 1}px`,
      width: `${right - top.left + 1}px`,
      height: `${r.rowCount * ROW_HEIGHT + 1}px`,
    });
    this.selectionBox.classList.toggle("wb-multi", r.rowCount * r.columnCount > 1);
    const spill = this.hooks.spillAt(this.sheet, row, column);
    if (spill) {
      const s = this.cellBox(spill.row, spill.column);
      const right = this.layout.left(spill.column + spill.columnCount);
      Object.assign(this.spillBox.style, {
        display: "block",
        left: `${s.left}px`,
        top: `${s.top}px`,
        width: `${right - s.left}px`,
        height: `${spill.rowCount * ROW_HEIGHT}px`,
      });
    } else {
      this.spillBox.style.display = "none";
    }
  }
}
