/**
 * Membership dates in basket ranges (symbol, weight, from, to), on the demo data through the BUILT
 * bundle: a basket whose members join and leave by their dates is recomputed here by hand, segment
 * by segment from the members' own total-return levels (not with the add-in's basket code); every
 * window function sees a member whose `to` precedes the window as absent; CNTECH.SOURCE names the
 * changes.
 */
import { dayFromIso, isoFromDay } from "../../src/core/dates";
import { loadFunctionsBundle } from "../support/functions-bundle";
import { callLikeExcel, lastIndexOnOrBefore, levelsIn } from "./helpers";

const bundle = loadFunctionsBundle();
const call = (id: string, ...args: unknown[]) => callLikeExcel(bundle, id, args);
const S = "2025-01-02";
const E = "2025-06-30";
/** Tencent throughout; Alibaba until 2025-03-31; Meituan from 2025-02-03 (all HKD, one calendar). */
const RANGE = [
  ["Symbol", "Weight", "From", "To"],
  ["0700.HK", 2, "", ""],
  ["9988.HK", 1, "", "2025-03-31"],
  ["3690.HK", 1, "2025-02-03", ""],
];

describe("a basket range with from / to dates", () => {
  let expected: { ret: number; joinDay: number; leaveDay: number; atJoin: number; atLeave: number };

  beforeAll(async () => {
    const [a, b, c] = await Promise.all(
      ["0700.HK", "9988.HK", "3690.HK"].map((s) => levelsIn(s, "HKD"))
    );
    const on = (x: typeof a, day: number) => x.levels[lastIndexOnOrBefore(x.dates, day)];
    const g = (x: typeof a, d1: number, d2: number) => on(x, d2) / on(x, d1);
    const d0 = a.dates[lastIndexOnOrBefore(a.dates, dayFromIso(S))];
    const joinDay = c.dates.find((d) => d >= dayFromIso("2025-02-03")) as number;
    const leaveDay = b.dates[lastIndexOnOrBefore(b.dates, dayFromIso("2025-03-31"))];
    const dE = a.dates[lastIndexOnOrBefore(a.dates, dayFromIso(E))];
    // Start: Tencent 2/3, Alibaba 1/3 of 100 (Meituan not yet a member).
    let va = (200 / 3) * g(a, d0, joinDay);
    let vb = (100 / 3) * g(b, d0, joinDay);
    const atJoin = va + vb;
    // Meituan joins with 1 / (2 + 1 + 1) of the value; the others keep 3/4 of theirs.
    [va, vb] = [va * 0.75, vb * 0.75];
    let vc = atJoin / 4;
    va *= g(a, joinDay, leaveDay);
    vb *= g(b, joinDay, leaveDay);
    vc *= g(c, joinDay, leaveDay);
    const atLeave = va + vb + vc;
    // Alibaba leaves: its value goes to Tencent and Meituan pro rata to theirs.
    [va, vc] = [(va * atLeave) / (va + vc), (vc * atLeave) / (va + vc)];
    const end = va * g(a, leaveDay, dE) + vc * g(c, leaveDay, dE);
    expected = { ret: end / 100 - 1, joinDay, leaveDay, atJoin, atLeave };
  });

  test("RETURN equals the basket worked segment by segment, to 1e-10", async () => {
    const got = (await call("RETURN", RANGE, S, E, "HKD")) as number;
    expect(typeof got).toBe("number");
    expect(Math.abs(got - expected.ret)).toBeLessThan(1e-10);
    expect(isoFromDay(expected.joinDay)).toBe("2025-02-03");
    expect(isoFromDay(expected.leaveDay)).toBe("2025-03-31");
    console.log(
      `RETURN ${got} by hand ${expected.ret}; level ${expected.atJoin} when 3690.HK joins, ${expected.atLeave} when 9988.HK leaves`
    );
  });

  test("REBASED's basket keeps its level through the join and the leave", async () => {
    const table = (await call("REBASED", RANGE, S, E, "HKD")) as unknown[][];
    const levelOn = (day: number) =>
      table.find((r) => r[0] === day - dayFromIso("1899-12-30"))?.[1] as number;
    expect(Math.abs(levelOn(expected.joinDay) - expected.atJoin)).toBeLessThan(1e-9);
    expect(Math.abs(levelOn(expected.leaveDay) - expected.atLeave)).toBeLessThan(1e-9);
    const last = table[table.length - 1][1] as number;
    expect(Math.abs(last - 100 * (1 + expected.ret))).toBeLessThan(1e-9);
  });

  test("SOURCE names the join and the leave with the dates that caused them", async () => {
    const table = (await call("SOURCE", RANGE, S, E, "HKD")) as unknown[][];
    const note = (s: string) => (table.find((r) => r[0] === s) as unknown[])[6];
    expect(note("9988.HK")).toMatch(
      /9988\.HK left on 2025-03-31 \(its last close on or before its to date 2025-03-31\); weights renormalised among live members/
    );
    expect(note("3690.HK")).toMatch(
      /3690\.HK joined on 2025-02-03 \(its first close on or after its from date 2025-02-03\)/
    );
    expect(note("0700.HK")).not.toMatch(/joined on|left on/);
  });

  test("SOURCE says which member is out of the window", async () => {
    const out = [
      ["0700.HK", 0.5, "", ""],
      ["9988.HK", 0.5, "2020-01-02", "2024-12-31"],
    ];
    const table = (await call("SOURCE", out, S, E)) as unknown[][];
    expect(table.find((r) => r[0] === "9988.HK")![6]).toBe(
      "not a member in this window (member from 2020-01-02 to 2024-12-31); left out"
    );
  });

  test("BASKET spills the from and to dates beside the normalised weights", async () => {
    const table = (await call("BASKET", RANGE)) as unknown[][];
    expect(table[0]).toEqual(["Symbol", "Name", "Weight", "From", "To"]);
    expect(table.slice(1).map((r) => [r[0], r[2], r[3], r[4]])).toEqual([
      ["0700.HK", 0.5, "", ""],
      ["9988.HK", 0.25, "", "2025-03-31"],
      ["3690.HK", 0.25, "2025-02-03", ""],
    ]);
  });
});

