/**
 * What the Import tab asks for and what an import reports back. Plain data: no React, no Excel.
 */
import { DayNumber } from "../../core/dates";

export type ImportFrequency = "daily" | "weekly" | "monthly";
/** "close": traded closes; "adjclose": adjusted closes (dividends and splits, total-return levels). */
export type ImportField = "close" | "adjclose";
export type ReportingCurrency = "USD" | "HKD" | "CNY";

export interface BasketSpec {
  /** Label for the basket column and chart, e.g. "HSTECH" or "Custom basket". */
  readonly label: string;
  /** Preset name when the basket is a preset (live formulas then name it). */
  readonly preset?: string;
  readonly symbols: readonly string[];
  /** Company names by symbol, where known. */
  readonly names?: Readonly<Record<string, string>>;
  /** One weight per symbol; equal weights when omitted. */
  readonly weights?: readonly number[];
  /** Membership dates per symbol (in step with symbols); a missing from / to is unbounded. */
  readonly dates?: readonly MemberDates[];
}

/** The days a constituent is a member: it joins on its first close on or after `from` and leaves after its last close on or before `to`. */
export interface MemberDates {
  readonly from?: DayNumber;
  readonly to?: DayNumber;
}

export interface ImportRequest {
  readonly basket: BasketSpec;
  /** Benchmark symbol (default "^NDX", the Nasdaq-100). */
  readonly benchmark: string;
  readonly start: DayNumber;
  readonly end: DayNumber;
  readonly frequency: ImportFrequency;
  readonly field: ImportField;
  readonly currency: ReportingCurrency;
  /** Write the summary as live =CNTECH.* formulas instead of values. */
  readonly liveFormulas: boolean;
  /** Why the summary holds values although live formulas were asked for (shown in its header). */
  readonly valuesNote?: string;
  /** Sheet names start with this (default "CNTech"). */
  readonly sheetPrefix?: string;
  /**
   * Replace existing sheets with the same names. Needs `confirmReplace` when any of them has content:
   * without it the import stops before writing anything (OverwriteNeedsConfirmation).
   */
  readonly replaceExisting?: boolean;
  readonly confirmReplace?: boolean;
  /** Request size budget per sync, in bytes (default 1 MB, a fifth of Excel's 5 MB limit). */
  readonly chunkBytes?: number;
}

export interface ImportProgress {
  readonly phase: "fetch" | "write" | "finish";
  readonly done: number;
  readonly total: number;
  /** Plain words for the progress bar, e.g. "Writing CNTech Prices: 2,000 of 2,520 rows". */
  readonly message: string;
}

export type ImportStatus = "done" | "cancelled" | "failed";

export interface ImportOutcome {
  readonly status: ImportStatus;
  /** Final sheet names written (empty unless done). */
  readonly sheets: readonly string[];
  readonly rowsWritten: number;
  /** What happened, in plain words, including what is (or is not) left in the workbook. */
  readonly message: string;
  /** Per-symbol notes (missing data, conversion problems). */
  readonly warnings: readonly string[];
}

/** Thrown before any write when replacing sheets that hold data was not confirmed. */
export class OverwriteNeedsConfirmation extends Error {
  constructor(readonly sheets: readonly string[]) {
    super(
      `These sheets already exist and hold data: ${sheets.join(", ")}. Confirm to replace them, or untick "Replace existing sheets" to write new ones.`
    );
    this.name = "OverwriteNeedsConfirmation";
  }
}
