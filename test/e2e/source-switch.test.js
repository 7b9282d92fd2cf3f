/**
 * Switching source and refreshing, as a user does it: formulas already in the workbook move to the
 * new source without being retyped (Settings -> Save), and "Refresh data" re-fetches when the
 * source's data changed. The refresh flow uses FMP through a proxy base URL typed in Settings; the
 * test itself answers that URL (page.route, inside the browser; nothing leaves the machine).
 */
const { describe, it, before, after } = require("node:test");
const assert = require("node:assert/strict");
const { openSession, eventually, typeInto, idle } = require("./support/session");

const PRICE_CELL = "P3";
const SOURCE_CELL = "P5"; // spills P5:V6; the source name is in Q6
const CSV = [
  "Date,Close",
  "2024-06-24,120.00",
  "2024-06-25,121.00",
  "2024-06-26,122.00",
  "2024-06-27,123.00",
  "2024-06-28,123.45",
].join("\n");

describe("switching source and refreshing", () => {
  let s;
  let pane;
  let sheet;
  const cell = (address) =>
    s.page.evaluate(
      async ([sh, a]) => (await window.cntechWorkbench).sim.api.getCell(sh, a).value,
      [sheet, address]
    );

  before(async () => {
    s = await openSession();
    pane = s.page.getByRole("complementary", { name: "CNTech task pane" });
    sheet = await s.page.evaluate(
      async () => (await window.cntechWorkbench).sim.api.listSheets()[0]
    );
    await typeInto(s.page, `${sheet}!${PRICE_CELL}`, '=CNTECH.PRICE("NVDA","2024-06-28")');
    await typeInto(s.page, `${sheet}!${SOURCE_CELL}`, '=CNTECH.SOURCE("NVDA")');
  });
  after(async () => {
    if (s) await s.close();
  });

  it("Demo -> CSV: the same formulas show the file's price and source, not retyped", async () => {
    const demoPrice = await eventually(
      () => cell(PRICE_CELL),
      (v) => typeof v === "number",
      {
        what: "demo price",
      }
    );
    assert.notEqual(demoPrice, 123.45);
    assert.equal(await cell("Q6"), "demo (synthetic)");

    await pane.getByRole("tab", { name: "Settings" }).click();
    await pane.getByLabel("Data provider").selectOption("csv");
    await pane.getByLabel("CSV files").setInputFiles({
      name: "NVDA.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(CSV),
    });
    await pane.getByRole("button", { name: "Save settings" }).click();
    await eventually(
      async () => (await pane.getByLabel("Settings message").textContent()) ?? "",
      (t) => /Saved\./.test(t) && /recalculating/.test(t),
      { what: "save message" }
    );
    await idle(s.page);
    await eventually(
      () => cell(PRICE_CELL),
      (v) => v === 123.45,
      { what: "price after switch" }
    );
    await eventually(
      () => cell("Q6"),
      (v) => /NVDA\.csv/.test(String(v)),
      {
        what: "SOURCE row after switch",
      }
    );
    assert.equal(await cell("S6"), false, "the file's data is not synthetic");
  });

  it("Refresh data fetches again when the source's data changed; a plain recalculation does not", async () => {
    let close = 200;
    const served = [];
    await s.page.route("https://prices.example.test/**", (route) => {
      const url = new URL(route.request().url());
      served.push(url.pathname);
      if (!url.pathname.includes("historical-price-eod"))
        return route.fulfill({ status: 404, body: "[]" });
      const rows = ["2024-06-28", "2024-06-27", "2024-06-26", "2024-06-25"].map((date, i) => ({
        symbol: "NVDA",
        date,
        open: close - i,
        high: close - i,
        low: close - i,
        close: close - i,
        adjClose: close - i,
        volume: 1000,
      }));
      return route.fulfill({
        status: 200,
        contentType: "application/json",
        headers: { "access-control-allow-origin": "*" },
        body: JSON.stringify(rows),
      });
    });
    await pane.getByLabel("Data provider").selectOption("fmp");
    // No key: the organisation's gateway (answered by this test) adds it.
    await pane.getByLabel("Proxy base URL").fill("https://prices.example.test/fmp");
    await pane.getByRole("button", { name: "Save settings" }).click();
    await eventually(
      () => cell(PRICE_CELL),
      (v) => v === 200,
      { what: "price from the provider" }
    );
    assert.equal(await cell("Q6"), "Financial Modeling Prep");

    close = 250;
    // F9 (Application.calculate "Recalculate") leaves a non-volatile custom function alone, as in Excel.
    await s.page.evaluate(() =>
      window.Excel.run(async (context) => {
        context.workbook.application.calculate("Recalculate");
        await context.sync();
      })
    );
    await idle(s.page);
    assert.equal(await cell(PRICE_CELL), 200);

    await pane.getByRole("button", { name: "Refresh data" }).click();
    await eventually(
      () => cell(PRICE_CELL),
      (v) => v === 250,
      { what: "price after Refresh" }
    );
    assert.ok(
      served.every((p) => p.startsWith("/fmp/stable/")),
      served.join(", ")
    );
    assert.deepEqual(s.external, [], "no request left the machine");
  });
});
