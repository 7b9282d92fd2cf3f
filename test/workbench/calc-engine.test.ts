/**
 * The workbench calculation chain over the excel-sim workbook: custom functions called the way
 * Excel calls them, selective recalculation (including after Excel.run writes from the pane),
 * spills, errors with messages, cycles, streaming. Expected values are worked by hand.
 */
import { createExcelSim, ExcelSim } from "../../src/workbench/excel-sim";
import { attachCalculation, CalcHost } from "../../src/workbench/host/calc-host";
import type { FunctionMetadata } from "../../src/workbench/calc/custom-function-adapter";
import { ShimCustomFunctionError } from "../../src/shim/custom-functions-host";

type Fn = (...args: any[]) => unknown;

function setup(extra: Record<string, Fn> = {}): {
  sim: ExcelSim;
  calc: CalcHost;
  calls: unknown[][];
  cancelled: string[];
  streams: Array<{ setResult(v: unknown): void }>;
} {
  const calls: unknown[][] = [];
  const cancelled: string[] = [];
  const streams: Array<{ setResult(v: unknown): void }> = [];
  const registry = new Map<string, Fn>(
    Object.entries({
      ADD: (a: number, b: number | null) => a + (b ?? 100),
      ARGS: (...args: unknown[]) => {
        calls.push(args);
        return 1;
      },
      SEQ: (n: number) => Array.from({ length: n }, (_, i) => [i + 1, (i + 1) * 10]),
      FAIL: (symbol: string) => {
        throw new ShimCustomFunctionError("#N/A", `Unknown symbol ${symbol}`);
      },
      TICK: (
        label: string,
        invocation: { setResult(v: unknown): void; onCanceled?: () => void; address: string }
      ) => {
        streams.push(invocation);
        invocation.onCanceled = () => cancelled.push(`${label}@${invocation.address}`);
      },
      ...extra,
    })
  );
  const metadata: FunctionMetadata[] = [
    {
      id: "ADD",
      name: "ADD",
      parameters: [
        { name: "a", type: "number" },
        { name: "b", type: "number", optional: true },
      ],
    },
    {
      id: "ARGS",
      name: "ARGS",
      parameters: [
        { name: "range", dimensionality: "matrix" },
        { name: "n", type: "number" },
        { name: "opt", optional: true },
      ],
      options: { cancelable: true },
    },
    {
      id: "SEQ",
      name: "SEQ",
      parameters: [{ name: "n", type: "number" }],
      result: { dimensionality: "matrix" },
    },
    { id: "FAIL", name: "FAIL", parameters: [{ name: "symbol", type: "string" }] },
    {
      id: "TICK",
      name: "TICK",
      parameters: [{ name: "label", type: "string" }],
      options: { stream: true },
    },
    ...Object.keys(extra).map((id) => ({ id, name: id, parameters: [{ name: "x" }] })),
  ];
  const sim = createExcelSim();
  const calc = attachCalculation(sim.model, "T", metadata, registry);
  return { sim, calc, calls, cancelled, streams };
}

async function enter(calc: CalcHost, address: string, input: string): Promise<void> {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  const column = m[1].split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  await calc.enter("Sheet1", Number(m[2]) - 1, column, input);
}

const value = (sim: ExcelSim, address: string): unknown => sim.api.getCell("Sheet1", address).value;

