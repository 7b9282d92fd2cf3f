/**
 * Turns the functions bundle's registrations (CustomFunctions.associate, recorded by the shim) into
 * formula-library functions, calling them the way Excel does: one argument per declared parameter
 * (null when omitted), ranges as 2-D arrays for matrix parameters, an invocation object last for
 * streaming / cancelable / address-aware functions, and thrown CustomFunctions.Error as error values.
 */
import { CellError, FormulaResult, ScalarValue } from "./cell-values";
import { StreamSessions } from "./stream-sessions";

/** The parts of dist/functions.json the host needs. */
export interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: Array<{
    name: string;
    description?: string;
    type?: string;
    dimensionality?: string;
    optional?: boolean;
    repeating?: boolean;
  }>;
  result?: { type?: string; dimensionality?: string };
  options?: {
    stream?: boolean;
    cancelable?: boolean;
    requiresAddress?: boolean;
    volatile?: boolean;
  };
}

/** What fast-formula-parser passes a function for each argument. */
export interface LibraryArg {
  value: unknown;
  isArray?: boolean;
  isRangeRef?: boolean;
  isCellRef?: boolean;
  omitted?: boolean;
}

/** The calling position the formula library exposes to context-aware functions. */
export interface CallContext {
  position: { sheet: string; row: number; col: number };
}

export type AnyFunction = (...args: unknown[]) => unknown;

/** How a thrown or returned value is recognised as a CustomFunctions.Error. */
function asCellError(e: unknown): CellError | undefined {
  if (e instanceof CellError) return e;
  // The formula library's own error values (e.g. an #N/A read from a cell) carry `error`.
  if (e instanceof Error && typeof (e as { error?: unknown }).error === "string") {
    const code = (e as unknown as { error: string }).error;
    if (code.startsWith("#")) return new CellError(code, e.message);
  }
  if (
    e &&
    typeof e === "object" &&
    "code" in e &&
    typeof (e as { code: unknown }).code === "string"
  ) {
    const { code, message } = e as { code: string; message?: string };
    if (code.startsWith("#")) return new CellError(code, message ?? "");
  }
  return undefined;
}

/** Converts one value a custom function returned into a cell value. */
export function toScalar(value: unknown): ScalarValue {
  const err = asCellError(value);
  if (err) return err;
  if (value === undefined || value === null) return null;
  if (typeof value === "number") {
    if (Number.isNaN(value)) return new CellError("#VALUE!", "The function returned NaN");
    if (!Number.isFinite(value)) return new CellError("#NUM!", "The function returned infinity");
    return value;
  }
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Error) return new CellError("#VALUE!", value.message);
  return new CellError("#VALUE!", `The function returned an unsupported ${typeof value}`);
}

/** Converts a custom function's whole result (scalar or 2-D array). */
export function toFormulaResult(value: unknown): FormulaResult {
  if (Array.isArray(value)) {
    if (value.length === 0 || !Array.isArray(value[0]) || value[0].length === 0)
      return new CellError("#CALC!", "The function returned an empty array");
    return value.map((row: unknown) => (Array.isArray(row) ? row.map(toScalar) : [toScalar(row)]));
  }
  return toScalar(value);
}

function emptyToBlank(v: unknown): unknown {
  return v === null || v === undefined ? "" : v;
}

/** Excel's coercion of one argument for a declared parameter. */
function convertArg(
  arg: LibraryArg | undefined,
  param: FunctionMetadata["parameters"][number] | undefined
): unknown {
  if (!arg || arg.omitted) return null;
  const matrix = param?.dimensionality === "matrix";
  const value = arg.value;
  if (matrix) {
    const rows = Array.isArray(value) ? (value as unknown[][]) : [[value]];
    // Excel does not call a custom function with an error in its arguments: it returns the error.
    for (const row of rows) for (const v of row) if (v instanceof Error) throw v;
    return rows.map((row) => row.map(emptyToBlank));
  }
  // A scalar parameter given a range: Excel takes the first cell (implicit intersection aside).
  const scalar = Array.isArray(value) ? (value[0] as unknown[])?.[0] : value;
  if (scalar instanceof Error) throw scalar; // an error argument propagates, as in Excel
  if (param?.type === "number") {
    if (scalar === null || scalar === undefined || scalar === "") return 0;
    if (typeof scalar === "boolean") return scalar ? 1 : 0;
    if (typeof scalar === "string") {
      const n = Number(scalar);
      if (scalar.trim() === "" || Number.isNaN(n))
        throw new CellError("#VALUE!", `${param.name} must be a number, got "${scalar}"`);
      return n;
    }
  }
  if (param?.type === "string" && typeof scalar === "number") return String(scalar);
  return scalar === undefined || scalar === null ? "" : scalar;
}

/** Builds the argument list Excel would pass for one call. */
export function excelArguments(meta: FunctionMetadata, args: LibraryArg[]): unknown[] {
  const out: unknown[] = [];
  meta.parameters.forEach((param, i) => {
    if (param.repeating) {
      out.push(args.slice(i).map((a) => convertArg(a, param)));
    } else {
      out.push(convertArg(args[i], param));
    }
  });
  return out;
}

/** The invocation object Excel passes last to functions that ask for one. */
function needsInvocation(meta: FunctionMetadata): boolean {
  const o = meta.options ?? {};
  return Boolean(o.stream || o.cancelable || o.requiresAddress);
}

function addressOf(ctx: CallContext): string {
  const { sheet, row, col } = ctx.position;
  let letters = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  const quoted = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${quoted}!${letters}${row}`;
}

/**
 * Wraps every registered function as `NAMESPACE.NAME` for fast-formula-parser's functionsNeedContext.
 * Errors come back as CellError results (converted to the library's error type by the caller).
 */
export function buildCustomFunctions(
  namespace: string,
  metadata: FunctionMetadata[],
  registry: Map<string, AnyFunction>,
  streams: StreamSessions
): Record<string, (ctx: CallContext, ...args: LibraryArg[]) => Promise<FormulaResult>> {
  const out: Record<string, (ctx: CallContext, ...args: LibraryArg[]) => Promise<FormulaResult>> =
    {};
  for (const meta of metadata) {
    const fullName = `${namespace}.${meta.name}`.toUpperCase();
    out[fullName] = async (ctx, ...libArgs) => {
      const fn = registry.get(meta.id.toUpperCase());
      if (!fn)
        return new CellError("#NAME?", `${fullName} is not registered by the functions bundle`);
      let args: unknown[];
      try {
        args = excelArguments(meta, libArgs);
      } catch (e) {
        return asCellError(e) ?? new CellError("#VALUE!", String(e));
      }
      const address = addressOf(ctx);
      if (meta.options?.stream) return streams.value(address, fullName, args, fn);
      if (needsInvocation(meta)) args.push({ address, onCanceled: undefined });
      try {
        return toFormulaResult(await fn(...args));
      } catch (e) {
        return (
          asCellError(e) ?? new CellError("#VALUE!", e instanceof Error ? e.message : String(e))
        );
      }
    };
  }
  return out;
}
