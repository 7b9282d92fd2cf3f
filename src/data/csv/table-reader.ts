import { DayNumber, dayFromExcelSerial, dayFromYmd } from "../../core/dates";
import { normalizeSymbol } from "../symbols";

/** A cell from a CSV (text) or an Excel range (number, text, boolean, empty). */
export type Cell = string | number | boolean | null | undefined;

export interface TableRow {
  /** Where the row came from, for messages: a CSV line number or a range row number. */
  readonly line: number;
  readonly cells: readonly Cell[];
}

/** What happened to a row with a problem: left out, one field repaired, or merged into another row. */
export type RowAction = "skipped" | "repaired" | "merged";

/** A row that could not be used as written, with the reason. Reported to the user, never silently dropped. */
export interface RowProblem {
  readonly file: string;
  readonly line: number;
  readonly message: string;
  /** The canonical symbol the row belongs to, when it can be told. */
  readonly symbol?: string;
  readonly action?: RowAction;
}

/** The fields of one dated row; a field is undefined when its cell is blank or unusable. */
export interface Observation {
  day: DayNumber;
  close?: number;
  adjClose?: number;
  dividend?: number;
  line: number;
  /** The file the row came from, when several files are merged for one symbol. */
  file?: string;
  /** Cells that were written but are unusable, as written (for the report). */
  bad?: { close?: string; adj?: string; div?: string };
}

export interface SymbolData {
  currency?: string;
  /** The table has an adjusted-close column for this symbol (per-symbol and long layouts). */
  adjColumn?: boolean;
  readonly rows: Observation[];
}

export type Layout = "per-symbol" | "long" | "wide";

/** Header roles, matched case-, space-, underscore- and punctuation-insensitively. */
const ROLES: Record<string, string> = {
  date: "date", day: "date", asof: "date", timestamp: "date", time: "date",
  symbol: "symbol", ticker: "symbol", code: "symbol", instrument: "symbol", ric: "symbol",
  close: "close", price: "close", last: "close", pxlast: "close", closeprice: "close",
  adjclose: "adj", adjustedclose: "adj", adjclosingprice: "adj", adjustedcloseprice: "adj", adjprice: "adj",
  dividend: "div", dividends: "div", div: "div", cashdividend: "div",
  currency: "ccy", ccy: "ccy", curr: "ccy",
  open: "ignore", high: "ignore", low: "ignore", volume: "ignore", vol: "ignore", change: "ignore",
  changepercent: "ignore", vwap: "ignore", stocksplits: "ignore", splits: "ignore", unadjustedvolume: "ignore",
}; // prettier-ignore

export function headerKey(text: Cell): string {
  return String(text ?? "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

/** Dates: ISO (2024-01-02, 2024/01/02, 20240102, with an optional time), Excel serials (numbers). */
export function parseCellDate(cell: Cell): DayNumber | undefined {
  if (typeof cell === "number") {
    if (!Number.isFinite(cell) || cell < 1 || cell >= 2958466) return undefined;
    try {
      return dayFromExcelSerial(cell);
    } catch {
      return undefined;
    }
  }
  const text = String(cell ?? "").trim();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T].*)?$/.exec(text);
  if (!m) m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m) {
    try {
      return dayFromYmd(Number(m[1]), Number(m[2]), Number(m[3]));
    } catch {
      return undefined;
    }
  }
  if (/^\d{5}(\.\d+)?$/.test(text)) return parseCellDate(Number(text));
  return undefined;
}

/** Numbers: plain or with thousands separators ("1,234.5"); empty / "null" / "NaN" / "-" are missing. */
export function parseCellNumber(cell: Cell): number | undefined {
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : undefined;
  const text = String(cell ?? "")
    .trim()
    .replace(/,(?=\d{3}(\D|$))/g, "");
  if (text === "" || !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) return undefined;
  return Number(text);
}

/** FX columns / symbols: USDHKD, USD/HKD, HKD=X, USDHKD=X (Yahoo) → "FX:USDHKD". */
export function fxKey(text: string): string | undefined {
  const m = /^(?:USD\/?)?(HKD|CNY|CNH)(?:=X)?$/.exec(text.trim().toUpperCase());
  if (!m) return undefined;
  return `FX:USD${m[1] === "CNH" ? "CNY" : m[1]}`;
}

