/**
 * Calculation requests in the in-memory Excel follow Microsoft's documented behaviour:
 * Application.calculate("Recalculate") and Worksheet.calculate(false) recalculate only dirty cells
 * (dependents of volatile functions), so a non-volatile custom function does not re-run;
 * "Full", "FullRebuild" and Worksheet.calculate(true) (on that sheet only) re-run every formula.
 * And the pane's recalculateAllFormulas picks the API by requirement set.
 */
import { createExcelSim, ExcelSim, SimRequestContext } from "../../src/workbench/excel-sim";
import { attachCalculation } from "../../src/workbench/host/calc-host";
import { recalculateAllFormulas } from "../../src/taskpane/refresh/recalculate";

function setup(): { sim: ExcelSim; runs: () => Record<string, number> } {
  const runs: Record<string, number> = { PLAIN: 0, VOL: 0 };
  const registry = new Map<string, (...a: unknown[]) => unknown>([
    ["PLAIN", () => ++runs.PLAIN],
    ["VOL", () => ++runs.VOL],
  ]);
  const sim = createExcelSim();
  attachCalculation(
    sim.model,
    "T",
    [
      { id: "PLAIN", name: "PLAIN", parameters: [] },
      { id: "VOL", name: "VOL", parameters: [], options: { volatile: true } },
    ],
    registry
  );
  return { sim, runs: () => ({ ...runs }) };
}

async function write(sim: ExcelSim, sheet: string, address: string, formula: string) {
  await sim.Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
    await context.sync();
    const target = ws.isNullObject ? context.workbook.worksheets.add(sheet) : ws;
    target.getRange(address).formulas = [[formula]];
    await context.sync();
  });
}

async function calculate(sim: ExcelSim, act: (context: SimRequestContext) => void) {
  await sim.Excel.run(async (context) => {
    act(context);
    await context.sync();
  });
}

describe("calculation requests in the in-memory Excel", () => {
  let sim: ExcelSim;
  let runs: () => Record<string, number>;
  beforeEach(async () => {
    ({ sim, runs } = setup());
    // The sheet first: adding a sheet re-reads every formula (the sim's documented simplification).
    await sim.Excel.run(async (context) => {
      context.workbook.worksheets.add("Other");
      await context.sync();
    });
    await write(sim, "Sheet1", "A1", "=T.PLAIN()");
    await write(sim, "Sheet1", "B1", "=T.VOL()");
    await write(sim, "Sheet1", "C1", "=A1*10");
    await write(sim, "Other", "A1", "=T.PLAIN()");
    expect(runs()).toEqual({ PLAIN: 2, VOL: 1 });
  });

  it('"Recalculate" re-runs volatile functions only, never a non-volatile custom function', async () => {
    await calculate(sim, (c) => c.workbook.application.calculate("Recalculate"));
    expect(runs()).toEqual({ PLAIN: 2, VOL: 2 });
    expect(sim.api.getCell("Sheet1", "B1").value).toBe(2);
    expect(sim.api.getCell("Sheet1", "C1").value).toBe(10);
  });

  it('"Full" and "FullRebuild" re-run every formula of every sheet, dependents included', async () => {
    await calculate(sim, (c) => c.workbook.application.calculate("Full"));
    expect(runs()).toEqual({ PLAIN: 4, VOL: 2 });
    // A1 re-ran after Other!A1 or before it: either way C1 follows A1.
    expect(sim.api.getCell("Sheet1", "C1").value).toBe(
      (sim.api.getCell("Sheet1", "A1").value as number) * 10
    );
    await calculate(sim, (c) => c.workbook.application.calculate("FullRebuild"));
    expect(runs()).toEqual({ PLAIN: 6, VOL: 3 });
  });

  it("Worksheet.calculate(true) re-runs that sheet's formulas; calculate(false) its volatile ones", async () => {
    await calculate(sim, (c) => c.workbook.worksheets.getItem("Other").calculate(true));
    expect(runs()).toEqual({ PLAIN: 3, VOL: 1 });
    expect(sim.api.getCell("Other", "A1").value).toBe(3);
    await calculate(sim, (c) => c.workbook.worksheets.getItem("Sheet1").calculate(false));
    expect(runs()).toEqual({ PLAIN: 3, VOL: 2 });
  });

  it("rejects an unknown calculation type, as Excel does", async () => {
    await expect(
      calculate(sim, (c) => c.workbook.application.calculate("Sometimes" as never))
    ).rejects.toThrow(/calculation type/);
  });

  it("recalculateAllFormulas marks every sheet dirty on ExcelApi 1.6, else asks for a full calculation", async () => {
    const g = globalThis as Record<string, unknown>;
    const saved = g.Excel;
    g.Excel = sim.Excel;
    try {
      const asked: string[] = [];
      const withSets = await recalculateAllFormulas({
        isSetSupported: (name, version) => {
          asked.push(`${name} ${version}`);
          return name === "ExcelApi" && Number(version) <= 1.6;
        },
      });
      expect(withSets).toBe("worksheets-mark-all-dirty");
      expect(asked).toEqual(["ExcelApi 1.6"]);
      expect(runs()).toEqual({ PLAIN: 4, VOL: 2 });
      const without = await recalculateAllFormulas({ isSetSupported: () => false });
      expect(without).toBe("application-full");
      expect(runs()).toEqual({ PLAIN: 6, VOL: 3 });
    } finally {
      g.Excel = saved;
    }
  });
});
