/**
 * An import whose basket loses a member inside the window computes the Summary's basket row and the
 * Performance sheet by the CNTECH formulas' rule, and its header says who joined and left:
 * - by membership dates (from / to) on the demo data, checked cell by cell against the functions
 *   called with the same four-column range;
 * - by data that stops (a file ending early), checked against a hand computation from the files'
 *   closes and against =CNTECH.RETURN over the same range.
 * The list box and "Use selected range" carry the dates.
 */
import { dayFromIso, excelSerialFromDay } from "../../src/core/dates";
import { createCsvSource } from "../../src/data/csv/csv-source";
import { DemoSource } from "../../src/data/demo/demo-source";
import { MarketData, setMarketData } from "../../src/data/market-data";
import { cntechReturn } from "../../src/functions/returns";
import { cntechBeta, cntechMaxdd, cntechVol } from "../../src/functions/risk";
import { installCustomFunctionsShim } from "../../src/shim/custom-functions-host";
import { getPresetBasket } from "../../src/data/baskets";
import { parseSymbolList } from "../../src/taskpane/import/import-form";
import { presetHint } from "../../src/taskpane/import/preset-hint";
import { buildBlocks, runImport } from "../../src/taskpane/workbook/import-runner";
import { fetchImportData } from "../../src/taskpane/workbook/fetch-data";
import { readSelectionAsList } from "../../src/taskpane/workbook/selection";
import { createExcelSim } from "../../src/workbench/excel-sim";
import { freshExcel, request } from "./fixtures";

installCustomFunctionsShim();
const inv = {} as CustomFunctions.CancelableInvocation;
const START = "2025-01-02";
const END = "2025-06-30";
const d = dayFromIso;

/** Summary body rows by their first cell, and the header block's lines by label. */
function read(blocks: ReturnType<typeof buildBlocks>) {
  const summary = blocks[3];
  const col = (name: string) => summary.columns.indexOf(name);
  const row = (label: string) =>
    summary.rows.find((r) => r[0] === label || r[0] === `${label} (basket)`)!;
  const head = Object.fromEntries(summary.info.map((l) => [l.label, l.value]));
  return { summary, col, row, head, performance: blocks[2] };
}

describe.each(["close", "adjclose"] as const)("from / to dates in an import (%s)", (field) => {
  const kind = field === "adjclose" ? "total" : "price";
  const range = [
    ["0700.HK", 2, "", ""],
    ["9988.HK", 1, "", "2025-03-31"],
    ["3690.HK", 1, "2025-02-03", ""],
  ];
  let view: ReturnType<typeof read>;

  beforeAll(async () => {
    const md = new MarketData(new DemoSource());
    setMarketData(md);
    const parsed = parseSymbolList("0700.HK 2\n9988.HK 1 to 2025-03-31\n3690.HK 1 from 2025-02-03");
    const req = request({
      basket: { label: "Dated", ...parsed },
      benchmark: "QQQ",
      start: d(START),
      end: d(END),
      field,
      currency: "HKD",
    });
    const { data, request: used } = await fetchImportData(md, req);
    view = read(buildBlocks(data, used));
  });

  test("the basket row equals the functions on the four-column range", async () => {
    const { row, col } = view;
    const r = row("Dated");
    const want = [
      await cntechReturn(range, START, END, "HKD", kind, inv),
      await cntechVol(range, START, END, "HKD", inv),
      await cntechBeta(range, START, END, "HKD", "QQQ", inv),
      await cntechMaxdd(range, START, END, "HKD", inv),
    ];
    const got = ["Return", "Volatility (ann.)", "Beta", "Max drawdown"].map(
      (c) => r[col(c)] as number
    );
    got.forEach((v, i) => expect(Math.abs(v - want[i])).toBeLessThanOrEqual(1e-12));
    // The From / To columns sit beside Weight, as the range a live formula reads.
    expect(view.summary.columns.slice(0, 5)).toEqual(["Symbol", "Weight", "From", "To", "Name"]);
    expect(row("9988.HK").slice(2, 4)).toEqual([null, excelSerialFromDay(d("2025-03-31"))]);
  });

  test("the header names the leave and the join; the Performance sheet ends at the same return", async () => {
    expect(String(view.head["Basket members"])).toBe(
      "3690.HK joined on 2025-02-03 (its first close on or after its from date 2025-02-03); weights renormalised among live members; " +
        "9988.HK left on 2025-03-31 (its last close on or before its to date 2025-03-31); weights renormalised among live members"
    );
    const perf = view.performance.rows;
    const ret = view.row("Dated")[view.col("Return")] as number;
    expect(Math.abs((perf[perf.length - 1][1] as number) / 100 - 1 - ret)).toBeLessThan(1e-12);
  });
});

