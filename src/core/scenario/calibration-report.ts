import type { CalibrationOptions } from "./fit";

/** Error of a set of predictions over one event's instruments, decimal return points. */
export interface ReportedError {
  readonly rmse: number;
  readonly meanAbs: number;
  readonly maxAbs: number;
}

export interface ReportedEvent {
  readonly event: string;
  readonly count: number;
  /** The prior (judgement) exposures and the preset's stated levels. */
  readonly before: ReportedError;
  /** The shipped (fitted) exposures and levels. */
  readonly inSample: ReportedError;
  /** Fitted without this event, predicted from the event's stated levels. */
  readonly outOfSample: ReportedError;
}

export interface CalibrationReport {
  readonly options: CalibrationOptions;
  /** Mean |predicted − real| over every row of the event table. */
  readonly meanAbs: {
    readonly before: number;
    readonly inSample: number;
    readonly outOfSample: number;
  };
  readonly events: readonly ReportedEvent[];
  readonly outOfSample: readonly number[];
}
