/**
 * Malformed user price files, case by case, on both paths a file reaches the numbers by:
 * - Settings: the file is the formulas' source (configureMarketData), read by =CNTECH.RETURN /
 *   =CNTECH.PRICE / =CNTECH.SOURCE (its Notes column);
 * - Import: the file is chosen on the Import tab (marketDataFor), written to the Summary sheet, with
 *   the rows reported in the pane's result.
 *
 * The file is a hand-made excerpt in the layout of the public KWEB.csv files (symbol, date, OHLC,
 * close, volume, adjclose, dividends). Its figures are chosen so every expected value is worked by
 * hand: adjusted closes are round numbers, the closes before the 2023-12-27 ex-date are 1.01 times
 * them (the 0.262 dividend on a 26.20 close: factor 26.20 / 26.462 = 1 / 1.01), and adjusted
 * closes equal closes from the ex-date on. Window 2023-12-20 → 2023-12-29:
 *   total return 26.40 / 25.00 − 1 = 0.056; price return 26.40 / 25.25 − 1.
 */
import { installCustomFunctionsShim } from "../../src/shim/custom-functions-host";
import { dayFromIso } from "../../src/core/dates";
import { configureMarketData } from "../../src/data/configure";
import { cntechReturn } from "../../src/functions/returns";
import { cntechHistory, cntechPrice } from "../../src/functions/prices";
import { cntechSource } from "../../src/functions/live";
import { marketDataFor } from "../../src/taskpane/import/use-import";
import { runImport } from "../../src/taskpane/workbook/import-runner";
import { freshExcel, request } from "../taskpane/fixtures";

installCustomFunctionsShim();

const HEADER = "symbol,date,open,high,low,close,volume,adjclose,dividends";
/** [date, close, adjclose, dividend] by file line (line 1 is the header). */
const BASE: Array<[string, string, string, string]> = [
  ["2023-12-20", "25.25", "25.0", "0.0"], // line 2
  ["2023-12-21", "25.755", "25.5", "0.0"], // line 3
  ["2023-12-22", "26.26", "26.0", "0.0"], // line 4
  ["2023-12-26", "26.058", "25.8", "0.0"], // line 5
  ["2023-12-27", "26.2", "26.2", "0.262"], // line 6: ex-date
  ["2023-12-28", "26.1", "26.1", "0.0"], // line 7
  ["2023-12-29", "26.4", "26.4", "0.0"], // line 8
  ["2024-01-02", "25.8", "25.8", "0.0"], // line 9
];
const QQQ = ["Date,Close", "2023-12-19,400", "2023-12-20,404", "2023-12-29,410", "2024-01-02,408"];

type Row = [string, string, string, string];
const kweb = (rows: Row[]): string =>
  [HEADER, ...rows.map(([d, c, a, v]) => `KWEB,${d},${c},${c},${c},${c},1000,${a},${v}`)].join(
    "\n"
  );
const edit = (line: number, change: Partial<{ close: string; adj: string }>): Row[] =>
  BASE.map((r, i): Row =>
    i + 2 === line ? [r[0], change.close ?? r[1], change.adj ?? r[2], r[3]] : r
  );

const TR = 26.4 / 25 - 1;

interface Case {
  readonly name: string;
  readonly rows: Row[];
  /** =CNTECH.RETURN("KWEB","2023-12-20",end,"USD","total") and the Summary's Return (adjusted close). */
  readonly end: string;
  readonly value: number | RegExp;
  /** A check by =CNTECH.PRICE on the row concerned. */
  readonly price?: { date: string; field: "close" | "adjclose"; value: number };
  /** The report line (pane and SOURCE notes); undefined: nothing to report. */
  readonly note?: RegExp;
}

