import { DayNumber } from "../core/dates";
import { isTradingDay } from "./demo/calendars";
import { marketOf } from "./symbols";

/**
 * The trading-day calendar of a canonical symbol's market, for the staleness rule (core/coverage.ts):
 * the exchange tables of src/data/demo/calendars.ts (2015-2026), weekdays outside those years.
 */
export function tradingCalendar(symbol: string): (day: DayNumber) => boolean {
  const market = marketOf(symbol);
  return (day) => isTradingDay(market, day);
}
