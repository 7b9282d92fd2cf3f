import { dayFromIso } from "../../src/core/dates";
import {
  defaultExposure,
  gprLogChangeVol,
  gprScenario,
  gprSeriesFromRows,
  parseGprCsv,
  reestimateShocks,
  scenarioReturn,
  neutralScenario,
  EVENT_ROWS,
} from "../../src/core/scenario";

describe("re-estimating a preset from event-window returns (least squares)", () => {
  const symbols = ["HSTECH", "1347.HK", "0981.HK", "^NDX", "9988.HK", "NVDA"];

  test("recovers the shocks that generated noiseless returns", () => {
    const truth = { ...neutralScenario(), EXPORT_CONTROLS: 1.7, CAPITAL_FLOWS: 0.8 };
    const obs = symbols.map((symbol) => {
      const exposure = defaultExposure(symbol)!;
      return { symbol, exposure, observed: scenarioReturn(exposure, truth) };
    });
    const r = reestimateShocks(obs, ["EXPORT_CONTROLS", "CAPITAL_FLOWS"]);
    expect(r.levels.EXPORT_CONTROLS).toBeCloseTo(1.7, 2);
    expect(r.levels.CAPITAL_FLOWS).toBeCloseTo(0.8, 2);
    expect(r.clamped).toEqual([]);
    for (const e of r.residuals) expect(Math.abs(e)).toBeLessThan(1e-4);
  });

  test("one factor, hand-worked: s = Σβr / Σβ²", () => {
    const z = neutralScenario();
    const obs = [
      { symbol: "A", exposure: { ...z, TARIFFS: -0.05 }, observed: -0.12 },
      { symbol: "B", exposure: { ...z, TARIFFS: -0.03 }, observed: -0.06 },
    ];
    // (0.006 + 0.0018) / (0.0025 + 0.0009) = 0.0078 / 0.0034 = 2.294117...
    const r = reestimateShocks(obs, ["TARIFFS"], {}, 0);
    expect(r.levels.TARIFFS).toBeCloseTo(0.0078 / 0.0034, 10);
  });

  test("real Liberation Day returns (event table): the one-factor closed form, a tariff shock near +3", () => {
    // The 19 real close-to-close returns over 2025-04-02 → 04-07 (public price files).
    const obs = EVENT_ROWS.filter((r) => r[0] === "LIBERATION_DAY_2025").map(
      ([, symbol, , , observed]) => ({ symbol, exposure: defaultExposure(symbol)!, observed })
    );
    expect(obs).toHaveLength(19);
    const r = reestimateShocks(obs, ["TARIFFS"], {}, 0);
    const num = obs.reduce((t, o) => t + o.exposure.TARIFFS * o.observed, 0);
    const den = obs.reduce((t, o) => t + o.exposure.TARIFFS ** 2, 0);
    // Every instrument fell 11-22 %: read as a tariff shock at the top of the scale (the least-squares
    // level, Σβr / Σβ², is just above +3 and is clamped and reported).
    expect(num / den).toBeGreaterThan(2.5);
    expect(r.levels.TARIFFS).toBeCloseTo(Math.min(3, num / den), 10);
    expect(r.clamped).toEqual(num / den > 3 ? ["TARIFFS"] : []);
  });

  test("solutions beyond the scale are clamped and reported", () => {
    const exposure = defaultExposure("HSTECH")!;
    const r = reestimateShocks([{ symbol: "HSTECH", exposure, observed: -0.9 }], ["TARIFFS"]);
    expect(r.levels.TARIFFS).toBe(3);
    expect(r.clamped).toEqual(["TARIFFS"]);
  });
});

