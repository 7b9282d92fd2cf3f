import { DayNumber } from "../core/dates";
import { DemoSource } from "./demo/demo-source";
import { HistoryResult, MarketDataProvider } from "./types";

/**
 * The one entry point the functions and the task pane use for market data.
 * The cache / coalescing / rate-limit layer lives behind it.
 */
export class MarketData {
  constructor(private readonly provider: MarketDataProvider) {}

  get providerName(): string {
    return this.provider.name;
  }

  getHistory(symbol: string, from: DayNumber, to: DayNumber): Promise<HistoryResult> {
    return this.provider.getHistory(symbol.trim().toUpperCase(), from, to);
  }
}

let current: MarketData | undefined;

/** The process-wide market data service; the embedded demo source until configured otherwise. */
export function getMarketData(): MarketData {
  if (!current) current = new MarketData(new DemoSource());
  return current;
}

export function setMarketData(next: MarketData): void {
  current = next;
}
