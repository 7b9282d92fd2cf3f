/**
 * The default benchmark compares like with like: baskets are total return, so the default is the
 * Nasdaq-100 Total Return index (^XNDX). Checked on demo data against explicit benchmarks and
 * against the definition of a total-return index; a source without ^XNDX says what to pass instead.
 */
import { installCustomFunctionsShim } from "../../src/shim/custom-functions-host";
import { configureMarketData } from "../../src/data/configure";
import { ProviderError } from "../../src/data/provider-error";
import { errorDetail } from "../../src/functions/excel-errors";
import { cntechReturn, cntechSpreadNasdaq } from "../../src/functions/returns";
import { cntechSource } from "../../src/functions/live";

installCustomFunctionsShim();

const invocation = (): CustomFunctions.CancelableInvocation =>
  ({}) as CustomFunctions.CancelableInvocation;

const START = "2024-12-31";
const END = "2025-12-31";
const ret = (s: string, field?: string): Promise<number> =>
  cntechReturn([[s]], START, END, "USD", field, invocation());
const spread = (s: string, benchmark?: string): Promise<number> =>
  cntechSpreadNasdaq([[s]], START, END, "USD", benchmark, undefined, invocation());

describe("default benchmark", () => {
  beforeEach(() => configureMarketData({ provider: "demo" }));

  it("is ^XNDX: the default spread equals the spread against ^XNDX and RETURN minus its return", async () => {
    const dflt = await spread("HSTECH");
    expect(dflt).toBe(await spread("HSTECH", "^XNDX"));
    expect(dflt).toBeCloseTo((await ret("HSTECH")) - (await ret("^XNDX")), 12);
  });

  it("differs from the price-index spread by exactly the reinvested dividends (0.75 % a year in the demo)", async () => {
    const vsPrice = await spread("HSTECH", "^NDX");
    const tr = await ret("^XNDX");
    const price = await ret("^NDX");
    // (1 + TR) / (1 + price) = exp(yield × weekdays / 261) for the demo's total-return index.
    const growth = (1 + tr) / (1 + price);
    expect(growth).toBeGreaterThan(Math.exp(0.0075 * 0.98));
    expect(growth).toBeLessThan(Math.exp(0.0075 * 1.02));
    expect(vsPrice - (await spread("HSTECH"))).toBeCloseTo(tr - price, 12);
  });

  it("SOURCE says what each side is measured in", async () => {
    const rows = (await cntechSource(
      [["0700.HK"], ["^XNDX"], ["^NDX"]],
      undefined,
      undefined,
      undefined,
      invocation()
    )) as unknown[][];
    const col = rows[0].indexOf("Measured as");
    expect(col).toBeGreaterThan(0);
    expect(rows.slice(1).map((r) => r[col])).toEqual([
      "total return: adjusted closes, dividends reinvested",
      "total-return index: dividends reinvested",
      "price index: dividends not included",
    ]);
  });

  it("a source without ^XNDX answers #N/A saying what to pass instead", async () => {
    configureMarketData({
      provider: "csv",
      csvFiles: [{ name: "NVDA.csv", text: "Date,Close\n2024-12-31,100\n2025-12-31,120\n" }],
    });
    const err = await spread("NVDA").then(
      () => undefined,
      (e) => e
    );
    expect(err).toBeInstanceOf(CustomFunctions.Error);
    expect(err.code).toBe(CustomFunctions.ErrorCode.notAvailable);
    expect(errorDetail(err)).toMatch(/\^XNDX is the default benchmark: pass "QQQ" .* or "\^NDX"/);
    // With the benchmark given, the same file works.
    configureMarketData({
      provider: "csv",
      csvFiles: [
        { name: "NVDA.csv", text: "Date,Close\n2024-12-31,100\n2025-12-31,120\n" },
        { name: "QQQ.csv", text: "Date,Close\n2024-12-31,500\n2025-12-31,550\n" },
      ],
    });
    expect(await spread("NVDA", "QQQ")).toBeCloseTo(0.2 - 0.1, 12);
  });

  it("the hint stays short enough for a cell's tooltip and names plan refusals too", () => {
    const e = new ProviderError(
      "Financial Modeling Prep",
      "plan-limit",
      "your plan does not cover ^XNDX (HTTP 402)"
    );
    expect(e.message).toMatch(/default benchmark: pass "QQQ"/);
    expect(e.message.length).toBeLessThanOrEqual(200);
    const other = new ProviderError("EODHD", "unknown-symbol", "does not know BABA.US");
    expect(other.message).toBe("EODHD: does not know BABA.US");
  });
});
