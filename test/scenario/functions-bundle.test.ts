/**
 * CNTECH.SCENARIO.* through the BUILT bundle (dist/functions.js), as Excel runs it.
 * Expected figures are hand-worked from exposure tables written out here, or from independent
 * recomputation of the documented model, never read back from the code under test.
 */
import { expectExcelError, loadFunctionsBundle } from "../support/functions-bundle";

const bundle = loadFunctionsBundle();

// A user exposures table (decimals per level) and a scenario written out by hand.
const EXPOSURES = [
  ["Symbol", "TARIFFS", "AI_MOMENTUM", "TAIWAN"],
  ["0700.HK", -0.05, 0.06, -0.02],
  ["9988.HK", -0.04, 0.08, 0],
  ["^XNDX", -0.03, 0, -0.01],
];
const SCENARIO = [
  ["TARIFFS", 2],
  ["AI_MOMENTUM", 1],
  ["TAIWAN", 0.5],
];
// 0700.HK: −0.10 + 0.06 − 0.01 = −0.05; 9988.HK: −0.08 + 0.08 + 0 = 0; ^XNDX (default benchmark): −0.06 − 0.005 = −0.065
const BASKET = [["0700.HK"], ["9988.HK"]];

describe("CNTECH.SCENARIO.RETURN", () => {
  test("registered with metadata", () => {
    const ids = bundle.metadata.functions.map((f) => f.id);
    for (const id of [
      "SCENARIO.RETURN",
      "SCENARIO.SPREAD",
      "SCENARIO.VAR",
      "SCENARIO.PRESET",
      "SCENARIO.GPR",
      "SCENARIO.REESTIMATE",
    ])
      expect(ids).toContain(id);
  });

  test("equal-weighted basket with a user exposures table, hand-worked", async () => {
    const r = (await bundle.call("SCENARIO.RETURN", BASKET, SCENARIO, EXPOSURES)) as number[][];
    expect(r[0][0]).toBeCloseTo((-0.05 + 0) / 2, 12);
  });

  test("per_constituent spills (symbol, return) rows and a Basket row; weights from a 2-column range", async () => {
    const r = (await bundle.call(
      "SCENARIO.RETURN",
      [
        ["700.hk", 3],
        ["9988.HK", 1],
      ],
      SCENARIO,
      EXPOSURES,
      true
    )) as [string, number][];
    expect(r.map((x) => x[0])).toEqual(["0700.HK", "9988.HK", "Basket"]);
    expect(r[0][1]).toBeCloseTo(-0.05, 12);
    expect(r[1][1]).toBeCloseTo(0, 12);
    expect(r[2][1]).toBeCloseTo(0.75 * -0.05, 12);
  });

  test("a header row in the scenario range (as a named range with titles) is accepted", async () => {
    const r = (await bundle.call(
      "SCENARIO.RETURN",
      [["0700.HK"]],
      [["Factor", "Level"], ...SCENARIO],
      EXPOSURES
    )) as number[][];
    expect(r[0][0]).toBeCloseTo(-0.05, 12);
  });
});

describe("CNTECH.SCENARIO.SPREAD", () => {
  test("basket minus benchmark, hand-worked: −0.025 − (−0.065) = +0.04", async () => {
    const r = await bundle.call("SCENARIO.SPREAD", BASKET, SCENARIO, null, EXPOSURES);
    expect(r).toBeCloseTo(0.04, 12);
  });

  test("default exposures: Liberation Day preset levels give a negative HSTECH-vs-Nasdaq spread", async () => {
    const preset = (await bundle.call("SCENARIO.PRESET", "LIBERATION_DAY_2025")) as [
      string,
      number,
    ][];
    expect(preset.find((row) => row[0] === "TARIFFS")![1]).toBe(3);
    const r = (await bundle.call("SCENARIO.SPREAD", "HSTECH", preset)) as number;
    expect(r).toBeLessThan(-0.01);
  });
});

