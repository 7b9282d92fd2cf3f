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
import { ConnectionResult, Probe, testConnection } from "./connection-test";
import { PROVIDERS } from "./providers";
import { KeepOutcome, keepFiles, KeptFile, keptFiles, loadableFiles } from "./kept-files";
import { parseProxyBaseUrl } from "../../data/http/proxy-url";

const SETTINGS_KEY = "cntech:settings:v1";
const keyName = (provider: ProviderId): string => `cntech:apikey:${provider}`;
const proxyName = (provider: ProviderId): string => `cntech:proxyurl:${provider}`;

export { PROVIDERS } from "./providers";

export interface SavedSettings {
  readonly provider: ProviderId;
}

/** What the Settings form shows (saved or not). */
export interface SettingsForm {
  readonly provider: ProviderId;
  /** A key typed in the form; empty means the saved one. */
  readonly key?: string;
  /** The proxy base URL field; empty means none. */
  readonly proxyBaseUrl?: string;
  /** For CSV: the chosen files' names and text. */
  readonly csvFiles?: ReadonlyArray<{ name: string; text: string }>;
}

export interface SettingsDeps {
  readonly store: KeyValueStore;
  /** Installs a provider for the page (default configureMarketData). */
  readonly configure?: (config: MarketDataConfig) => MarketData;
  /** The service in force (default getMarketData). */
  readonly current?: () => MarketData;
  /** Today's date as a day number (the connection test asks for the last fortnight). */
  readonly today?: () => number;
  /** Records the applied source for the self-test sheet, if any (default noteAppliedSource). */
  readonly noteSource?: (sourceName: string) => Promise<unknown>;
  /** Makes Excel re-run every formula (default recalculateAllFormulas). */
  readonly recalculate?: Recalculate;
  /** Builds the throwaway service Test connection talks to. */
  readonly probe?: Probe;
}

/** What Save did: the service now in force, and the previous source's cache dropped + recalculation. */
export interface SaveOutcome {
  readonly service: MarketData;
  readonly refresh: RefreshReport;
  /** For newly chosen CSV files: whether they were kept for the next session. */
  readonly filesKept?: KeepOutcome;
}

/** The source applied at start-up, and what the pane must say about it. */
export interface RestoreOutcome {
  readonly provider: ProviderId;
  readonly notice?: string;
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

  /** The saved proxy base URL of a provider ("" when none), to fill the form. */
  async proxyUrl(provider: ProviderId): Promise<string> {
    return (await this.deps.store.getItem(proxyName(provider))) ?? "";
  }

  /**
   * The provider config the form describes (a typed key, else the saved one); throws a plain
   * sentence when something is missing or the proxy URL is not https.
   */
  async configFor(form: SettingsForm): Promise<MarketDataConfig> {
    const needsKey = PROVIDERS.find((p) => p.id === form.provider)?.needsKey ?? false;
    const proxyBaseUrl = needsKey ? parseProxyBaseUrl(form.proxyBaseUrl) : undefined;
    const key = needsKey
      ? form.key?.trim() || (await this.deps.store.getItem(keyName(form.provider))) || undefined
      : undefined;
    if (needsKey && !key && !proxyBaseUrl)
      throw new Error("Enter an API key for this provider (or a proxy URL that adds it).");
    const csvFiles =
      form.provider !== "csv"
        ? undefined
        : form.csvFiles?.length
          ? form.csvFiles
          : loadableFiles(await keptFiles(this.deps.store));
    if (form.provider === "csv" && !csvFiles?.length)
      throw new Error("Choose one or more CSV files.");
    return { provider: form.provider, apiKey: key, proxyBaseUrl, csvFiles };
  }

