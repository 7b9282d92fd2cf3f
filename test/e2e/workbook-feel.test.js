/**
 * The workbench behaves like Excel where a newcomer expects it to: many sheets keep the pane in
 * view, sheet tabs rename and delete from their context menu, typed percentages are numbers a
 * basket range can use, and an import repaints its progress while it writes.
 */
const { describe, it, before, after } = require("node:test");
const assert = require("node:assert/strict");
const { openSession, eventually, typeInto, idle } = require("./support/session");

describe("workbench sheets and typed entries", () => {
  let s;
  before(async () => {
    s = await openSession();
  });
  after(async () => {
    if (s) await s.close();
  });

  const tabs = () => s.page.getByRole("navigation", { name: "Sheet tabs" });
  const cell = (sheet, address) =>
    s.page.evaluate(
      async ([sh, a]) => (await window.cntechWorkbench).sim.api.getCell(sh, a),
      [sheet, address]
    );

  it("keeps the task pane fully in the window with 25 sheets", async () => {
    const layout = await s.page.evaluate(async () => {
      const wb = await window.cntechWorkbench;
      for (let i = wb.sim.api.listSheets().length + 1; i <= 25; i++)
        wb.sim.api.addSheet(`Extra ${i}`);
      await new Promise((r) => setTimeout(r, 100));
      const pane = document.querySelector(".wb-pane").getBoundingClientRect();
      const strip = document.getElementById("wb-tabs");
      return {
        sheets: wb.sim.api.listSheets().length,
        pane: { left: pane.left, right: pane.right },
        width: window.innerWidth,
        pageWidth: document.documentElement.scrollWidth,
        stripScrolls: strip.scrollWidth > strip.clientWidth,
      };
    });
    assert.equal(layout.sheets, 25);
    assert.ok(layout.pane.right <= layout.width, JSON.stringify(layout));
    assert.ok(layout.pane.left >= layout.width - 500, JSON.stringify(layout));
    assert.equal(layout.pageWidth, layout.width);
    assert.ok(layout.stripScrolls, "the tab strip scrolls instead of widening the page");
  });

  it("renames a sheet from its tab's context menu, and formulas follow", async () => {
    await typeInto(s.page, "H1", "=History!A1");
    await tabs().getByRole("button", { name: "History" }).click({ button: "right" });
    await s.page.getByRole("menuitem", { name: "Rename" }).click();
    const input = s.page.getByRole("textbox", { name: "Sheet name" });
    await input.fill("Weekly closes");
    await input.press("Enter");
    await eventually(
      async () => (await tabs().getByRole("button").allTextContents()).join("|"),
      (t) => t.includes("Weekly closes") && !t.includes("History"),
      { what: "renamed tab" }
    );
    await idle(s.page);
    assert.equal((await cell("Model", "H1")).formula, "='Weekly closes'!A1");
  });

  it("deletes a sheet only after confirmation; references to it become #REF!", async () => {
    const openDelete = async () => {
      await tabs().getByRole("button", { name: "Weekly closes" }).click({ button: "right" });
      await s.page.getByRole("menuitem", { name: "Delete" }).click();
      return s.page.getByRole("dialog", { name: "Delete sheet" });
    };
    let dialog = await openDelete();
    await dialog.getByRole("button", { name: "Cancel" }).click();
    assert.ok(
      (
        await s.page.evaluate(async () => (await window.cntechWorkbench).sim.api.listSheets())
      ).includes("Weekly closes")
    );
    dialog = await openDelete();
    await dialog.getByRole("button", { name: "Delete" }).click();
    await eventually(
      async () => (await tabs().getByRole("button").allTextContents()).join("|"),
      (t) => !t.includes("Weekly closes"),
      { what: "tab gone" }
    );
    await idle(s.page);
    assert.deepEqual(await cell("Model", "H1"), {
      value: "#REF!",
      formula: "=#REF!A1",
      numberFormat: "General",
      text: "#REF!",
    });
  });

  it("stores typed percentages as numbers, so a basket range with 60% / 40% weights computes", async () => {
    await tabs().getByRole("button", { name: "Model", exact: true }).click();
    await typeInto(s.page, "J2", "0700.HK");
    await typeInto(s.page, "K2", "60%");
    await typeInto(s.page, "J3", "NVDA");
    await typeInto(s.page, "K3", "40%");
    await typeInto(s.page, "L2", "=CNTECH.RETURN(J2:K3,$B$5,$B$6)");
    // The same basket by hand: buy-and-hold from the start weights is the weighted sum of returns.
    await typeInto(
      s.page,
      "L3",
      '=0.6*CNTECH.RETURN("0700.HK",$B$5,$B$6)+0.4*CNTECH.RETURN("NVDA",$B$5,$B$6)'
    );
    const k2 = await cell("Model", "K2");
    assert.deepEqual([k2.value, k2.numberFormat, k2.text], [0.6, "0%", "60%"]);
    const shown = await s.page.locator('.wb-viewport [data-cell="K2"]').textContent();
    assert.equal(shown.trim(), "60%");
    const basket = await eventually(
      () => cell("Model", "L2"),
      (c) => typeof c.value === "number",
      { what: "basket return" }
    );
    const byHand = await cell("Model", "L3");
    assert.equal(typeof byHand.value, "number");
    assert.ok(Math.abs(basket.value - byHand.value) < 1e-9, `${basket.value} vs ${byHand.value}`);
  });
});

describe("import progress", () => {
  let s;
  before(async () => {
    s = await openSession();
  });
  after(async () => {
    if (s) await s.close();
  });

  it("is painted while a multi-chunk import writes (the writer yields between chunks)", async () => {
    const pane = s.page.getByRole("complementary", { name: "CNTech task pane" });
    await pane.getByRole("combobox", { name: "Date range" }).selectOption("custom");
    await pane.getByRole("textbox", { name: "Start date" }).fill("2016-01-04");
    await pane.getByRole("textbox", { name: "End date" }).fill("2025-06-30");
    // Before each paint, note what the progress bar says (if it is there at all).
    await s.page.evaluate(() => {
      const seen = [];
      window.__progressSeen = seen;
      const frame = () => {
        const bar = document.querySelector('[aria-label="Import progress"]');
        if (bar) {
          // Visible: inside the pane's scrolled viewport, not below its fold.
          const r = bar.getBoundingClientRect();
          const view = document.querySelector(".wb-pane-body").getBoundingClientRect();
          const inView = r.top >= view.top && r.bottom <= view.bottom;
          seen.push(`${inView ? "in view" : "hidden"}: ${bar.closest(".fui-Field")?.textContent}`);
        }
        if (!window.__stopFrames) requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    await pane.getByRole("button", { name: "Import", exact: true }).click();
    const result = pane.getByRole("status", { name: "Import result" });
    await eventually(
      () => result.textContent(),
      (t) => /Imported|failed|cancelled/i.test(t),
      {
        timeout: 120000,
        what: "import outcome",
      }
    );
    assert.match(await result.textContent(), /Imported 30 constituents/);
    const seen = await s.page.evaluate(() => {
      window.__stopFrames = true;
      return window.__progressSeen;
    });
    const writing = new Set(seen.filter((t) => /^in view: Writing/.test(t)));
    assert.ok(seen.length >= 1, "the progress bar was painted at least once");
    assert.ok(
      writing.size >= 2,
      `progress painted in view between chunks: ${[...new Set(seen)].join(" / ")}`
    );
  });
});
