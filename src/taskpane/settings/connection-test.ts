/**
 * "Test connection" on what the Settings form shows (not what was saved): one request to the chosen
 * source, through a throwaway service so the data in force is untouched, and one sentence saying
 * what was asked of whom and what came back. Files are spoken of as files.
 */
import { DayNumber, isoFromDay } from "../../core/dates";
import { createProvider, MarketDataConfig } from "../../data/configure";
import { createCsvSource } from "../../data/csv/csv-source";
import { MarketData } from "../../data/market-data";
import { PROVIDERS } from "./providers";

export interface ConnectionResult {
  readonly ok: boolean;
  readonly message: string;
}

/** The symbol a keyed provider is asked for, over the last fortnight. */
export const TEST_SYMBOL = "^NDX";

/** Builds the service a test talks to (default: the config's provider, no persistent cache). */
export type Probe = (config: MarketDataConfig) => MarketData;
const defaultProbe: Probe = (config) => new MarketData(createProvider(config));

export async function testConnection(
  config: MarketDataConfig,
  today: DayNumber,
  probe: Probe = defaultProbe
): Promise<ConnectionResult> {
  return config.provider === "csv" ? testFiles(config) : testProvider(config, today, probe);
}

async function testProvider(
  config: MarketDataConfig,
  today: DayNumber,
  probe: Probe
): Promise<ConnectionResult> {
  const label = PROVIDERS.find((p) => p.id === config.provider)?.label ?? config.provider;
  const via = config.proxyBaseUrl ? ` through the proxy ${config.proxyBaseUrl}` : "";
  const from = today - 14;
  const asked = `the daily history of ${TEST_SYMBOL} from ${isoFromDay(from)} to ${isoFromDay(today)}`;
  let md: MarketData;
  try {
    md = probe(config);
  } catch (e) {
    return { ok: false, message: `${(e as Error).message}.` };
  }
  try {
    const h = await md.getHistory(TEST_SYMBOL, from, today);
    // The answer may be a wider cached series: count the closes inside the window asked for.
    const inWindow = Array.from(h.series.dates).filter((d) => d >= from && d <= today);
    const synthetic = h.provenance.synthetic ? " (synthetic data)" : "";
    const last = inWindow.length
      ? `, the last on ${isoFromDay(inWindow[inWindow.length - 1])}`
      : "";
    return {
      ok: true,
      message: `Connected: asked ${label}${via} for ${asked}; ${inWindow.length} closes came back${last}${synthetic}.`,
    };
  } catch (e) {
    const check = config.proxyBaseUrl ? "the proxy URL, the API key" : "the API key";
    return {
      ok: false,
      message: `Asked ${label}${via} for ${asked}; it failed: ${(e as Error).message}. Check ${check} and your network, then test again.`,
    };
  }
}

async function testFiles(config: MarketDataConfig): Promise<ConnectionResult> {
  const files = config.csvFiles ?? [];
  if (files.length === 0) return { ok: false, message: "Choose one or more CSV files to test." };
  const names = files.map((f) => f.name).join(", ");
  const source = createCsvSource(files);
  const symbols = source.symbols.filter((s) => !s.startsWith("FX:"));
  if (symbols.length === 0)
    return {
      ok: false,
      message: `No prices could be read from ${names}. Each file needs a Date column and a Close column (one file per symbol), or a long or wide table with a symbol per row or column.`,
    };
  const first = symbols[0];
  const h = await source.getHistory(first, 0, 200000);
  const dates = h.series.dates;
  const notes = source.problems.length
    ? ` ${source.problems.length} line(s) could not be used; the Import tab lists them.`
    : "";
  const shown = symbols.slice(0, 5).join(", ") + (symbols.length > 5 ? ", …" : "");
  return {
    ok: true,
    message: `Read ${files.length} file(s) (${names}): ${symbols.length} symbol(s) (${shown}); ${first} has ${dates.length} closes from ${isoFromDay(dates[0])} to ${isoFromDay(dates[dates.length - 1])}.${notes}`,
  };
}
