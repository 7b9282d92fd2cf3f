import { adrNote } from "../data/adr-lines";
import { getMarketData } from "../data/market-data";
import { measuredAs } from "../data/measured-as";
import { Provenance } from "../data/types";
import { parseRequiredText } from "./args";
import { excelCall, finiteOrThrow, toExcelError } from "./excel-errors";
import { cancelAbortSignal } from "./invocation";
import { parseBasketArg } from "./market-lookup";
import { sourceNotes } from "./source-notes";

/** How often QUOTE asks for a new price (the data layer also caches quotes for 15 s). */
export const QUOTE_REFRESH_MS = 15000;

/**
 * Latest price of one symbol, refreshed every 15 seconds while the formula is in the sheet; it stops when the cell is cleared. Delayed or synthetic per the source; from a file it is the file's last close, not a live price (see CNTECH.SOURCE).
 * @customfunction QUOTE
 * @helpurl https://localhost:3000/README.md#cntechquote
 * @param symbol One symbol, e.g. "0700.HK" or "NVDA".
 * @param invocation Streaming handle supplied by Excel.
 */
export function cntechQuote(
  symbol: unknown,
  invocation: CustomFunctions.StreamingInvocation<number>
): void {
  const signal = cancelAbortSignal(invocation);
  let timer: ReturnType<typeof setInterval> | undefined;
  const refresh = async (): Promise<void> => {
    try {
      const text = parseRequiredText(symbol, "symbol");
      const quote = await getMarketData().getQuote(text, { signal });
      if (signal?.aborted) return;
      invocation.setResult(finiteOrThrow(quote.price, "quote"));
    } catch (e) {
      if (!signal?.aborted) invocation.setResult(toExcelError(e) as never);
    }
  };
  void refresh();
  timer = setInterval(() => void refresh(), QUOTE_REFRESH_MS);
  signal?.addEventListener("abort", () => {
    if (timer !== undefined) clearInterval(timer);
    timer = undefined;
  });
}

const SOURCE_HEADER = [
  "Symbol",
  "Source",
  "As of",
  "Synthetic",
  "Delayed",
  "Stale",
  "Notes",
  "Measured as",
];

function provenanceRow(symbol: string, p: Provenance, membership = ""): unknown[] {
  const notes = [membership, p.notes ?? "", adrNote(symbol) ?? ""].filter((n) => n !== "");
  return [
    symbol,
    p.source,
    p.asOf,
    p.synthetic,
    p.delayed,
    p.stale,
    notes.join("; "),
    measuredAs(symbol),
  ];
}

/**
 * Where a symbol's (or each basket constituent's) numbers come from: provider, last close, whether they are synthetic, delayed or stale, notes (e.g. rows of a file repaired or left out; with a window, when a constituent joined the basket on its first close or left it on its last; an ADS's shares per ADS) and what its returns include (total return, or a price index without dividends). Spills a header row and one row per symbol.
 * @customfunction SOURCE
 * @helpurl https://localhost:3000/README.md#cntechsource
 * @cancelable
 * @param symbols A symbol, a preset basket ("HSTECH") or a range of symbols.
 * @param [start] Window start (optional): with it, the Notes say which constituents joined or left the basket in the window.
 * @param [end] Window end (default: the latest available close).
 * @param [currency] Currency the basket is measured in: "USD" (default), "HKD" or "CNY".
 * @param invocation Cancellation handle supplied by Excel.
 * @returns A table: Symbol, Source, As of, Synthetic, Delayed, Stale, Notes, Measured as; a symbol that failed shows its error in its row.
 */
export function cntechSource(
  symbols: unknown[][],
  start: unknown,
  end: unknown,
  currency: unknown,
  invocation: CustomFunctions.CancelableInvocation
): Promise<unknown[][]> {
  return excelCall(async () => {
    const signal = cancelAbortSignal(invocation);
    const spec = parseBasketArg(symbols);
    const membership = await sourceNotes(spec, { start, end, currency }, signal);
    const md = getMarketData();
    const rows = await Promise.all(
      spec.members.map(async ({ symbol }) => {
        try {
          const p = await md.getProvenance(symbol, { signal });
          return provenanceRow(symbol, p, membership.get(symbol));
        } catch (e) {
          const error = toExcelError(e);
          return [symbol, error, error, error, error, error, error, measuredAs(symbol)];
        }
      })
    );
    return [SOURCE_HEADER, ...rows];
  });
}
