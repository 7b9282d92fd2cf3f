/**
 * The pane's import, run against the in-memory Excel installed as the global `Excel`, on the embedded
 * demo data. Expected figures are recomputed independently from the raw demo series.
 */
import { dayFromIso, excelSerialFromDay, dayFromExcelSerial } from "../../src/core/dates";
import { indexOnOrBefore } from "../../src/core/series";
import { getMarketData } from "../../src/data/market-data";
import { runImport } from "../../src/taskpane/workbook/import-runner";
import { OverwriteNeedsConfirmation } from "../../src/taskpane/workbook/import-types";
import { freshExcel, hostileMarketData, request } from "./fixtures";
import { getPresetBasket } from "../../src/data/baskets";
import { initialFormState, validateImportForm } from "../../src/taskpane/import/import-form";

/** Rows of a sheet's table body as read back from the workbook. */
function tableRows(sim: ReturnType<typeof freshExcel>, sheet: string) {
  const t = sim.api.listTables().find((x) => x.sheet === sheet)!;
  const values = sim.api.getValues(sheet, t.address);
  return { header: values[0], body: values.slice(1) };
}

function info(sim: ReturnType<typeof freshExcel>, sheet: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const rows = sim.api.getValues(sheet, "A2:B14");
  for (const [k, v] of rows) if (k !== "") out[String(k)] = v;
  return out;
}