const CASES: Case[] = [
  { name: "clean file", rows: BASE, end: "2023-12-29", value: TR },
  {
    name: "blank adjusted close mid-window",
    rows: edit(4, { adj: "" }),
    end: "2023-12-29",
    value: TR,
    // 26.26 × the next row's factor (25.8 / 26.058 = 1 / 1.01) = 26.
    price: { date: "2023-12-22", field: "adjclose", value: 26 },
    note: /KWEB\.csv line 4: KWEB 2023-12-22: adjusted close is blank; filled from the close × the next row's adjustment factor: 26$/,
  },
  {
    name: "blank adjusted close the day before an ex-date",
    rows: edit(5, { adj: "" }),
    end: "2023-12-29",
    value: TR,
    // 26.058 × 1 (next row's factor) × 26.2 / (26.2 + 0.262) = 25.8.
    price: { date: "2023-12-26", field: "adjclose", value: 25.8 },
    note: /line 5: .*adjustment factor and the ex-date dividend 0\.262: 25\.8$/,
  },
  {
    name: "blank adjusted close on the window's last day",
    rows: edit(8, { adj: "" }),
    end: "2023-12-29",
    value: TR,
    note: /line 8: KWEB 2023-12-29: adjusted close is blank; filled .*: 26\.4$/,
  },
  {
    name: "text in a close, its adjusted close intact",
    rows: edit(4, { close: "abc" }),
    end: "2023-12-29",
    value: TR,
    // 26.0 × 1.01 (both neighbours' factor).
    price: { date: "2023-12-22", field: "close", value: 26.26 },
    note: /line 4: KWEB 2023-12-22: close "abc" is not a positive price; filled from the adjusted close and the neighbouring adjustment factor: 26\.26$/,
  },
  {
    name: "text in a close and a blank adjusted close",
    rows: edit(4, { close: "abc", adj: "" }),
    end: "2023-12-29",
    value: TR,
    // The day is left out: the close on or before 2023-12-22 is the 21st's.
    price: { date: "2023-12-22", field: "close", value: 25.755 },
    note: /line 4: KWEB 2023-12-22: close "abc" is not a positive price: the day is left out/,
  },
  {
    name: "conflicting duplicate date",
    rows: [...BASE, ["2023-12-29", "27", "27", "0.0"]],
    end: "2023-12-29",
    value: TR,
    note: /line 10: KWEB 2023-12-29 appears again \(line 8\) with different prices \(close 27 vs 26\.4, adjusted close 27 vs 26\.4\): line 8 kept/,
  },
  {
    name: "file ends early (stale window end)",
    rows: BASE.slice(0, 2), // ends 2023-12-21
    end: "2023-12-29",
    value: /KWEB: data ends 2023-12-21, 5 trading days before the window end 2023-12-29 \(stale\)/,
  },
  {
    name: "file starts late (partial window)",
    rows: BASE.slice(2), // starts 2023-12-22
    end: "2023-12-29",
    value: /KWEB: no price on or before 2023-12-20 \(data starts 2023-12-22\)/,
  },
];

/** A formula's value, or its error's message. */
async function value(p: Promise<unknown>): Promise<unknown> {
  try {
    return await p;
  } catch (e) {
    return (e as Error).message;
  }
}

const invocation = {} as CustomFunctions.CancelableInvocation;

describe("malformed files on the Settings path (formulas)", () => {
  test.each(CASES)("$name", async (c) => {
    configureMarketData({
      provider: "csv",
      csvFiles: [
        { name: "KWEB.csv", text: kweb(c.rows) },
        { name: "QQQ.csv", text: QQQ.join("\n") },
      ],
    });
    const r = await value(
      cntechReturn([["KWEB"]], "2023-12-20", c.end, "USD", "total", invocation)
    );
    if (typeof c.value === "number") expect(r).toBeCloseTo(c.value, 12);
    else expect(r).toMatch(c.value);
    if (c.price) {
      const p = await cntechPrice("KWEB", c.price.date, c.price.field, null, invocation);
      expect(p).toBeCloseTo(c.price.value, 12);
    }
    const source = await cntechSource([["KWEB"]], null, null, null, invocation);
    expect(source[0][6]).toBe("Notes");
    // Every file-data row says its quote is the last close, not a live price; then the rows reported.
    const last = c.rows.map((r) => r[0]).sort()[c.rows.length - 1];
    expect(source[1][6]).toMatch(
      new RegExp(`^QUOTE = the file's last close \\(${last}\\), not a live price`)
    );
    if (c.note) expect(source[1][6]).toMatch(c.note);
    else expect(source[1][6]).not.toMatch(/line/);
  });
});

