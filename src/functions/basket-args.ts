/**
 * The `symbols` argument of every CNTECH formula: one symbol, a preset basket's name, or a basket
 * range of symbols with optional weights and membership dates (symbol, weight, from, to). A first
 * row of titles is skipped; every mistake is a #VALUE!-kind FinanceError naming the row.
 */
import { DayNumber, isoFromDay } from "../core/dates";
import { invalidValue } from "../core/errors";
import { CellValue, isOmitted, parseDateCell, toMatrix } from "./args";

/**
 * One constituent of a basket spec: a canonical symbol, its (unnormalised) weight and, from a
 * four-column range, the days it is a member (from / to; undefined = unbounded).
 */
export interface BasketMember {
  readonly symbol: string;
  readonly weight: number;
  readonly from?: DayNumber;
  readonly to?: DayNumber;
}

/**
 * What a `symbols` argument means: a single symbol, a named preset, or a custom range.
 * Weights are as given (equal weights are 1 each); normalisation is the core's job.
 */
export interface BasketSpec {
  readonly kind: "symbol" | "preset" | "range";
  /** Short label for messages and headers, e.g. "0700.HK", "HSTECH" or "custom basket (3)". */
  readonly label: string;
  readonly members: readonly BasketMember[];
  /** True when the user gave weights (two-column range) rather than equal weights. */
  readonly explicitWeights: boolean;
}

/** True when any member carries a from or to date. */
export function hasMembershipDates(spec: BasketSpec): boolean {
  return spec.members.some((m) => m.from !== undefined || m.to !== undefined);
}

/** How symbols and preset names are resolved; the default comes from the data layer (see market-lookup.ts). */
export interface SymbolResolver {
  /** Canonical form of a typed symbol; throws a FinanceError for unusable text. */
  normalize(symbol: string): string;
  /** A preset basket by (case-insensitive) name, or undefined when the name is not a preset. */
  preset(name: string): { name: string; members: readonly BasketMember[] } | undefined;
  /** Preset names, listed when a single text is neither a symbol nor a preset. */
  presetNames?(): readonly string[];
}

function parseWeight(cell: CellValue, symbol: string, row: number): number {
  const n = typeof cell === "number" ? cell : typeof cell === "string" ? Number(cell) : NaN;
  if (isOmitted(cell)) throw invalidValue(`symbols: weight missing for ${symbol} (row ${row})`);
  if (!Number.isFinite(n))
    throw invalidValue(
      `symbols: weight "${String(cell)}" for ${symbol} (row ${row}) is not a number`
    );
  return n;
}

/** A from / to cell: blank = unbounded, else an Excel date or date text. */
function parseMemberDate(
  cell: CellValue,
  which: "from" | "to",
  symbol: string,
  row: number,
  argName: string
): DayNumber | undefined {
  if (isOmitted(cell)) return undefined;
  return parseDateCell(cell, `${argName}: ${which} date of ${symbol} (row ${row})`);
}

function symbolCell(cell: CellValue, row: number): string {
  if (typeof cell !== "string")
    throw invalidValue(`symbols: row ${row} holds ${String(cell)}, not a symbol`);
  return cell.trim();
}

/** Column titles such as "Symbol" / "Ticker" (then optionally "Weight", "From", "To"), never a ticker. */
const HEADER_WORD = /^(symbols?|tickers?|codes?|constituents?|members?|names?)$/i;

function isHeaderRow(cells: readonly CellValue[]): boolean {
  const [first, second] = cells;
  if (typeof first !== "string" || !HEADER_WORD.test(first.trim())) return false;
  return isOmitted(second) || (typeof second === "string" && !Number.isFinite(Number(second)));
}

/** One text: a preset basket by name, else a symbol (#VALUE! naming the presets when it is neither). */
function singleSymbol(text: string, resolver: SymbolResolver): BasketSpec {
  const preset = resolver.preset(text);
  if (preset) {
    return { kind: "preset", label: preset.name, members: preset.members, explicitWeights: true };
  }
  let symbol: string;
  try {
    symbol = resolver.normalize(text);
  } catch (e) {
    const names = resolver.presetNames?.() ?? [];
    if (names.length === 0) throw e;
    throw invalidValue(`${(e as Error).message}, nor a preset basket (${names.join(", ")})`);
  }
  return {
    kind: "symbol",
    label: symbol,
    members: [{ symbol, weight: 1 }],
    explicitWeights: false,
  };
}

