/**
 * Evaluates one formula with fast-formula-parser (Excel's grammar and ~280 built-in functions),
 * reading cells and names through a callback interface and calling CNTECH.* functions through the
 * functions bundle. A parser instance keeps per-parse state, so each evaluation borrows one from a
 * small pool: independent formulas evaluate concurrently, as Excel runs async custom functions.
 */
import FormulaParser from "fast-formula-parser";
import type { CellRef, RangeRef } from "fast-formula-parser";
import { CellError, FormulaResult, ScalarValue, isCellError } from "./cell-values";
import type { CallContext, LibraryArg } from "./custom-function-adapter";
import { collapseDeadReferences } from "../excel-sim/sheet-references";

/** A rectangle of cells on one sheet (0-based, like the excel-sim). */
export interface SheetRect {
  sheet: string;
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}

/** What the evaluator reads from the workbook. */
export interface EvaluationSource {
  /** Value a formula sees in a cell (computed value for formula cells); null when empty. */
  cell(sheet: string, row: number, column: number): ScalarValue;
  /** Number of used rows / columns on a sheet, to clip whole-column references. */
  extent(sheet: string): { rows: number; columns: number };
  /** A defined name's target, or undefined. */
  resolveName(name: string, sheet: string): SheetRect | undefined;
}

export type HostFunction = (ctx: CallContext, ...args: LibraryArg[]) => Promise<FormulaResult>;

const { FormulaError, DepParser } = FormulaParser;

function toLibraryValue(v: ScalarValue): unknown {
  return isCellError(v) ? new FormulaError(v.code, v.message || undefined) : v;
}

/** Rows and columns of a library argument: a cell or range reference, an array, or a scalar. */
function arrayShape(arg: unknown): { rows: number; columns: number } {
  const a = arg as {
    ref?: { row?: number; from?: { row: number; col: number }; to?: { row: number; col: number } };
    value?: unknown;
  };
  if (a?.ref?.from && a.ref.to)
    return {
      rows: Math.abs(a.ref.to.row - a.ref.from.row) + 1,
      columns: Math.abs(a.ref.to.col - a.ref.from.col) + 1,
    };
  if (a?.ref) return { rows: 1, columns: 1 };
  const v = a && typeof a === "object" && "value" in a ? a.value : arg;
  if (v instanceof FormulaError) throw v;
  if (Array.isArray(v)) return { rows: v.length, columns: Array.isArray(v[0]) ? v[0].length : 1 };
  return { rows: 1, columns: 1 };
}

