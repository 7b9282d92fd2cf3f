import { DayNumber, isoFromDay } from "../../core/dates";
import { makeSeries, PriceSeries } from "../../core/series";
import { ProviderError } from "../provider-error";
import { currencyOfMarket, marketOf } from "../symbols";
import { HistoryResult, MarketDataProvider, Provenance, Quote, SymbolInfo } from "../types";
import { parseCsv } from "./csv-parse";
import { cleanRows } from "./repair";
import { Cell, readTable, RowProblem, SymbolData } from "./table-reader";

export interface UserTable {
  /** File name (or a label for a range); a per-symbol file's symbol comes from it ("0700.HK.csv"). */
  readonly name: string;
  /** Overrides the symbol of a per-symbol file. */
  readonly symbol?: string;
}

/**
 * User-supplied data as a provider: CSV files and Excel ranges in per-symbol (Yahoo / STOCKHISTORY),
 * long or wide layout. Cells are read one by one under the per-cell rules (repair.ts); every row
 * merged, repaired or left out is listed in `problems` with file and line, shown by the pane and the
 * CLI and listed in that symbol's provenance notes (CNTECH.SOURCE); none is silently dropped.
 */
export class UserDataSource implements MarketDataProvider {
  readonly id = "csv";
  readonly local = true;
  readonly name: string;
  readonly problems: RowProblem[] = [];
  private readonly series = new Map<string, PriceSeries>();

  constructor(
    tables: ReadonlyArray<
      UserTable & { rows: ReadonlyArray<{ line: number; cells: readonly Cell[] }> }
    >
  ) {
    this.name = `user data (${tables.map((t) => t.name).join(", ") || "no files"})`;
    const merged = new Map<string, SymbolData & { files: string[] }>();
    for (const t of tables) {
      const symbol = t.symbol ?? symbolFromFileName(t.name);
      const { data, problems } = readTable(t.name, t.rows, symbol);
      this.problems.push(...problems);
      for (const [key, d] of data) {
        const m = merged.get(key);
        if (!m)
          merged.set(key, {
            ...d,
            rows: d.rows.map((r) => ({ ...r, file: t.name })),
            files: [t.name],
          });
        else {
          m.rows.push(...d.rows.map((r) => ({ ...r, file: t.name })));
          m.currency ??= d.currency;
          m.adjColumn = m.adjColumn || d.adjColumn;
          m.files.push(t.name);
        }
      }
    }
    for (const [key, d] of merged) {
      const s = this.build(key, d);
      if (s) this.series.set(key, s);
    }
    const order = tables.map((t) => t.name);
    this.problems.sort((a, b) => order.indexOf(a.file) - order.indexOf(b.file) || a.line - b.line);
  }

  /** Symbols loaded (canonical; FX pairs as "FX:USDHKD"). */
  get symbols(): string[] {
    return [...this.series.keys()];
  }

  private build(key: string, d: SymbolData & { files: string[] }): PriceSeries | undefined {
    const { rows } = cleanRows(key, d.rows, d.adjColumn ?? false, (row, action, message) =>
      this.problems.push({
        file: row.file ?? d.files[0],
        line: row.line,
        message,
        symbol: key,
        action,
      })
    );
    if (rows.length === 0) return undefined;
    const isFx = key.startsWith("FX:");
    const currency = isFx ? key.slice(-3) : (d.currency ?? currencyOfMarket(key));
    const close = rows.map((r) => r.close);
    const dividends = rows.some((r) => r.dividend) ? rows.map((r) => r.dividend) : undefined;
    let adjClose: number[] | undefined;
    if (rows[0].adjClose !== undefined) adjClose = rows.map((r) => r.adjClose!);
    else if (dividends) adjClose = backAdjust(close, dividends);
    return makeSeries({
      symbol: isFx ? key.slice(3) : key,
      currency,
      dates: rows.map((r) => r.day),
      close,
      adjClose,
      dividends,
    });
  }

  /** The rows of this symbol's files that were merged, repaired or left out, for its provenance. */
  problemsOf(key: string): RowProblem[] {
    return this.problems.filter((p) => p.symbol === key);
  }