interface Entry {
  text: string;
  weight: number;
  row: number;
  from?: DayNumber;
  to?: DayNumber;
}

/** A row of (symbol, weight[, from[, to]]). */
function weightedEntry(cells: readonly CellValue[], row: number, argName: string): Entry {
  if (isOmitted(cells[0])) throw invalidValue(`${argName}: symbol missing on row ${row}`);
  const text = symbolCell(cells[0], row);
  const from = parseMemberDate(cells[2], "from", text, row, argName);
  const to = parseMemberDate(cells[3], "to", text, row, argName);
  if (from !== undefined && to !== undefined && from > to)
    throw invalidValue(
      `${argName}: ${text} (row ${row}) has from ${isoFromDay(from)} after to ${isoFromDay(to)}`
    );
  return { text, weight: parseWeight(cells[1], text, row), row, from, to };
}

/**
 * The `symbols` argument: one symbol ("0700.HK"), a preset name ("HSTECH"), a one-column (or one-row)
 * range of symbols (equal weights), a two-column range of symbols and weights, or up to four columns
 * (symbol, weight, from, to) with membership dates (blank = unbounded). Blank rows are ignored; text
 * is case-insensitive; a symbol listed twice is #VALUE!.
 */
export function parseSymbolsArg(
  value: unknown,
  resolver: SymbolResolver,
  argName = "symbols"
): BasketSpec {
  // One cell (text or a 1×1 range) is what nearly every formula passes: skip the range machinery.
  const one = Array.isArray(value) ? (value.length === 1 ? value[0] : undefined) : value;
  const cell = Array.isArray(one) ? (one.length === 1 ? one[0] : undefined) : one;
  if (typeof cell === "string" && !isOmitted(cell)) return singleSymbol(cell.trim(), resolver);

  const matrix = toMatrix(value);
  const all = matrix
    .map((cells, i) => ({ cells, row: i + 1 }))
    .filter(({ cells }) => !cells.every(isOmitted));
  // A header row ("Symbol", "Weight") is not a constituent: skip it, as the pane's selection does.
  const rows = all.length > 1 && isHeaderRow(all[0].cells) ? all.slice(1) : all;
  if (rows.length === 0) throw invalidValue(`${argName} is empty`);
  const width = Math.max(...rows.map((r) => r.cells.length));

  if (rows.length === 1 && width === 1) {
    return singleSymbol(symbolCell(rows[0].cells[0], 1), resolver);
  }

  let entries: Entry[];
  const singleRowOfText =
    rows.length === 1 &&
    rows[0].cells.filter((c) => !isOmitted(c)).every((c) => typeof c === "string");
  if (width === 1 || singleRowOfText) {
    const cells = width === 1 ? rows.map((r) => ({ cell: r.cells[0], row: r.row })) : [];
    if (singleRowOfText)
      rows[0].cells.forEach((cell, i) => !isOmitted(cell) && cells.push({ cell, row: i + 1 }));
    entries = cells.map(({ cell, row }) => ({ text: symbolCell(cell, row), weight: 1, row }));
  } else if (width <= 4) {
    entries = rows.map(({ cells, row }) => weightedEntry(cells, row, argName));
  } else {
    throw invalidValue(
      `${argName}: use one column of symbols, two (symbol, weight) or four (symbol, weight, from, to)`
    );
  }

  const seen = new Set<string>();
  const members = entries.map(({ text, weight, from, to }) => {
    const symbol = resolver.normalize(text);
    if (seen.has(symbol)) throw invalidValue(`${argName}: ${symbol} is listed twice`);
    seen.add(symbol);
    return { symbol, weight, ...(from !== undefined && { from }), ...(to !== undefined && { to }) };
  });
  const explicitWeights = width >= 2 && !singleRowOfText;
  const label = members.length === 1 ? members[0].symbol : `custom basket (${members.length})`;
  return { kind: "range", label, members, explicitWeights };
}