/** Canonical key of a symbol cell or header, or an error message. */
export function symbolKey(text: Cell): { key?: string; error?: string } {
  const raw = String(text ?? "").trim();
  if (raw === "") return { error: "the symbol is empty" };
  const fx = fxKey(raw);
  if (fx) return { key: fx };
  try {
    return { key: normalizeSymbol(raw) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

export interface ReadResult {
  readonly layout: Layout;
  readonly data: Map<string, SymbolData>;
  readonly problems: RowProblem[];
}

/**
 * Reads one table (header row first) in any of the three layouts:
 * - per-symbol (Yahoo download, STOCKHISTORY spill): Date, Close[, Adj Close, Dividends, ...]; symbol given;
 * - long: Date, Symbol, Close[, Adj Close, Dividends, Currency];
 * - wide: Date then one column of closes per symbol (header = symbol).
 */
export function readTable(
  file: string,
  rows: readonly TableRow[],
  symbolForFile?: string
): ReadResult {
  const problems: RowProblem[] = [];
  const data = new Map<string, SymbolData>();
  const headerIdx = rows.findIndex((r) => r.cells.some((c) => ROLES[headerKey(c)] === "date"));
  if (headerIdx < 0) {
    problems.push({ file, line: rows[0]?.line ?? 1, message: "no header row with a Date column" });
    return { layout: "per-symbol", data, problems };
  }
  const header = rows[headerIdx].cells.map(
    (c) => ROLES[headerKey(c)] ?? `col:${String(c ?? "").trim()}`
  );
  const col = (role: string): number => header.indexOf(role);
  const iDate = col("date");
  const iSym = col("symbol");
  const iClose = col("close");
  const layout: Layout =
    iSym >= 0 && iClose >= 0 ? "long" : iClose >= 0 || col("adj") >= 0 ? "per-symbol" : "wide";
  const iAdj = iClose >= 0 ? col("adj") : -1; // a lone adjusted-close column is the close
  const add = (key: string, obs: Observation, ccy?: string): void => {
    let d = data.get(key);
    if (!d) data.set(key, (d = { rows: [], adjColumn: iAdj >= 0 }));
    if (ccy && !d.currency) d.currency = ccy.trim().toUpperCase();
    d.rows.push(obs);
  };

  let fileKey: string | undefined;
  if (layout === "per-symbol") {
    const k = symbolKey(symbolForFile ?? "");
    if (!k.key) {
      problems.push({
        file,
        line: rows[headerIdx].line,
        message: `cannot tell the symbol from "${file}": ${k.error}`,
      });
      return { layout, data, problems };
    }
    fileKey = k.key;
  }
  const wideCols: Array<{ index: number; key: string }> = [];
  if (layout === "wide") {
    header.forEach((h, index) => {
      if (index === iDate || !h.startsWith("col:")) return;
      const k = symbolKey(h.slice(4));
      if (k.key) wideCols.push({ index, key: k.key });
      else
        problems.push({
          file,
          line: rows[headerIdx].line,
          message: `column "${h.slice(4)}": ${k.error}`,
        });
    });
  }

  for (const row of rows.slice(headerIdx + 1)) {
    const cells = row.cells;
    if (cells.every((c) => String(c ?? "").trim() === "")) continue;
    const bad = (message: string, symbol?: string): void =>
      void problems.push({ file, line: row.line, message, symbol, action: "skipped" });
    const day = parseCellDate(cells[iDate]);
    if (day === undefined) {
      const symbol = fileKey ?? (layout === "long" ? symbolKey(cells[iSym]).key : undefined);
      bad(`"${String(cells[iDate] ?? "")}" is not a date (use YYYY-MM-DD): row left out`, symbol);
      continue;
    }
    if (layout === "wide") {
      for (const { index, key } of wideCols) {
        const cell = cells[index];
        if (String(cell ?? "").trim() === "") continue; // a market closed that day: no observation
        const v = parseCellNumber(cell);
        if (v === undefined || !(v > 0))
          bad(
            `${key.replace("FX:", "")}: "${String(cell)}" is not a positive price: that day left out`,
            key
          );
        else add(key, { day, close: v, line: row.line });
      }
      continue;
    }
    let key = fileKey;
    if (layout === "long") {
      const k = symbolKey(cells[iSym]);
      if (!k.key) {
        bad(`${k.error!}: row left out`);
        continue;
      }
      key = k.key;
    }
    const obs: Observation = { day, line: row.line };
    // Each field on its own: an unusable cell leaves that field missing, the rules in repair.ts decide.
    const close = priceCell(cells[iClose >= 0 ? iClose : col("adj")]);
    if (close.value !== undefined) obs.close = close.value;
    else if (close.text !== undefined) (obs.bad ??= {}).close = close.text;
    if (iAdj >= 0) {
      const adj = priceCell(cells[iAdj]);
      if (adj.value !== undefined) obs.adjClose = adj.value;
      else if (adj.text !== undefined) (obs.bad ??= {}).adj = adj.text;
    }
    if (col("div") >= 0 && String(cells[col("div")] ?? "").trim() !== "") {
      const div = parseCellNumber(cells[col("div")]);
      if (div === undefined || div < 0) (obs.bad ??= {}).div = String(cells[col("div")]);
      else obs.dividend = div;
    }
    add(key!, obs, col("ccy") >= 0 ? String(cells[col("ccy")] ?? "") || undefined : undefined);
  }
  return { layout, data, problems };
}

/** A price cell: its value when positive, else the text written (no text: blank). */
function priceCell(cell: Cell): { value?: number; text?: string } {
  const v = parseCellNumber(cell);
  if (v !== undefined && v > 0) return { value: v };
  const text = String(cell ?? "").trim();
  return text === "" ? {} : { text };
}
