/** Shared test helpers for the pane's workbook code: a fresh in-memory Excel installed as the global. */
import { installExcelSim, createExcelSim, ExcelSim } from "../../src/workbench/excel-sim";
import { dayFromIso } from "../../src/core/dates";
import { makeSeries } from "../../src/core/series";
import { MarketData } from "../../src/data/market-data";
import { MarketDataProvider } from "../../src/data/types";
import { ImportRequest } from "../../src/taskpane/workbook/import-types";

/** A new workbook, installed as globalThis.Excel (as the workbench page does). */
export function freshExcel(): ExcelSim {
  return installExcelSim(globalThis as never, createExcelSim());
}

export function request(overrides: Partial<ImportRequest> = {}): ImportRequest {
  return {
    basket: { label: "Trio", symbols: ["0700.HK", "9988.HK", "3690.HK"] },
    benchmark: "^NDX",
    start: dayFromIso("2025-01-02"),
    end: dayFromIso("2025-06-30"),
    frequency: "daily",
    field: "close",
    currency: "USD",
    liveFormulas: false,
    ...overrides,
  };
}

/**
 * A provider whose every piece of outside text is hostile: its name, provenance source and
 * company names start with =, +, - and @. Prices are a simple deterministic ramp in USD.
 */
export function hostileMarketData(): MarketData {
  const provider: MarketDataProvider = {
    id: "hostile",
    name: '=HYPERLINK("http://x")',
    local: true,
    async getHistory(symbol, from, to) {
      const dates: number[] = [];
      const close: number[] = [];
      for (let d = from; d <= to; d++) {
        dates.push(d);
        close.push(100 + (d - from));
      }
      return {
        series: makeSeries({ symbol, currency: "USD", dates, close }),
        provenance: {
          source: "+cmd|' /C calc'!A0",
          asOf: "-2026-01-01",
          synthetic: false,
          delayed: false,
          stale: false,
        },
      };
    },
    async getQuote() {
      throw new Error("not used");
    },
    async getSymbolInfo(symbol) {
      return { symbol, name: "@SUM(1,2)", exchange: "X", currency: "USD" };
    },
  };
  return new MarketData(provider);
}
