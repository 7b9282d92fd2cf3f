import { parseDateArg } from "../core/dates";
import { invalidValue } from "../core/errors";
import { windowReturn } from "../core/returns";
import { getMarketData } from "../data/market-data";
import { excelCall } from "./excel-errors";

/**
 * Total return of a symbol between two dates, from the last close on or before start to the last close on or before end.
 * @customfunction RETURN
 * @helpurl https://localhost:3000/README.md#cntechreturn
 * @param symbol Ticker, e.g. "0700.HK" or "QQQ".
 * @param start Start date: an Excel date or "YYYY-MM-DD".
 * @param [end] End date (default: the latest available close).
 * @returns The return as a decimal (0.05 = 5 %).
 */
export async function cntechReturn(
  symbol: string,
  start: number | string,
  end?: number | string
): Promise<number> {
  return excelCall(async () => {
    if (typeof symbol !== "string" || symbol.trim() === "") throw invalidValue("symbol is empty");
    const startDay = parseDateArg(start, "start");
    const endDay =
      end === undefined || end === null || end === "" ? undefined : parseDateArg(end, "end");
    const { series } = await getMarketData().getHistory(symbol, startDay, endDay ?? startDay);
    const lastDay = endDay ?? series.dates[series.dates.length - 1];
    return windowReturn(series, startDay, lastDay, "total");
  });
}