describe("GPR context index", () => {
  const csv = [
    "month,GPR,GPRT",
    "2024-01-01,100,90",
    "2024-02-01,110,",
    "2024-03-01,99,95",
    "2024-04-01,121,100",
  ].join("\n");

  test("parses the chosen column, skipping blank cells", () => {
    const s = parseGprCsv(csv);
    expect(s.values).toEqual([100, 110, 99, 121]);
    expect(parseGprCsv(csv, "gprt").values).toEqual([90, 95, 100]);
  });

  test("z is the log move over the σ of monthly log changes; levels = loading × z", () => {
    const s = parseGprCsv(csv);
    // Log changes: ln 1.1, ln 0.9, ln(121/99); independent sample σ computed here.
    const d = [Math.log(1.1), Math.log(0.9), Math.log(121 / 99)];
    const m = d.reduce((a, b) => a + b) / 3;
    const sd = Math.sqrt(d.reduce((a, x) => a + (x - m) ** 2, 0) / 2);
    expect(gprLogChangeVol(s)).toBeCloseTo(sd, 12);
    const g = gprScenario(s, dayFromIso("2024-01-15"), dayFromIso("2024-04-30"), {
      TAIWAN: 0.6,
      CNY: -0.3,
    });
    const z = Math.log(1.21) / sd;
    expect(g.z).toBeCloseTo(z, 12);
    expect(g.levels.TAIWAN).toBeCloseTo(Math.min(3, 0.6 * z), 12);
    expect(g.levels.CNY).toBeCloseTo(Math.max(-3, -0.3 * z), 12);
    expect(g.levels.AI_MOMENTUM).toBe(0);
  });

  test("worksheet rows: header skipped, Excel serials and month text accepted, same z as the CSV", () => {
    const rows = [
      ["month", "GPR"],
      [45292, 100], // 2024-01-01
      ["2024-02", 110],
      ["2024m3", 99],
      [45383, "121"], // 2024-04-01
    ];
    const fromRows = gprSeriesFromRows(rows);
    expect(fromRows.dates).toEqual(parseGprCsv(csv).dates);
    expect(fromRows.values).toEqual([100, 110, 99, 121]);
    expect(() =>
      gprSeriesFromRows([
        [45292, 100],
        [45323, "high"],
        [45352, 3],
      ])
    ).toThrow(/row 2: "high" is not a positive number/);
  });

  // Real monthly values, Caldara–Iacoviello data_gpr_export.csv as published in two public
  // repositories: AL2024UCSD/sp500trends (d3ba22a01966cfd16a53fa34054962ff66e7212a, M/D/Y dates)
  // and andreaskoul/geo_index_dcb (1ee7921cac763fcc60fd98d208ed64aa8399889e, D/M/Y dates); both
  // give GPR 117.18 for July 2022 and 132.86 for August 2022. GPRC_TWN: Taiwan's country index.
  const REAL_2022 = [
    ["05", 142.26, 0.3282],
    ["06", 130.71, 0.1589],
    ["07", 117.18, 0.18],
    ["08", 132.86, 0.7401],
    ["09", 131.99, 0.3063],
    ["10", 143.16, 0.3294],
  ] as const;
  const realCsv = (dayFirst: boolean) =>
    [
      "month,GPR,GPRC_TWN",
      ...REAL_2022.map(([m, g, t]) => `${dayFirst ? `01/${m}` : `${m}/01`}/2022,${g},${t}`),
    ].join("\n");

  test("real files: M/D/Y and D/M/Y dates read as the same months", () => {
    const mdy = parseGprCsv(realCsv(false), "GPRC_TWN");
    const dmy = parseGprCsv(realCsv(true), "GPRC_TWN");
    expect(dmy.dates).toEqual(mdy.dates);
    expect(mdy.dates[0]).toBe(dayFromIso("2022-05-01"));
    expect(mdy.dates.at(-1)).toBe(dayFromIso("2022-10-01"));
  });

  test("real Aug-2022 Taiwan index jump (drills month) maps to a positive Taiwan level", () => {
    const s = parseGprCsv(realCsv(false), "GPRC_TWN");
    const v = REAL_2022.map((r) => r[2]);
    const d = v.slice(1).map((x, i) => Math.log(x / v[i]));
    const m = d.reduce((a, b) => a + b) / d.length;
    const sd = Math.sqrt(d.reduce((a, x) => a + (x - m) ** 2, 0) / (d.length - 1));
    const g = gprScenario(s, dayFromIso("2022-07-15"), dayFromIso("2022-08-15"));
    const z = Math.log(0.7401 / 0.18) / sd;
    expect(g.z).toBeCloseTo(z, 10);
    expect(g.levels.TAIWAN).toBeCloseTo(Math.min(3, 0.6 * z), 10);
    expect(g.levels.TAIWAN).toBeGreaterThan(0.5);
  });

  test("bad CSVs are specific errors", () => {
    expect(() => parseGprCsv("month,GPR\n2024-01-01,abc\n2024-02-01,3")).toThrow(/line 2: "abc"/);
    expect(() => parseGprCsv(csv, "GPRX")).toThrow(/no column "GPRX"/);
    expect(() =>
      gprScenario(parseGprCsv(csv), dayFromIso("2023-01-01"), dayFromIso("2024-04-01"))
    ).toThrow(/no value on or before the from date/);
  });
});
