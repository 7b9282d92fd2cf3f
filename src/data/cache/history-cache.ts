import { createLRU } from "lru.min";
import { DayNumber } from "../../core/dates";
import { isTransientFailure, ProviderError } from "../provider-error";
import { HistoryResult } from "../types";
import { PersistentStore } from "./persistent-store";
import { CacheEntry, decodeEntry, encodeEntry } from "./series-codec";

/** Fetches [from, to] of one series from the source; the signal aborts the HTTP request. */
export type SeriesFetcher = (
  from: DayNumber,
  to: DayNumber,
  signal: AbortSignal
) => Promise<HistoryResult>;

export interface HistoryCacheOptions {
  /** Name used in error messages ("Financial Modeling Prep"). */
  readonly providerName: string;
  /** Clock in epoch ms (injectable for tests). */
  readonly now?: () => number;
  /** How long a fetched series is fresh. Default 6 h: daily closes change once a day. Infinity for local sources. */
  readonly ttlMs?: number;
  /** Range widening: every fetch reaches back at least this many years, so later windows need no request. */
  readonly widenYears?: number;
  /** Days before a window's start also fetched, so "the last close on or before start" exists after long holidays. */
  readonly lookbackDays?: number;
  readonly store?: PersistentStore;
  /** Prefix for persistent keys (provider id). */
  readonly namespace: string;
  readonly maxEntries?: number;
}

interface InFlight {
  readonly from: DayNumber;
  readonly to: DayNumber;
  readonly promise: Promise<CacheEntry>;
  readonly controller: AbortController;
  waiters: number;
}

const DAY_MS = 86400000;

/**
 * Turns a recalculation storm into one request per series:
 * - range widening: a miss fetches [min(start − lookback, today − widenYears), today], and every later
 *   window inside that range is answered from memory;
 * - coalescing: concurrent misses for one key share one in-flight fetch;
 * - two tiers: an LRU map in memory (lru.min: about 2 KB, where lru-cache weighed 19 KB of the
 *   functions bundle), then the persistent store, then the network;
 * - expiry with stale fallback: after the TTL a series is refetched; if that fails transiently the
 *   old series is served with provenance.stale = true. A failed fetch never replaces a cached entry.
 */
export class HistoryCache {
  private readonly lru: ReturnType<typeof createLRU<string, CacheEntry>>;
  private readonly inflight = new Map<string, InFlight>();
  private readonly now: () => number;
  private readonly ttlMs: number;
  private readonly widenDays: number;
  private readonly lookbackDays: number;

  constructor(private readonly options: HistoryCacheOptions) {
    this.lru = createLRU<string, CacheEntry>({ max: options.maxEntries ?? 1000 });
    this.now = options.now ?? Date.now;
    this.ttlMs = options.ttlMs ?? 6 * 3600 * 1000;
    this.widenDays = Math.round((options.widenYears ?? 10) * 365.25);
    this.lookbackDays = options.lookbackDays ?? 31;
  }

  /** Today's day number from the injected clock. */
  today(): DayNumber {
    return Math.floor(this.now() / DAY_MS);
  }

  /** The cached entry for a key, if any (no I/O). */
  peek(key: string): CacheEntry | undefined {
    return this.lru.peek(key);
  }

  /** True while a fetch for the key is in flight. */
  isLoading(key: string): boolean {
    return this.inflight.has(key);
  }

  private covers(e: CacheEntry, from: DayNumber, to: DayNumber): boolean {
    return e.coverFrom <= from && (e.coverTo >= to || this.isFresh(e));
  }

  private isFresh(e: CacheEntry): boolean {
    return this.now() - e.fetchedAtMs < this.ttlMs;
  }

  /**
   * What get() would answer from memory without I/O: the fresh cached series covering [from, to]
   * (plus lookback), or undefined. With `staleOk`, an expired entry is served marked stale under the
   * same rule as get()'s fallback after a failed refresh (it reaches the window's start).
   */
  lookup(key: string, from: DayNumber, to: DayNumber, staleOk = false): HistoryResult | undefined {
    const needFrom = from - this.lookbackDays;
    const hit = this.lru.get(key);
    if (!hit) return undefined;
    if (this.covers(hit, needFrom, Math.min(to, this.today())) && this.isFresh(hit)) {
      return { series: hit.series, provenance: hit.provenance };
    }
    if (staleOk && hit.coverTo >= needFrom) {
      return { series: hit.series, provenance: { ...hit.provenance, stale: true } };
    }
    return undefined;
  }

  /**
   * A series covering [from, to] (plus lookback) for `key`. The returned series may be wider than asked.
   */
  get(
    key: string,
    from: DayNumber,
    to: DayNumber,
    fetcher: SeriesFetcher,
    signal?: AbortSignal
  ): Promise<HistoryResult> {
    const fresh = this.lookup(key, from, to);
    if (fresh) return Promise.resolve(fresh);
    const today = this.today();
    const needFrom = from - this.lookbackDays;
    const needTo = Math.min(to, today);
    const hit = this.lru.peek(key);
    let job = this.inflight.get(key);
    if (!job || job.from > needFrom || job.to < needTo) {
      const wideFrom = Math.min(
        needFrom,
        today - this.widenDays,
        hit?.coverFrom ?? Infinity,
        job?.from ?? Infinity
      );
      const wideTo = Math.max(today, needTo);
      job = this.start(key, wideFrom, wideTo, needFrom, needTo, fetcher);
    }
    return this.wait(key, job, needFrom, signal);
  }

