import { DayNumber } from "../core/dates";
import { invalidValue } from "../core/errors";
import { HistoryCache } from "./cache/history-cache";
import { PersistentStore } from "./cache/persistent-store";
import { DemoSource } from "./demo/demo-source";
import { constantFxSeries, crossFxSeries, invertFxSeries } from "./fx";
import { isTransientFailure, ProviderError } from "./provider-error";
import { Currency, normalizeCurrency, normalizeSymbol } from "./symbols";
import {
  HistoryNeed,
  HistoryOptions,
  HistoryResult,
  MarketDataProvider,
  Provenance,
  Quote,
  RequestOptions,
  SymbolInfo,
} from "./types";

export interface MarketDataOptions {
  /** Persistent second cache tier (see cache/persistent-store.ts); none for local sources. */
  readonly store?: PersistentStore;
  /** Clock in epoch ms; injectable for tests. */
  readonly now?: () => number;
  /** Freshness of a fetched series (default 6 h). */
  readonly ttlMs?: number;
  /** Range widening in years (default 10). */
  readonly widenYears?: number;
  /** Freshness of a quote (default 15 s). */
  readonly quoteTtlMs?: number;
}

/**
 * The one entry point the functions and the task pane use for market data. Every symbol form a user
 * types is normalised here; every answer carries provenance; the cache behind it makes a storm of
 * formulas cost one request per series.
 */
export class MarketData {
  private readonly cache: HistoryCache;
  private readonly symbolMemo = new Map<string, string>();
  private readonly infoMemo = new Map<string, Promise<SymbolInfo>>();
  private readonly quotes = new Map<
    string,
    { at: number; quote?: Quote; pending?: Promise<Quote> }
  >();
  private readonly fxMemo = new Map<string, { parts: unknown[]; result: HistoryResult }>();
  private readonly now: () => number;
  private readonly quoteTtlMs: number;

  constructor(
    readonly provider: MarketDataProvider,
    options: MarketDataOptions = {}
  ) {
    this.now = options.now ?? Date.now;
    this.quoteTtlMs = options.quoteTtlMs ?? 15000;
    this.cache = new HistoryCache({
      providerName: provider.name,
      namespace: provider.id,
      now: this.now,
      ttlMs: provider.local ? Infinity : options.ttlMs,
      widenYears: options.widenYears,
      store: provider.local ? undefined : options.store,
    });
  }

  get providerName(): string {
    return this.provider.name;
  }

  /** Series held in the memory cache (the Settings tab shows it). */
  get cachedSeriesCount(): number {
    return this.cache.size;
  }

  /**
   * Forgets series, FX, quotes and symbol info, in memory and in the persistent store; resolves to the
   * number of stored series removed. Settings and API keys in the same store are left alone.
   */
  clearCache(): Promise<number> {
    this.quotes.clear();
    this.fxMemo.clear();
    this.infoMemo.clear();
    return this.cache.clear();
  }

  /** Canonical form of a user-typed symbol (memoised: formulas repeat the same text thousands of times). */
  normalize(symbol: string): string {
    let s = this.symbolMemo.get(symbol);
    if (s === undefined) {
      s = normalizeSymbol(symbol);
      if (this.symbolMemo.size > 10000) this.symbolMemo.clear();
      this.symbolMemo.set(symbol, s);
    }
    return s;
  }

  /**
   * Daily history of a symbol covering at least [fromDay, toDay] where data exists, including the last
   * close on or before fromDay. The series may extend beyond the window (it is the cached, widened series).
   * `need` (default "adjusted") says whether a total-return basis is needed: a provider that fetches
   * adjusted prices separately is asked for closes only when it is not, and that series is cached
   * apart (a cached adjusted series answers close requests too).
   */
  getHistory(
    symbol: string,
    fromDay: DayNumber,
    toDay: DayNumber,
    options?: HistoryOptions
  ): Promise<HistoryResult> {
    let canonical: string;
    try {
      canonical = this.normalize(symbol);
      if (fromDay > toDay) throw invalidValue("start date is after end date");
    } catch (e) {
      return Promise.reject(e);
    }
    let need = this.effectiveNeed(options?.need);
    if (need === "close") {
      const adjusted = this.cache.lookup(canonical, fromDay, toDay);
      if (adjusted) return Promise.resolve(adjusted);
      // Closes are on their way with the adjusted series: wait for it rather than ask again.
      if (this.cache.isLoading(canonical)) need = "adjusted";
    }
    return this.cache.get(
      historyKey(canonical, need),
      fromDay,
      toDay,
      (from, to, signal) => this.provider.getHistory(canonical, from, to, { signal, need }),
      options?.signal
    );
  }