test("HISTORY to an end past an early-ending file: that column is #N/A (stale), not cut short", async () => {
  configureMarketData({
    provider: "csv",
    csvFiles: [
      { name: "KWEB.csv", text: kweb(BASE.slice(0, 2)) }, // ends 2023-12-21
      { name: "QQQ.csv", text: QQQ.join("\n") },
    ],
  });
  const table = await cntechHistory(
    [["KWEB", "QQQ"]],
    "2023-12-20",
    "2023-12-29",
    null,
    null,
    null,
    invocation
  );
  expect(table[0]).toEqual(["Date", "KWEB", "QQQ"]);
  const kwebCells = table.slice(1).map((r) => r[1] as Error);
  expect(
    kwebCells.every((e) =>
      /data ends 2023-12-21, 5 trading days before the window end 2023-12-29 \(stale\)/.test(
        e.message
      )
    )
  ).toBe(true);
  // QQQ still answers on its own dates in the window (2023-12-20 and 12-29).
  expect(table.slice(1).map((r) => r[2])).toEqual([404, 410]);
});

test("a start after the file's last close, with no end given: #N/A saying so", async () => {
  configureMarketData({ provider: "csv", csvFiles: [{ name: "KWEB.csv", text: kweb(BASE) }] });
  const r = await value(cntechReturn([["KWEB"]], "2030-01-02", null, null, null, invocation));
  expect(r).toBe("KWEB: window starts 2030-01-02, after the last price (2024-01-02)");
});

describe("malformed files on the Import path (Summary sheet and the pane's report)", () => {
  test.each(CASES)("$name", async (c) => {
    const sim = freshExcel();
    const req = request({
      basket: { label: "KWEB", symbols: ["KWEB"] },
      benchmark: "QQQ",
      start: dayFromIso("2023-12-20"),
      end: dayFromIso(c.end),
      field: "adjclose",
    });
    const files = [
      { name: "KWEB.csv", text: kweb(c.rows) },
      { name: "QQQ.csv", text: QQQ.join("\n") },
    ];
    const { marketData, warnings } = await marketDataFor(
      "csv",
      req,
      files,
      new AbortController().signal,
      async () => undefined
    );
    const outcome = await runImport(req, {}, { marketData });
    expect(outcome.status).toBe("done");
    const t = sim.api.listTables().find((x) => x.sheet === "CNTech Summary")!;
    const kwebRow = sim.api.getValues("CNTech Summary", t.address)[1];
    const notes = String(kwebRow[8]);
    if (typeof c.value === "number") expect(kwebRow[3]).toBeCloseTo(c.value, 12);
    else {
      // The Summary says why it has no return, or (stale) what its return stops at.
      const pane = [...warnings, ...outcome.warnings].join("\n");
      if (/stale/.test(c.value.source)) {
        expect(pane).toMatch(
          /KWEB: stale: data ends 2023-12-21, 5 trading days before the window end 2023-12-29/
        );
        expect(notes).toMatch(/^stale: data ends 2023-12-21/);
      } else {
        expect(pane).toMatch(
          /KWEB: partial: data starts 2023-12-22, after the window start 2023-12-20/
        );
        expect(kwebRow[3]).toBe("");
        expect(notes).toMatch(/no price on or before 2023-12-20 \(data starts 2023-12-22\)/);
      }
    }
    if (c.note) expect(warnings.some((w) => c.note!.test(w))).toBe(true);
    else if (typeof c.value === "number") expect(warnings).toEqual([]);
  });
});
