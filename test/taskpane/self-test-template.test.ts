/**
 * The self-test's typed-in expected values are the demo source's own closes (read here from the demo
 * generator, not through any CNTECH function), and the template plumbing behaves.
 */
import { DemoSource } from "../../src/data/demo/demo-source";
import { dayFromIso } from "../../src/core/dates";
import { DEMO_CLOSES, selfTestChecks } from "../../src/taskpane/templates/self-test";
import { resolveSheetRefs, sheetRef } from "../../src/taskpane/templates/template-types";
import { addressSize } from "../../src/taskpane/templates/template-writer";

function closeOnOrBefore(symbol: string, iso: string): number {
  const s = new DemoSource().series(symbol);
  const day = dayFromIso(iso);
  let i = s.dates.length - 1;
  while (i > 0 && s.dates[i] > day) i--;
  return s.close[i];
}

describe("self-test expectations", () => {
  it("the typed-in closes are the demo generator's 0700.HK closes", () => {
    expect(DEMO_CLOSES.tencent20250102).toBe(closeOnOrBefore("0700.HK", "2025-01-02"));
    expect(DEMO_CLOSES.tencent20250110).toBe(closeOnOrBefore("0700.HK", "2025-01-10"));
    expect(DEMO_CLOSES.tencent20250630).toBe(closeOnOrBefore("0700.HK", "2025-06-30"));
    const s = new DemoSource().series("0700.HK");
    expect(DEMO_CLOSES.tencentLast).toBe(s.close[s.close.length - 1]);
  });

  it("the HISTORY check's week has five Hong Kong sessions (no holiday), as NETWORKDAYS assumes", () => {
    const s = new DemoSource().series("0700.HK");
    const from = dayFromIso("2025-01-06");
    const to = dayFromIso("2025-01-10");
    expect(Array.from(s.dates).filter((d) => d >= from && d <= to)).toHaveLength(5);
  });

  it("every check has a formula answer and a status kind", () => {
    for (const c of selfTestChecks()) {
      expect(c.result.startsWith("=")).toBe(true);
      expect(["number", "error", "true", "text"]).toContain(c.kind);
    }
  });
});

describe("template plumbing", () => {
  it("quotes sheet names only when Excel needs it", () => {
    expect(sheetRef("Model")).toBe("Model");
    expect(sheetRef("Model (2)")).toBe("'Model (2)'");
    expect(sheetRef("O'Brien")).toBe("'O''Brien'");
    const names = new Map([["model", "Model (2)"]]);
    expect(resolveSheetRefs("={sheet:model}!B5+1", names)).toBe("='Model (2)'!B5+1");
    expect(() => resolveSheetRefs("={sheet:nope}!A1", names)).toThrow(/unknown sheet/);
  });

  it("measures A1 addresses", () => {
    expect(addressSize("B5")).toEqual({ rows: 1, columns: 1 });
    expect(addressSize("A4:E60")).toEqual({ rows: 57, columns: 5 });
    expect(addressSize("AA1:AB2")).toEqual({ rows: 2, columns: 2 });
    expect(() => addressSize("r1c1")).toThrow(/A1 form/);
  });
});
