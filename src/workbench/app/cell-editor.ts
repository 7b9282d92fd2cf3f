/**
 * Editing like Excel: type over a cell, F2 / double-click to edit in place, Enter / Tab to commit
 * and move, Escape to cancel, Delete to clear, arrows to move; the formula bar edits the same cell.
 */
import { GridView, Selection } from "../grid/grid-view";

export interface EditorHooks {
  /** The text to edit for a cell: its formula, or its value as typed. */
  editText(sel: Selection): string;
  commit(sel: Selection, text: string): Promise<void>;
}

export class CellEditor {
  private readonly input: HTMLInputElement;
  private editing: Selection | undefined;

  constructor(
    private readonly grid: GridView,
    private readonly formulaBar: HTMLInputElement,
    private readonly hooks: EditorHooks
  ) {
    this.input = document.createElement("input");
    this.input.className = "wb-editor";
    this.input.setAttribute("aria-label", "Cell editor");
    this.input.spellcheck = false;
    grid.canvas.appendChild(this.input);
    grid.viewport.addEventListener("keydown", (e) => this.onGridKey(e));
    this.input.addEventListener("keydown", (e) => this.onEditorKey(e, this.input));
    this.input.addEventListener("input", () => (this.formulaBar.value = this.input.value));
    this.formulaBar.addEventListener("keydown", (e) => this.onEditorKey(e, this.formulaBar));
    this.formulaBar.addEventListener("focus", () => (this.editing = { ...grid.selection }));
  }

  /** Opens the in-cell editor on the selection, with given text (or the cell's own). */
  begin(text?: string): void {
    const sel = { ...this.grid.selection };
    this.editing = sel;
    const b = this.grid.cellBox(sel.row, sel.column);
    Object.assign(this.input.style, {
      display: "block",
      left: `${b.left}px`,
      top: `${b.top}px`,
      minWidth: `${b.width}px`,
      height: `${b.height}px`,
    });
    this.input.value = text ?? this.hooks.editText(sel);
    this.formulaBar.value = this.input.value;
    this.input.focus();
    this.input.setSelectionRange(this.input.value.length, this.input.value.length);
  }

  private end(): void {
    this.editing = undefined;
    this.input.style.display = "none";
    this.grid.viewport.focus({ preventScroll: true });
  }

  private async finish(source: HTMLInputElement, move: Selection | undefined): Promise<void> {
    const sel = this.editing ?? this.grid.selection;
    const text = source.value;
    this.end();
    await this.hooks.commit(sel, text);
    if (move) this.grid.select({ row: sel.row + move.row, column: sel.column + move.column });
    else this.grid.select(sel);
  }

  private onEditorKey(e: KeyboardEvent, source: HTMLInputElement): void {
    if (e.key === "Enter") {
      e.preventDefault();
      void this.finish(source, { row: e.shiftKey ? -1 : 1, column: 0 });
    } else if (e.key === "Tab") {
      e.preventDefault();
      void this.finish(source, { row: 0, column: e.shiftKey ? -1 : 1 });
    } else if (e.key === "Escape") {
      e.preventDefault();
      this.formulaBar.value = this.hooks.editText(this.grid.selection);
      this.end();
    }
  }

  private onGridKey(e: KeyboardEvent): void {
    if (e.target !== this.grid.viewport) return;
    const { row, column } = this.grid.selection;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
      Enter: [1, 0],
      Tab: [0, 1],
    };
    const move = moves[e.key];
    if (move && e.shiftKey && e.key.startsWith("Arrow")) {
      e.preventDefault();
      const { row: er, column: ec } = this.grid.extent;
      this.grid.select({ row: er + move[0], column: ec + move[1] }, true);
    } else if (move) {
      e.preventDefault();
      const sign = e.shiftKey && (e.key === "Enter" || e.key === "Tab") ? -1 : 1;
      this.grid.select({ row: row + move[0] * sign, column: column + move[1] * sign });
    } else if (e.key === "F2") {
      e.preventDefault();
      this.begin();
    } else if (e.key === "Delete" || e.key === "Backspace") {
      e.preventDefault();
      void this.hooks.commit({ row, column }, "").then(() => this.grid.select({ row, column }));
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      this.begin(e.key);
    }
  }
}
