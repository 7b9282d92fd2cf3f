/**
 * Reading formula results back. Excel does not wait for asynchronous functions before answering a
 * read: a cell whose function has not answered yet reads as #BUSY! (custom functions, STOCKHISTORY)
 * or #GETTING_DATA (linked data types). Microsoft: "#BUSY errors are returned when a formula is
 * waiting for a required resource … A function in the formula is still executing" (support article
 * "How to correct a #BUSY! error"). Code that reads results after writing formulas polls, with a
 * bound, and reports what is still pending instead of taking #BUSY! for a result.
 */

/** Values Excel shows while a result is still coming. */
export const PENDING_VALUES: ReadonlySet<string> = new Set(["#BUSY!", "#GETTING_DATA"]);

export const isPending = (value: unknown): boolean =>
  typeof value === "string" && PENDING_VALUES.has(value);

export interface PollOptions {
  /** Wait between reads (ms, default 500). */
  readonly pollMs?: number;
  /** Reads after the first before giving up (default 60). */
  readonly maxPolls?: number;
  /** Stops polling (the caller decides what a cancel means). */
  readonly signal?: AbortSignal;
  /** Waits between reads (injectable for tests). */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** A range whose values can be loaded and read after a sync (Excel.Range or the in-memory one). */
export interface LoadableValues {
  load(props: "values"): unknown;
  readonly values: unknown[][];
}

/**
 * Loads `range.values` until no cell is pending or the bound is reached; resolves to the last
 * values and how many cells were still pending (0 when everything settled).
 */
export async function readWhenSettled(
  context: { sync(): Promise<unknown> },
  range: LoadableValues,
  options: PollOptions = {}
): Promise<{ values: unknown[][]; pending: number }> {
  const sleep = options.sleep ?? ((ms) => new Promise<void>((r) => setTimeout(r, ms)));
  const maxPolls = options.maxPolls ?? 60;
  for (let poll = 0; ; poll++) {
    range.load("values");
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- polling until Excel has the results
    await context.sync();
    const pending = range.values.reduce((n, row) => n + row.filter(isPending).length, 0);
    if (pending === 0 || poll >= maxPolls || options.signal?.aborted)
      return { values: range.values, pending };
    await sleep(options.pollMs ?? 500);
  }
}
