import { inspect } from "util";
import { dayFromIso, isoFromDay } from "../../src/core/dates";
import { windowReturn } from "../../src/core/returns";
import { parseCsv } from "../../src/data/csv/csv-parse";
import {
  backAdjust,
  describeProblems,
  createCsvSource,
  createRangeSource,
  symbolFromFileName,
} from "../../src/data/csv/csv-source";
import { MarketData } from "../../src/data/market-data";
import { detectPersistentStore } from "../../src/data/cache/persistent-store";
import { configureMarketData, createProvider } from "../../src/data/configure";
import { getMarketData } from "../../src/data/market-data";

const d = dayFromIso;

describe("CSV parsing", () => {
  test("quotes, doubled quotes, embedded newlines, CRLF, BOM and line numbers", () => {
    const recs = parseCsv('\ufeffa,b\r\n"x, y","he said ""hi"""\r\n\r\n"multi\nline",3\n');
    expect(recs.map((r) => r.line)).toEqual([1, 2, 4]);
    expect(recs[1].cells).toEqual(["x, y", 'he said "hi"']);
    expect(recs[2].cells).toEqual(["multi\nline", "3"]);
  });
  test("semicolon and tab delimiters are detected", () => {
    expect(parseCsv("Date;Close\n2024-01-02;1,5")[1].cells).toEqual(["2024-01-02", "1,5"]);
    expect(parseCsv("Date\tClose\n2024-01-02\t7")[1].cells).toEqual(["2024-01-02", "7"]);
  });
});

describe("Yahoo-style per-symbol files", () => {
  const yahoo = [
    "Date,Open,High,Low,Close,Adj Close,Volume",
    "2024-01-02,1,1,1,100,90,10",
    "2024-01-03,1,1,1,110,99,10",
    "2024-01-04,1,1,1,null,null,0",
    "2024-01-05,1,1,1,121,108.9,10",
  ].join("\n");

  test("symbol from the file name, adjusted close for total return, the null row reported with its line", async () => {
    const src = createCsvSource([{ name: "C:\\Downloads\\0700.HK (1).csv", text: yahoo }]);
    expect(src.symbols).toEqual(["0700.HK"]);
    expect(src.problems).toEqual([
      {
        file: "C:\\Downloads\\0700.HK (1).csv",
        line: 4,
        message: expect.stringMatching(/close "null" is not a positive price: the day is left out/),
        symbol: "0700.HK",
        action: "skipped",
      },
    ]);
    const md = new MarketData(src);
    const { series, provenance } = await md.getHistory("700.HK", d("2024-01-02"), d("2024-01-05"));
    expect(Array.from(series.dates).map(isoFromDay)).toEqual([
      "2024-01-02",
      "2024-01-03",
      "2024-01-05",
    ]);
    expect(windowReturn(series, d("2024-01-02"), d("2024-01-05"), "price")).toBeCloseTo(0.21, 12);
    expect(windowReturn(series, d("2024-01-02"), d("2024-01-05"), "total")).toBeCloseTo(
      108.9 / 90 - 1,
      12
    );
    expect(series.currency).toBe("HKD");
    expect(provenance).toMatchObject({
      synthetic: false,
      stale: false,
      notes: expect.stringMatching(/0700\.HK \(1\)\.csv line 4: 0700\.HK 2024-01-04: close "null"/),
    });
  });

  test("an explicit symbol overrides the file name", () => {
    expect(
      createCsvSource([{ name: "download.csv", symbol: "XSHG:600519", text: yahoo }]).symbols
    ).toEqual(["600519.SS"]);
  });

  test("a file name that is no ticker is reported, not guessed", () => {
    const src = createCsvSource([{ name: "my prices.csv", text: yahoo }]);
    expect(src.symbols).toEqual([]);
    expect(src.problems[0].message).toMatch(/cannot tell the symbol/);
  });
});

