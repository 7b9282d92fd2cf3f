/**
 * The CSV source chosen in Settings survives a reload of the page: the files are kept (with their
 * names and sizes) in the browser's storage and re-applied, so a formula typed after the reload
 * shows the file's price, not the demo's. When the files were not kept, the pane says plainly that
 * they must be chosen again and formulas show #N/A with that message - never the demo.
 */
const { describe, it, before, after } = require("node:test");
const assert = require("node:assert/strict");
const { openWorkbench } = require("../../scripts/workbench.js");
const { openSession, eventually, typeInto } = require("./support/session");

const CSV = ["Date,Close", "2024-06-27,123.00", "2024-06-28,123.45"].join("\n");
const FORMULA = '=CNTECH.PRICE("NVDA","2024-06-28")';

describe("CSV source across a reload", () => {
  let s;
  const pane = () => s.page.getByRole("complementary", { name: "CNTech task pane" });
  const firstSheet = () =>
    s.page.evaluate(async () => (await window.cntechWorkbench).sim.api.listSheets()[0]);
  const cell = (sheet, address) =>
    s.page.evaluate(
      async ([sh, a]) => {
        const wb = await window.cntechWorkbench;
        const { row, column } = { row: Number(a.slice(1)) - 1, column: a.charCodeAt(0) - 65 };
        return {
          value: wb.sim.api.getCell(sh, a).value,
          message: wb.calc.messageAt(sh, row, column),
        };
      },
      [sheet, address]
    );

  before(async () => {
    s = await openSession();
  });
  after(async () => {
    if (s) await s.close();
  });

  it("keeps the chosen files and uses them again after a reload", async () => {
    await pane().getByRole("tab", { name: "Settings" }).click();
    await pane().getByLabel("Data provider").selectOption("csv");
    await pane()
      .getByLabel("CSV files")
      .setInputFiles({
        name: "NVDA.csv",
        mimeType: "text/csv",
        buffer: Buffer.from(CSV),
      });
    await pane().getByRole("button", { name: "Save settings" }).click();
    await eventually(
      async () => (await pane().getByLabel("Settings message").textContent()) ?? "",
      (t) => /are kept for the next session/.test(t),
      { what: "save message" }
    );

    await openWorkbench(s.page, s.url);
    const sheet = await firstSheet();
    await typeInto(s.page, `${sheet}!P3`, FORMULA);
    await eventually(
      () => cell(sheet, "P3"),
      (c) => c.value === 123.45,
      { what: "price from the kept file after a reload" }
    );
    await pane().getByRole("tab", { name: "Settings" }).click();
    assert.equal(await pane().getByLabel("Data provider").inputValue(), "csv");
    // The kept files' hint is read from storage after the form appears.
    await eventually(
      async () => (await pane().textContent()) ?? "",
      (t) => /Kept from the last save: NVDA\.csv \(\d+ B\)/.test(t),
      { what: "kept-files hint" }
    );
  });

  it("says the files must be chosen again when they were not kept, and formulas are #N/A", async () => {
    // As after a save over the size limit: only names and sizes are in storage.
    await s.page.evaluate(() =>
      localStorage.setItem(
        "cntech:csvfiles:v1",
        JSON.stringify([{ name: "NVDA.csv", size: 3000000 }])
      )
    );
    await openWorkbench(s.page, s.url);
    const notice = pane().getByRole("alert", { name: "Data source notice" });
    await notice.waitFor();
    assert.match(
      await notice.textContent(),
      /NVDA\.csv\) were not kept .*choose them again in Settings/
    );
    const sheet = await firstSheet();
    await typeInto(s.page, `${sheet}!P3`, FORMULA);
    const shown = await eventually(
      () => cell(sheet, "P3"),
      (c) => c.value === "#N/A",
      { what: "#N/A after a reload without the files" }
    );
    assert.match(
      shown.message,
      /CSV files \(NVDA\.csv\): not loaded since the pane was reloaded; choose the files again in Settings/
    );
    assert.deepEqual(s.external, []);
  });
});
