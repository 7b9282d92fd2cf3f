import fc from "fast-check";
import { FinanceError } from "../../src/core/errors";
import {
  currencyOfMarket,
  marketOf,
  normalizeCurrency,
  normalizeSymbol,
  toEodhdSymbol,
  toFmpSymbol,
} from "../../src/data/symbols";

describe("normalizeSymbol", () => {
  test.each([
    ["0700.HK", "0700.HK"],
    ["700.HK", "0700.HK"],
    ["700.hk", "0700.HK"],
    [" 0700.HK ", "0700.HK"],
    ["HKG:0700", "0700.HK"],
    ["XHKG:0700", "0700.HK"],
    ["hkg:700", "0700.HK"],
    ["9988.HK", "9988.HK"],
    ["700 HK Equity", "0700.HK"],
    ["600519.SS", "600519.SS"],
    ["600519.SH", "600519.SS"],
    ["600519.SHG", "600519.SS"],
    ["XSHG:600519", "600519.SS"],
    ["SH600519", "600519.SS"],
    ["688981.ss", "688981.SS"],
    ["002371.SZ", "002371.SZ"],
    ["002371.SHE", "002371.SZ"],
    ["XSHE:002371", "002371.SZ"],
    ["sz002371", "002371.SZ"],
    ["600519 CH Equity", "600519.SS"],
    ["002371 CH", "002371.SZ"],
    ["QQQ", "QQQ"],
    ["qqq", "QQQ"],
    ["NASDAQ:NVDA", "NVDA"],
    ["NVDA.US", "NVDA"],
    ["NVDA US Equity", "NVDA"],
    ["BRK.B", "BRK-B"],
    ["^NDX", "^NDX"],
    ["^ndx", "^NDX"],
    ["NDX.INDX", "^NDX"],
    ["NDX Index", "^NDX"],
  ])("%s → %s", (typed, canonical) => {
    expect(normalizeSymbol(typed)).toBe(canonical);
  });

  test("canonical forms are fixed points", () => {
    for (const s of ["0700.HK", "0020.HK", "600519.SS", "002371.SZ", "QQQ", "^NDX", "BRK-B"]) {
      expect(normalizeSymbol(normalizeSymbol(s))).toBe(s);
    }
  });

  test.each([
    ["", /empty/],
    ["   ", /empty/],
    ["700", /has no exchange.*700\.HK/],
    ["12345678.HK", /Hong Kong stock code/],
    ["60051.SS", /6-digit/],
    ["XLON:VOD", /unknown exchange prefix XLON/],
    ["VOD.L", /unknown exchange suffix \.L/],
    ["not a ticker", /not a ticker/],
    ["ABCDEFGHIJ", /not a ticker/],
    ["0.HK", /Hong Kong stock code/],
  ])("%j is #VALUE! with a message", (typed, message) => {
    let err: unknown;
    try {
      normalizeSymbol(typed);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(FinanceError);
    expect((err as FinanceError).kind).toBe("value");
    expect((err as FinanceError).message).toMatch(message);
  });
});

describe("provider symbol maps", () => {
  test.each([
    ["0700.HK", "0700.HK", "0700.HK"],
    ["600519.SS", "600519.SS", "600519.SHG"],
    ["000001.SZ", "000001.SZ", "000001.SHE"],
    ["NVDA", "NVDA", "NVDA.US"],
    ["^NDX", "^NDX", "NDX.INDX"],
    // EODHD's spellings as public EODHD clients use them (XNDX.INDX, HSTECH.INDX).
    ["^XNDX", "^XNDX", "XNDX.INDX"],
    ["^HSTECH", "^HSTECH", "HSTECH.INDX"],
  ])("%s → FMP %s, EODHD %s", (canonical, fmp, eodhd) => {
    expect(toFmpSymbol(canonical)).toBe(fmp);
    expect(toEodhdSymbol(canonical)).toBe(eodhd);
  });

  test("EODHD forms read back to the canonical symbol", () => {
    for (const s of ["0700.HK", "600519.SS", "000001.SZ", "NVDA", "^NDX", "^XNDX", "^HSTECH"]) {
      expect(normalizeSymbol(toEodhdSymbol(s))).toBe(s);
    }
  });
});

describe("currencies", () => {
  test("market currency", () => {
    expect(currencyOfMarket("0700.HK")).toBe("HKD");
    // Hang Seng indices are quoted in HKD on Hong Kong trading days; the Nasdaq's in USD.
    expect(currencyOfMarket("^HSTECH")).toBe("HKD");
    expect(marketOf("^HSI")).toBe("HK");
    expect(currencyOfMarket("^XNDX")).toBe("USD");
    expect(currencyOfMarket("600519.SS")).toBe("CNY");
    expect(currencyOfMarket("002371.SZ")).toBe("CNY");
    expect(currencyOfMarket("^NDX")).toBe("USD");
  });
  test("codes: case-insensitive, CNH and RMB are CNY, others are #VALUE!", () => {
    expect(normalizeCurrency("hkd")).toBe("HKD");
    expect(normalizeCurrency("CNH")).toBe("CNY");
    expect(normalizeCurrency(" rmb ")).toBe("CNY");
    expect(() => normalizeCurrency("EUR")).toThrow(/not a supported currency/);
  });
});

describe("properties (fast-check)", () => {
  test("every typed form of a Hong Kong code gives the same canonical symbol", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99999 }), fc.boolean(), (code, lower) => {
        const padded = String(code).padStart(4, "0");
        const expected = `${padded}.HK`;
        const forms = [
          `${code}.HK`,
          `${padded}.HK`,
          `HKG:${code}`,
          `XHKG:${padded}`,
          `${code} HK Equity`,
        ];
        for (const f of forms) expect(normalizeSymbol(lower ? f.toLowerCase() : f)).toBe(expected);
      })
    );
  });

  test("A-share codes round-trip through the EODHD form and keep their exchange", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99999 }), fc.constantFrom("6", "0", "3"), (n, lead) => {
        const code = `${lead}${String(n).padStart(5, "0")}`;
        const canonical = normalizeSymbol(code);
        expect(canonical).toBe(`${code}.${lead === "6" ? "SS" : "SZ"}`);
        expect(normalizeSymbol(toEodhdSymbol(canonical))).toBe(canonical);
      })
    );
  });
});
