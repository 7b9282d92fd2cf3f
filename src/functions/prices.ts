import { DayNumber, Frequency } from "../core/dates";
import { invalidValue, notAvailable } from "../core/errors";
import { indexOnOrBefore, PriceSeries } from "../core/series";
import { isoFromDay } from "../core/dates";
import { getMarketData } from "../data/market-data";
import { normalizeCurrency } from "../data/symbols";
import {
  isOmitted,
  parseCurrency,
  parseEnum,
  parseOptionalDate,
  parseRequiredText,
  parseWindow,
} from "./args";
import { excelCall, excelFormula, finiteOrThrow, toExcelError } from "./excel-errors";
import {
  adjustedCloses,
  ColumnSource,
  HistoryField,
  historyTable,
  START_LOOKBACK_DAYS,
} from "./history-table";
import { cancelSignal } from "./invocation";
import { parseBasketArg } from "./market-lookup";
import { requireFreshEnd } from "../core/coverage";
import { tradingCalendar } from "../data/trading-calendar";
import { loadInCurrency, needFor, SourcedSeries, today, whenInCurrency } from "./window-data";

export const HISTORY_FIELDS: readonly HistoryField[] = ["close", "adjclose"];
export const FREQUENCIES: readonly Frequency[] = ["daily", "weekly", "monthly"];

/** Value on or before `day` (the last one when `day` is undefined); #N/A outside the data or when it is stale for `day`. */
function valueOn(series: PriceSeries, values: ArrayLike<number>, day: number | undefined): number {
  const n = series.dates.length;
  if (n === 0) throw notAvailable(`${series.symbol}: no prices`);
  if (day === undefined) return values[n - 1];
  const i = indexOnOrBefore(series, day);
  if (i < 0)
    throw notAvailable(
      `${series.symbol}: no price on or before ${isoFromDay(day)} (data starts ${isoFromDay(series.dates[0])})`
    );
  requireFreshEnd(
    series.symbol,
    series.dates[n - 1],
    day,
    tradingCalendar(series.symbol),
    "the date"
  );
  return values[i];
}

/** The close or adjusted close on a day (a module-level factory: the waiting closure keeps its arguments only). */
function priceOn(day: DayNumber | undefined, field: string): (data: SourcedSeries) => number {
  return ({ series: s }) =>
    finiteOrThrow(valueOn(s, field === "close" ? s.close : adjustedCloses(s), day), "price");
}

/**
 * Closing price of one symbol on a date (the last close on or before it), in its own currency or a reporting currency.
 * @customfunction PRICE
 * @helpurl https://localhost:3000/README.md#cntechprice
 * @cancelable
 * @param symbol One symbol, e.g. "0700.HK", "688981.SS" or "NVDA".
 * @param [date] Date (default: the latest close): an Excel date, DATE(), or "YYYY-MM-DD".
 * @param [field] "close" (default) or "adjclose" (adjusted for dividends and splits).
 * @param [currency] "USD", "HKD" or "CNY" (default: the symbol's own trading currency).
 * @param invocation Cancellation handle supplied by Excel.
 * @returns The price.
 */
export function cntechPrice(
  symbol: unknown,
  date: unknown,
  field: unknown,
  currency: unknown,
  invocation: CustomFunctions.CancelableInvocation
): Promise<number> {
  return excelFormula((fail) => {
    const signal = cancelSignal(invocation);
    const text = parseRequiredText(symbol, "symbol");
    const day = parseOptionalDate(date, "date");
    const f = parseEnum(field, "field", HISTORY_FIELDS, "close");
    const md = getMarketData();
    const canonical = md.normalize(text);
    const to = day ?? today();
    // No currency: the listing's own prices (loadInCurrency reaches back 14 days before `to` too).
    const ccy = isOmitted(currency) ? undefined : parseCurrency(currency);
    const then = /*#__NOINLINE__*/ priceOn(day, f);
    return whenInCurrency(canonical, to, to, ccy, signal, then, fail, needFor(f));
  });
}

/**
 * Daily, weekly or monthly closes of one or more symbols over a window, spilled as a table with a header row ("Date", then one column per symbol). The first row is the start close (the last close on or before start), so last / first − 1 is RETURN's price return. Dates are Excel serials: give the Date column a date format.
 * @customfunction HISTORY
 * @helpurl https://localhost:3000/README.md#cntechhistory
 * @cancelable
 * @param symbols A symbol, a preset basket ("HSTECH") or a range of symbols: one column per symbol in the result.
 * @param start Start date: an Excel date, DATE(), or "YYYY-MM-DD".
 * @param [end] End date (default: the latest available close).
 * @param [currency] "USD", "HKD" or "CNY" (default: each symbol's own trading currency).
 * @param [frequency] "daily" (default), "weekly" or "monthly": after the start close, each ISO week's (Monday-Sunday) or calendar month's last close; the last row is the last close on or before end.
 * @param [field] "close" (default) or "adjclose" (adjusted for dividends and splits).
 * @param invocation Cancellation handle supplied by Excel.
 * @returns A table: header row, then one row per date; a symbol that failed shows its error in its column.
 */