describe("a member whose to date precedes the window is the basket without it, in every window function", () => {
  const withB = [
    ["0700.HK", 2, "", ""],
    ["9988.HK", 1, "2020-01-02", "2024-12-31"],
    ["NVDA", 1, "", ""],
  ];
  const withoutB = [withB[0], withB[2]];
  const calls: Array<[string, (range: unknown) => unknown[]]> = [
    ["RETURN", (r) => [r, S, E]],
    ["SPREAD.NASDAQ", (r) => [r, S, E, "USD", "QQQ", "bps"]],
    ["VOL", (r) => [r, S, E]],
    ["BETA", (r) => [r, S, E, "HKD"]],
    ["CORR", (r) => [r, S, E]],
    ["TE", (r) => [r, S, E]],
    ["IR", (r) => [r, S, E]],
    ["MAXDD", (r) => [r, S, E]],
    ["SHARPE", (r) => [r, S, E, "USD", 0.02]],
    ["PERIODS", (r) => [r, "2024-12-31", E, "USD", "month"]],
    ["REBASED", (r) => [r, S, E]],
    ["ROLLING", (r) => ["beta", r, S, "2025-03-31", "USD", 20]],
  ];
  test.each(calls)("%s", async (id, args) => {
    const a = await call(id, ...args(withB));
    const b = await call(id, ...args(withoutB));
    // Tables: the header names the basket ("custom basket (3)" / "(2)"); the numbers must agree.
    const body = (x: unknown) => (Array.isArray(x) ? x.slice(1) : x);
    expect(typeof (Array.isArray(a) ? a[1][1] : a)).toBe("number");
    expect(body(a)).toEqual(body(b));
  });
});
