/**
 * The Scenario tab's workbook writing, against the in-memory Excel (src/workbench/excel-sim) that
 * implements the same Excel.run API the pane uses in Excel.
 */
import { installExcelSim, ExcelSim } from "../../src/workbench/excel-sim";
import {
  readExposureOverride,
  readScenarioLevels,
  writeExposureTemplate,
  writeScenarioLevels,
} from "../../src/taskpane/scenario/scenario-workbook";
import { FACTOR_IDS, neutralScenario } from "../../src/core/scenario";

let sim: ExcelSim;
beforeEach(() => {
  sim = installExcelSim(globalThis as unknown as Record<string, unknown>);
});

const levels = { ...neutralScenario(), TARIFFS: 2.5, TAIWAN: -1 };

describe("CNTECH_SCENARIO in a fresh workbook", () => {
  test("creates a visible Scenario sheet, a header and the two-column named block", async () => {
    const res = await writeScenarioLevels(levels);
    expect(res).toEqual({ address: "Scenario!A2:B8", created: true, missing: [] });
    expect(sim.api.listSheets()).toContain("Scenario");
    expect(sim.api.resolveName("CNTECH_SCENARIO")).toEqual({ sheet: "Scenario", address: "A2:B8" });
    const values = sim.api.getValues("Scenario", "A2:B8");
    expect(values.map((r) => r[0])).toEqual([...FACTOR_IDS]);
    expect(values.find((r) => r[0] === "TARIFFS")![1]).toBe(2.5);
    expect(values.find((r) => r[0] === "TAIWAN")![1]).toBe(-1);
    expect(values.find((r) => r[0] === "CNY")![1]).toBe(0);
    expect(sim.api.getCell("Scenario", "A1").value).toBe("Factor");
    expect(String(sim.api.getCell("Scenario", "C3").value)).toMatch(
      /^Tariffs \/ trade escalation: /
    );
  });

  test("a second write updates in place: same name, same address, new values", async () => {
    await writeScenarioLevels(levels);
    const res = await writeScenarioLevels({ ...levels, TARIFFS: -3 });
    expect(res.created).toBe(false);
    expect(res.address).toMatch(/Scenario!\$?A\$?2:\$?B\$?8/);
    expect(
      sim.api.listNames().filter((n) => n.name.toUpperCase() === "CNTECH_SCENARIO")
    ).toHaveLength(1);
    expect(sim.api.getValues("Scenario", "B3")[0][0]).toBe(-3);
    expect(String(sim.api.getCell("Scenario", "C3").value)).toContain("broad trade deal");
  });

  test("reads back what it wrote (the workbook is the source of truth)", async () => {
    await writeScenarioLevels(levels);
    sim.api.setCell("Scenario", "B4", 1.5); // a user edits TAIWAN in the sheet
    const read = await readScenarioLevels();
    expect(read!.TAIWAN).toBe(1.5);
    expect(read!.TARIFFS).toBe(2.5);
  });

  test("no named range yet → undefined; a bad level typed in the sheet → the parse error", async () => {
    expect(await readScenarioLevels()).toBeUndefined();
    await writeScenarioLevels(levels);
    sim.api.setCell("Scenario", "B3", 9);
    await expect(readScenarioLevels()).rejects.toThrow(/TARIFFS: level 9 is outside/);
  });
});

describe("never clobbers other content", () => {
  test("an existing Scenario sheet with the user's notes: the block goes right of the used range", async () => {
    sim.api.addSheet("Scenario");
    sim.api.setCell("Scenario", "A1", "my notes");
    sim.api.setCell("Scenario", "C4", 42);
    const res = await writeScenarioLevels(levels);
    expect(res.address).toBe("Scenario!E2:F8");
    expect(sim.api.getCell("Scenario", "A1").value).toBe("my notes");
    expect(sim.api.getCell("Scenario", "C4").value).toBe(42);
    expect(sim.api.getValues("Scenario", "E3:F3")).toEqual([["TARIFFS", 2.5]]);
  });

  test("a user-made CNTECH_SCENARIO elsewhere: matching rows updated, others untouched, missing reported", async () => {
    sim.api.setCell("Sheet1", "D10", "Taiwan Strait tension");
    sim.api.setCell("Sheet1", "E10", 0);
    sim.api.setCell("Sheet1", "D11", "tariffs");
    sim.api.setCell("Sheet1", "E11", 0);
    sim.api.setCell("Sheet1", "F10", "my comment");
    sim.api.defineName("CNTECH_SCENARIO", "Sheet1", "D10:E11");
    const res = await writeScenarioLevels(levels);
    expect(res.created).toBe(false);
    expect(res.missing).toEqual(FACTOR_IDS.filter((id) => id !== "TARIFFS" && id !== "TAIWAN"));
    expect(sim.api.getValues("Sheet1", "D10:E11")).toEqual([
      ["Taiwan Strait tension", -1],
      ["tariffs", 2.5],
    ]);
    expect(sim.api.getCell("Sheet1", "F10").value).toBe("my comment"); // not a caption: left alone
    expect(sim.api.listSheets()).not.toContain("Scenario");
  });
});

describe("CNTECH_EXPOSURES", () => {
  test("writes a default table once, reads it back as the override; an existing table is kept", async () => {
    await writeScenarioLevels(levels);
    const exposure = { ...neutralScenario(), TARIFFS: -0.05 };
    const first = await writeExposureTemplate([{ symbol: "0700.HK", exposure }]);
    expect(first.created).toBe(true);
    expect(first.address).toBe("Scenario!E1:L2"); // right of the scenario block (A:C) and a blank column
    sim.api.setCell("Scenario", "F2", -0.02); // the user edits EXPORT_CONTROLS
    const table = await readExposureOverride();
    expect(table!.get("0700.HK")!.EXPORT_CONTROLS).toBe(-0.02);
    expect(table!.get("0700.HK")!.TARIFFS).toBe(-0.05);
    const again = await writeExposureTemplate([{ symbol: "9988.HK", exposure }]);
    expect(again.created).toBe(false);
    expect(sim.api.getCell("Scenario", "F2").value).toBe(-0.02);
  });
});