describe("runImport on demo data", () => {
  it("writes four complete sheets with tables, header blocks and a line chart", async () => {
    const sim = freshExcel();
    const outcome = await runImport(request());
    expect(outcome.status).toBe("done");
    const names = ["CNTech Prices", "CNTech Returns", "CNTech Performance", "CNTech Summary"];
    expect(outcome.sheets).toEqual(names);
    expect(sim.api.listSheets()).toEqual(["Sheet1", ...names]);
    expect(sim.api.listSheets().some((s) => s.includes("incomplete"))).toBe(false);
    expect(sim.api.listTables().map((t) => `${t.sheet}/${t.name}`)).toEqual([
      "CNTech Prices/CNTech_Prices",
      "CNTech Returns/CNTech_Returns",
      "CNTech Performance/CNTech_Performance",
      "CNTech Summary/CNTech_Summary",
    ]);
    const head = info(sim, "CNTech Prices");
    expect(head.Source).toBe("demo (synthetic)");
    expect(String(head.Synthetic)).toMatch(/^YES/);
    expect(head.Currency).toBe("USD");
    expect(head.Benchmark).toBe("^NDX");
    const charts = sim.api.listCharts();
    expect(charts).toHaveLength(1);
    expect(charts[0]).toMatchObject({ sheet: "CNTech Performance", chartType: "Line" });
    expect(charts[0].series.map((s) => s.name)).toEqual(["Trio (basket)", "^NDX"]);
    expect(charts[0].title).toBe("Trio vs ^NDX (rebased to 100)");
    expect(sim.api.activeSheetName()).toBe("CNTech Summary");
  });

  it("writes prices converted to USD that match the demo closes times the HKD→USD rate", async () => {
    const sim = freshExcel();
    await runImport(request());
    const { header, body } = tableRows(sim, "CNTech Prices");
    expect(header).toEqual(["Date", "0700.HK", "9988.HK", "3690.HK", "^NDX"]);
    const md = getMarketData();
    const start = dayFromIso("2025-01-02");
    const end = dayFromIso("2025-06-30");
    const hk = (await md.getHistory("0700.HK", start - 14, end)).series;
    const fx = (await md.getFx("HKD", "USD", start - 14, end)).series;
    // Independent check on a date both calendars have: close(HKD) × FX(on or before that day).
    const row = body[Math.floor(body.length / 2)];
    const day = dayFromExcelSerial(row[0] as number);
    const i = indexOnOrBefore(hk, day);
    const j = indexOnOrBefore(fx, day);
    expect(hk.dates[i]).toBe(day);
    expect(row[1]).toBeCloseTo(hk.close[i] * fx.close[j], 10);
    // Dates ascend inside the window; the first row is the base close on or before the start.
    expect(row[0]).toBeGreaterThan(excelSerialFromDay(start) - 1);
    expect(body[0][0]).toBeLessThanOrEqual(excelSerialFromDay(start));
    expect(body[body.length - 1][0]).toBeLessThanOrEqual(excelSerialFromDay(end));
  });

  it("derives returns, the rebased basket and the summary consistently from the written prices", async () => {
    const sim = freshExcel();
    await runImport(request());
    const prices = tableRows(sim, "CNTech Prices").body as number[][];
    const returns = tableRows(sim, "CNTech Returns").body as number[][];
    expect(returns).toHaveLength(prices.length - 1);
    expect(returns[5][2]).toBeCloseTo(prices[6][2] / prices[5][2] - 1, 12);

    // Equal-weight buy-and-hold from the first row: V_t = 100 × mean_i P_i(t) / P_i(0).
    const perf = tableRows(sim, "CNTech Performance").body as number[][];
    const last = prices[prices.length - 1];
    const expected = (100 * [1, 2, 3].reduce((s, c) => s + last[c] / prices[0][c], 0)) / 3;
    expect(perf[perf.length - 1][1]).toBeCloseTo(expected, 9);
    expect(perf[perf.length - 1][2]).toBeCloseTo((100 * last[4]) / prices[0][4], 9);
    expect(perf[0].slice(1, 3)).toEqual([100, 100]);

    const summary = tableRows(sim, "CNTech Summary");
    expect(summary.header).toEqual([
      "Symbol",
      "Weight",
      "Name",
      "Return",
      "Spread vs benchmark",
      "Volatility (ann.)",
      "Beta",
      "Max drawdown",
      "Notes",
    ]);
    const bySymbol = Object.fromEntries(summary.body.map((r) => [r[0], r]));
    const r0700 = last[1] / prices[0][1] - 1;
    const rNdx = last[4] / prices[0][4] - 1;
    expect(bySymbol["0700.HK"][3]).toBeCloseTo(r0700, 9);
    expect(bySymbol["^NDX"][3]).toBeCloseTo(rNdx, 9);
    expect(bySymbol["0700.HK"][4]).toBeCloseTo(r0700 - rNdx, 9);
    expect(bySymbol["^NDX"][6]).toBeCloseTo(1, 9); // beta of the benchmark to itself
    expect(bySymbol["Trio (basket)"][3]).toBeCloseTo(expected / 100 - 1, 9);
    expect(bySymbol["0700.HK"][7] as number).toBeLessThanOrEqual(0);
    // Names of hand-typed symbols come from the (local) source's symbol info.
    expect(bySymbol["0700.HK"][2]).toBe((await getMarketData().getSymbolInfo("0700.HK")).name);
    expect(String(bySymbol["0700.HK"][2]).length).toBeGreaterThan(0);
  });

  it("weekly rows keep each week's last close, and the returns chain to the window return", async () => {
    const sim = freshExcel();
    await runImport(request({ frequency: "weekly", currency: "HKD" }));
    const prices = tableRows(sim, "CNTech Prices").body as number[][];
    const returns = tableRows(sim, "CNTech Returns").body as number[][];
    // Consecutive rows after the base fall in different Monday–Sunday weeks.
    const week = (serial: number) => Math.floor((dayFromExcelSerial(serial) + 3) / 7);
    for (let t = 2; t < prices.length; t++)
      expect(week(prices[t][0])).toBeGreaterThan(week(prices[t - 1][0]));
    const summary = Object.fromEntries(tableRows(sim, "CNTech Summary").body.map((r) => [r[0], r]));
    for (const [col, symbol] of [
      [1, "0700.HK"],
      [4, "^NDX"],
    ] as const) {
      const chained = returns.reduce((acc, r) => acc * (1 + r[col]), 1) - 1;
      expect(chained).toBeCloseTo(summary[symbol][3] as number, 10);
    }
  });

  it("a Cancel before any write leaves nothing behind", async () => {
    const sim = freshExcel();
    const controller = new AbortController();
    controller.abort();
    const outcome = await runImport(request(), { signal: controller.signal });
    expect(outcome).toMatchObject({ status: "cancelled", rowsWritten: 0 });
    expect(outcome.message).toBe(
      "Import cancelled before anything was written. Your workbook is unchanged."
    );
    expect(sim.api.listSheets()).toEqual(["Sheet1"]);
  });

  it("writes live CNTECH formulas that point at the header block when asked", async () => {
    const sim = freshExcel();
    await runImport(request({ liveFormulas: true }));
    const t = sim.api.listTables().find((x) => x.sheet === "CNTech Summary")!;
    const first = Number(/\d+/.exec(t.address)![0]) + 1;
    const f = (col: string, row: number) =>
      sim.api.getCell("CNTech Summary", `${col}${row}`).formula;
    // Info lines: Source B2, As of B3, Currency B4, Synthetic B5, Window start B6, Window end B7 … Benchmark B10.
    expect(f("D", first)).toBe(`=CNTECH.RETURN($A${first},$B$6,$B$7,$B$4,"price")`);
    expect(f("G", first)).toBe(`=CNTECH.BETA($A${first},$B$6,$B$7,$B$4,$B$10)`);
    expect(f("D", first + 3)).toBe(
      `=CNTECH.RETURN($A$${first}:$B$${first + 2},$B$6,$B$7,$B$4,"price")`
    );
    expect(f("E", first)).toBe(`=D${first}-D$${first + 4}`);
    expect(sim.api.getCell("CNTech Summary", "B6").value).toBe(
      excelSerialFromDay(dayFromIso("2025-01-02"))
    );
    expect(sim.api.getCell("CNTech Summary", "A4").value).toBe("Currency");
    // The line under the benchmark says what each side includes: here closes against a price index.
    expect(sim.api.getCell("CNTech Summary", "A11").value).toBe("Measured as");
    expect(sim.api.getCell("CNTech Summary", "B11").value).toBe(
      "basket and constituents: price return: closes, dividends not included; ^NDX: price index: dividends not included"
    );
  });
});

