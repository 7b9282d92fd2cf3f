/**
 * The request context of the in-memory Excel: a queue of commands that context.sync() runs in order,
 * with Office's accounting — one round trip per sync, the JSON size of each request, and the 5 MB
 * request/response limit Excel on the web enforces (RichApi.Error "RequestPayloadSizeLimitExceeded").
 */
import { CellChange, WorkbookModel } from "./workbook-model";
import { SimError } from "./sim-error";

/** Office's documented request/response payload limit for Excel on the web: 5 MB. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

export interface SimStats {
  /** context.sync() round trips with at least one command (incl. Excel.run's closing sync). */
  syncCount: number;
  /** Excel.run batches started. */
  runCount: number;
  largestPayloadBytes: number;
  totalPayloadBytes: number;
  largestResponseBytes: number;
  /** Request size of each sync, in order. */
  payloadBytes: number[];
  /** Syncs rejected for exceeding the payload limit. */
  rejectedSyncs: number;
}

export function emptyStats(): SimStats {
  return {
    syncCount: 0,
    runCount: 0,
    largestPayloadBytes: 0,
    totalPayloadBytes: 0,
    largestResponseBytes: 0,
    payloadBytes: [],
    rejectedSyncs: 0,
  };
}

/** One queued command. `payload` is what would travel to Excel (measured as JSON). */
export interface Op {
  readonly payload: unknown;
  /** Reads state (a load): formulas are recalculated before it when writes precede it. */
  readonly reads?: boolean;
  /** Runs against the model; returns the response part (for loads) to be measured. */
  run(changes: CellChange[]): unknown;
}

/** UTF-8 byte length of a string (no TextEncoder needed: some test environments lack it). */
function utf8Length(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 2; // surrogate pair: 4 bytes for 2 UTF-16 units
      i++;
    } else n += 2;
  }
  return n;
}

/** UTF-8 byte length of a value's JSON, as it would go over the wire. */
export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? "");
}

export class SimContext {
  private queue: Op[] = [];
  private closed = false;
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
  readonly debugInfo = {};
  // Set by index.ts to avoid a module cycle (WorkbookProxy depends on the context).
  workbook: unknown;

  constructor(
    readonly model: WorkbookModel,
    readonly stats: SimStats
  ) {}

  enqueue(op: Op): void {
    if (this.closed)
      throw new SimError(
        "InvalidObjectPath",
        "The object was used outside its Excel.run batch; its request context has ended"
      );
    this.queue.push(op);
  }

  get pendingCount(): number {
    return this.queue.length;
  }

  /** Queues a load of `props` on a proxy (context.load(object, props)). */
  load<T extends { load: (p?: unknown) => T }>(object: T, props?: unknown): T {
    return object.load(props);
  }

  /** Runs the queued commands in order; rejects like Office when the request is too large. */
  async sync<T>(passThrough?: T): Promise<T | undefined> {
    const ops = this.queue;
    this.queue = [];
    // Office.js makes no round trip for a request without actions (syncPrivate: !hasActions).
    if (ops.length === 0) return passThrough;
    const bytes = jsonBytes(ops.map((o) => o.payload));
    this.stats.syncCount++;
    this.stats.payloadBytes.push(bytes);
    this.stats.totalPayloadBytes += bytes;
    this.stats.largestPayloadBytes = Math.max(this.stats.largestPayloadBytes, bytes);
    if (bytes > PAYLOAD_LIMIT_BYTES) {
      this.stats.rejectedSyncs++;
      throw new SimError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size (${bytes} bytes) has exceeded the limit of ${PAYLOAD_LIMIT_BYTES} bytes`
      );
    }
    const allChanges: CellChange[] = [];
    let sinceCalc: CellChange[] = [];
    const responses: unknown[] = [];
    try {
      for (const op of ops) {
        if (op.reads && sinceCalc.length > 0 && this.model.calculator) {
          await this.model.calculator(this.model, sinceCalc);
          sinceCalc = [];
        }
        const changes: CellChange[] = [];
        const response = op.run(changes);
        if (response !== undefined) responses.push(response);
        allChanges.push(...changes);
        sinceCalc.push(...changes);
      }
      if (sinceCalc.length > 0 && this.model.calculator)
        await this.model.calculator(this.model, sinceCalc);
    } finally {
      // Commands before a failing one were applied (Office batches are not transactions).
      this.model.emit({ source: "sync", changes: allChanges });
    }
    const responseBytes = jsonBytes(responses);
    this.stats.largestResponseBytes = Math.max(this.stats.largestResponseBytes, responseBytes);
    if (responseBytes > PAYLOAD_LIMIT_BYTES)
      throw new SimError(
        "RequestPayloadSizeLimitExceeded",
        `The response payload size (${responseBytes} bytes) has exceeded the limit of ${PAYLOAD_LIMIT_BYTES} bytes`
      );
    return passThrough;
  }

  /** Ends the batch: later use of its proxies throws, as in Office. */
  close(): void {
    this.closed = true;
  }
}

/** A method's scalar result (e.g. getCount()), readable after sync. */
export class ClientResult<T> {
  private loaded = false;
  private result: T | undefined;

  set(value: T): void {
    this.result = value;
    this.loaded = true;
  }

  get value(): T {
    if (!this.loaded)
      throw new SimError(
        "PropertyNotLoaded",
        "The value of the result object has not been loaded yet. Before reading the value property, call context.sync()"
      );
    return this.result as T;
  }
}