export function cntechHistory(
  symbols: unknown[][],
  start: unknown,
  end: unknown,
  currency: unknown,
  frequency: unknown,
  field: unknown,
  invocation: CustomFunctions.CancelableInvocation
): Promise<unknown[][]> {
  return excelCall(async () => {
    const signal = cancelSignal(invocation);
    const spec = parseBasketArg(symbols);
    const window = parseWindow(start, end);
    const freq = parseEnum(frequency, "frequency", FREQUENCIES, "daily");
    const f = parseEnum(field, "field", HISTORY_FIELDS, "close");
    const ccy = isOmitted(currency) ? undefined : parseCurrency(currency);
    const w = { start: window.start, end: window.end ?? today() };
    const md = getMarketData();
    const columns: ColumnSource[] = await Promise.all(
      spec.members.map(async ({ symbol }): Promise<ColumnSource> => {
        try {
          const need = needFor(f);
          const loaded = ccy
            ? await loadInCurrency(symbol, w.start, w.end, ccy, signal, need)
            : await md.getHistory(symbol, w.start - START_LOOKBACK_DAYS, w.end, { signal, need });
          const { series: s } = loaded;
          // An end given past the data is stale for that column (the rule of the window formulas).
          const last = s.dates[s.dates.length - 1];
          if (window.end !== undefined && last >= w.start)
            requireFreshEnd(s.symbol, last, w.end, tradingCalendar(s.symbol));
          return { symbol, series: s };
        } catch (e) {
          return { symbol, error: toExcelError(e) };
        }
      })
    );
    return historyTable(columns, w, freq, f);
  });
}

/** "USD/HKD", "USDHKD", "usd-hkd" → ["USD", "HKD"] (CNH counts as CNY). */
export function parsePair(value: unknown, argName = "pair"): [string, string] {
  const text = parseRequiredText(value, argName).toUpperCase();
  const m = /^([A-Z]{3})\s*[/.\-_ ]?\s*([A-Z]{3})$/.exec(text);
  if (!m) throw invalidValue(`${argName}: "${text}" is not a currency pair like "USD/HKD"`);
  return [normalizeCurrency(m[1]), normalizeCurrency(m[2])];
}

/**
 * FX's arguments: (base, quote, [date]); a pair in one text ("USD/HKD") is still accepted as the
 * first argument, followed by the date (in the second or the third place).
 */
export function parseFxArgs(
  base: unknown,
  quote: unknown,
  date: unknown
): { base: string; quote: string; day: DayNumber | undefined } {
  const first = parseRequiredText(base, "base");
  if (/^[A-Za-z]{3}$/.test(first)) {
    const q = parseRequiredText(quote, "quote");
    return {
      base: normalizeCurrency(first),
      quote: normalizeCurrency(q),
      day: parseOptionalDate(date, "date"),
    };
  }
  const [b, q] = parsePair(first, "base");
  if (!isOmitted(quote) && !isOmitted(date))
    throw invalidValue(
      `quote: "${String(quote)}" given, but "${first}" already names both currencies`
    );
  return { base: b, quote: q, day: parseOptionalDate(isOmitted(date) ? quote : date, "date") };
}

/**
 * Exchange rate on a date: units of the quote currency per one unit of the base currency (the last fixing on or before the date).
 * @customfunction FX
 * @helpurl https://localhost:3000/README.md#cntechfx
 * @cancelable
 * @param base Base currency, e.g. "USD" (a pair such as "USD/HKD" is also accepted, then leave quote empty or put the date there).
 * @param [quote] Quote currency, e.g. "HKD": "USD", "HKD" or "CNY" (CNH counts as CNY).
 * @param [date] Date (default: the latest fixing): an Excel date, DATE(), or "YYYY-MM-DD".
 * @param invocation Cancellation handle supplied by Excel.
 * @returns Units of the quote currency per one unit of the base currency.
 */
export function cntechFx(
  base: unknown,
  quote: unknown,
  date: unknown,
  invocation: CustomFunctions.CancelableInvocation
): Promise<number> {
  return excelCall(async () => {
    const signal = cancelSignal(invocation);
    const args = parseFxArgs(base, quote, date);
    const to = args.day ?? today();
    const fx = await getMarketData().getFx(args.base, args.quote, to - 14, to, { signal });
    return finiteOrThrow(valueOn(fx.series, fx.series.close, args.day), "exchange rate");
  });
}