describe("nothing lost", () => {
  async function withExistingPrices() {
    const sim = freshExcel();
    sim.api.addSheet("CNTech Prices");
    sim.api.setCell("CNTech Prices", "C3", "my model");
    return sim;
  }

  it("defaults to new uniquely named sheets and leaves existing ones untouched", async () => {
    const sim = await withExistingPrices();
    const outcome = await runImport(request());
    expect(outcome.sheets[0]).toBe("CNTech Prices (2)");
    expect(sim.api.getCell("CNTech Prices", "C3").value).toBe("my model");
    expect(sim.api.usedAddress("CNTech Prices")).toBe("C3");
  });

  it("refuses to replace a sheet holding data without confirmation, writing nothing", async () => {
    const sim = await withExistingPrices();
    const before = sim.api.listSheets();
    await expect(runImport(request({ replaceExisting: true }))).rejects.toBeInstanceOf(
      OverwriteNeedsConfirmation
    );
    expect(sim.api.listSheets()).toEqual(before);
    expect(sim.api.getCell("CNTech Prices", "C3").value).toBe("my model");
  });

  it("replaces it once confirmed", async () => {
    const sim = await withExistingPrices();
    const outcome = await runImport(request({ replaceExisting: true, confirmReplace: true }));
    expect(outcome.status).toBe("done");
    expect(outcome.sheets[0]).toBe("CNTech Prices");
    expect(sim.api.getCell("CNTech Prices", "C3").value).not.toBe("my model");
    expect(sim.api.listSheets().filter((s) => s.startsWith("CNTech Prices"))).toEqual([
      "CNTech Prices",
    ]);
  });

  it("a failure in the final step of a confirmed replace gives the old sheet back", async () => {
    const sim = await withExistingPrices();
    let failed = false;
    // The final sync creates the tables; fail it (after Excel applied its commands, the worst case).
    sim.api.setCalculator((model) => {
      if (!failed && model.tables.length > 0) {
        failed = true;
        throw new Error("Excel stopped responding");
      }
    });
    const outcome = await runImport(request({ replaceExisting: true, confirmReplace: true }));
    expect(outcome.status).toBe("failed");
    expect(outcome.message).toMatch(/as it was before the import/);
    expect(sim.api.listSheets()).toEqual(["Sheet1", "CNTech Prices"]);
    expect(sim.api.getCell("CNTech Prices", "C3").value).toBe("my model");
    expect(sim.api.listCharts()).toEqual([]);
  });

  it("cancel mid-import removes the partly written sheets and says how far it got", async () => {
    const sim = freshExcel();
    const before = sim.api.listSheets();
    const controller = new AbortController();
    const outcome = await runImport(request({ chunkBytes: 4096 }), {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === "write" && p.done >= 40) controller.abort();
      },
    });
    expect(outcome.status).toBe("cancelled");
    expect(outcome.rowsWritten).toBeGreaterThanOrEqual(40);
    expect(outcome.message).toMatch(/cancelled after writing [\d,]+ of [\d,]+ rows/);
    expect(outcome.message).toMatch(/removed/);
    expect(sim.api.listSheets()).toEqual(before);
    expect(sim.api.listTables()).toEqual([]);
    expect(sim.api.listCharts()).toEqual([]);
  });

  it("an Excel failure mid-import removes the incomplete sheets and says so", async () => {
    const sim = freshExcel();
    let syncs = 0;
    // Fail the 6th write sync, as a lost connection to Excel would.
    sim.api.setCalculator(() => {
      if (++syncs === 6) throw new Error("Excel lost the connection");
    });
    const outcome = await runImport(request({ chunkBytes: 4096 }));
    expect(outcome.status).toBe("failed");
    expect(outcome.message).toMatch(/^Import failed: Excel lost the connection/);
    expect(outcome.message).toMatch(/removed/);
    expect(sim.api.listSheets()).toEqual(["Sheet1"]);
  });
});