  /**
   * FX history: units of `toCcy` per 1 unit of `fromCcy` (getFx("HKD", "USD") ≈ 0.128), covering
   * [fromDay, toDay] plus the last fixing on or before fromDay. Same currency → a constant 1 series.
   * Crosses (HKD→CNY) go through USD on the union of both calendars, each leg forward-filled.
   */
  async getFx(
    fromCcy: string,
    toCcy: string,
    fromDay: DayNumber,
    toDay: DayNumber,
    options?: RequestOptions
  ): Promise<HistoryResult> {
    const a = normalizeCurrency(fromCcy);
    const b = normalizeCurrency(toCcy);
    if (fromDay > toDay) throw invalidValue("start date is after end date");
    if (a === b) return constantFxSeries(a, fromDay, toDay);
    const legA = a === "USD" ? undefined : await this.usdLeg(a, fromDay, toDay, options);
    const legB = b === "USD" ? undefined : await this.usdLeg(b, fromDay, toDay, options);
    return this.composeFx(a, b, legA, legB);
  }

  /**
   * What getHistory would answer from memory right now, or undefined when it would have to wait (a
   * cache miss): a formula whose data is cached computes with no await. `staleOk` also serves an
   * expired series marked stale (used right after a refresh that fell back to it).
   */
  peekHistory(
    symbol: string,
    fromDay: DayNumber,
    toDay: DayNumber,
    staleOk = false,
    need?: HistoryNeed
  ): HistoryResult | undefined {
    const canonical = this.normalize(symbol);
    if (fromDay > toDay) throw invalidValue("start date is after end date");
    const effective = this.effectiveNeed(need);
    const adjusted = this.cache.lookup(canonical, fromDay, toDay, staleOk && effective !== "close");
    if (adjusted || effective !== "close") return adjusted;
    return this.cache.lookup(historyKey(canonical, "close"), fromDay, toDay, staleOk);
  }

  /** "close" only where the provider makes it cheaper; elsewhere every history carries both. */
  private effectiveNeed(need: HistoryNeed | undefined): HistoryNeed {
    return need === "close" && this.provider.adjustedSeparately ? "close" : "adjusted";
  }

  /** What getFx would answer from memory right now, or undefined when a USD leg is not cached. */
  peekFx(
    fromCcy: string,
    toCcy: string,
    fromDay: DayNumber,
    toDay: DayNumber,
    staleOk = false
  ): HistoryResult | undefined {
    const a = normalizeCurrency(fromCcy);
    const b = normalizeCurrency(toCcy);
    if (fromDay > toDay) throw invalidValue("start date is after end date");
    if (a === b) return constantFxSeries(a, fromDay, toDay);
    const legA = a === "USD" ? undefined : this.cache.lookup(`FX:USD${a}`, fromDay, toDay, staleOk);
    if (a !== "USD" && !legA) return undefined;
    const legB = b === "USD" ? undefined : this.cache.lookup(`FX:USD${b}`, fromDay, toDay, staleOk);
    if (b !== "USD" && !legB) return undefined;
    return this.composeFx(a, b, legA, legB);
  }

  /** a→b from its USD legs (memoised while the legs are the same cached series). */
  private composeFx(
    a: Currency,
    b: Currency,
    legA: HistoryResult | undefined,
    legB: HistoryResult | undefined
  ): HistoryResult {
    const memoKey = `${a}${b}`;
    const memo = this.fxMemo.get(memoKey);
    const parts = [legA?.series, legB?.series, legA?.provenance.stale, legB?.provenance.stale];
    if (memo && memo.parts.every((p, i) => p === parts[i])) return memo.result;
    let result: HistoryResult;
    if (!legA) result = legB!;
    else if (!legB) result = invertFxSeries(legA, a, b);
    else result = crossFxSeries(legA, legB, a, b);
    this.fxMemo.set(memoKey, { parts, result });
    return result;
  }