describe("long format", () => {
  test("header names match case- and spacing-insensitively; dividends feed total return; currency column", async () => {
    const text = [
      "DATE , Ticker, PRICE, adjusted_close, Dividends, CCY",
      "2024-01-03,NVDA,50,,0,USD",
      "2024-01-02,nvda,48,,0,USD",
      "2024-01-02,0700.hk,300,,0,HKD",
      "2024-01-03,0700.hk,297,,3,HKD",
      "2024-01-04,0700.hk,306,,0,HKD",
      "2024-01-04,NVDA,bad,,0,USD",
      "not a date,NVDA,1,,0,USD",
      "2024-01-05,???,1,,0,USD",
    ].join("\n");
    const src = createCsvSource([{ name: "long.csv", text }]);
    expect(src.symbols.sort()).toEqual(["0700.HK", "NVDA"]);
    expect(src.problems.map((p) => p.line)).toEqual([7, 8, 9]);
    const md = new MarketData(src);
    const tencent = (await md.getHistory("0700.HK", d("2024-01-02"), d("2024-01-04"))).series;
    // Independent: reinvest the 3.00 dividend at the ex-date close: (297 + 3) / 300 × 306 / 297.
    expect(windowReturn(tencent, d("2024-01-02"), d("2024-01-04"), "total")).toBeCloseTo(
      (300 / 300) * (306 / 297) - 1,
      12
    );
    expect(windowReturn(tencent, d("2024-01-02"), d("2024-01-04"), "price")).toBeCloseTo(
      306 / 300 - 1,
      12
    );
    const nvda = (await md.getHistory("NVDA", d("2024-01-02"), d("2024-01-03"))).series;
    expect(Array.from(nvda.close)).toEqual([48, 50]); // sorted
  });

  test("duplicate dates: exact ones are merged, conflicting ones keep the first line; both reported", () => {
    const text = "date,symbol,close\n2024-01-02,QQQ,400\n2024-01-02,QQQ,400\n2024-01-02,QQQ,401\n";
    const src = createCsvSource([{ name: "dup.csv", text }]);
    expect(src.problems).toEqual([
      {
        file: "dup.csv",
        line: 3,
        message: "QQQ 2024-01-02 appears again (line 2) with the same prices: merged",
        symbol: "QQQ",
        action: "merged",
      },
      {
        file: "dup.csv",
        line: 4,
        message:
          "QQQ 2024-01-02 appears again (line 2) with different prices (close 401 vs 400): line 2 kept",
        symbol: "QQQ",
        action: "skipped",
      },
    ]);
  });
});

describe("wide format and FX", () => {
  test("one column per symbol; blanks are closed markets; FX columns give conversions", async () => {
    const text = [
      "Date,0700.HK,QQQ,USDHKD",
      "2024-01-02,300,400,7.8",
      "2024-01-03,,404,7.81",
      "2024-01-04,303,-1,7.82",
    ].join("\n");
    const src = createCsvSource([{ name: "wide.csv", text }]);
    expect(src.symbols.sort()).toEqual(["0700.HK", "FX:USDHKD", "QQQ"]);
    expect(src.problems).toEqual([
      {
        file: "wide.csv",
        line: 4,
        message: expect.stringMatching(/QQQ: "-1" is not a positive price/),
        symbol: "QQQ",
        action: "skipped",
      },
    ]);
    const md = new MarketData(src);
    const hk = (await md.getHistory("0700.HK", d("2024-01-02"), d("2024-01-04"))).series;
    expect(Array.from(hk.dates).map(isoFromDay)).toEqual(["2024-01-02", "2024-01-04"]);
    const fx = (await md.getFx("HKD", "USD", d("2024-01-02"), d("2024-01-04"))).series;
    expect(fx.close[2]).toBeCloseTo(1 / 7.82, 14);
    await expect(md.getFx("CNY", "USD", d("2024-01-02"), d("2024-01-04"))).rejects.toThrow(
      /USD\/CNY/
    );
  });
});

