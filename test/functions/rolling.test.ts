/**
 * CNTECH.ROLLING through the built bundle: the last row is the single-window statistic (VOL, BETA,
 * CORR, TE) over the dates covering exactly the window's last returns; bad stat / window are #VALUE!.
 */
import { dayFromExcelSerial, isoFromDay } from "../../src/core/dates";
import { loadFunctionsBundle } from "../support/functions-bundle";
import { callLikeExcel } from "./helpers";

const bundle = loadFunctionsBundle();
const call = (id: string, ...args: unknown[]) => callLikeExcel(bundle, id, args);
const S = "2025-01-02";
const E = "2025-06-30";
const iso = (serial: unknown) => isoFromDay(dayFromExcelSerial(serial as number));

test("last 20-day rolling vol of 0700.HK equals VOL over exactly those 20 returns", async () => {
  const table = (await call("ROLLING", "vol", "0700.HK", S, E, null, 20)) as unknown[][];
  expect(table[0]).toEqual(["Date", "vol"]);
  const history = (await call("HISTORY", "0700.HK", S, E)) as unknown[][];
  const days = history
    .slice(1)
    .map((row) => row[0])
    .filter((v) => typeof v === "number") as number[];
  // n levels in the window give n − 1 returns, so n − 20 rows.
  expect(table.length - 1).toBe(days.length - 20);
  const last = table[table.length - 1];
  expect(last[0]).toBe(days[days.length - 1]);
  // 20 returns end on the last date and start from the close 21 dates back.
  const vol = (await call(
    "VOL",
    "0700.HK",
    iso(days[days.length - 21]),
    iso(days[days.length - 1])
  )) as number;
  expect(Math.abs((last[1] as number) - vol)).toBeLessThanOrEqual(1e-12);
  // Every row is finite and each date is a row of HISTORY.
  for (const row of table.slice(1)) {
    expect(Number.isFinite(row[1])).toBe(true);
    expect(days).toContain(row[0]);
  }
});

test.each([
  ["beta", "BETA"],
  ["corr", "CORR"],
  ["te", "TE"],
])("last rolling %s row equals %s over the window's dates", async (stat, id) => {
  const table = (await call("ROLLING", stat, "HSTECH", S, E, "HKD", 30, "^NDX")) as unknown[][];
  expect(table[0]).toEqual(["Date", stat]);
  // A 3-return rolling table dates every paired return from the 3rd on: row k ends return k + 2.
  const short = (await call("ROLLING", stat, "HSTECH", S, E, "HKD", 3)) as unknown[][];
  const endDates = short.slice(1).map((r) => r[0] as number);
  const n = endDates.length + 2; // paired returns in the window
  // The last 30 returns start from the close that ends return n − 31, i.e. endDates[n − 33].
  const base = endDates[n - 33];
  const last = table[table.length - 1];
  expect(last[0]).toBe(endDates[endDates.length - 1]);
  const single = (await call(id, "HSTECH", iso(base), E, "HKD", "^NDX")) as number;
  expect(Math.abs((last[1] as number) - single)).toBeLessThanOrEqual(1e-12);
});

test("default window is 63 and the rows are dated by the window's last return", async () => {
  const t63 = (await call("ROLLING", "vol", "0700.HK", S, E)) as unknown[][];
  const t2 = (await call("ROLLING", "vol", "0700.HK", S, E, null, 2)) as unknown[][];
  expect(t63.length).toBe(t2.length - 61);
  expect(t63[t63.length - 1][0]).toBe(t2[t2.length - 1][0]);
});

test.each([
  ["a bad stat", "sharpe", 20],
  ["a window of 1 for vol", "vol", 1],
  ["a window of 2 for beta", "beta", 2],
  ["a fractional window", "vol", 20.5],
  ["a text window", "corr", "many"],
])("%s is #VALUE!", async (_, stat, window) => {
  await expect(call("ROLLING", stat, "0700.HK", S, E, null, window)).rejects.toMatchObject({
    code: "#VALUE!",
  });
});

test("a basket's rolling vol is VOL of the basket held from each window's start", async () => {
  const table = (await call("ROLLING", "vol", "HSTECH", S, E, null, 20)) as unknown[][];
  const short = (await call("ROLLING", "vol", "HSTECH", S, E, null, 2)) as unknown[][];
  const endDates = short.slice(1).map((r) => r[0] as number); // row k ends return k + 1
  const n = endDates.length + 1;
  // The last 20 returns start from the close that ends return n − 21, i.e. endDates[n − 22].
  const vol = (await call("VOL", "HSTECH", iso(endDates[n - 22]), E)) as number;
  const last = table[table.length - 1];
  expect(last[0]).toBe(endDates[endDates.length - 1]);
  expect(Math.abs((last[1] as number) - vol)).toBeLessThanOrEqual(1e-12);
});
