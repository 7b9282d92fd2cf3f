/**
 * The workbench's calculation chain: keeps the formula cells of the workbook, their precedents
 * (from the formula library's dependency parser, names resolved), and recalculates exactly the
 * formulas downstream of a change - including changes the task pane makes through Excel.run and
 * spilled arrays growing or shrinking. Results are written back into the workbook model.
 */
import { CellError, FormulaResult, ScalarValue } from "./cell-values";
import { FormulaEvaluator, SheetRect } from "./formula-evaluator";
import { SpillPlacer } from "./spill-placer";
import { StreamSessions } from "./stream-sessions";
import { cellAddress, cellKey, cellRect, rectContains, rectsIntersect } from "./rects";
import {
  FormulaCell,
  FormulaCellInput,
  dependencyOrder,
  noteInvasion,
  outputRect,
  sameRect,
} from "./formula-cell";

export type { FormulaCellInput } from "./formula-cell";

/** What the engine reads from and writes to the workbook model. */
export interface CalcModel {
  /** Formula cells inside a rectangle (all sheets and cells when rect is omitted). */
  formulas(rect?: SheetRect): FormulaCellInput[];
  /** Whether a cell holds nothing (no value, no formula). */
  isEmpty(sheet: string, row: number, column: number): boolean;
  /** Writes a formula cell's result; the model must not report it back as a change. */
  setResult(sheet: string, row: number, column: number, value: ScalarValue): void;
  /** Writes (values) or clears (null) spilled cells, which hold no formula. */
  setSpill(rect: SheetRect, values: ScalarValue[][] | null): void;
  /** Where the formula at an anchor currently spills according to the workbook (after a rename). */
  spillRectOf?(sheet: string, row: number, column: number): SheetRect | undefined;
}

/**
 * A written rectangle, a formula to re-evaluate as is (a stream's new value), a calculation request
 * (a sheet or every sheet; all formulas or only volatile ones), or everything re-read and recalculated.
 */
type PendingChange =
  | SheetRect
  | { recalc: SheetRect }
  | { calculate: { sheet?: string; markAllDirty: boolean } }
  | "all";

const MAX_PASSES = 8;
const PENDING = new CellError("#BUSY!", "Waiting for the function's result");

export class RecalcEngine {
  private readonly cells = new Map<string, FormulaCell>();
  private readonly byAddress = new Map<string, string>();
  private pending: PendingChange[] = [];
  private running: Promise<void> | null = null;
  private readonly listeners: Array<() => void> = [];
  /** Writes results and spills into the model (and their messages into `messages`). */
  private readonly placer: SpillPlacer;
  /** Error messages of error results, by cell key (the model stores only the code, like Excel). */
  readonly messages = new Map<string, string>();
  /** Formulas evaluated since start (tests check that recalculation is selective). */
  evaluations = 0;

  constructor(
    private readonly model: CalcModel,
    private readonly evaluator: FormulaEvaluator,
    private readonly streams: StreamSessions,
    /** Whether a formula calls a volatile function (recalculated by a plain calculation request). */
    private readonly isVolatile: (formula: string) => boolean = () => false,
    /** Whether a formula calls an asynchronous (custom) function: it shows #BUSY! until settled. */
    private readonly isAsync: (formula: string) => boolean = () => false
  ) {
    this.placer = new SpillPlacer(this.cells, model, this.messages);
  }

  /** A streaming function pushed a value for the cell at `address`. */
  streamUpdated(address: string): void {
    const key = this.byAddress.get(address);
    const cell = key ? this.cells.get(key) : undefined;
    if (cell) this.cellsChanged(cellRect(cell.sheet, cell.row, cell.column), true);
  }

  /** Cells in `rect` were written (values or formulas): reindex them and recalc what depends on them. */
  cellsChanged(rect: SheetRect, onlyRecalc = false): void {
    this.pending.push(onlyRecalc ? { recalc: rect } : rect);
    this.schedule();
  }

  /** Names or sheets changed: re-read every formula and recalculate everything. */
  recalcAll(): void {
    this.pending.push("all");
    this.schedule();
  }