function fromLibraryValue(v: unknown): ScalarValue {
  if (v instanceof FormulaError) return new CellError(v.error, v.message ?? "");
  if (v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean" || v === null)
    return v;
  return new CellError("#VALUE!", "Unsupported value");
}

function rectOf(ref: CellRef | RangeRef, sheet: string): SheetRect {
  if ("from" in ref) {
    return {
      sheet: ref.sheet ?? sheet,
      row: ref.from.row - 1,
      column: ref.from.col - 1,
      rowCount: ref.to.row - ref.from.row + 1,
      columnCount: ref.to.col - ref.from.col + 1,
    };
  }
  return {
    sheet: ref.sheet ?? sheet,
    row: ref.row - 1,
    column: ref.col - 1,
    rowCount: 1,
    columnCount: 1,
  };
}

function refOf(rect: SheetRect): CellRef | RangeRef {
  if (rect.rowCount === 1 && rect.columnCount === 1)
    return { sheet: rect.sheet, row: rect.row + 1, col: rect.column + 1 };
  return {
    sheet: rect.sheet,
    from: { row: rect.row + 1, col: rect.column + 1 },
    to: { row: rect.row + rect.rowCount, col: rect.column + rect.columnCount },
  };
}

/** Parsers in the pool (each costs ~15 ms to build; created on demand). */
const MAX_PARSERS = 16;

export class FormulaEvaluator {
  private readonly makeParser: () => FormulaParser;
  private readonly idle: FormulaParser[] = [];
  private readonly waiting: Array<(p: FormulaParser) => void> = [];
  private created = 0;
  private readonly deps: InstanceType<typeof DepParser>;

  constructor(
    private readonly source: EvaluationSource,
    hostFunctions: Record<string, HostFunction>
  ) {
    const functionsNeedContext: Record<string, (ctx: CallContext, ...a: LibraryArg[]) => unknown> =
      {};
    for (const [name, fn] of Object.entries(hostFunctions)) {
      functionsNeedContext[name] = async (ctx, ...args) => {
        const result = await fn(ctx, ...args);
        if (Array.isArray(result)) return result.map((row) => row.map(toLibraryValue));
        return toLibraryValue(result);
      };
    }
    // Excel's ROWS and COLUMNS take arrays as well as references (ROWS(CNTECH.HISTORY(...))); the
    // library's versions accept references only.
    functionsNeedContext.ROWS = (_ctx, arg) => arrayShape(arg).rows;
    functionsNeedContext.COLUMNS = (_ctx, arg) => arrayShape(arg).columns;
    const onVariable = (name: string, sheet: string): CellRef | RangeRef | null => {
      const rect = this.source.resolveName(name, sheet);
      return rect ? refOf(rect) : null;
    };
    this.makeParser = () =>
      new FormulaParser({
        functionsNeedContext,
        onVariable,
        onCell: (ref) => toLibraryValue(this.source.cell(ref.sheet!, ref.row - 1, ref.col - 1)),
        onRange: (ref) => this.readRange(ref),
      });
    this.deps = new DepParser({ onVariable });
  }

  private acquire(): Promise<FormulaParser> {
    const parser = this.idle.pop();
    if (parser) return Promise.resolve(parser);
    if (this.created < MAX_PARSERS) {
      this.created++;
      return Promise.resolve(this.makeParser());
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(parser: FormulaParser): void {
    const next = this.waiting.shift();
    if (next) next(parser);
    else this.idle.push(parser);
  }

  private readRange(ref: RangeRef): unknown[][] {
    const sheet = ref.sheet!;
    let lastRow = ref.to.row;
    let lastCol = ref.to.col;
    // Whole-column / whole-row references stop at the used range (Excel's result is the same).
    if (lastRow - ref.from.row > 100000 || lastCol - ref.from.col > 1000) {
      const { rows, columns } = this.source.extent(sheet);
      lastRow = Math.min(lastRow, Math.max(rows, ref.from.row));
      lastCol = Math.min(lastCol, Math.max(columns, ref.from.col));
    }
    const out: unknown[][] = [];
    for (let r = ref.from.row; r <= lastRow; r++) {
      const line: unknown[] = [];
      for (let c = ref.from.col; c <= lastCol; c++)
        line.push(toLibraryValue(this.source.cell(sheet, r - 1, c - 1)));
      out.push(line);
    }
    return out;
  }

  /** The cells and ranges a formula reads (names resolved), for the dependency graph. */
  precedents(formula: string, sheet: string, row: number, column: number): SheetRect[] {
    try {
      const refs = this.deps.parse(stripEquals(formula), { sheet, row: row + 1, col: column + 1 });
      return refs.map((r) => rectOf(r, sheet));
    } catch {
      return []; // a formula that does not parse reads nothing; evaluate() reports the error
    }
  }

  /** Evaluates a formula at a position; never throws (errors become CellError values). */
  async evaluate(
    formula: string,
    sheet: string,
    row: number,
    column: number
  ): Promise<FormulaResult> {
    const parser = await this.acquire();
    try {
      const res = await parser.parseAsync(
        stripEquals(formula),
        { sheet, row: row + 1, col: column + 1 },
        true
      );
      if (Array.isArray(res)) {
        return res.map((line: unknown[]) =>
          line.map((v) => (v === null || v === undefined ? "" : fromLibraryValue(v)))
        );
      }
      const value = fromLibraryValue(res);
      return value === null ? 0 : value; // =A1 of an empty cell shows 0, as in Excel
    } catch (e) {
      return describeFailure(e);
    } finally {
      this.release(parser);
    }
  }
}

/** The formula without its "=", dead sheet references collapsed to #REF! (the parser cannot read "#REF!A1"). */
function stripEquals(formula: string): string {
  return collapseDeadReferences(formula.startsWith("=") ? formula.slice(1) : formula);
}

/** Maps the library's thrown errors (syntax, unknown function) to what Excel would show. */
function describeFailure(e: unknown): CellError {
  const message = e instanceof Error ? e.message : String(e);
  const unknown = /Function (\S+) is not implemented/.exec(message);
  if (unknown) return new CellError("#NAME?", `Unknown function ${unknown[1]}`);
  if (e instanceof FormulaError && e.error !== "#ERROR!") return new CellError(e.error, message);
  const firstLine = message.split("\n").find((l) => l.trim() !== "") ?? message;
  return new CellError("#NAME?", `The formula cannot be parsed: ${firstLine.trim()}`);
}