describe("CNTECH.SCENARIO.VAR", () => {
  test("seeded: the same seed gives the same VaR; ES ≥ VaR; spread VaR differs from basket VaR", async () => {
    const a = (await bundle.call("SCENARIO.VAR", BASKET, SCENARIO, 0.95, 21, 7)) as number;
    const b = (await bundle.call("SCENARIO.VAR", BASKET, SCENARIO, 0.95, 21, 7)) as number;
    const es = (await bundle.call("SCENARIO.VAR", BASKET, SCENARIO, 0.95, 21, 7, "es")) as number;
    const sp = (await bundle.call(
      "SCENARIO.VAR",
      BASKET,
      SCENARIO,
      0.95,
      21,
      7,
      "var",
      "spread"
    )) as number;
    expect(a).toBe(b);
    expect(es).toBeGreaterThan(a);
    expect(sp).not.toBe(a);
    // The scenario itself loses money: VaR exceeds the linear loss.
    expect(a).toBeGreaterThan(0.025);
  });

  test("higher confidence → larger VaR", async () => {
    const v95 = (await bundle.call("SCENARIO.VAR", BASKET, SCENARIO, 0.95, 21, 1)) as number;
    const v99 = (await bundle.call("SCENARIO.VAR", BASKET, SCENARIO, 0.99, 21, 1)) as number;
    expect(v99).toBeGreaterThan(v95);
  });

  test("bad confidence and missing horizon are #VALUE!", async () => {
    expect(
      (await expectExcelError(bundle.call("SCENARIO.VAR", BASKET, SCENARIO, 95, 21))).code
    ).toBe("#VALUE!");
    const e = await expectExcelError(bundle.call("SCENARIO.VAR", BASKET, SCENARIO, 0.95, null));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/horizon_days/);
  });
});

describe("CNTECH.SCENARIO.GPR", () => {
  test("maps a GPR move to levels: loading × ln(to/from) / σ(monthly log changes)", async () => {
    const rows = [
      ["month", "GPR"],
      [45292, 100],
      [45323, 110],
      [45352, 99],
      [45383, 121],
    ];
    const d = [Math.log(1.1), Math.log(0.9), Math.log(121 / 99)];
    const m = d.reduce((a, b) => a + b) / 3;
    const z = Math.log(1.21) / Math.sqrt(d.reduce((a, x) => a + (x - m) ** 2, 0) / 2);
    const out = (await bundle.call("SCENARIO.GPR", rows, 45292, "2024-04-30")) as [
      string,
      number,
    ][];
    const get = (id: string) => out.find((r) => r[0] === id)![1];
    expect(get("TAIWAN")).toBeCloseTo(Math.min(3, 0.6 * z), 10);
    expect(get("CAPITAL_FLOWS")).toBeCloseTo(Math.min(3, 0.4 * z), 10);
    expect(get("AI_MOMENTUM")).toBe(0);
    // The spill is itself a valid scenario range.
    const spread = await bundle.call("SCENARIO.SPREAD", "HSTECH", out);
    expect(spread).toBeLessThan(0);
  });
});

describe("bad input → specific Excel errors", () => {
  test("unknown factor → #VALUE! naming it", async () => {
    const e = await expectExcelError(bundle.call("SCENARIO.RETURN", BASKET, [["WEATHER", 1]]));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain("WEATHER");
  });

  test("out-of-range level → #VALUE!", async () => {
    const e = await expectExcelError(bundle.call("SCENARIO.RETURN", BASKET, [["TARIFFS", 7]]));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/outside/);
  });

  test("exposures table missing a symbol → #N/A naming it", async () => {
    const e = await expectExcelError(
      bundle.call("SCENARIO.RETURN", [["0700.HK"], ["3690.HK"]], SCENARIO, EXPOSURES)
    );
    expect(e.code).toBe("#N/A");
    expect(e.message).toContain("3690.HK");
  });

  test("a benchmark missing from the exposures table → #N/A", async () => {
    const e = await expectExcelError(
      bundle.call("SCENARIO.SPREAD", BASKET, SCENARIO, "QQQ", EXPOSURES)
    );
    expect(e.code).toBe("#N/A");
    expect(e.message).toContain("QQQ");
  });

  test("non-numeric exposure cell → #VALUE!", async () => {
    const bad = EXPOSURES.map((row) => [...row]);
    bad[1][2] = "high";
    const e = await expectExcelError(bundle.call("SCENARIO.RETURN", BASKET, SCENARIO, bad));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/0700.HK \/ AI_MOMENTUM/);
  });

  test("a symbol with no default exposure → #N/A", async () => {
    const e = await expectExcelError(bundle.call("SCENARIO.RETURN", "ZZZZ", SCENARIO));
    expect(e.code).toBe("#N/A");
  });

  test("re-estimating on the synthetic demo source is refused with #N/A", async () => {
    const e = await expectExcelError(bundle.call("SCENARIO.REESTIMATE", "LIBERATION_DAY_2025"));
    expect(e.code).toBe("#N/A");
    expect(e.message).toMatch(/synthetic/);
  });

  test("unknown preset → #VALUE!", async () => {
    const e = await expectExcelError(bundle.call("SCENARIO.PRESET", "APOCALYPSE"));
    expect(e.code).toBe("#VALUE!");
  });
});