describe("a member whose data stops inside the window (files)", () => {
  // Weekdays from 2025-01-02; AAA +1 a day from 100, BBB +2 a day from 50 until 2025-02-14, QQQ flat.
  const days: string[] = [];
  for (let t = d("2025-01-02"); t <= d("2025-03-31"); t++) {
    const w = new Date(t * 86400000).getUTCDay();
    if (w !== 0 && w !== 6) days.push(new Date(t * 86400000).toISOString().slice(0, 10));
  }
  const file = (name: string, until: string, close: (i: number) => number) => ({
    name,
    text: ["Date,Close", ...days.filter((x) => x <= until).map((x, i) => `${x},${close(i)}`)].join(
      "\n"
    ),
  });
  const md = new MarketData(
    createCsvSource([
      file("AAA.csv", "2025-03-31", (i) => 100 + i),
      file("BBB.csv", "2025-02-14", (i) => 50 + 2 * i),
      file("QQQ.csv", "2025-03-31", () => 500),
    ])
  );

  test("it leaves on its last close: Summary and Performance by hand, =CNTECH.RETURN the same", async () => {
    setMarketData(md);
    const req = request({
      basket: { label: "Pair", symbols: ["AAA", "BBB"] },
      benchmark: "QQQ",
      start: d("2025-01-02"),
      end: d("2025-03-31"),
    });
    const { data, request: used } = await fetchImportData(md, req);
    const view = read(buildBlocks(data, used));
    // By hand: 50 in each on 2025-01-02; BBB's last close 2025-02-14 is weekday 31 (0-based):
    // AAA 131 (×1.31), BBB 112 (×2.24), 177.5 in all; then it all rides on AAA to 2025-03-31.
    const last = days.indexOf("2025-02-14");
    const n = days.length - 1;
    const atLeave = 50 * ((100 + last) / 100) + 50 * ((50 + 2 * last) / 50);
    const end = atLeave * ((100 + n) / (100 + last));
    const ret = view.row("Pair")[view.col("Return")] as number;
    expect(Math.abs(ret - (end / 100 - 1))).toBeLessThan(1e-12);
    const perf = view.performance.rows;
    expect(Math.abs((perf[perf.length - 1][1] as number) - end)).toBeLessThan(1e-9);
    expect(String(view.head["Basket members"])).toBe(
      "BBB left on 2025-02-14 (its last close); weights renormalised among live members"
    );
    const formula = await cntechReturn(
      [["AAA"], ["BBB"]],
      "2025-01-02",
      "2025-03-31",
      "USD",
      "price",
      inv
    );
    expect(Math.abs(formula - ret)).toBeLessThan(1e-12);
    console.log(
      `files basket: leave level ${atLeave}, end ${end}, import ${ret}, RETURN ${formula}`
    );
  });
});

