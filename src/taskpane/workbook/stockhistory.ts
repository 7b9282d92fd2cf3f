/**
 * Excel's own STOCKHISTORY as a data source (Microsoft 365): the pane writes one STOCKHISTORY formula
 * per symbol on a scratch sheet, waits for the results to arrive, reads them, deletes the sheet, and
 * hands the values to the data layer's range source (createRangeSource), so the rest of the import
 * is the same as for any provider. Tickers use ISO market identifier prefixes: XHKG (Hong Kong),
 * XSHG (Shanghai), XSHE (Shenzhen); US symbols are passed as they are, indices as XNAS:NDX.
 */
import { DayNumber, ymdFromDay } from "../../core/dates";
import { createRangeSource } from "../../data/csv/csv-source";
import { MarketData } from "../../data/market-data";
import { currencyOfMarket } from "../../data/symbols";
import { formulaString } from "./safe-text";
import { readWhenSettled } from "./pending-values";
import { incompleteName } from "./sheet-names";
import { ImportCancelled } from "./sheet-writer";

type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** STOCKHISTORY's stock argument for a canonical symbol. */
export function stockHistoryTicker(symbol: string): string {
  const m = /^(\d+)\.(HK|SS|SZ)$/.exec(symbol);
  if (m) {
    const mic = { HK: "XHKG", SS: "XSHG", SZ: "XSHE" }[m[2] as "HK" | "SS" | "SZ"];
    return `${mic}:${m[2] === "HK" ? String(Number(m[1])).padStart(4, "0") : m[1]}`;
  }
  if (symbol.startsWith("^")) return `XNAS:${symbol.slice(1)}`;
  return symbol;
}

const dateArg = (d: DayNumber): string => {
  const { year, month, day } = ymdFromDay(d);
  return `DATE(${year},${month},${day})`;
};

/** The formula for one symbol: daily, with headers, Date and Close columns. */
export function stockHistoryFormula(stock: string, start: DayNumber, end: DayNumber): string {
  return `=STOCKHISTORY(${formulaString(stock)},${dateArg(start)},${dateArg(end)},0,1,0,1)`;
}

/** Generous JSON size of one read cell (an Excel date serial or a price). */
const RESPONSE_BYTES_PER_CELL = 24;
/** Response budget per read: 1 MB, a fifth of Excel's 5 MB limit. */
const RESPONSE_BUDGET = 1024 * 1024;

export interface StockHistoryOptions {
  readonly signal?: AbortSignal;
  /** Wait between polls for results still loading (ms). */
  readonly pollMs?: number;
  readonly maxPolls?: number;
  readonly run?: ExcelRun;
}

/**
 * Fetches the symbols (and the USD FX rates the reporting currency needs) through STOCKHISTORY and
 * returns a MarketData over the results, plus warnings for symbols Excel could not provide.
 */
export async function loadViaStockHistory(
  symbols: readonly string[],
  start: DayNumber,
  end: DayNumber,
  reportingCurrency: string,
  options: StockHistoryOptions = {}
): Promise<{ marketData: MarketData; warnings: string[] }> {
  const run: ExcelRun = options.run ?? ((b) => Excel.run(b));
  const fxNeeded = new Set<string>();
  for (const s of symbols) {
    const c = currencyOfMarket(s);
    if (c !== reportingCurrency) {
      if (c !== "USD") fxNeeded.add(`USD/${c}`);
      if (reportingCurrency !== "USD") fxNeeded.add(`USD/${reportingCurrency}`);
    }
  }
  const pulls = [
    ...symbols.map((s) => ({ symbol: s, stock: stockHistoryTicker(s) })),
    ...[...fxNeeded].map((pair) => ({ symbol: pair, stock: pair })),
  ];
  const rows = Math.ceil(((end - start + 15) * 5) / 7) + 12;
  const warnings: string[] = [];
  const tables = await run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    const name = incompleteName(
      "CNTech STOCKHISTORY",
      sheets.items.map((s) => s.name)
    );
    const sheet = sheets.add(name);
    try {
      pulls.forEach((p, i) => {
        sheet.getRangeByIndexes(0, 3 * i, 1, 1).formulas = [
          [stockHistoryFormula(p.stock, start - 14, end)],
        ];
      });
      await context.sync();
      // Poll the anchor cells only (tiny requests) until no result is still loading.
      const anchors = sheet.getRangeByIndexes(0, 0, 1, 3 * pulls.length);
      await readWhenSettled(context, anchors, {
        pollMs: options.pollMs ?? 1000,
        maxPolls: options.maxPolls ?? 60,
        signal: options.signal,
      });
      if (options.signal?.aborted) throw new ImportCancelled();
      // Then read the spills in groups whose response stays well under Excel's 5 MB limit.
      const perPull = rows * 2 * RESPONSE_BYTES_PER_CELL;
      const group = Math.max(1, Math.floor(RESPONSE_BUDGET / perPull));
      const values: unknown[][][] = [];
      for (let g = 0; g < pulls.length; g += group) {
        const ranges = pulls
          .slice(g, g + group)
          .map((_, k) => sheet.getRangeByIndexes(0, 3 * (g + k), rows, 2).load("values"));
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one read per group bounds the response size
        await context.sync();
        values.push(...ranges.map((r) => r.values));
      }
      return values;
    } finally {
      sheet.delete();
      await context.sync();
    }
  });
  const ranges: { name: string; symbol: string; values: (string | number | boolean)[][] }[] = [];
  pulls.forEach((p, i) => {
    const v = tables[i] as (string | number | boolean)[][];
    const first = String(v[0][0]);
    if (first.startsWith("#")) {
      warnings.push(
        `STOCKHISTORY gave ${first} for ${p.stock}${first === "#NAME?" ? " (STOCKHISTORY needs Microsoft 365)" : ""}`
      );
      return;
    }
    ranges.push({
      name: `STOCKHISTORY ${p.stock}`,
      symbol: p.symbol,
      values: v.filter((row) => row[0] !== ""),
    });
  });
  return { marketData: new MarketData(createRangeSource(ranges)), warnings };
}