  private start(
    key: string,
    from: DayNumber,
    to: DayNumber,
    needFrom: DayNumber,
    needTo: DayNumber,
    fetcher: SeriesFetcher
  ): InFlight {
    const controller = new AbortController();
    const promise = (async (): Promise<CacheEntry> => {
      // Second tier: a persisted entry that still covers and is fresh saves the request.
      const stored = await this.load(key);
      if (stored && this.covers(stored, needFrom, needTo) && this.isFresh(stored)) {
        this.lru.set(key, stored);
        return stored;
      }
      const fetchedAtMs = this.now();
      const result = await fetcher(from, to, controller.signal);
      const entry: CacheEntry = {
        series: result.series,
        coverFrom: from,
        coverTo: to,
        fetchedAtMs,
        provenance: {
          ...result.provenance,
          // Fresh from the provider, unless a team gateway had to answer from its cache.
          stale: result.provenance.stale === true,
          fetchedAt: result.provenance.fetchedAt ?? new Date(fetchedAtMs).toISOString(),
        },
      };
      // A slower, narrower fetch finishing after a wider one must not shrink the cached range.
      const current = this.lru.peek(key);
      const superseded =
        current !== undefined &&
        current.fetchedAtMs >= fetchedAtMs &&
        current.coverFrom <= entry.coverFrom &&
        current.coverTo >= entry.coverTo;
      if (!superseded) {
        this.lru.set(key, entry);
        this.save(key, entry);
      }
      return entry;
    })();
    const job: InFlight = { from, to, promise, controller, waiters: 0 };
    this.inflight.set(key, job);
    const clear = (): void => {
      if (this.inflight.get(key) === job) this.inflight.delete(key);
    };
    promise.then(clear, clear);
    return job;
  }

  private async wait(
    key: string,
    job: InFlight,
    needFrom: DayNumber,
    signal?: AbortSignal
  ): Promise<HistoryResult> {
    job.waiters++;
    let released = false;
    const release = (): void => {
      if (released) return;
      released = true;
      job.waiters--;
    };
    try {
      const entry = await abortable(job.promise, signal, this.options.providerName, () => {
        // The shared request is aborted only when nobody is waiting for it any more.
        release();
        if (job.waiters === 0) {
          if (this.inflight.get(key) === job) this.inflight.delete(key);
          job.controller.abort();
        }
      });
      return { series: entry.series, provenance: entry.provenance };
    } catch (e) {
      if (signal?.aborted) throw e;
      const fallback = this.lru.peek(key) ?? (await this.load(key));
      if (fallback && isTransientFailure(e) && fallback.coverTo >= needFrom) {
        if (!this.lru.has(key)) this.lru.set(key, fallback);
        return { series: fallback.series, provenance: { ...fallback.provenance, stale: true } };
      }
      throw e;
    } finally {
      release();
    }
  }

  private async load(key: string): Promise<CacheEntry | undefined> {
    const store = this.options.store;
    if (!store) return undefined;
    try {
      return decodeEntry(await store.get(this.storeKey(key)));
    } catch {
      return undefined;
    }
  }

  private save(key: string, entry: CacheEntry): void {
    const store = this.options.store;
    if (!store) return;
    store.set(this.storeKey(key), encodeEntry(entry)).catch(() => undefined);
  }

  private storeKey(key: string): string {
    return `${this.storePrefix()}${key}`;
  }

  private storePrefix(): string {
    return `cntech:v1:${this.options.namespace}:`;
  }

  /**
   * Forgets every series of this source, in memory and in the persistent store (so a restart does
   * not bring them back). Resolves to the number of stored series removed; a store that fails to
   * clear is reported, since the user asked for it explicitly.
   */
  async clear(): Promise<number> {
    this.lru.clear();
    const store = this.options.store;
    return store ? store.removeByPrefix(this.storePrefix()) : 0;
  }

  /** Number of series held in memory (for the pane's Settings tab). */
  get size(): number {
    return this.lru.size;
  }
}

/** Races a shared promise against one caller's AbortSignal. */
function abortable<T>(
  promise: Promise<T>,
  signal: AbortSignal | undefined,
  providerName: string,
  onAbort: () => void
): Promise<T> {
  if (!signal) return promise;
  const cancelled = (): ProviderError =>
    new ProviderError(providerName, "cancelled", "request cancelled");
  if (signal.aborted) {
    onAbort();
    return Promise.reject(cancelled());
  }
  return new Promise<T>((resolve, reject) => {
    const listener = (): void => {
      onAbort();
      reject(cancelled());
    };
    signal.addEventListener("abort", listener, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener("abort", listener);
        resolve(v);
      },
      (e) => {
        signal.removeEventListener("abort", listener);
        reject(e);
      }
    );
  });
}
