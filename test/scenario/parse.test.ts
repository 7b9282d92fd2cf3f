import { FinanceError } from "../../src/core/errors";
import { parseExposureTable, parseScenarioRange } from "../../src/core/scenario";

function kindOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof FinanceError) return `${e.kind}: ${e.message}`;
    throw e;
  }
  return "no error";
}

describe("scenario_range", () => {
  test("ids, labels and aliases; unlisted factors are 0; a text header row is skipped", () => {
    const levels = parseScenarioRange([
      ["Factor", "Level"],
      ["EXPORT_CONTROLS", 2],
      ["Taiwan Strait tension", -1],
      ["cny", "0.5"],
      ["", ""],
    ]);
    expect(levels.EXPORT_CONTROLS).toBe(2);
    expect(levels.TAIWAN).toBe(-1);
    expect(levels.CNY).toBe(0.5);
    expect(levels.TARIFFS).toBe(0);
  });

  test("unknown factor → #VALUE! listing the valid ids", () => {
    expect(kindOf(() => parseScenarioRange([["MOON_PHASE", 1]]))).toMatch(
      /^value: unknown scenario factor "MOON_PHASE".*EXPORT_CONTROLS/
    );
  });

  test("out-of-range level → #VALUE! stating the scale", () => {
    expect(kindOf(() => parseScenarioRange([["TARIFFS", 4]]))).toMatch(
      /^value: TARIFFS: level 4 is outside/
    );
    expect(kindOf(() => parseScenarioRange([["TARIFFS", -3.5]]))).toMatch(/^value:/);
  });

  test("blank, non-numeric and duplicate levels are errors, not zeros", () => {
    expect(
      kindOf(() =>
        parseScenarioRange([
          ["TARIFFS", ""],
          ["TAIWAN", 1],
        ])
      )
    ).toMatch(/TARIFFS has no level/);
    expect(
      kindOf(() =>
        parseScenarioRange([
          ["TAIWAN", 1],
          ["TARIFFS", "high"],
        ])
      )
    ).toMatch(/level "high" is not a number/);
    expect(
      kindOf(() =>
        parseScenarioRange([
          ["TARIFFS", 1],
          ["tariffs", 2],
        ])
      )
    ).toMatch(/listed twice/);
    expect(kindOf(() => parseScenarioRange([["TARIFFS", true]]))).toMatch(/^value:/);
  });

  test("a one-column range is rejected", () => {
    expect(kindOf(() => parseScenarioRange([["TARIFFS"], ["TAIWAN"]]))).toMatch(/two columns/);
  });
});

describe("exposures_range", () => {
  const header = ["Symbol", "TARIFFS", "AI momentum"];

  test("parses symbol rows × factor columns; absent factor columns are 0 (documented)", () => {
    const t = parseExposureTable([header, ["0700.hk", -0.05, 0.06], ["QQQ", "-0.03", 0]]);
    expect(t.get("0700.HK")!.TARIFFS).toBe(-0.05);
    expect(t.get("0700.HK")!.AI_MOMENTUM).toBe(0.06);
    expect(t.get("0700.HK")!.TAIWAN).toBe(0);
    expect(t.get("QQQ")!.TARIFFS).toBe(-0.03);
  });

  test("non-numeric, blank cells and percentages typed as whole numbers → #VALUE!", () => {
    expect(kindOf(() => parseExposureTable([header, ["0700.HK", "n/a", 0.06]]))).toMatch(
      /^value: exposures_range: 0700.HK \/ TARIFFS is "n\/a", not a number/
    );
    expect(kindOf(() => parseExposureTable([header, ["0700.HK", -0.05, null]]))).toMatch(
      /AI_MOMENTUM is blank/
    );
    expect(kindOf(() => parseExposureTable([header, ["0700.HK", -5, 0.06]]))).toMatch(
      /decimals per level/
    );
  });

  test("unknown factor header, duplicate symbol, missing symbol cell → #VALUE!", () => {
    expect(
      kindOf(() =>
        parseExposureTable([
          ["Symbol", "WEATHER"],
          ["A", 0.1],
        ])
      )
    ).toMatch(/unknown scenario factor "WEATHER"/);
    expect(kindOf(() => parseExposureTable([header, ["A", 0, 0], ["a", 0, 0]]))).toMatch(
      /listed twice/
    );
    expect(kindOf(() => parseExposureTable([header, [null, 0, 0.1]]))).toMatch(/symbol missing/);
    expect(kindOf(() => parseExposureTable([header]))).toMatch(/header row/);
  });
});
