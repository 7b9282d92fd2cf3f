/** The Import form's rules on their own: symbol lists, weights, windows, messages. */
import { dayFromIso, isoFromDay } from "../../src/core/dates";
import {
  initialFormState,
  parseSymbolList,
  presetWindow,
  validateImportForm,
} from "../../src/taskpane/import/import-form";

const today = dayFromIso("2026-11-26");

describe("parseSymbolList", () => {
  it("accepts commas, spaces and lines, normalising each symbol", () => {
    expect(parseSymbolList("700 HK Equity, 9988.hk\nnvda")).toEqual({
      symbols: ["0700.HK", "9988.HK", "NVDA"],
    });
  });

  it("reads weights as decimals or percentages on every line", () => {
    expect(parseSymbolList("0700.HK 60%\n9988.HK 0.4")).toEqual({
      symbols: ["0700.HK", "9988.HK"],
      weights: [0.6, 0.4],
    });
  });

  it("explains what is wrong: mixed weights, duplicates, nothing entered", () => {
    expect(parseSymbolList("0700.HK 0.5\n9988.HK").error).toBe(
      "Give a weight on every line or on none (none means equal weights)."
    );
    expect(parseSymbolList("0700.HK\n700.HK").error).toBe(
      "Listed twice: 0700.HK. Keep each symbol once."
    );
    expect(parseSymbolList(" \n ").error).toBe("Enter at least one symbol, one per line.");
    expect(parseSymbolList("0700.HK 0\n9988.HK 0").error).toMatch(/not all zero/);
  });
});

describe("presetWindow", () => {
  it("starts YTD on the last day of last year and 1Y/3Y on the same calendar date", () => {
    const w = (r: "YTD" | "1Y" | "3Y", d = today) => {
      const x = presetWindow(r, d);
      return [isoFromDay(x.start), isoFromDay(x.end)];
    };
    expect(w("YTD")).toEqual(["2025-12-31", "2026-11-26"]);
    expect(w("1Y")).toEqual(["2025-11-26", "2026-11-26"]);
    expect(w("3Y")).toEqual(["2023-11-26", "2026-11-26"]);
    // 29 February has no anniversary in a common year: the 28th is used.
    expect(w("1Y", dayFromIso("2024-02-29"))).toEqual(["2023-02-28", "2024-02-29"]);
  });
});

describe("validateImportForm", () => {
  it("turns the default form into a request for HSTECH vs ^XNDX (total return, like the basket) over one year", () => {
    const { request, errors } = validateImportForm(initialFormState(), today);
    expect(errors).toEqual({});
    expect(request).toMatchObject({
      benchmark: "^XNDX",
      field: "adjclose", // total return, like the benchmark
      start: dayFromIso("2025-11-26"),
      end: today,
      basket: { label: "HSTECH", preset: "HSTECH" },
    });
    expect(request!.basket.symbols).toHaveLength(30);
    expect(request!.basket.names!["0700.HK"]).toBe("Tencent Holdings");
  });

  it("rejects a future end date and a bad benchmark with what to do", () => {
    const { request, errors } = validateImportForm(
      {
        ...initialFormState(),
        range: "custom",
        customStart: "2025-01-02",
        customEnd: "2027-01-01",
        benchmark: "NDX 100 Index X",
      },
      today
    );
    expect(request).toBeUndefined();
    expect(errors.end).toBe("The end date is in the future; use 2026-11-26 or earlier.");
    expect(errors.benchmark).toMatch(
      /is not a symbol\. The Nasdaq-100 Total Return index is \^XNDX \(the price index \^NDX\)\./
    );
  });
});
