import { EVENT_ROWS, EVENT_WINDOWS } from "./event-returns";

/** Readable names of the instruments in the event table. */
export const INSTRUMENT_LABELS: Readonly<Record<string, string>> = {
  QQQ: "Nasdaq-100 (QQQ)",
  KTEC: "Hang Seng TECH (KTEC)",
  KWEB: "China internet (KWEB)",
  CQQQ: "China technology (CQQQ)",
  FXI: "China large caps (FXI)",
  MCHI: "MSCI China (MCHI)",
  BABA: "Alibaba ADR",
  BIDU: "Baidu ADR",
  JD: "JD.com ADR",
  PDD: "PDD ADR",
  NVDA: "Nvidia",
  "0700.HK": "Tencent",
  "9988.HK": "Alibaba (HK)",
  "3690.HK": "Meituan",
  "9618.HK": "JD.com (HK)",
  "1024.HK": "Kuaishou",
  "9888.HK": "Baidu (HK)",
  "0981.HK": "SMIC",
  "1810.HK": "Xiaomi",
};

/** The instruments a preset's summary shows: the TECH index, internet, broad China, SMIC, Nasdaq. */
export const HEADLINE_SYMBOLS: readonly string[] = ["KTEC", "KWEB", "FXI", "0981.HK", "QQQ"];

/** One instrument's real move over an event window. */
export interface EventFigure {
  readonly symbol: string;
  readonly label: string;
  /** Real close-to-close return over the window (decimal). */
  readonly move: number;
}

/** The real moves over an event's window of the given instruments (in their order; default all). */
export function eventFigures(event: string, symbols?: readonly string[]): EventFigure[] {
  const rows = EVENT_ROWS.filter((r) => r[0] === event);
  const picked = symbols ? symbols.flatMap((s) => rows.filter((r) => r[1] === s)) : rows;
  return picked.map(([, symbol, , , move]) => ({
    symbol,
    label: INSTRUMENT_LABELS[symbol] ?? symbol,
    move,
  }));
}

/** The real move of one instrument over one event window, or undefined. */
export function eventMove(event: string, symbol: string): number | undefined {
  return EVENT_ROWS.find((r) => r[0] === event && r[1] === symbol)?.[4];
}

/** The window of an event in the real-data table, or undefined. */
export function eventWindow(event: string): { start: string; end: string } | undefined {
  return EVENT_WINDOWS[event];
}
