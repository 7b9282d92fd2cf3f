/** A daily price file in a public repository, at the commit the figures were measured from. */
export interface PriceFile {
  readonly repo: string;
  readonly commit: string;
  readonly path: string;
}

/** A historical event window: close of `start` to close of `end` (ISO dates). */
export interface EventWindow {
  readonly start: string;
  readonly end: string;
}

/** [event id, symbol, start close, end close, return (decimal)], as generated. */
export type EventRow = readonly [string, string, number, number, number];
