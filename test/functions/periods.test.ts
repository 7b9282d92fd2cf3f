/**
 * CNTECH.PERIODS through the built bundle: a calendar year equals RETURN over that year; months are
 * checked against the demo total-return levels with month ends written out here, and chain into
 * the year.
 */
import { loadFunctionsBundle } from "../support/functions-bundle";
import { callLikeExcel, levelsIn, windowReturnOf } from "./helpers";

const bundle = loadFunctionsBundle();
const call = (id: string, ...args: unknown[]) => callLikeExcel(bundle, id, args);

test("PERIODS over one calendar year equals RETURN over that year (a basket gaining a member too)", async () => {
  for (const symbols of ["0700.HK", "HSTECH"]) {
    const table = (await call("PERIODS", symbols, "2023-12-31", "2024-12-31")) as unknown[][];
    expect(table[0]).toEqual(["Period", "Start", "End", symbols]);
    expect(table).toHaveLength(2);
    expect(table[1][0]).toBe("2024");
    const want = (await call("RETURN", symbols, "2024-01-01", "2024-12-31")) as number;
    const diff = Math.abs((table[1][3] as number) - want);
    expect(diff).toBeLessThan(1e-12);
    console.log(`PERIODS vs RETURN ${symbols} 2024: ${table[1][3]} vs ${want}, diff ${diff}`);
  }
});

test("monthly rows are month-end to month-end returns and chain into the year", async () => {
  const table = (await call(
    "PERIODS",
    "NVDA",
    "2023-12-31",
    "2024-12-31",
    "HKD",
    "MONTH"
  )) as unknown[][];
  const levels = await levelsIn("NVDA", "HKD");
  const monthEnds = [
    "2023-12-31",
    "2024-01-31",
    "2024-02-29",
    "2024-03-31",
    "2024-04-30",
    "2024-05-31",
    "2024-06-30",
    "2024-07-31",
    "2024-08-31",
    "2024-09-30",
    "2024-10-31",
    "2024-11-30",
    "2024-12-31",
  ];
  expect(table.slice(1).map((r) => r[0])).toEqual(monthEnds.slice(1).map((d) => d.slice(0, 7)));
  let chained = 1;
  table.slice(1).forEach((row, k) => {
    expect(row[3]).toBeCloseTo(windowReturnOf(levels, monthEnds[k], monthEnds[k + 1]), 12);
    chained *= 1 + (row[3] as number);
  });
  const year = (await call("RETURN", "NVDA", "2023-12-31", "2024-12-31", "HKD")) as number;
  expect(chained - 1).toBeCloseTo(year, 12);
});

test("quarters are labelled and an unknown period is #VALUE!", async () => {
  const table = (await call(
    "PERIODS",
    "NVDA",
    "2024-02-15",
    "2024-08-15",
    null,
    "quarter"
  )) as unknown[][];
  expect(table.slice(1).map((r) => r[0])).toEqual(["2024-Q1", "2024-Q2", "2024-Q3"]);
  await expect(
    call("PERIODS", "NVDA", "2024-01-01", "2024-12-31", null, "week")
  ).rejects.toMatchObject({
    code: "#VALUE!",
  });
});
