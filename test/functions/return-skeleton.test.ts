import { expectExcelError, loadFunctionsBundle } from "../support/functions-bundle";
import { DemoSource } from "../../src/data/demo/demo-source";
import { dayFromIso } from "../../src/core/dates";

/** Independent oracle (price return, local currency): scan the demo closes linearly for the last close on or before each date. */
async function oracleReturn(symbol: string, startIso: string, endIso: string): Promise<number> {
  const series = new DemoSource().series(symbol);
  const lastOnOrBefore = (iso: string): number => {
    const day = dayFromIso(iso);
    let price = NaN;
    series.dates.forEach((d, i) => {
      if (d <= day) price = series.close[i];
    });
    return price;
  };
  return lastOnOrBefore(endIso) / lastOnOrBefore(startIso) - 1;
}

describe("CNTECH.RETURN through the built bundle on the demo source", () => {
  const bundle = loadFunctionsBundle();

  test("matches an independent computation from the same demo prices (ISO dates)", async () => {
    const got = (await bundle.call(
      "RETURN",
      "0700.HK",
      "2024-01-02",
      "2024-12-31",
      "HKD",
      "price"
    )) as number;
    expect(got).toBeCloseTo(await oracleReturn("0700.HK", "2024-01-02", "2024-12-31"), 12);
  });

  test("accepts Excel serials (45293 = 2024-01-02) and weekends roll back to the prior close", async () => {
    const fromSerial = await bundle.call("RETURN", "0700.HK", 45293, "2024-06-30", "HKD", "price"); // 2024-06-30 is a Sunday
    expect(fromSerial).toBeCloseTo(await oracleReturn("0700.HK", "2024-01-02", "2024-06-28"), 12);
  });

  test("an unknown symbol is #N/A with a message naming it", async () => {
    const err = await expectExcelError(
      bundle.call("RETURN", "0005.HK", "2024-01-02", "2024-12-31")
    );
    expect(err.code).toBe("#N/A");
    expect(err.message).toContain("0005.HK");
  });

  test("start after end is #VALUE!", async () => {
    const err = await expectExcelError(
      bundle.call("RETURN", "0700.HK", "2024-12-31", "2024-01-02")
    );
    expect(err.code).toBe("#VALUE!");
    expect(err.message).toMatch(/start.*after.*end/i);
  });

  test("an unparseable date is #VALUE! naming the argument", async () => {
    const err = await expectExcelError(bundle.call("RETURN", "0700.HK", "next tuesday"));
    expect(err.code).toBe("#VALUE!");
    expect(err.message).toMatch(/^start:/);
  });
});
