/**
 * STOCKHISTORY as a source, against the in-memory Excel with a stand-in for Excel's STOCKHISTORY:
 * results first show #BUSY! and arrive a moment later (as in Excel), then the import proceeds.
 */
import { dayFromIso, dayFromYmd, excelSerialFromDay } from "../../src/core/dates";
import {
  loadViaStockHistory,
  stockHistoryFormula,
  stockHistoryTicker,
} from "../../src/taskpane/workbook/stockhistory";
import { runImport } from "../../src/taskpane/workbook/import-runner";
import { freshExcel, request } from "./fixtures";

const START = dayFromIso("2025-03-03");
const END = dayFromIso("2025-03-14");

/**
 * Fake STOCKHISTORY: weekday closes 100, 101, … over the formula's own dates (FX pairs flat at 7.8);
 * unknown stocks give #N/A.
 */
function installFakeStockHistory(sim: ReturnType<typeof freshExcel>, known: string[]): string[] {
  const seen: string[] = [];
  sim.api.setCalculator(() => {
    for (const f of sim.api.formulaCells()) {
      const m =
        /^=STOCKHISTORY\("([^"]+)",DATE\((\d+),(\d+),(\d+)\),DATE\((\d+),(\d+),(\d+)\)/.exec(
          f.formula
        );
      if (!m || seen.includes(`${f.sheet}!${f.address}`)) continue;
      seen.push(`${f.sheet}!${f.address}`);
      sim.api.setCalculatedValue(f.sheet, f.row, f.column, "#BUSY!");
      const [from, to] = [2, 5].map((k) => dayFromYmd(+m[k], +m[k + 1], +m[k + 2]));
      setTimeout(() => {
        if (!known.includes(m[1]))
          return sim.api.setCalculatedValue(f.sheet, f.row, f.column, "#N/A");
        const fx = m[1].startsWith("USD/");
        const rows: (string | number)[][] = [["Date", "Close"]];
        let p = fx ? 7.8 : 100;
        for (let d = from; d <= to; d++) {
          if ((d + 4) % 7 === 0 || (d + 4) % 7 === 6) continue;
          rows.push([excelSerialFromDay(d), p]);
          p += fx ? 0 : 1;
        }
        sim.api.setCalculatedValue(f.sheet, f.row, f.column, rows);
      }, 5);
    }
  });
  return seen;
}

describe("STOCKHISTORY source", () => {
  it("maps symbols to STOCKHISTORY tickers and builds the formula", () => {
    expect(stockHistoryTicker("0700.HK")).toBe("XHKG:0700");
    expect(stockHistoryTicker("688981.SS")).toBe("XSHG:688981");
    expect(stockHistoryTicker("002371.SZ")).toBe("XSHE:002371");
    expect(stockHistoryTicker("NVDA")).toBe("NVDA");
    expect(stockHistoryTicker("^NDX")).toBe("XNAS:NDX");
    expect(stockHistoryFormula("XHKG:0700", START, END)).toBe(
      '=STOCKHISTORY("XHKG:0700",DATE(2025,3,3),DATE(2025,3,14),0,1,0,1)'
    );
  });

  it("waits for results, reads them, removes its scratch sheet and serves them as market data", async () => {
    const sim = freshExcel();
    const seen = installFakeStockHistory(sim, ["XHKG:0700", "NVDA", "USD/HKD"]);
    const { marketData, warnings } = await loadViaStockHistory(
      ["0700.HK", "NVDA", "9999.HK"],
      START,
      END,
      "USD",
      {
        pollMs: 2,
      }
    );
    expect(seen.length).toBe(4); // three symbols and USD/HKD for the conversion
    expect(warnings).toEqual(["STOCKHISTORY gave #N/A for XHKG:9999"]);
    expect(sim.api.listSheets()).toEqual(["Sheet1"]);
    const h = await marketData.getHistory("0700.HK", START, END);
    expect(h.series.close[h.series.close.length - 1]).toBe(100 + h.series.close.length - 1);
    const fx = await marketData.getFx("HKD", "USD", START, END);
    expect(fx.series.close[0]).toBeCloseTo(1 / 7.8, 12);
  });

  it("feeds a full import", async () => {
    const sim = freshExcel();
    installFakeStockHistory(sim, ["XHKG:0700", "NVDA", "XNAS:NDX", "USD/HKD"]);
    const req = request({
      basket: { label: "Pair", symbols: ["0700.HK", "NVDA"] },
      start: START,
      end: END,
    });
    const { marketData } = await loadViaStockHistory(
      [...req.basket.symbols, req.benchmark],
      START,
      END,
      "USD",
      {
        pollMs: 2,
      }
    );
    const outcome = await runImport(req, {}, { marketData });
    expect(outcome.status).toBe("done");
    const t = sim.api.listTables().find((x) => x.sheet === "CNTech Prices")!;
    const body = sim.api.getValues("CNTech Prices", t.address).slice(1);
    // 0700.HK: HKD 100, 101, … on the 20 weekdays 2025-02-17 … 2025-03-14, converted at 1/7.8.
    expect(body[body.length - 1][1]).toBeCloseTo(119 / 7.8, 9);
  });

  it("reads long histories in groups that keep each response far below 5 MB", async () => {
    const sim = freshExcel();
    // 100 symbols × 10 years: read at once, the response would be over 5 MB (Excel rejects it).
    const symbols = Array.from(
      { length: 100 },
      (_, i) =>
        `X${String.fromCharCode(65 + Math.floor(i / 26))}${String.fromCharCode(65 + (i % 26))}`
    );
    installFakeStockHistory(sim, symbols);
    const tenYears = dayFromIso("2015-03-02");
    const { marketData, warnings } = await loadViaStockHistory(symbols, tenYears, END, "USD", {
      pollMs: 2,
    });
    expect(warnings).toEqual([]);
    expect(sim.stats.largestResponseBytes).toBeLessThan(1.5 * 1024 * 1024);
    expect(sim.stats.rejectedSyncs).toBe(0);
    const h = await marketData.getHistory("XDV", tenYears, END);
    expect(h.series.dates.length).toBeGreaterThan(2600);
    expect(h.series.close[0]).toBe(100);
  });
});