  private provenance(key: string, s: PriceSeries): Provenance {
    const last = isoFromDay(s.dates[s.dates.length - 1]);
    // A file has no live price: CNTECH.QUOTE shows its last close, and SOURCE says so.
    const quote = key.startsWith("FX:")
      ? []
      : [`QUOTE = the file's last close (${last}), not a live price`];
    const rows = describeProblems(this.problemsOf(key), 3);
    return {
      source: this.name,
      asOf: last,
      synthetic: false,
      delayed: false,
      stale: false,
      ...(quote.length + rows.length > 0 ? { notes: [...quote, ...rows].join("; ") } : {}),
    };
  }

  private get(key: string, label: string): PriceSeries {
    const s = this.series.get(key);
    if (!s) {
      const loaded = this.symbols.slice(0, 8).join(", ");
      throw new ProviderError(
        this.name,
        "unknown-symbol",
        `${label} is not in the loaded data (loaded: ${loaded || "nothing"})`
      );
    }
    return s;
  }

  async getHistory(symbol: string, _from?: DayNumber, _to?: DayNumber): Promise<HistoryResult> {
    const s = this.get(symbol, symbol);
    return { series: s, provenance: this.provenance(symbol, s) };
  }

  async getUsdFxHistory(quote: "HKD" | "CNY"): Promise<HistoryResult> {
    const key = `FX:USD${quote}`;
    const s = this.get(key, `FX rate USD/${quote} (add a USD${quote} column or file)`);
    return { series: s, provenance: this.provenance(key, s) };
  }

  async getQuote(symbol: string): Promise<Quote> {
    const s = this.get(symbol, symbol);
    return {
      symbol,
      price: s.close[s.close.length - 1],
      currency: s.currency,
      provenance: this.provenance(symbol, s),
    };
  }

  async getSymbolInfo(symbol: string): Promise<SymbolInfo> {
    const s = this.get(symbol, symbol);
    return { symbol, name: symbol, exchange: marketOf(symbol), currency: s.currency };
  }
}

/**
 * The import report for people: one line per row merged, repaired or left out ("prices.csv line 7: ..."), at most
 * `max` lines plus a count of the rest. For the CLI's stderr and the pane's warning list.
 */
export function describeProblems(problems: readonly RowProblem[], max = 20): string[] {
  const lines = problems.slice(0, max).map((p) => `${p.file} line ${p.line}: ${p.message}`);
  if (problems.length > max)
    lines.push(`… and ${problems.length - max} more row(s) merged, repaired or left out`);
  return lines;
}

/**
 * What the pane shows after user files are loaded (Import tab and Settings): one line per row
 * merged, repaired or left out, capped at `max`; nothing for other providers.
 */
export function userDataReport(provider: MarketDataProvider, max = 10): string[] {
  return provider instanceof UserDataSource ? describeProblems(provider.problems, max) : [];
}

/**
 * Adjusted closes from cash dividends, reinvested at the ex-date close (the core's convention):
 * each ex-date scales earlier closes by P_t / (P_t + D_t), so adj_t / adj_{t−1} = (P_t + D_t) / P_{t−1}.
 */
export function backAdjust(close: readonly number[], dividends: readonly number[]): number[] {
  const adj = new Array<number>(close.length);
  let factor = 1;
  for (let i = close.length - 1; i >= 0; i--) {
    adj[i] = close[i] * factor;
    if (dividends[i] > 0 && i > 0) factor *= close[i] / (close[i] + dividends[i]);
  }
  return adj;
}

/** "0700.HK.csv" → "0700.HK"; "QQQ (1).csv" → "QQQ"; "C:\\data\\NVDA.csv" → "NVDA". */
export function symbolFromFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  return base
    .replace(/\.(csv|txt|tsv)$/i, "")
    .replace(/\s*\(\d+\)$/, "")
    .trim();
}

/** A provider over CSV files' text (the CLI's --data and the pane's file picker). */
export function createCsvSource(
  files: ReadonlyArray<{ name: string; text: string; symbol?: string }>
): UserDataSource {
  return new UserDataSource(
    files.map((f) => ({ name: f.name, symbol: f.symbol, rows: parseCsv(f.text) }))
  );
}

/**
 * A provider over Excel ranges (values as read through Excel.run, e.g. a STOCKHISTORY spill with
 * headers). Row numbers in problems are 1-based within each range.
 */
export function createRangeSource(
  ranges: ReadonlyArray<{ name: string; symbol?: string; values: Cell[][] }>
): UserDataSource {
  return new UserDataSource(
    ranges.map((r) => ({
      name: r.name,
      symbol: r.symbol,
      rows: r.values.map((cells, i) => ({ line: i + 1, cells })),
    }))
  );
}
