/**
 * Typed failures of the finance core. The functions layer maps each kind to an
 * Excel error: "value" → #VALUE!, "na" → #N/A, "num" → #NUM!.
 */
export type FinanceErrorKind = "value" | "na" | "num";

export class FinanceError extends Error {
  readonly kind: FinanceErrorKind;

  constructor(kind: FinanceErrorKind, message: string) {
    super(message);
    this.name = "FinanceError";
    this.kind = kind;
  }
}

/** Bad argument: wrong type, unparseable date, start after end, unknown option. Example: throw invalidValue("start date is after end date"). */
export const invalidValue = (message: string): FinanceError => new FinanceError("value", message);
/** Not available: unknown symbol, no data in the window. Example: throw notAvailable("XYZ: unknown symbol"). */
export const notAvailable = (message: string): FinanceError => new FinanceError("na", message);
/** Numerically impossible: weights summing to zero, too few points for a statistic. Example: throw invalidNumber("weights sum to zero"). */
export const invalidNumber = (message: string): FinanceError => new FinanceError("num", message);