  private usdLeg(
    quote: Exclude<Currency, "USD">,
    fromDay: DayNumber,
    toDay: DayNumber,
    options?: RequestOptions
  ): Promise<HistoryResult> {
    const provider = this.provider;
    if (!provider.getUsdFxHistory) {
      return Promise.reject(
        new ProviderError(provider.name, "not-supported", `has no FX rates for USD/${quote}`)
      );
    }
    return this.cache.get(
      `FX:USD${quote}`,
      fromDay,
      toDay,
      (from, to, signal) => provider.getUsdFxHistory!(quote, from, to, { signal }),
      options?.signal
    );
  }

  /** Latest quote (short-lived cache; a failed refresh serves the last quote marked stale). */
  async getQuote(symbol: string, options?: RequestOptions): Promise<Quote> {
    const canonical = this.normalize(symbol);
    const slot = this.quotes.get(canonical) ?? { at: 0 };
    this.quotes.set(canonical, slot);
    if (slot.quote && this.now() - slot.at < this.quoteTtlMs) return slot.quote;
    if (!slot.pending) {
      slot.pending = this.provider.getQuote(canonical, options).then(
        (q) => {
          slot.quote = q;
          slot.at = this.now();
          slot.pending = undefined;
          return q;
        },
        (e) => {
          slot.pending = undefined;
          if (slot.quote && isTransientFailure(e)) {
            return { ...slot.quote, provenance: { ...slot.quote.provenance, stale: true } };
          }
          throw e;
        }
      );
    }
    return slot.pending;
  }

  /** Name, exchange and currency of a symbol (memoised for the session). */
  getSymbolInfo(symbol: string, options?: RequestOptions): Promise<SymbolInfo> {
    let canonical: string;
    try {
      canonical = this.normalize(symbol);
    } catch (e) {
      return Promise.reject(e);
    }
    let p = this.infoMemo.get(canonical);
    if (!p) {
      p = this.provider.getSymbolInfo(canonical, options);
      this.infoMemo.set(canonical, p);
      p.catch(() => this.infoMemo.delete(canonical));
    }
    return p;
  }

  /**
   * Provenance of the data formulas use for a symbol: the cached series' provenance, or (nothing cached)
   * a fetch of its recent history. For =CNTECH.SOURCE.
   */
  async getProvenance(symbol: string, options?: RequestOptions): Promise<Provenance> {
    const canonical = this.normalize(symbol);
    const cached = this.cache.peek(canonical) ?? this.cache.peek(historyKey(canonical, "close"));
    if (cached) return cached.provenance;
    const today = this.cache.today();
    const recent = { ...options, need: "close" as const };
    const { provenance } = await this.getHistory(canonical, today - 7, today, recent);
    return provenance;
  }
}

/** Cache key of a history: the canonical symbol, with "|close" for a closes-only series. */
function historyKey(canonical: string, need: HistoryNeed): string {
  return need === "close" ? `${canonical}|close` : canonical;
}

/*
 * In Excel's shared runtime the task pane bundle and the functions bundle are two webpack bundles on one
 * page, each with its own copy of this module. Keeping the service in a globalThis slot makes both share
 * ONE cache and ONE configuration (the pane's Settings tab configures what formulas use).
 */
const SLOT = "__cntechMarketData";
type Slot = { [SLOT]?: MarketData };

/** The process-wide market data service; the embedded demo source until configured otherwise. */
export function getMarketData(): MarketData {
  const g = globalThis as Slot;
  if (!g[SLOT]) g[SLOT] = new MarketData(new DemoSource());
  return g[SLOT]!;
}

/** Installs a market data service for every bundle on this page. */
export function setMarketData(next: MarketData): void {
  (globalThis as Slot)[SLOT] = next;
}
