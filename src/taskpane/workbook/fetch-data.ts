/**
 * Loads every series an import needs through the data layer's one path (src/data/shared-load.ts:
 * the MarketData cache, coalescing and rate limits, conversion to the reporting currency), the
 * same path formulas use.
 * A constituent that cannot be loaded is left out with a warning (and its weight dropped); a missing
 * benchmark, or no constituent at all, fails the import in plain words.
 */
import { FinanceError } from "../../core/errors";
import { MarketData } from "../../data/market-data";
import { whenInCurrency } from "../../data/shared-load";
import { ImportData, FetchedSeries } from "./dataset";
import { ImportRequest, MemberDates } from "./import-types";
import { ImportCancelled } from "./sheet-writer";
import { yieldToBrowser } from "./yield-to-browser";

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

/** One series in the reporting currency, through the data layer's one path (as formulas load it). */
async function loadOne(
  md: MarketData,
  symbol: string,
  request: ImportRequest,
  signal?: AbortSignal
): Promise<FetchedSeries> {
  const canonical = md.normalize(symbol);
  const { start, end, currency } = request;
  const loaded = await whenInCurrency(md, canonical, start, end, currency, signal, same, same);
  return { symbol: canonical, series: loaded.series, provenance: loaded.provenance };
}

const same = <T>(x: T): T => x;

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
  const keptDates: MemberDates[] = [];
  request.basket.symbols.forEach((s, i) => {
    const r = results[i];
    if (r instanceof Error) warnings.push(`${s} left out: ${message(r)}`);
    else {
      kept.push(r);
      if (request.basket.weights) keptWeights.push(request.basket.weights[i]);
      if (request.basket.dates) keptDates.push(request.basket.dates[i] ?? {});
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
        dates: request.basket.dates ? keptDates : undefined,
      },
    },
    warnings,
  };
}
