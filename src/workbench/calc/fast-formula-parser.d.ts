/** The parts of fast-formula-parser (MIT, no bundled types) the workbench uses. */
declare module "fast-formula-parser" {
  export interface CellRef {
    sheet?: string;
    row: number;
    col: number;
  }
  export interface RangeRef {
    sheet?: string;
    from: { row: number; col: number };
    to: { row: number; col: number };
  }
  export interface Position {
    sheet: string;
    row: number;
    col: number;
  }
  export interface ParserConfig {
    functions?: Record<string, (...args: unknown[]) => unknown>;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    functionsNeedContext?: Record<string, (context: any, ...args: any[]) => unknown>;
    onVariable?: (name: string, sheet: string, position?: Position) => CellRef | RangeRef | null;
    onCell?: (ref: CellRef) => unknown;
    onRange?: (ref: RangeRef) => unknown[][];
  }
  export class FormulaError extends Error {
    constructor(error: string, msg?: string, details?: unknown);
    readonly error: string;
    details?: unknown;
    static readonly NA: FormulaError;
    static readonly VALUE: FormulaError;
    static readonly REF: FormulaError;
    static readonly NAME: FormulaError;
  }
  export class DepParser {
    constructor(config?: { onVariable?: ParserConfig["onVariable"] });
    parse(formula: string, position: Position): Array<CellRef | RangeRef>;
  }
  export const SSF: { format(fmt: string, value: unknown): string };
  export const MAX_ROW: number;
  export const MAX_COLUMN: number;
  export default class FormulaParser {
    constructor(config?: ParserConfig);
    parse(formula: string, position: Position, allowReturnArray?: boolean): unknown;
    parseAsync(formula: string, position: Position, allowReturnArray?: boolean): Promise<unknown>;
    static readonly FormulaError: typeof FormulaError;
    static readonly DepParser: typeof DepParser;
    static readonly SSF: { format(fmt: string, value: unknown): string };
  }
}
