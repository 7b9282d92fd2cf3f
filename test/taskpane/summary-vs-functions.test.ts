/**
 * The Summary sheet's values equal the CNTECH functions' on the same inputs, cell by cell: every
 * constituent, the weighted basket and the benchmark; close and adjusted close; USD and the
 * constituents' own currency (HKD). The benchmark is QQQ, which pays dividends, so a benchmark
 * measured on price instead of total-return levels shows up (it did for the basket's beta).
 */
import { dayFromIso } from "../../src/core/dates";
import { DemoSource } from "../../src/data/demo/demo-source";
import { MarketData, setMarketData } from "../../src/data/market-data";
import { cntechReturn, cntechSpreadNasdaq } from "../../src/functions/returns";
import { cntechBeta, cntechMaxdd, cntechVol } from "../../src/functions/risk";
import { installCustomFunctionsShim } from "../../src/shim/custom-functions-host";
import { provenanceLines } from "../../src/taskpane/workbook/dataset";
import { fetchImportData } from "../../src/taskpane/workbook/fetch-data";
import { ImportRequest } from "../../src/taskpane/workbook/import-types";
import { summaryBlock } from "../../src/taskpane/workbook/summary";
import { request } from "./fixtures";

installCustomFunctionsShim();

const START = "2025-01-02";
const END = "2025-06-30";
const SYMBOLS = ["0700.HK", "9988.HK", "3690.HK"];
const WEIGHTS = [0.5, 0.3, 0.2];
const inv = {} as CustomFunctions.CancelableInvocation;

/** The functions on one row's symbols (a range of one symbol, or of symbols and weights). */
function functionsFor(range: unknown[][], ccy: string, kind: "total" | "price") {
  return {
    ret: () => cntechReturn(range, START, END, ccy, kind, inv),
    vol: () => cntechVol(range, START, END, ccy, inv),
    beta: () => cntechBeta(range, START, END, ccy, "QQQ", inv),
    mdd: () => cntechMaxdd(range, START, END, ccy, inv),
    spreadTotal: () => cntechSpreadNasdaq(range, START, END, ccy, "QQQ", "pct", inv),
  };
}

describe.each([
  ["close", "USD"],
  ["close", "HKD"],
  ["adjclose", "USD"],
  ["adjclose", "HKD"],
] as const)("Summary (%s, %s) vs CNTECH functions", (field, currency) => {
  let rows: ReadonlyArray<readonly unknown[]>;
  const kind = field === "adjclose" ? "total" : "price";

  beforeAll(async () => {
    const md = new MarketData(new DemoSource());
    setMarketData(md);
    const req: ImportRequest = request({
      basket: { label: "Trio", symbols: SYMBOLS, weights: WEIGHTS },
      benchmark: "QQQ",
      start: dayFromIso(START),
      end: dayFromIso(END),
      field,
      currency,
    });
    const { data, request: used } = await fetchImportData(md, req);
    rows = summaryBlock(data, used, provenanceLines(data, used)).rows;
  });

  const cases: Array<[string, () => unknown[][], number]> = [
    ...SYMBOLS.map((s, i): [string, () => unknown[][], number] => [s, () => [[s]], i]),
    ["the basket", () => SYMBOLS.map((s, i) => [s, WEIGHTS[i]]), 3],
    ["the benchmark", () => [["QQQ"]], 4],
  ];

  test.each(cases)("%s: return, spread, volatility, beta and drawdown", async (_, range, r) => {
    const f = functionsFor(range(), currency, kind);
    const bench = functionsFor([["QQQ"]], currency, kind);
    const row = rows[r];
    const [ret, benchRet] = [await f.ret(), await bench.ret()];
    const expected = [ret, ret - benchRet, await f.vol(), await f.beta(), await f.mdd()];
    const got = row.slice(3, 8) as number[];
    got.forEach((v, c) => expect(Math.abs(v - expected[c])).toBeLessThanOrEqual(1e-12));
    // Total-return rows: the spread is also =CNTECH.SPREAD.NASDAQ's.
    if (kind === "total")
      expect(Math.abs(got[1] - (await f.spreadTotal()))).toBeLessThanOrEqual(1e-12);
  });
});
