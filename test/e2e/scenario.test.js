/**
 * Scenario flow: moving a slider in the pane's Scenario tab writes the CNTECH_SCENARIO named range
 * on the Scenario sheet and, through it, recalculates the sample's =CNTECH.SCENARIO.RETURN formulas.
 * At neutral levels (Reset) the linear factor model gives exactly 0.
 */
const { describe, it, before, after } = require("node:test");
const assert = require("node:assert/strict");
const { openSession, cellText, eventually, shownNumber } = require("./support/session");

describe("workbench scenario tab", () => {
  let s;
  let pane;
  before(async () => {
    s = await openSession();
    pane = s.page.getByRole("complementary", { name: "CNTech task pane" });
    await pane.getByRole("tab", { name: "Scenario" }).click();
  });
  after(async () => {
    if (s) await s.close();
  });

  /** Where the sample's scenario return for HSTECH is, and the level cell of a factor. */
  async function locate() {
    return s.page.evaluate(async () => {
      const wb = await window.cntechWorkbench;
      const f = wb.sim.api.formulaCells().find((c) => /SCENARIO\.RETURN\(B\$9/.test(c.formula));
      const name = wb.sim.api.resolveName("CNTECH_SCENARIO");
      return { formula: f && f.address, name };
    });
  }

  async function scenarioValue(address) {
    return s.page.evaluate(
      async (a) => (await window.cntechWorkbench).sim.api.getCell("Model", a).value,
      address
    );
  }

  it("writes the slider's level into CNTECH_SCENARIO and recalculates the linked formula", async () => {
    const { formula, name } = await locate();
    assert.ok(formula, "the sample has a CNTECH.SCENARIO.RETURN formula");
    assert.ok(name, "CNTECH_SCENARIO is defined");
    const before = await scenarioValue(formula);
    const slider = pane.getByRole("slider", { name: /export controls/i });
    await slider.focus();
    await slider.press("Home"); // export controls to the minimum level (-3)
    const levelCell = `${name.address.split(":")[0]}`;
    await eventually(
      () =>
        s.page.evaluate(
          async ({ sheet, cell }) => {
            const wb = await window.cntechWorkbench;
            const values = wb.sim.api.getValues(sheet, cell.replace(/^([A-Z]+)(\d+)$/, "$1$2:B$2"));
            return values[0];
          },
          { sheet: name.sheet, cell: levelCell }
        ),
      (row) => row[0] === "EXPORT_CONTROLS" && row[row.length - 1] === -3,
      { what: "EXPORT_CONTROLS level in CNTECH_SCENARIO" }
    );
    const after = await eventually(
      () => scenarioValue(formula),
      (v) => v !== before,
      {
        what: `${formula} after moving the slider`,
      }
    );
    assert.equal(typeof after, "number");
    // The grid shows the new value too.
    await s.page
      .getByRole("navigation", { name: "Sheet tabs" })
      .getByRole("button", { name: "Model" })
      .click();
    assert.equal(shownNumber(await cellText(s.page, formula)).toFixed(4), after.toFixed(4));
  });

  it("Reset scenario sets every level to 0, where the linear model gives a return of exactly 0", async () => {
    const { formula } = await locate();
    await pane.getByRole("button", { name: "Reset scenario" }).click();
    await eventually(
      () => scenarioValue(formula),
      (v) => v === 0,
      { what: `${formula} after reset` }
    );
    const levels = await s.page.evaluate(async () => {
      const wb = await window.cntechWorkbench;
      const n = wb.sim.api.resolveName("CNTECH_SCENARIO");
      return wb.sim.api.getValues(n.sheet, n.address).map((r) => r[1]);
    });
    assert.ok(levels.length >= 7 && levels.every((v) => v === 0), JSON.stringify(levels));
  });
});
