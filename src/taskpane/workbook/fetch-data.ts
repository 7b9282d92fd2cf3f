/**
 * Loads every series an import needs through the MarketData service (cache, coalescing, rate limits
 * live there) and converts it to the reporting currency with src/core's convertSeries.
 * A constituent that cannot be loaded is left out with a warning (and its weight dropped); a missing
 * benchmark, or no constituent at all, fails the import in plain words.
 */
import { convertSeries } from "../../core/currency";
import { FinanceError } from "../../core/errors";
import { MarketData } from "../../data/market-data";
import { ImportData, FetchedSeries } from "./dataset";
import { ImportRequest } from "./import-types";
import { ImportCancelled } from "./sheet-writer";
import { yieldToBrowser } from "./yield-to-browser";

/** Days fetched before the window so "the last close on or before the start" exists after holidays. */
const LOOKBACK_DAYS = 14;
const CONCURRENCY = 6;

export interface FetchHooks {
  readonly signal?: AbortSignal;
  onProgress?(done: number, total: number): void;
}

export interface FetchResult {
  readonly data: ImportData;
  /** The request with the basket reduced to the symbols that loaded (weights kept in step). */
  readonly request: ImportRequest;
  readonly warnings: string[];
}

function message(e: unknown): string {
  return e instanceof FinanceError || e instanceof Error ? e.message : String(e);
}

async function loadOne(
  md: MarketData,
  symbol: string,
  request: ImportRequest,
  signal?: AbortSignal
): Promise<FetchedSeries> {
  const canonical = md.normalize(symbol);
  const h = await md.getHistory(canonical, request.start - LOOKBACK_DAYS, request.end, { signal });
  if (h.series.currency.toUpperCase() === request.currency) {
    return { symbol: canonical, series: h.series, provenance: h.provenance };
  }
  const first = h.series.dates[0] ?? request.start;
  const fx = await md.getFx(h.series.currency, request.currency, first, request.end, { signal });
  const series = convertSeries(h.series, fx.series, request.currency);
  const p = h.provenance;
  return {
    symbol: canonical,
    series,
    provenance: {
      ...p,
      synthetic: p.synthetic || fx.provenance.synthetic,
      stale: p.stale || fx.provenance.stale,
    },
  };
}

/** Fetches constituents and benchmark, reporting progress as series complete. */
export async function fetchImportData(
  md: MarketData,
  request: ImportRequest,
  hooks: FetchHooks = {}
): Promise<FetchResult> {
  const symbols = [...request.basket.symbols, request.benchmark];
  const results: (FetchedSeries | Error)[] = new Array(symbols.length);
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < symbols.length) {
      const i = next++;
      if (hooks.signal?.aborted) throw new ImportCancelled();
      try {
        results[i] = await loadOne(md, symbols[i], request, hooks.signal);
      } catch (e) {
        if (hooks.signal?.aborted) throw new ImportCancelled();
        results[i] = e instanceof Error ? e : new Error(String(e));
      }
      hooks.onProgress?.(++done, symbols.length);
      // Embedded and cached series load without waiting: let the pane paint the count.
      await yieldToBrowser();
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, symbols.length) }, worker));

  const bench = results[symbols.length - 1];
  if (bench instanceof Error)
    throw new Error(
      `The benchmark ${request.benchmark} could not be loaded (${message(bench)}). Check the symbol or pick another data source in Settings.`
    );
  const warnings: string[] = [];
  const kept: FetchedSeries[] = [];
  const keptWeights: number[] = [];
  request.basket.symbols.forEach((s, i) => {
    const r = results[i];
    if (r instanceof Error) warnings.push(`${s} left out: ${message(r)}`);
    else {
      kept.push(r);
      if (request.basket.weights) keptWeights.push(request.basket.weights[i]);
    }
  });
  if (kept.length === 0)
    throw new Error(
      `None of the basket's symbols could be loaded (${warnings.join("; ")}). Check the symbols or the data source in Settings.`
    );
  const names: Record<string, string> = {};
  request.basket.symbols.forEach((s, i) => {
    const r = results[i];
    const name = request.basket.names?.[s];
    if (!(r instanceof Error) && name) names[r.symbol] = name;
  });
  // Company names for symbols typed by hand, from local sources only (no API quota spent on labels).
  if (md.provider.local) {
    await Promise.all(
      kept
        .filter((k) => !names[k.symbol])
        .map((k) =>
          md.getSymbolInfo(k.symbol).then(
            (info) => {
              if (info.name && info.name !== k.symbol) names[k.symbol] = info.name;
            },
            () => undefined
          )
        )
    );
  }
  return {
    data: { constituents: kept, benchmark: bench },
    request: {
      ...request,
      benchmark: bench.symbol,
      basket: {
        ...request.basket,
        symbols: kept.map((k) => k.symbol),
        names,
        weights: request.basket.weights ? keptWeights : undefined,
      },
    },
    warnings,
  };
}