describe("Excel ranges", () => {
  test("a STOCKHISTORY spill (Date serials, Close) reads like a CSV", async () => {
    const values = [
      ["Date", "Close"],
      [45293, 100], // 2024-01-02
      [45294, 105],
      [45295, ""],
    ];
    const src = createRangeSource([{ name: "Sheet1!A1:B4", symbol: "QQQ", values }]);
    expect(src.problems).toEqual([
      {
        file: "Sheet1!A1:B4",
        line: 4,
        message:
          "QQQ 2024-01-04: close is blank: the day is left out (the previous close stands for it)",
        symbol: "QQQ",
        action: "skipped",
      },
    ]);
    const { series } = await new MarketData(src).getHistory(
      "QQQ",
      d("2024-01-02"),
      d("2024-01-03")
    );
    expect(Array.from(series.dates).map(isoFromDay)).toEqual(["2024-01-02", "2024-01-03"]);
    expect(windowReturn(series, d("2024-01-02"), d("2024-01-03"))).toBeCloseTo(0.05, 12);
  });

  test("symbols not loaded are #N/A naming what is loaded", async () => {
    const src = createRangeSource([
      {
        name: "r",
        symbol: "QQQ",
        values: [
          ["Date", "Close"],
          [45293, 1],
        ],
      },
    ]);
    await expect(
      new MarketData(src).getHistory("NVDA", d("2024-01-02"), d("2024-01-03"))
    ).rejects.toThrow(/NVDA is not in the loaded data \(loaded: QQQ\)/);
  });
});

describe("helpers", () => {
  test("the import report lists rows with file and line, capped", () => {
    const problems = Array.from({ length: 4 }, (_, i) => ({
      file: "p.csv",
      line: i + 2,
      message: "bad",
    }));
    expect(describeProblems(problems, 2)).toEqual([
      "p.csv line 2: bad",
      "p.csv line 3: bad",
      "… and 2 more row(s) merged, repaired or left out",
    ]);
    expect(describeProblems([])).toEqual([]);
  });

  test("back-adjustment reproduces dividend reinvestment at the ex-date close", () => {
    const close = [100, 98, 99];
    const adj = backAdjust(close, [0, 2, 0]);
    // Hand-worked: TR index 100, 100 (98 + 2), 101.0204… ; adjusted closes are that index rescaled to end at 99.
    expect(adj[2] / adj[0]).toBeCloseTo(((98 + 2) / 100) * (99 / 98), 12);
    expect(adj[2]).toBe(99);
  });
  test("symbol from file name", () => {
    expect(symbolFromFileName("/tmp/9988.HK.csv")).toBe("9988.HK");
    expect(symbolFromFileName("QQQ (2).CSV")).toBe("QQQ");
  });
});

describe("configuration", () => {
  test("the best persistent store is chosen from what the host offers", () => {
    const storage = {
      getItem: async () => null,
      setItem: async () => undefined,
      removeItem: async () => undefined,
    };
    expect(detectPersistentStore({ OfficeRuntime: { storage } }).kind).toBe("office-runtime");
    expect(detectPersistentStore({ indexedDB: { open: () => undefined } }).kind).toBe("indexeddb");
    expect(detectPersistentStore({}).kind).toBe("memory");
  });

  test("configureMarketData installs the provider for every bundle; keys are required and never shown", () => {
    const md = configureMarketData({
      provider: "eodhd",
      apiKey: "sk-SECRET-1",
      http: { baseUrl: "http://127.0.0.1:9" },
    });
    expect(getMarketData()).toBe(md);
    expect(md.providerName).toBe("EODHD");
    expect(inspect(md.provider, { depth: 8, showHidden: true })).not.toContain("sk-SECRET-1");
    expect(() => createProvider({ provider: "fmp" })).toThrow(/API key/);
    expect(() => createProvider({ provider: "fmp", proxyBaseUrl: "http://evil.example" })).toThrow(
      /https/
    );
    expect(createProvider({ provider: "fmp", proxyBaseUrl: "https://gw.example/fmp" }).name).toBe(
      "Financial Modeling Prep"
    );
    expect(
      configureMarketData({
        provider: "csv",
        csvFiles: [{ name: "QQQ.csv", text: "Date,Close\n2024-01-02,1" }],
      }).providerName
    ).toMatch(/user data \(QQQ\.csv\)/);
    configureMarketData({ provider: "demo" });
    expect(getMarketData().providerName).toBe("demo (synthetic)");
  });
});
