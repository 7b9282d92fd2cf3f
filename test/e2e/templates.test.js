/**
 * Templates from the pane, as a user inserts them: the self-test sheet computes PASS on every row
 * in the workbench (Excel's formulas decide), the sample model and an event study insert beside the
 * workbook's own sheets without overwriting them, and the self-test's source row follows a source
 * change (formulas recalculated on the new source).
 */
const fs = require("fs");
const path = require("path");
const { describe, it, before, after } = require("node:test");
const assert = require("node:assert/strict");
const { openSession, eventually, idle, goTo } = require("./support/session");

const SELFTEST = "CNTech Self-test";
const SHOTS = path.resolve(__dirname, "..", "..", "test-results");

describe("templates and the self-test", () => {
  let s;
  let pane;
  const values = (sheet, address) =>
    s.page.evaluate(
      async ([sh, a]) => (await window.cntechWorkbench).sim.api.getValues(sh, a),
      [sheet, address]
    );
  const sheets = () =>
    s.page.evaluate(async () => (await window.cntechWorkbench).sim.api.listSheets());
  const statusColumn = async () => (await values(SELFTEST, "D5:D14")).map((r) => r[0]);

  before(async () => {
    s = await openSession();
    pane = s.page.getByRole("complementary", { name: "CNTech task pane" });
    fs.mkdirSync(SHOTS, { recursive: true });
  });
  after(async () => {
    if (s) await s.close();
  });

  it("inserts the self-test, and Excel's own formulas say PASS on every row", async () => {
    await pane.getByRole("tab", { name: "Templates" }).click();
    await pane.getByRole("button", { name: "Insert self-test" }).click();
    await eventually(
      async () => (await sheets()).includes(SELFTEST),
      (v) => v,
      { what: "self-test sheet" }
    );
    await idle(s.page);
    const status = await eventually(statusColumn, (v) => v.every((x) => x === "PASS"), {
      what: "every self-test row PASS",
      timeout: 60000,
    });
    assert.equal(status.length, 10);
    assert.equal((await values(SELFTEST, "A3"))[0][0], "10 of 10 checks pass");
    await goTo(s.page, `${SELFTEST}!A1`);
    await s.page.screenshot({ path: path.join(SHOTS, "self-test.png") });
  });

  it("inserts the sample model beside the workbook's own Model sheet, never over it", async () => {
    const before = await sheets();
    assert.ok(before.includes("Model"));
    await pane.getByRole("button", { name: "Insert sample model" }).click();
    // The workbook already has Model, History…: the pane asks; Insert a copy writes new sheets.
    await pane.getByRole("button", { name: "Insert a copy" }).click();
    const after = await eventually(sheets, (v) => v.includes("Model (2)"), {
      what: "Model (2)",
    });
    assert.ok(after.includes("History (2)"));
    await idle(s.page);
    const model = await values("Model (2)", "A1:D30");
    const errors = model.flat().filter((v) => typeof v === "string" && /^#[A-Z/0!?]+/.test(v));
    assert.deepEqual(errors, ["#N/A"], "only the labelled example is an error");
    assert.match(String(model[1][0]), /Demo data \(synthetic\)/);
    await goTo(s.page, "'Model (2)'!A1");
    await s.page.screenshot({ path: path.join(SHOTS, "sample-model.png") });
  });

  it("inserts an event study for a historical preset: real spread beside the model's", async () => {
    await pane.getByLabel("Historical scenario").selectOption("DEEPSEEK_2025");
    await pane.getByRole("button", { name: "Insert event study" }).click();
    const name = await eventually(
      async () => (await sheets()).find((n) => n.startsWith("Event ")),
      (v) => Boolean(v),
      { what: "event sheet" }
    );
    await idle(s.page);
    const rows = await values(name, "C10:G12");
    for (const row of rows) {
      row.forEach((v) => assert.equal(typeof v, "number", `event row ${JSON.stringify(row)}`));
      // Hand rule: spread = basket − benchmark; miss = model − real.
      assert.ok(Math.abs(row[2] - (row[0] - row[1])) < 1e-12);
      assert.ok(Math.abs(row[4] - (row[3] - row[2])) < 1e-12);
    }
  });

  it("after a source change the self-test's source row still passes (formulas recalculated); demo values then fail", async () => {
    await pane.getByRole("tab", { name: "Settings" }).click();
    await pane.getByLabel("Data provider").selectOption("csv");
    const csv = ["Date,Close", "2025-06-27,40.00", "2025-06-30,41.00"].join("\n");
    await pane.getByLabel("CSV files").setInputFiles({
      name: "0700.HK.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(csv),
    });
    await pane.getByRole("button", { name: "Save settings" }).click();
    await idle(s.page);
    const source = await eventually(
      () => values(SELFTEST, "B14:D14"),
      (v) => /0700\.HK\.csv/.test(String(v[0][0])),
      { what: "SOURCE on the file" }
    );
    assert.equal(source[0][1], source[0][0], "the applied source was noted");
    assert.equal(source[0][2], "PASS");
    const status = await statusColumn();
    assert.equal(status[0], "FAIL", "the demo close is not the file's close");
  });
});