describe("workbench calculation engine", () => {
  it("evaluates custom functions by namespace, with omitted optional arguments as null", async () => {
    const { sim, calc } = setup();
    await enter(calc, "A1", "2");
    await enter(calc, "B1", "=T.ADD(A1,3)");
    await enter(calc, "C1", "=T.ADD(A1)");
    await enter(calc, "D1", "=T.ADD(A1,3)*10+SUM(1,2)");
    expect(value(sim, "B1")).toBe(5);
    expect(value(sim, "C1")).toBe(102);
    expect(value(sim, "D1")).toBe(53);
  });

  it("passes ranges as 2-D arrays (blank cells as empty strings) and an invocation last", async () => {
    const { calc, calls } = setup();
    await enter(calc, "A1", "x");
    await enter(calc, "A2", "5");
    await enter(calc, "C1", '=T.ARGS(A1:B2,"7")');
    expect(calls).toHaveLength(1);
    const [range, n, opt, invocation] = calls[0];
    expect(range).toEqual([
      ["x", ""],
      [5, ""],
    ]);
    expect(n).toBe(7);
    expect(opt).toBeNull();
    expect(invocation).toMatchObject({ address: "Sheet1!C1" });
  });

  it("recalculates only the formulas downstream of a change", async () => {
    const { sim, calc } = setup();
    await enter(calc, "A1", "1");
    await enter(calc, "B1", "=A1*2");
    await enter(calc, "C1", "=T.ADD(B1,1)");
    await enter(calc, "D1", "=SUM(5,5)");
    const before = calc.engine.evaluations;
    await enter(calc, "A1", "10");
    expect(value(sim, "C1")).toBe(21);
    expect(calc.engine.evaluations - before).toBe(2); // B1 and C1, not D1
  });

  it("recalculates formulas on a named range when the pane writes it through Excel.run", async () => {
    const { sim, calc } = setup();
    sim.api.addSheet("Scenario");
    sim.api.setCell("Scenario", "B2", 1);
    sim.api.defineName("LEVELS", "Scenario", "B2:B3");
    await enter(calc, "A1", "=SUM(LEVELS)*100");
    await calc.engine.whenIdle();
    expect(value(sim, "A1")).toBe(100);
    const seen = await sim.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Scenario");
      ws.getRange("B3").values = [[2.5]];
      const dependent = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      dependent.load("values");
      await context.sync();
      return dependent.values[0][0];
    });
    expect(seen).toBe(350); // the load after the write already sees the recalculated value
    expect(value(sim, "A1")).toBe(350);
  });

  it("re-resolves formulas when a name they use is defined later", async () => {
    const { sim, calc } = setup();
    await enter(calc, "A1", "=LATER*2");
    expect(value(sim, "A1")).toBe("#NAME?");
    await sim.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("C1").values = [[21]];
      context.workbook.names.add(
        "LATER",
        context.workbook.worksheets.getItem("Sheet1").getRange("C1")
      );
      await context.sync();
    });
    await calc.engine.whenIdle();
    expect(value(sim, "A1")).toBe(42);
  });

  it("spills arrays, reports #SPILL! with the blocking cell, and spills again when unblocked", async () => {
    const { sim, calc } = setup();
    await enter(calc, "A1", "=T.SEQ(3)");
    expect(sim.api.getValues("Sheet1", "A1:B3")).toEqual([
      [1, 10],
      [2, 20],
      [3, 30],
    ]);
    await enter(calc, "D1", "=SUM(B1:B3)");
    expect(value(sim, "D1")).toBe(60);
    await enter(calc, "B2", "block");
    expect(value(sim, "A1")).toBe("#SPILL!");
    expect(calc.messageAt("Sheet1", 0, 0)).toMatch(/B2/);
    expect(value(sim, "A3")).toBe(""); // the rest of the spill is cleared
    expect(value(sim, "D1")).toBe(0);
    await enter(calc, "B2", "");
    expect(value(sim, "A1")).toBe(1);
    expect(value(sim, "D1")).toBe(60);
    await enter(calc, "A1", "=T.SEQ(2)"); // shrinking clears the third row
    expect(sim.api.getValues("Sheet1", "A3:B3")).toEqual([["", ""]]);
    expect(value(sim, "D1")).toBe(30);
  });

  it("keeps spills when a new sheet or name makes everything recalculate", async () => {
    const { sim, calc } = setup();
    await enter(calc, "A1", "=T.SEQ(3)");
    await sim.Excel.run(async (context) => {
      context.workbook.worksheets.add("Imported");
      await context.sync();
    });
    await calc.engine.whenIdle();
    expect(value(sim, "A1")).toBe(1);
    expect(sim.api.getValues("Sheet1", "A3:B3")).toEqual([[3, 30]]);
  });

  it("keeps a spill whose sheet is renamed", async () => {
    const { sim, calc } = setup();
    await enter(calc, "A1", "=T.SEQ(3)");
    await sim.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").name = "Renamed";
      await context.sync();
    });
    sim.api.setCell("Renamed", "J10", "x"); // the next change re-reads formulas under the new name
    await calc.engine.whenIdle();
    expect(sim.api.getCell("Renamed", "A1").value).toBe(1);
    expect(sim.api.getValues("Renamed", "A1:B3")).toEqual([
      [1, 10],
      [2, 20],
      [3, 30],
    ]);
  });

  it("follows a renamed sheet: formulas elsewhere are rewritten and still recalculate", async () => {
    const { sim, calc } = setup();
    await enter(calc, "A1", "5");
    await sim.Excel.run(async (context) => {
      context.workbook.worksheets.add("Report").getRange("A1").formulas = [["=T.ADD(Sheet1!A1,1)"]];
      await context.sync();
      context.workbook.worksheets.getItem("Sheet1").name = "Prices (incomplete)";
      await context.sync();
    });
    await calc.engine.whenIdle();
    expect(sim.api.getCell("Report", "A1")).toMatchObject({
      formula: "=T.ADD('Prices (incomplete)'!A1,1)",
      value: 6,
    });
    await calc.enter("Prices (incomplete)", 0, 0, "41");
    expect(sim.api.getCell("Report", "A1").value).toBe(42);
  });

  it("shows thrown CustomFunctions.Error as the error value, keeps its message, and propagates it", async () => {
    const { sim, calc } = setup();
    await enter(calc, "A1", '=T.FAIL("XYZ")');
    await enter(calc, "B1", "=A1+1");
    await enter(calc, "C1", '=IFERROR(A1,"fallback")');
    expect(value(sim, "A1")).toBe("#N/A");
    expect(calc.messageAt("Sheet1", 0, 0)).toBe("Unknown symbol XYZ");
    expect(value(sim, "B1")).toBe("#N/A");
    expect(value(sim, "C1")).toBe("fallback");
  });

  it("returns an argument's error without calling the function, as Excel does", async () => {
    const { sim, calc, calls } = setup();
    await enter(calc, "A1", '=T.FAIL("XYZ")');
    await enter(calc, "B1", "=T.ADD(A1,1)");
    await enter(calc, "C1", "=T.ARGS(A1:A2,1)");
    expect(value(sim, "B1")).toBe("#N/A");
    expect(calc.messageAt("Sheet1", 0, 1)).toBe("Unknown symbol XYZ");
    expect(value(sim, "C1")).toBe("#N/A");
    expect(calls).toHaveLength(0);
  });

  it("evaluates independent formulas concurrently, like Excel's async custom functions", async () => {
    const started: string[] = [];
    const release: Array<() => void> = [];
    const { sim, calc } = setup({
      SLOW: (x: string) =>
        new Promise((resolve) => {
          started.push(x);
          release.push(() => resolve(`done ${x}`));
        }),
    });
    const run = sim.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:B1").formulas = [['=T.SLOW("a")', '=T.SLOW("b")']];
      ws.getRange("C1").formulas = [['=A1&"+"&B1']];
      await context.sync();
    });
    for (let i = 0; i < 50 && started.length < 2; i++) await new Promise((r) => setTimeout(r, 5));
    expect(started.sort()).toEqual(["a", "b"]); // both running before either finished
    // As in Excel, the batch does not wait for them: the cells read back #BUSY!, and so does C1.
    await run;
    expect([value(sim, "A1"), value(sim, "B1"), value(sim, "C1")]).toEqual([
      "#BUSY!",
      "#BUSY!",
      "#BUSY!",
    ]);
    release.forEach((r) => r());
    await calc.engine.whenIdle();
    expect(value(sim, "C1")).toBe("done a+done b");
  });

  it("flags a circular reference instead of looping", async () => {
    const { sim, calc } = setup();
    await enter(calc, "A1", "=B1+1");
    await enter(calc, "B1", "=A1+1");
    expect(value(sim, "A1")).toBe("#CALC!");
    expect(calc.messageAt("Sheet1", 0, 1)).toMatch(/Circular/);
  });

  it("shows #NAME? for unknown functions and a parse message for broken formulas", async () => {
    const { sim, calc } = setup();
    await enter(calc, "A1", "=T.NOPE(1)");
    await enter(calc, "A2", "=1+");
    expect(value(sim, "A1")).toBe("#NAME?");
    expect(calc.messageAt("Sheet1", 0, 0)).toMatch(/Unknown function T\.NOPE/);
    expect(value(sim, "A2")).toBe("#NAME?");
    expect(calc.messageAt("Sheet1", 1, 0)).toMatch(/cannot be parsed/);
  });

  it("streams: shows #BUSY! until the first value, updates dependents, cancels when cleared", async () => {
    const { sim, calc, streams, cancelled } = setup();
    await enter(calc, "A1", '=T.TICK("q")');
    await enter(calc, "B1", "=A1*2");
    expect(value(sim, "A1")).toBe("#BUSY!");
    streams[0].setResult(21);
    await new Promise((r) => setTimeout(r, 0));
    await calc.engine.whenIdle();
    expect(value(sim, "A1")).toBe(21);
    expect(value(sim, "B1")).toBe(42);
    expect(streams).toHaveLength(1); // re-evaluation reads the stream, it does not restart it
    await enter(calc, "A1", "");
    expect(cancelled).toEqual(["q@Sheet1!A1"]);
    expect(calc.streams.size).toBe(0);
  });
});
