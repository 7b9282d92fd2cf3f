/**
 * Streaming custom functions (@streaming) in the workbench: one live invocation per cell, as in
 * Excel. The function pushes values with invocation.setResult; the host re-evaluates the cell, which
 * reads the latest value. Changing the arguments or clearing the cell cancels the stream
 * (invocation.onCanceled), which is how CNTECH.QUOTE stops its timer.
 */
import { CellError, FormulaResult } from "./cell-values";
import { AnyFunction, toFormulaResult } from "./custom-function-adapter";

interface Session {
  key: string;
  latest: FormulaResult;
  invocation: { address: string; setResult(v: unknown): void; onCanceled?: () => void };
  cancelled: boolean;
  touched: boolean;
}

export class StreamSessions {
  private readonly sessions = new Map<string, Session>();

  /** @param onUpdate called (asynchronously) when a stream at an address has a new value. */
  constructor(private readonly onUpdate: (address: string) => void) {}

  /** The current value of the stream at an address, starting (or restarting) it when needed. */
  value(address: string, name: string, args: unknown[], fn: AnyFunction): FormulaResult {
    const key = `${name}(${JSON.stringify(args)})`;
    const existing = this.sessions.get(address);
    if (existing && existing.key === key && !existing.cancelled) {
      existing.touched = true;
      return existing.latest;
    }
    if (existing) this.cancel(address);
    const session: Session = {
      key,
      latest: new CellError("#BUSY!", "Waiting for the first value of the stream"),
      cancelled: false,
      touched: true,
      invocation: {
        address,
        setResult: (v: unknown) => {
          if (session.cancelled) return;
          session.latest = toFormulaResult(v);
          queueMicrotask(() => this.onUpdate(address));
        },
      },
    };
    this.sessions.set(address, session);
    try {
      const ret = fn(...args, session.invocation) as unknown;
      if (ret && typeof (ret as Promise<unknown>).catch === "function")
        (ret as Promise<unknown>).catch((e) => session.invocation.setResult(e));
    } catch (e) {
      session.latest = toFormulaResult(e);
    }
    return session.latest;
  }

  /** Marks every session as unused; sessions not read again before sweep() are cancelled. */
  beginEvaluation(address: string): void {
    const s = this.sessions.get(address);
    if (s) s.touched = false;
  }

  /** Cancels the session at an address if the last evaluation did not use it. */
  endEvaluation(address: string): void {
    const s = this.sessions.get(address);
    if (s && !s.touched) this.cancel(address);
  }

  /** Stops the stream at an address (cell cleared or formula changed). */
  cancel(address: string): void {
    const s = this.sessions.get(address);
    if (!s) return;
    s.cancelled = true;
    this.sessions.delete(address);
    try {
      s.invocation.onCanceled?.();
    } catch {
      // a failing cancel handler must not break recalculation
    }
  }

  /** Stops every stream (the workbook is closing, or a test is done with it). */
  cancelAll(): void {
    for (const address of [...this.sessions.keys()]) this.cancel(address);
  }

  /** Number of live streams (shown in the status bar, checked by tests). */
  get size(): number {
    return this.sessions.size;
  }
}