  /**
   * Saves the form (a new key and the proxy URL in the settings store, never in the workbook), then
   * applies it: the previous source's cached data is dropped (its keys only) and Excel recalculates
   * every formula, so existing CNTECH cells move to the new source without being retyped. A form
   * that is incomplete fails with a plain message and nothing is changed.
   */
  async save(form: SettingsForm): Promise<SaveOutcome> {
    let config: MarketDataConfig;
    try {
      config = await this.configFor(form);
    } catch (e) {
      throw new Error(`${(e as Error).message.replace(/\.$/, "")}, then save.`);
    }
    const previous = this.current();
    const service = this.configure(config);
    const provider = form.provider;
    if (form.key?.trim() && config.apiKey)
      await this.deps.store.setItem(keyName(provider), config.apiKey);
    if (config.proxyBaseUrl)
      await this.deps.store.setItem(proxyName(provider), config.proxyBaseUrl);
    else if (PROVIDERS.find((p) => p.id === provider)?.needsKey)
      await this.deps.store.removeItem(proxyName(provider));
    await this.deps.store.setItem(SETTINGS_KEY, JSON.stringify({ provider }));
    await (this.deps.noteSource ?? noteAppliedSourceLater)(service.providerName);
    const filesKept =
      provider === "csv" && form.csvFiles?.length
        ? await keepFiles(this.deps.store, form.csvFiles)
        : undefined;
    const refresh = await dropCacheAndRecalculate(previous, this.recalculate);
    return { service, refresh, filesKept };
  }

  /** The CSV files kept from the last save (names and sizes; text when it was kept). */
  keptFiles(): Promise<KeptFile[] | undefined> {
    return keptFiles(this.deps.store);
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

  /**
   * Re-applies saved settings at start-up, so formulas use them even if the pane is closed later.
   * CSV files come from the kept copies; when they were not kept, the source stays "CSV files" with
   * every formula #N/A saying the files must be chosen again, and the notice says so too.
   */
  async restore(): Promise<RestoreOutcome> {
    const saved = await this.load();
    if (saved.provider === "demo") return { provider: "demo" };
    if (saved.provider === "csv") {
      const kept = await this.keptFiles();
      if (loadableFiles(kept)) {
        await this.save({ provider: "csv" });
        return { provider: "csv" };
      }
      const names = (kept ?? []).map((f) => f.name);
      const previous = this.current();
      const missing = this.configure({ provider: "csv", csvFileNames: names });
      await (this.deps.noteSource ?? noteAppliedSourceLater)(missing.providerName);
      await dropCacheAndRecalculate(previous, this.recalculate);
      const which = names.length ? ` (${names.join(", ")})` : "";
      return {
        provider: "csv",
        notice: `The CSV files chosen in Settings${which} were not kept after the pane reloaded: choose them again in Settings. Until then CNTECH formulas show #N/A saying so.`,
      };
    }
    try {
      await this.save({
        provider: saved.provider,
        proxyBaseUrl: await this.proxyUrl(saved.provider),
      });
      return { provider: saved.provider };
    } catch (e) {
      return {
        provider: "demo",
        notice: `The saved data source could not be applied (${(e as Error).message}). Formulas use the demo (synthetic) data until it is fixed in Settings.`,
      };
    }
  }

  /** Tests what the form shows (unsaved values included); a plain sentence either way. */
  async testConnection(form: SettingsForm): Promise<ConnectionResult> {
    let config: MarketDataConfig;
    try {
      config = await this.configFor(form);
    } catch (e) {
      return { ok: false, message: `${(e as Error).message.replace(/\.$/, "")}, then test again.` };
    }
    return testConnection(config, this.today(), this.deps.probe);
  }

  cacheSize(): number {
    return this.current().cachedSeriesCount;
  }

  /** Clears the data cache (memory and saved copies); resolves to the number of saved series removed. */
  clearCache(): Promise<number> {
    return this.current().clearCache();
  }
}

/** The self-test's template code loads only when a source is saved, not with the pane. */
async function noteAppliedSourceLater(providerName: string): Promise<void> {
  const { noteAppliedSource } = await import(
    /* webpackChunkName: "self-test-source" */ "../templates/self-test-source"
  );
  await noteAppliedSource(providerName);
}
