import { FinanceError } from "../core/errors";

/**
 * Maps any failure to a CustomFunctions.Error. Custom messages are only shown by Excel
 * for #VALUE! and #N/A; #NUM! keeps the message for the CLI and logs.
 */
export function toExcelError(error: unknown): CustomFunctions.Error {
  if (error instanceof CustomFunctions.Error) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof FinanceError) {
    switch (error.kind) {
      case "value":
        return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);
      case "na":
        return new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, message);
      case "num":
        return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidNumber);
    }
  }
  return new CustomFunctions.Error(
    CustomFunctions.ErrorCode.notAvailable,
    `Unexpected failure: ${message}`
  );
}

/** Runs an async body and turns any failure into the matching Excel error (thrown, as Excel expects). */
export async function excelCall<T>(body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (e) {
    throw toExcelError(e);
  }
}