test("live formulas: the basket row reads symbol, weight, from and to as one range", async () => {
  const md = new MarketData(new DemoSource());
  setMarketData(md);
  const req = request({
    basket: { label: "Dated", ...parseSymbolList("0700.HK\n9988.HK to 2025-03-31") },
    liveFormulas: true,
  });
  const { data, request: used } = await fetchImportData(md, req);
  const { summary, row } = read(buildBlocks(data, used));
  const first = summary.info.length + 4;
  expect(row("Dated")[5]).toMatch(
    new RegExp(`^=CNTECH\\.RETURN\\(\\$A\\$${first}:\\$D\\$${first + 1},`)
  );
  expect(row("Dated")[6]).toBe(`=F${first + 2}-F$${first + 3}`);
});

describe("the list box and the selected range carry membership dates", () => {
  test("typed lines: from / to dates, errors for a bad date and for from after to", () => {
    expect(parseSymbolList("0700.HK 0.6\n9660.HK 0.4 from 2024-10-24 to 2025-03-07")).toEqual({
      symbols: ["0700.HK", "9660.HK"],
      weights: [0.6, 0.4],
      dates: [{}, { from: d("2024-10-24"), to: d("2025-03-07") }],
    });
    expect(parseSymbolList("NVDA to 2025-02-30").error).toMatch(/"to 2025-02-30" is not a date/);
    expect(parseSymbolList("NVDA from 2025-03-01 to 2025-01-01").error).toMatch(
      /from 2025-03-01 is after to 2025-01-01/
    );
  });

  test("a four-column selection with its header row becomes dated lines", async () => {
    const sim = createExcelSim();
    sim.api.addSheet("Input");
    const cells: Array<[string, string | number | null]> = [
      ["A1", "Symbol"],
      ["B1", "Weight"],
      ["C1", "From"],
      ["D1", "To"],
      ["A2", "0700.HK"],
      ["B2", 2],
      ["A3", "9660.HK"],
      ["B3", 1],
      ["C3", excelSerialFromDay(d("2024-10-24"))],
      ["D3", "2025-03-07"],
    ];
    for (const [a, v] of cells) sim.api.setCell("Input", a, v);
    sim.api.setSelection("Input", "A1:D3");
    // The in-memory Excel stands in for the real one (its context implements what this code uses).
    const text = await readSelectionAsList((b) => sim.Excel.run(b as never));
    expect(text).toBe("0700.HK 2\n9660.HK 1 from 2024-10-24 to 2025-03-07");
    expect(parseSymbolList(text).dates).toEqual([
      {},
      { from: d("2024-10-24"), to: d("2025-03-07") },
    ]);
  });
});

test("a preset import's header and the pane's hint state the snapshot date and its caveat", async () => {
  const md = new MarketData(new DemoSource());
  setMarketData(md);
  const preset = getPresetBasket("HSTECH")!;
  const req = request({
    basket: {
      label: "HSTECH",
      preset: "HSTECH",
      symbols: preset.constituents.map((c) => c.symbol),
    },
  });
  const { data, request: used } = await fetchImportData(md, req);
  const { head } = read(buildBlocks(data, used));
  expect(head.Constituents).toMatch(
    /^HSTECH constituents as of the 2025-03-10 snapshot, applied to the whole window: .*\(survivorship bias\)$/
  );
  expect(presetHint("HSTECH")).toMatch(
    /Constituents as of 2025-03-10 \(snapshot\), applied to the whole window/
  );
  expect(presetHint("NDX")).toBe(getPresetBasket("NDX")!.description);
});

test("membership dates that leave nobody before the window's end fail the import, writing nothing", async () => {
  setMarketData(new MarketData(new DemoSource()));
  const sim = freshExcel();
  const outcome = await runImport(
    request({
      basket: { label: "Gone", ...parseSymbolList("0700.HK to 2025-02-28\nNVDA to 2025-03-14") },
    })
  );
  expect(outcome.status).toBe("failed");
  expect(outcome.message).toMatch(
    /every member has left the basket by 2025-03-14 .*Nothing was written/
  );
  expect(sim.api.listSheets()).toEqual(["Sheet1"]);
});
