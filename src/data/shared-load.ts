/**
 * The one path for "the history of X in currency C over a window, coalesced", used by formulas and
 * by the task pane's import. Callers waiting for the same series share ONE load per (symbol,
 * currency, need): each is a small waiter record (also its own cancellation listener), woken when
 * the load settles. Cancelling a caller stops its wait; cancelling the last one aborts the request.
 */
import { Currency } from "../core/currency";
import { DayNumber } from "../core/dates";
import { fetchInCurrency, peekInCurrency, SourcedSeries } from "./in-currency";
import { MarketData } from "./market-data";
import { ProviderError } from "./provider-error";
import { HistoryNeed } from "./types";

/**
 * One symbol's history covering [from, to] in `target` (local prices × FX local→target, the last
 * fixing on or before each close), or in its own currency when `target` is undefined, handed to
 * `use` (synchronous; its result or throw settles the promise). Failures, of the load or of `use`,
 * reject with `fail(error)`. `need` "close" asks for closes only. The one path formulas and the
 * task pane load series through.
 *
 * Cached data is answered with no await. On a miss the caller joins ONE shared load per
 * (symbol, currency, need) as a small waiter record; the load wakes its waiters when it settles. A
 * storm of 10,000 waiting formulas keeps 10,000 records and promises alive, not 10,000 promise chains.
 */
export function whenInCurrency<T>(
  md: MarketData,
  symbol: string,
  from: DayNumber,
  to: DayNumber,
  target: Currency | undefined,
  signal: AbortSignal | undefined,
  use: (series: SourcedSeries) => T,
  fail: (error: unknown) => unknown,
  need?: HistoryNeed
): Promise<T> {
  try {
    const hit = peekInCurrency(md, symbol, from, to, target, false, need);
    if (hit) return Promise.resolve(use(hit));
  } catch (e) {
    return Promise.reject(fail(e));
  }
  if (signal?.aborted) return Promise.reject(fail(cancelled(md)));
  const load = sharedLoad(md, symbol, from, to, target, need);
  const waiter = new Waiter(load, md, symbol, from, to, target, signal, use, fail);
  return new Promise<T>((resolve, reject) => waiter.join(resolve, reject));
}

/** One in-flight load of a symbol in a currency, shared by every formula waiting for it. */
interface SharedLoad {
  readonly key: string;
  /** Closes only, or with a total-return basis (see MarketData.getHistory). */
  readonly need: HistoryNeed | undefined;
  readonly controller: AbortController;
  /** Formulas to wake when the load settles. */
  waiting: Array<Waiter<unknown>>;
  /** Waiting formulas not cancelled: the last one to be cancelled aborts the request. */
  active: number;
  settled: boolean;
}

/** Shared loads per market data service (tests and the pane may install a new one). */
const sharedLoads = new WeakMap<MarketData, Map<string, SharedLoad>>();

function sharedLoad(
  md: MarketData,
  symbol: string,
  from: DayNumber,
  to: DayNumber,
  target: Currency | undefined,
  need: HistoryNeed | undefined
): SharedLoad {
  let loads = sharedLoads.get(md);
  if (!loads) sharedLoads.set(md, (loads = new Map()));
  const key = `${md.normalize(symbol)} ${target ?? ""}${need === "close" ? " close" : ""}`;
  const existing = loads.get(key);
  if (existing) return existing;
  const load: SharedLoad = {
    key,
    need,
    controller: new AbortController(),
    waiting: [],
    active: 0,
    settled: false,
  };
  const done = (): Array<Waiter<unknown>> => {
    load.settled = true;
    if (loads!.get(key) === load) loads!.delete(key);
    const waiting = load.waiting;
    load.waiting = [];
    return waiting;
  };
  const asked = Date.now();
  fetchInCurrency(md, symbol, from, to, target, load.controller.signal, need)
    .then((r) =>
      // Data that had to be fetched wakes hundreds of waiting formulas at once: let the data layer
      // send its next queued requests before they compute (a macrotask), so computing overlaps the network.
      Date.now() - asked >= 2 ? new Promise<SourcedSeries>((ok) => setTimeout(ok, 0, r)) : r
    )
    .then(
      (r) => done().forEach((w) => w.wake(r)),
      (e) => done().forEach((w) => w.failed(e))
    );
  loads.set(key, load);
  return load;
}

function cancelled(md: MarketData): ProviderError {
  return new ProviderError(md.providerName, "cancelled", "request cancelled");
}

/**
 * A formula waiting for a shared load, and its cancellation listener (an EventListener object, so
 * no closure per formula). Settled exactly once: woken, failed or cancelled.
 */
class Waiter<T> {
  private resolve: ((value: T | PromiseLike<T>) => void) | undefined;
  private reject: ((error: unknown) => void) | undefined;

  constructor(
    private readonly load: SharedLoad,
    private readonly md: MarketData,
    private readonly symbol: string,
    private readonly from: DayNumber,
    private readonly to: DayNumber,
    private readonly currency: Currency | undefined,
    private readonly signal: AbortSignal | undefined,
    private readonly use: (series: SourcedSeries) => T,
    private readonly fail: (error: unknown) => unknown
  ) {}

  /** Joins the load (called from the formula's promise executor). */
  join(resolve: (value: T | PromiseLike<T>) => void, reject: (error: unknown) => void): void {
    this.resolve = resolve;
    this.reject = reject;
    this.load.waiting.push(this as Waiter<unknown>);
    this.load.active++;
    this.signal?.addEventListener("abort", this);
  }

  /** Excel cancelled the formula: it stops waiting; the last one to go aborts the shared request. */
  handleEvent(): void {
    const reject = this.reject;
    if (!this.stop() || !reject) return;
    reject(this.fail(cancelled(this.md)));
    const load = this.load;
    if (--load.active === 0 && !load.settled) {
      load.settled = true;
      const loads = sharedLoads.get(this.md);
      if (loads?.get(load.key) === load) loads.delete(load.key);
      load.controller.abort();
    }
  }

  /** The shared load is done: answer from the cache, or (when widening did not cover it) fetch. */
  wake(first: SourcedSeries): void {
    const { resolve, reject } = this;
    if (!this.stop() || !resolve || !reject) return;
    const { md, symbol, from, to, currency } = this;
    const need = this.load.need;
    try {
      const stale = first.provenance.stale === true;
      const hit = peekInCurrency(md, symbol, from, to, currency, stale, need);
      if (hit) return resolve(this.use(hit));
    } catch (e) {
      return reject(this.fail(e));
    }
    fetchInCurrency(md, symbol, from, to, currency, this.signal, need)
      .then(this.use)
      .then(resolve, (e) => reject(this.fail(e)));
  }

  failed(error: unknown): void {
    const reject = this.reject;
    if (this.stop() && reject) reject(this.fail(this.signal?.aborted ? cancelled(this.md) : error));
  }

  /** True the first time only: forgets the settle functions and stops listening for cancellation. */
  private stop(): boolean {
    if (!this.resolve) return false;
    this.resolve = undefined;
    this.reject = undefined;
    this.signal?.removeEventListener("abort", this);
    return true;
  }
}
