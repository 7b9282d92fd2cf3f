/**
 * The Settings tab's logic: choose a provider, keep its API key in the settings store (never shown
 * back in full), apply it to the page's market data service (configureMarketData, so formulas use it
 * too), test the connection, and clear / size the cache.
 */
import { dayFromYmd } from "../../core/dates";
import { configureMarketData, MarketDataConfig, ProviderId } from "../../data/configure";
import { getMarketData, MarketData } from "../../data/market-data";
import { dropCacheAndRecalculate, Recalculate, RefreshReport } from "../refresh/refresh-data";
import { recalculateAllFormulas } from "../refresh/recalculate";
import { KeyValueStore, maskKey } from "./settings-store";

const SETTINGS_KEY = "cntech:settings:v1";
const keyName = (provider: ProviderId): string => `cntech:apikey:${provider}`;

export const PROVIDERS: readonly { id: ProviderId; label: string; needsKey: boolean }[] = [
  { id: "demo", label: "Demo (synthetic, built in)", needsKey: false },
  { id: "fmp", label: "Financial Modeling Prep", needsKey: true },
  { id: "eodhd", label: "EODHD", needsKey: true },
  { id: "csv", label: "CSV files", needsKey: false },
];

export interface SavedSettings {
  readonly provider: ProviderId;
  readonly proxyBaseUrl?: string;
}

export interface SettingsDeps {
  readonly store: KeyValueStore;
  /** Installs a provider for the page (default configureMarketData). */
  readonly configure?: (config: MarketDataConfig) => MarketData;
  /** The service in force (default getMarketData). */
  readonly current?: () => MarketData;
  /** Today's date as a day number (the connection test asks for the last fortnight). */
  readonly today?: () => number;
  /** Makes Excel re-run every formula (default recalculateAllFormulas). */
  readonly recalculate?: Recalculate;
}

/** What Save did: the service now in force, and the previous source's cache dropped + recalculation. */
export interface SaveOutcome {
  readonly service: MarketData;
  readonly refresh: RefreshReport;
}

export class SettingsService {
  private readonly configure: (config: MarketDataConfig) => MarketData;
  private readonly current: () => MarketData;
  private readonly today: () => number;
  readonly recalculate: Recalculate;

  constructor(private readonly deps: SettingsDeps) {
    this.configure = deps.configure ?? configureMarketData;
    this.recalculate = deps.recalculate ?? (() => recalculateAllFormulas());
    this.current = deps.current ?? getMarketData;
    this.today =
      deps.today ??
      (() => {
        const d = new Date();
        return dayFromYmd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
      });
  }

  async load(): Promise<SavedSettings> {
    const text = await this.deps.store.getItem(SETTINGS_KEY);
    try {
      const parsed = text ? (JSON.parse(text) as SavedSettings) : undefined;
      if (parsed && PROVIDERS.some((p) => p.id === parsed.provider)) return parsed;
    } catch {
      // A corrupt entry falls back to the demo.
    }
    return { provider: "demo" };
  }

  /** "••••••••abcd" when a key is saved for the provider, else undefined. */
  async keyHint(provider: ProviderId): Promise<string | undefined> {
    const key = await this.deps.store.getItem(keyName(provider));
    return key ? maskKey(key) : undefined;
  }

  /**
   * Saves the choice (and a new key when given), then applies it: the previous source's cached data
   * is dropped (its keys only) and Excel recalculates every formula, so existing CNTECH cells move to
   * the new source without being retyped. A provider that needs a key and has none fails with a
   * plain message and nothing is changed.
   */
  async save(
    settings: SavedSettings,
    newKey?: string,
    csvFiles?: ReadonlyArray<{ name: string; text: string }>
  ): Promise<SaveOutcome> {
    const key =
      newKey?.trim() || (await this.deps.store.getItem(keyName(settings.provider))) || undefined;
    const needsKey = PROVIDERS.find((p) => p.id === settings.provider)?.needsKey;
    if (needsKey && !key && !settings.proxyBaseUrl)
      throw new Error(
        "Enter an API key for this provider (or a proxy URL that adds it), then save."
      );
    if (settings.provider === "csv" && !csvFiles?.length)
      throw new Error("Choose one or more CSV files, then save.");
    const previous = this.current();
    const service = this.configure({
      provider: settings.provider,
      apiKey: needsKey ? key : undefined,
      proxyBaseUrl: settings.proxyBaseUrl,
      csvFiles,
    });
    if (newKey?.trim()) await this.deps.store.setItem(keyName(settings.provider), newKey.trim());
    await this.deps.store.setItem(SETTINGS_KEY, JSON.stringify(settings));
    const refresh = await dropCacheAndRecalculate(previous, this.recalculate);
    return { service, refresh };
  }

  /** "Refresh data": drops the current source's cached data and recalculates every formula. */
  refresh(): Promise<RefreshReport> {
    return dropCacheAndRecalculate(this.current(), this.recalculate);
  }

  /** The saved key, for building a provider (the Import tab's source choice); never for display. */
  async apiKeyFor(provider: ProviderId): Promise<string | undefined> {
    return (await this.deps.store.getItem(keyName(provider))) ?? undefined;
  }

  async removeKey(provider: ProviderId): Promise<void> {
    await this.deps.store.removeItem(keyName(provider));
  }

  /** Re-applies saved settings at start-up (CSV needs its files again, so it falls back to the demo). */
  async restore(): Promise<SavedSettings> {
    const saved = await this.load();
    if (saved.provider === "demo" || saved.provider === "csv") return { provider: "demo" };
    try {
      await this.save(saved);
      return saved;
    } catch {
      return { provider: "demo" };
    }
  }

  /** Asks the current provider for two weeks of the Nasdaq-100; a plain sentence either way. */
  async testConnection(symbol = "^NDX"): Promise<{ ok: boolean; message: string }> {
    const md = this.current();
    const today = this.today();
    try {
      const h = await md.getHistory(symbol, today - 14, today);
      const n = h.series.dates.length;
      return {
        ok: true,
        message: `Connected to ${md.providerName}: ${n} closes of ${symbol} received (data as of ${h.provenance.asOf}${h.provenance.synthetic ? ", synthetic" : ""}).`,
      };
    } catch (e) {
      return {
        ok: false,
        message: `Could not get data from ${md.providerName}: ${(e as Error).message}. Check the API key and your network, then test again.`,
      };
    }
  }

  cacheSize(): number {
    return this.current().cachedSeriesCount;
  }

  /** Clears the data cache (memory and saved copies); resolves to the number of saved series removed. */
  clearCache(): Promise<number> {
    return this.current().clearCache();
  }
}