describe("chunking", () => {
  it("keeps every request within the budget and the sync count proportional to the chunks", async () => {
    const sim = freshExcel();
    const budget = 16 * 1024;
    const outcome = await runImport(
      request({
        basket: { label: "Five", symbols: ["0700.HK", "9988.HK", "3690.HK", "1810.HK", "NVDA"] },
        start: dayFromIso("2022-07-01"),
        chunkBytes: budget,
      })
    );
    expect(outcome.status).toBe("done");
    expect(outcome.rowsWritten).toBeGreaterThan(2000);
    // Every request stays under the budget plus the header block's few hundred bytes.
    expect(sim.stats.largestPayloadBytes).toBeLessThanOrEqual(budget + 4096);
    // O(chunks): at most one sync per budget's worth of data plus a constant, far below one per row.
    const chunksOfData = Math.ceil(sim.stats.totalPayloadBytes / budget);
    expect(sim.stats.syncCount).toBeLessThanOrEqual(2 * chunksOfData + 12);
    expect(sim.stats.syncCount).toBeLessThan(outcome.rowsWritten / 20);
    expect(sim.stats.rejectedSyncs).toBe(0);
  });
});

describe("safe writes", () => {
  it("writes provider names, sources and company names starting with = + - @ as text", async () => {
    const sim = freshExcel();
    const outcome = await runImport(
      request({
        basket: {
          label: "=EVIL()",
          symbols: ["AAPL", "MSFT"],
          names: { AAPL: '=HYPERLINK("http://x","click")', MSFT: "-2+3" },
        },
        benchmark: "QQQ",
      }),
      {},
      { marketData: hostileMarketData() }
    );
    expect(outcome.status).toBe("done");
    const formulas = sim.api.formulaCells();
    expect(formulas).toEqual([]);
    const head = info(sim, "CNTech Summary");
    expect(head.Source).toBe("+cmd|' /C calc'!A0");
    // "As of" is the last close the window used (from the data), not the provider's text.
    expect(head["As of"]).toBe("2025-06-30");
    const { body } = tableRows(sim, "CNTech Summary");
    expect(body[0][2]).toBe('=HYPERLINK("http://x","click")');
    expect(body[1][2]).toBe("-2+3");
    expect(body[2][0]).toBe("=EVIL() (basket)");
    expect(sim.api.getCell("CNTech Summary", "A1").value).toMatch(/^CNTech summary: =EVIL\(\)/);
  });
});

