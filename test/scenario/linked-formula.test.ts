/**
 * The promise, end to end in jest: a formula linked to CNTECH_SCENARIO recalculates when the
 * Scenario tab's workbook module writes new levels. Real functions bundle (dist/functions.js), the
 * workbench's calculation chain over the in-memory Excel, and the pane's own writer.
 */
import { installExcelSim } from "../../src/workbench/excel-sim";
import { attachCalculation } from "../../src/workbench/host/calc-host";
import type { FunctionMetadata } from "../../src/workbench/calc/custom-function-adapter";
import { loadFunctionsBundle } from "../support/functions-bundle";
import { writeScenarioLevels } from "../../src/taskpane/scenario/scenario-workbook";
import { neutralScenario } from "../../src/core/scenario";

test("=CNTECH.SCENARIO.SPREAD(..., CNTECH_SCENARIO) follows the pane's writes, pane closed or open", async () => {
  const bundle = loadFunctionsBundle();
  const sim = installExcelSim(globalThis as unknown as Record<string, unknown>);
  const calc = attachCalculation(
    sim.model,
    "CNTECH",
    bundle.metadata.functions as unknown as FunctionMetadata[],
    bundle.shim.registry as never
  );
  // The pane creates the named block; a model sheet links to it.
  await writeScenarioLevels(neutralScenario());
  // A hand-made exposures table so the expected spread is worked out here: A −0.05/level of
  // TARIFFS, benchmark −0.03 → spread = −0.02 × TARIFFS.
  for (const [addr, v] of [
    ["D1", "Symbol"],
    ["E1", "TARIFFS"],
    ["D2", "AAA"],
    ["E2", -0.05],
    ["D3", "^XNDX"],
    ["E3", -0.03],
  ] as const)
    sim.api.setCell("Sheet1", addr, v);
  await calc.enter("Sheet1", 0, 0, '=CNTECH.SCENARIO.SPREAD("AAA", CNTECH_SCENARIO, , D1:E3)');
  await calc.engine.whenIdle();
  expect(sim.api.getCell("Sheet1", "A1").value).toBe(0);

  await writeScenarioLevels({ ...neutralScenario(), TARIFFS: 2.5 });
  await calc.engine.whenIdle();
  expect(sim.api.getCell("Sheet1", "A1").value).toBeCloseTo(-0.05, 12); // −0.02 × 2.5

  // With the pane closed, the user edits the level in the sheet: the formula follows too.
  sim.api.setCell("Scenario", "B3", -1);
  await calc.engine.whenIdle();
  expect(sim.api.getCell("Sheet1", "A1").value).toBeCloseTo(0.02, 12);
});
