import { FinanceError, FinanceErrorKind } from "../core/errors";

/** Longest message put into a cell error; Excel shows it in a tooltip, so keep it short. */
const MAX_MESSAGE = 200;

/** Query-string secrets that must never reach a cell, even inside a provider's error text. */
const SECRET_PARAMS = /\b(api[_-]?key|apikey|api_token|token|access_key|key)=([^&\s"']+)/gi;

/** Removes anything that looks like a credential and trims the text to a tooltip's length. */
export function cleanMessage(message: string): string {
  const clean = message.replace(SECRET_PARAMS, "$1=***").replace(/\s+/g, " ").trim();
  return clean.length > MAX_MESSAGE ? clean.slice(0, MAX_MESSAGE - 1) + "…" : clean;
}

function kindOf(error: unknown): FinanceErrorKind | undefined {
  if (error instanceof FinanceError) return error.kind;
  // Errors from another copy of the core (e.g. a provider module) carry the same shape.
  const kind = (error as { kind?: unknown } | null)?.kind;
  return kind === "value" || kind === "na" || kind === "num" ? kind : undefined;
}

/**
 * The text behind an error value: Excel shows custom messages only for #VALUE! and #N/A, so a
 * #NUM! carries its explanation in `detail` (read by the CLI and tests, ignored by Excel).
 */
export function errorDetail(error: CustomFunctions.Error): string {
  return error.message || (error as { detail?: string }).detail || "";
}

/** Maps any failure to a CustomFunctions.Error with the matching code and a short message. */
export function toExcelError(error: unknown): CustomFunctions.Error {
  if (error instanceof CustomFunctions.Error) return error;
  // Errors may come from another realm (e.g. a data service installed by the task pane's bundle),
  // where `instanceof Error` is false: read the message field itself.
  const raw = (error as { message?: unknown } | null)?.message;
  const message = cleanMessage(typeof raw === "string" ? raw : String(error));
  switch (kindOf(error)) {
    case "value":
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);
    case "na":
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, message);
    case "num": {
      const num = new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidNumber);
      Object.defineProperty(num, "detail", { value: message, enumerable: false });
      return num;
    }
    default:
      return new CustomFunctions.Error(
        CustomFunctions.ErrorCode.notAvailable,
        cleanMessage(`Unexpected failure: ${message}`)
      );
  }
}

/** Guards a result: a NaN or infinite figure is never shown as a number. */
export function finiteOrThrow(value: number, what: string): number {
  if (!Number.isFinite(value)) throw new FinanceError("num", `${what} is not a finite number`);
  return value;
}

function rethrowAsExcelError(e: unknown): never {
  throw toExcelError(e);
}

/**
 * Runs a formula whose data step takes an error mapper (whenInCurrency, whenLevels): `start` parses
 * the arguments and returns the pending result, passing `fail` on so that a failure, of parsing, of
 * the data or of the computation, becomes the matching Excel error without another promise in the
 * chain (a storm keeps thousands of waiting formulas alive).
 */
export function excelFormula<T>(
  start: (fail: (error: unknown) => unknown) => Promise<T>
): Promise<T> {
  try {
    return start(toExcelError);
  } catch (e) {
    return Promise.reject(toExcelError(e));
  }
}

/**
 * Runs an async body and turns any failure into the matching Excel error (thrown, as Excel expects).
 * Not itself async: a storm keeps thousands of calls waiting, and each suspended async frame costs memory.
 */
export function excelCall<T>(body: () => Promise<T>): Promise<T> {
  try {
    return body().then(undefined, rethrowAsExcelError);
  } catch (e) {
    return Promise.reject(toExcelError(e));
  }
}
