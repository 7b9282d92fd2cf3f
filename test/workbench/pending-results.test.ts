/**
 * Pending results, as Microsoft documents them: a cell whose asynchronous function has not answered
 * shows #BUSY! and reads back as #BUSY! (the batch does not wait for it); formulas that read it are
 * pending too. The pane's reader polls, with a bound, until nothing is pending.
 */
import { createExcelSim, ExcelSim } from "../../src/workbench/excel-sim";
import { attachCalculation, CalcHost } from "../../src/workbench/host/calc-host";
import { readWhenSettled } from "../../src/taskpane/workbook/pending-values";

function setup() {
  const timers: Array<() => void> = [];
  const registry = new Map<string, (...a: unknown[]) => unknown>([
    // Answers when the test lets it (as a network call would).
    ["LATER", (x: unknown) => new Promise((resolve) => timers.push(() => resolve(Number(x) * 2)))],
    // Answers from memory, through promises only.
    ["NOW_", (x: unknown) => Promise.resolve(Number(x) + 1)],
  ]);
  const sim = createExcelSim();
  const calc: CalcHost = attachCalculation(
    sim.model,
    "T",
    [
      { id: "LATER", name: "LATER", parameters: [{ name: "x", type: "number" }] },
      { id: "NOW_", name: "NOW_", parameters: [{ name: "x", type: "number" }] },
    ],
    registry
  );
  return { sim, calc, release: () => timers.splice(0).forEach((t) => t()) };
}

async function writeThenRead(sim: ExcelSim, formulas: string[][]): Promise<unknown[][]> {
  return sim.Excel.run(async (context) => {
    const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:C1");
    range.formulas = formulas;
    range.load("values");
    await context.sync();
    return range.values;
  });
}

describe("pending results in the in-memory Excel", () => {
  it("reads #BUSY! for a function still waiting, and for formulas reading it", async () => {
    const { sim, calc, release } = setup();
    expect(await writeThenRead(sim, [["=T.LATER(21)", "=A1+1", "=1+1"]])).toEqual([
      ["#BUSY!", "#BUSY!", 2],
    ]);
    release();
    await calc.engine.whenIdle();
    expect(sim.api.getValues("Sheet1", "A1:C1")).toEqual([[42, 43, 2]]);
  });

  it("reads the value of a function that answers from memory within the batch", async () => {
    const { sim } = setup();
    expect(await writeThenRead(sim, [["=T.NOW_(1)", "=A1*10", ""]])).toEqual([[2, 20, ""]]);
  });

  it("readWhenSettled polls until nothing is pending", async () => {
    const { sim, release } = setup();
    let sleeps = 0;
    const result = await sim.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
      range.formulas = [["=T.LATER(5)", "=A1*3"]];
      await context.sync();
      return readWhenSettled(context, range, {
        pollMs: 1,
        sleep: async () => {
          if (++sleeps === 2) release();
          await new Promise((r) => setTimeout(r, 1));
        },
      });
    });
    expect(result).toEqual({ values: [[10, 30]], pending: 0 });
    expect(sleeps).toBeGreaterThanOrEqual(2);
  });

  it("readWhenSettled gives up after its bound and says how many cells are still pending", async () => {
    const { sim } = setup();
    const result = await sim.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
      range.formulas = [["=T.LATER(5)", "=A1*3"]];
      await context.sync();
      return readWhenSettled(context, range, { maxPolls: 3, sleep: async () => undefined });
    });
    expect(result).toEqual({ values: [["#BUSY!", "#BUSY!"]], pending: 2 });
  });
});
