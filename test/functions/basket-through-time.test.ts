/**
 * Baskets through time on the demo data, through the BUILT bundle: HSTECH over 2024, when 9660.HK
 * only lists on 2024-10-24, is a number; it matches a recomputation written here from the members'
 * own total-return levels (values carried day by day, the newcomer given its share on its first
 * close), and CNTECH.SOURCE says when it joined.
 */
import { dayFromIso, isoFromDay } from "../../src/core/dates";
import { loadFunctionsBundle } from "../support/functions-bundle";
import { callLikeExcel } from "./helpers";
import { joinedBasketReturn } from "./joined-basket";

const bundle = loadFunctionsBundle();
const call = (id: string, ...args: unknown[]) => callLikeExcel(bundle, id, args);
const S = "2024-01-02";
const E = "2024-12-31";

describe("a basket whose member lists inside the window", () => {
  test("RETURN of HSTECH over 2024 is the joined basket's return, to 1e-10", async () => {
    const spill = (await call("BASKET", "HSTECH")) as unknown[][];
    const members = spill.slice(1).map((r) => ({ symbol: r[0] as string, weight: r[2] as number }));
    const got = (await call("RETURN", "HSTECH", S, E)) as number;
    const want = await joinedBasketReturn(members, dayFromIso(S), dayFromIso(E));
    expect(typeof got).toBe("number");
    expect(Math.abs(got - want.value)).toBeLessThan(1e-10);
    expect([...want.joined.entries()].map(([s, d]) => [s, isoFromDay(d)])).toEqual([
      ["9660.HK", "2024-10-24"],
    ]);
    // Printed for the record of this check.
    console.log(
      `HSTECH ${S}..${E} RETURN ${got} recomputed ${want.value} diff ${Math.abs(got - want.value)}`
    );
  });

  test("SOURCE over the window notes that 9660.HK joined on its first close", async () => {
    const table = (await call("SOURCE", "HSTECH", S, E)) as unknown[][];
    expect(table[0][6]).toBe("Notes");
    const row = table.find((r) => r[0] === "9660.HK") as unknown[];
    expect(row[6]).toMatch(/9660\.HK joined on 2024-10-24 \(its first close\)/);
    // Every row states the preset's snapshot date and that it is applied to the whole window.
    const snapshot =
      /^HSTECH constituents as of the 2025-03-10 snapshot, applied to the whole window: .*survivorship bias/;
    for (const r of table.slice(1)) expect(r[6]).toMatch(snapshot);
    const others = table.slice(1).filter((r) => r[0] !== "9660.HK");
    for (const r of others) expect(r[6]).not.toMatch(/joined on|left on/);
  });

  test("the spread and the risk statistics are numbers too", async () => {
    for (const id of ["SPREAD.NASDAQ", "VOL", "BETA", "MAXDD"]) {
      expect(typeof (await call(id, "HSTECH", S, E))).toBe("number");
    }
  });
});
