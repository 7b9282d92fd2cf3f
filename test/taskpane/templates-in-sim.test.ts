/**
 * The templates written by the pane's template code into the in-memory Excel, computed by the
 * workbench's formula engine with the built functions bundle (as Excel would run it): every
 * self-test row must PASS on demo data, and the sample model must compute without errors but its
 * one labelled example.
 */
import { installExcelSim, ExcelSim } from "../../src/workbench/excel-sim";
import { attachCalculation, CalcHost } from "../../src/workbench/host/calc-host";
import { loadFunctionsBundle } from "../support/functions-bundle";
import { insertTemplate } from "../../src/taskpane/templates/template-writer";
import { selfTestChecks, selfTestTemplate } from "../../src/taskpane/templates/self-test";
import { ensureScenarioRange, insertSampleModel } from "../../src/taskpane/templates/insert-sample";
import { writeScenarioLevels } from "../../src/taskpane/scenario/scenario-workbook";
import { neutralScenario } from "../../src/core/scenario";

const DEMO = { name: "demo (synthetic)" };

describe("templates in the in-memory Excel with the built functions", () => {
  let sim: ExcelSim;
  let calc: CalcHost;

  beforeEach(() => {
    sim = installExcelSim(globalThis as unknown as Record<string, unknown>);
    const bundle = loadFunctionsBundle();
    calc = attachCalculation(
      sim.model,
      "CNTECH",
      bundle.metadata.functions as never,
      bundle.shim.registry as never
    );
  });
  afterEach(() => calc.streams.cancelAll());

  async function statusColumn(sheet: string, rows: number): Promise<unknown[]> {
    await calc.engine.whenIdle();
    return sim.api.getValues(sheet, `D5:D${4 + rows}`).map((r) => r[0]);
  }

  it("writes one self-test row per check, and every row passes on demo data", async () => {
    await ensureScenarioRange();
    const result = await insertTemplate(selfTestTemplate(DEMO));
    const sheet = result.sheets.get("selftest")!;
    expect(sheet).toBe("CNTech Self-test");
    const n = selfTestChecks().length;
    const status = await statusColumn(sheet, n);
    const detail = sim.api.getValues(sheet, `A5:C${4 + n}`);
    expect({ status, detail }).toEqual({ status: Array(n).fill("PASS"), detail });
    expect(sim.api.getCell(sheet, "A3").value).toBe(`${n} of ${n} checks pass`);
  });

  it("a check fails when the answer is wrong: the status formulas can say FAIL", async () => {
    await ensureScenarioRange();
    const { sheets } = await insertTemplate(selfTestTemplate(DEMO));
    const sheet = sheets.get("selftest")!;
    await calc.engine.whenIdle();
    // Break two expectations by hand: a close and an error code.
    sim.api.setCell(sheet, "C5", 49.32);
    sim.api.setCell(sheet, "C10", 3);
    const status = await statusColumn(sheet, selfTestChecks().length);
    expect(status[0]).toBe("FAIL");
    expect(status[5]).toBe("FAIL");
    expect(status.filter((s) => s === "FAIL")).toHaveLength(2);
  });

  it("the scenario check follows CNTECH_SCENARIO when the levels move", async () => {
    await writeScenarioLevels(neutralScenario());
    const { sheets } = await insertTemplate(selfTestTemplate(DEMO));
    const sheet = sheets.get("selftest")!;
    const row = 5 + selfTestChecks().findIndex((c) => c.label.startsWith("CNTECH_SCENARIO"));
    await calc.engine.whenIdle();
    expect(sim.api.getCell(sheet, `B${row}`).value).toBe(0);
    await writeScenarioLevels({ ...neutralScenario(), EXPORT_CONTROLS: 2, TAIWAN: -1 });
    await calc.engine.whenIdle();
    // Hand-worked: exposures −0.03 (export controls) and −0.04 (Taiwan) → 2 × −0.03 + (−1) × −0.04.
    expect(sim.api.getCell(sheet, `B${row}`).value).toBeCloseTo(-0.02, 12);
    expect(sim.api.getCell(sheet, `D${row}`).value).toBe("PASS");
  });

  it("never overwrites: a second insert goes to a new sheet", async () => {
    await ensureScenarioRange();
    await insertTemplate(selfTestTemplate(DEMO));
    sim.api.setCell("CNTech Self-test", "F30", "my note");
    const second = await insertTemplate(selfTestTemplate(DEMO));
    expect(second.sheets.get("selftest")).toBe("CNTech Self-test (2)");
    expect(sim.api.getCell("CNTech Self-test", "F30").value).toBe("my note");
  });

  it("the sample model computes: no error cell but its labelled example", async () => {
    const { model, result } = await insertSampleModel({ source: DEMO });
    await calc.engine.whenIdle();
    const errors: string[] = [];
    for (const sheet of result.sheets.values()) {
      const used = sim.api.usedAddress(sheet);
      if (!used) continue;
      sim.api.getValues(sheet, used).forEach((row, r) =>
        row.forEach((v, c) => {
          if (typeof v === "string" && /^#[A-Z/0!?]+/.test(v))
            errors.push(`${sheet}!${r},${c} ${v}`);
        })
      );
    }
    expect(model.errorExample).toBeDefined();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/#N\/A$/);
  }, 120000);
});
