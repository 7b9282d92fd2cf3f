/**
 * CNTECH.REBASED through the built bundle: both columns are the demo total-return levels divided by
 * their start-close level, ×100, recomputed here; the last row agrees with RETURN.
 */
import { dayFromExcelSerial, dayFromIso } from "../../src/core/dates";
import { loadFunctionsBundle } from "../support/functions-bundle";
import { callLikeExcel, lastIndexOnOrBefore, levelsIn } from "./helpers";

const bundle = loadFunctionsBundle();
const call = (id: string, ...args: unknown[]) => callLikeExcel(bundle, id, args);
const S = "2024-01-02";
const E = "2024-12-31";

test("a symbol and its benchmark, 100 on the start close, in HKD", async () => {
  const table = (await call("REBASED", "0700.HK", S, E, "HKD", "^NDX")) as unknown[][];
  expect(table[0]).toEqual(["Date", "0700.HK", "^NDX"]);
  const a = await levelsIn("0700.HK", "HKD");
  const b = await levelsIn("^NDX", "HKD");
  const a0 = a.levels[lastIndexOnOrBefore(a.dates, dayFromIso(S))];
  const day0 = dayFromExcelSerial(table[1][0] as number);
  const b0 = b.levels[lastIndexOnOrBefore(b.dates, day0)];
  expect(table[1].slice(1)).toEqual([100, 100]);
  for (const row of table.slice(1)) {
    const d = dayFromExcelSerial(row[0] as number);
    expect(row[1]).toBeCloseTo((100 * a.levels[a.dates.indexOf(d)]) / a0, 10);
    expect(row[2]).toBeCloseTo((100 * b.levels[lastIndexOnOrBefore(b.dates, d)]) / b0, 10);
  }
  const last = table[table.length - 1];
  const ret = (await call("RETURN", "0700.HK", S, E, "HKD")) as number;
  expect((last[1] as number) / 100 - 1).toBeCloseTo(ret, 12);
});

test("a basket gaining a member inside the window rebases like RETURN", async () => {
  const table = (await call("REBASED", "HSTECH", S, E)) as unknown[][];
  const last = table[table.length - 1];
  const ret = (await call("RETURN", "HSTECH", S, E)) as number;
  expect((last[1] as number) / 100 - 1).toBeCloseTo(ret, 12);
  expect(table[0][2]).toBe("^XNDX");
});