describe("names whichever import path produced them", () => {
  it("gives a preset import and a custom list of the same symbols the same company names", async () => {
    const preset = getPresetBasket("CN_AI_CHIPS")!;
    const form = {
      ...initialFormState(),
      preset: preset.name,
      range: "custom" as const,
      customStart: "2025-01-02",
      customEnd: "2025-03-31",
    };
    const today = dayFromIso("2025-06-30");
    const fromPreset = validateImportForm(form, today).request!;
    const fromList = validateImportForm(
      {
        ...form,
        basketMode: "custom",
        customText: preset.constituents.map((c) => c.symbol).join("\n"),
      },
      today
    ).request!;
    const names = async (req: typeof fromPreset) => {
      const sim = freshExcel();
      expect((await runImport(req)).status).toBe("done");
      const { header, body } = tableRows(sim, "CNTech Summary");
      const name = header.indexOf("Name");
      return Object.fromEntries(body.map((r) => [r[0], r[name]]));
    };
    const a = await names(fromPreset);
    const b = await names(fromList);
    for (const c of preset.constituents) {
      expect(a[c.symbol]).toBe(c.name);
      expect(b[c.symbol]).toBe(c.name);
    }
    // The basket's own row: "CN_AI_CHIPS (basket)" for the preset, plain "Custom basket" for a list.
    expect(Object.keys(a)).toContain(`${preset.name} (basket)`);
    expect(Object.keys(b)).toContain("Custom basket");
    expect(Object.keys(b).some((k) => /basket \(basket\)/.test(k))).toBe(false);
  });
});

describe("an import whose basket gains a member inside the window", () => {
  it("HSTECH over 2024: the Summary basket row has its statistics and the header names the joiner", async () => {
    const { joinedBasketReturn } = await import("../functions/joined-basket");
    const preset = getPresetBasket("HSTECH")!;
    const symbols = preset.constituents.map((c) => c.symbol);
    const sim = freshExcel();
    const outcome = await runImport(
      request({
        basket: { label: "HSTECH", symbols },
        start: dayFromIso("2024-01-02"),
        end: dayFromIso("2024-12-31"),
        field: "adjclose",
      })
    );
    expect(outcome.status).toBe("done");
    const head = info(sim, "CNTech Summary");
    expect(String(head["Basket members"])).toMatch(
      /^9660\.HK joined on 2024-10-24 \(its first close\)/
    );
    const { header, body } = tableRows(sim, "CNTech Summary");
    const row = body.find((r) => String(r[0]).startsWith("HSTECH"))!;
    for (const col of ["Return", "Volatility (ann.)", "Beta", "Max drawdown"])
      expect(typeof row[header.indexOf(col)]).toBe("number");
    const want = await joinedBasketReturn(
      symbols.map((symbol) => ({ symbol, weight: 1 })),
      dayFromIso("2024-01-02"),
      dayFromIso("2024-12-31")
    );
    expect(Math.abs((row[header.indexOf("Return")] as number) - want.value)).toBeLessThan(1e-10);
  });
});