  /**
   * A calculation request, as Excel documents them: `markAllDirty` re-evaluates every formula (of
   * `sheet`, or of the workbook), otherwise only formulas calling a volatile function — nothing else
   * is dirty here, since every change is recalculated as soon as it is made. Dependents follow.
   */
  calculate(markAllDirty: boolean, sheet?: string): void {
    this.pending.push({ calculate: { sheet, markAllDirty } });
    this.schedule();
  }

  /** Resolves when no recalculation is pending or running. */
  async whenIdle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Called after each recalculation batch (the grid repaints). */
  onRecalculated(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** The spill rectangle a cell belongs to, and its anchor, for the grid's spill border. */
  spillAt(sheet: string, row: number, column: number): SheetRect | undefined {
    for (const c of this.cells.values())
      if (c.spill && rectContains(c.spill, sheet, row, column)) return c.spill;
    return undefined;
  }

  /** The formula of the spill anchor a spilled cell shows (Excel greys it in the formula bar). */
  spillFormulaAt(sheet: string, row: number, column: number): string | undefined {
    for (const c of this.cells.values())
      if (c.spill && rectContains(c.spill, sheet, row, column)) return c.formula;
    return undefined;
  }

  private schedule(): void {
    if (this.running) return;
    this.running = (async () => {
      try {
        while (this.pending.length > 0) {
          const batch = this.pending.splice(0);
          await this.recalc(this.absorb(batch));
          for (const l of this.listeners) l();
        }
      } finally {
        this.running = null;
      }
    })();
  }

  /** Updates the formula index for changed rectangles; returns the formulas to evaluate. */
  private absorb(batch: PendingChange[]): Set<FormulaCell> {
    const dirty = new Set<FormulaCell>();
    const changed: SheetRect[] = [];
    for (const item of batch) {
      if (item === "all") {
        const seen = new Set<string>();
        for (const input of this.model.formulas()) {
          const key = cellKey(input.sheet, input.row, input.column);
          seen.add(key);
          const existing = this.cells.get(key);
          if (existing && existing.formula === input.formula) {
            // Same formula: keep its spill bookkeeping, re-resolve names and sheets it reads.
            existing.precedents = this.evaluator.precedents(
              input.formula,
              input.sheet,
              input.row,
              input.column
            );
            dirty.add(existing);
          } else {
            if (existing) this.remove(key, existing, changed);
            dirty.add(this.index(input));
          }
        }
        for (const [key, cell] of this.cells) if (!seen.has(key)) this.remove(key, cell, changed);
        continue;
      }
      if ("calculate" in item) {
        const { sheet, markAllDirty } = item.calculate;
        for (const cell of this.cells.values())
          if (
            (sheet === undefined || cell.sheet.toLowerCase() === sheet.toLowerCase()) &&
            (markAllDirty || this.isVolatile(cell.formula))
          )
            dirty.add(cell);
        continue;
      }
      if ("recalc" in item) {
        const { sheet, row, column } = item.recalc;
        const cell = this.cells.get(cellKey(sheet, row, column));
        if (cell) dirty.add(cell);
        continue;
      }
      changed.push(item);
      // Formulas removed or replaced inside the rectangle; unchanged ones are just recalculated.
      const now = new Map(
        this.model.formulas(item).map((f) => [cellKey(f.sheet, f.row, f.column), f])
      );
      for (const [key, cell] of [...this.cells])
        if (
          rectContains(item, cell.sheet, cell.row, cell.column) &&
          now.get(key)?.formula !== cell.formula
        )
          this.remove(key, cell, changed);
      for (const [key, input] of now) dirty.add(this.cells.get(key) ?? this.index(input));
      // A write into a spill range blocks its anchor; clearing a blocker unblocks it.
      for (const cell of this.cells.values()) {
        if (cell.spill && rectsIntersect(cell.spill, item)) {
          noteInvasion(cell, item, (r, c) => this.model.isEmpty(cell.sheet, r, c));
          dirty.add(cell);
        }
        if (cell.blockedTarget && rectsIntersect(cell.blockedTarget, item)) dirty.add(cell);
      }
    }
    for (const rect of changed) for (const c of this.dependentsOf(rect)) dirty.add(c);
    return this.closure(dirty);
  }

  private index(input: FormulaCellInput): FormulaCell {
    const key = cellKey(input.sheet, input.row, input.column);
    const cell: FormulaCell = {
      ...input,
      precedents: this.evaluator.precedents(input.formula, input.sheet, input.row, input.column),
      invaded: new Set(),
      // A formula the engine has not seen may already have spilled (e.g. its sheet was renamed).
      spill: this.model.spillRectOf?.(input.sheet, input.row, input.column),
    };
    this.cells.set(key, cell);
    this.byAddress.set(cellAddress(input.sheet, input.row, input.column), key);
    return cell;
  }

  private remove(key: string, cell: FormulaCell, changed: SheetRect[]): void {
    this.cells.delete(key);
    this.messages.delete(key);
    const address = cellAddress(cell.sheet, cell.row, cell.column);
    this.byAddress.delete(address);
    this.streams.cancel(address);
    const spill = cell.spill;
    if (spill) {
      this.placer.clearSpill(cell);
      changed.push(spill);
    }
  }

  private dependentsOf(rect: SheetRect): FormulaCell[] {
    const out: FormulaCell[] = [];
    for (const c of this.cells.values())
      if (c.precedents.some((p) => rectsIntersect(p, rect))) out.push(c);
    return out;
  }

  /** Everything downstream of the dirty formulas. */
  private closure(dirty: Set<FormulaCell>): Set<FormulaCell> {
    const queue = [...dirty];
    while (queue.length > 0) {
      const cell = queue.pop()!;
      for (const dep of this.dependentsOf(outputRect(cell)))
        if (!dirty.has(dep)) {
          dirty.add(dep);
          queue.push(dep);
        }
    }
    return dirty;
  }

  /**
   * Excel shows #BUSY! in a cell whose asynchronous function has not answered yet, and reading the
   * cell returns #BUSY!; formulas reading it wait too. Until evaluated, every dirty formula calling
   * an async function, and every dirty formula downstream of one, holds #BUSY! (the anchor only: a
   * spill keeps its old cells until the new result is placed).
   */
  private markPending(dirty: Set<FormulaCell>): void {
    const waiting = new Set([...dirty].filter((c) => this.isAsync(c.formula)));
    if (waiting.size === 0) return;
    for (const cell of this.closure(waiting))
      if (dirty.has(cell)) this.model.setResult(cell.sheet, cell.row, cell.column, PENDING);
  }

  private async recalc(dirty: Set<FormulaCell>): Promise<void> {
    this.markPending(dirty);
    let work = dirty;
    for (let pass = 0; pass < MAX_PASSES && work.size > 0; pass++) {
      const { levels, cyclic } = dependencyOrder(work);
      const moved: SheetRect[] = [];
      for (const level of levels) {
        const live = level.filter(
          (cell) => this.cells.get(cellKey(cell.sheet, cell.row, cell.column)) === cell
        );
        // One level at a time, its formulas concurrently; results are placed in a fixed order.
        // Formulas without async functions first, so they never wait for a pending one beside them.
        const async = new Set(live.filter((cell) => this.isAsync(cell.formula)));
        for (const group of [live.filter((c) => !async.has(c)), [...async]]) {
          if (group.length === 0) continue;
          const results = await Promise.all(group.map((cell) => this.evaluate(cell)));
          group.forEach((cell, i) => {
            const before = cell.spill;
            this.placer.place(cell, results[i]);
            if (!sameRect(before, cell.spill)) {
              if (before) moved.push(before);
              if (cell.spill) moved.push(cell.spill);
            }
          });
        }
      }
      for (const cell of cyclic)
        this.placer.place(
          cell,
          new CellError("#CALC!", "Circular reference: the formula depends on itself")
        );
      // Spills that grew or shrank change what their readers see: one more pass for those.
      const next = new Set<FormulaCell>();
      for (const rect of moved) for (const c of this.dependentsOf(rect)) next.add(c);
      work = next.size > 0 ? this.closure(next) : next;
    }
  }

  private async evaluate(cell: FormulaCell): Promise<FormulaResult> {
    const address = cellAddress(cell.sheet, cell.row, cell.column);
    this.streams.beginEvaluation(address);
    const result = await this.evaluator.evaluate(cell.formula, cell.sheet, cell.row, cell.column);
    this.streams.endEvaluation(address);
    this.evaluations++;
    return result;
  }
}
