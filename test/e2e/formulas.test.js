/**
 * Formula flow: the sample model opens computed; a user types CNTECH and Excel formulas into the
 * grid and sees values; dependents recalculate; arrays spill and report #SPILL! when blocked.
 */
const { describe, it, before, after } = require("node:test");
const assert = require("node:assert/strict");
const {
  openSession,
  typeInto,
  cellText,
  eventually,
  shownNumber,
  goTo,
} = require("./support/session");

describe("workbench formulas", () => {
  let s;
  before(async () => {
    s = await openSession();
  });
  after(async () => {
    if (s) await s.close();
  });

  it("opens on the sample model, labelled synthetic, with no error cells but the labelled example", async () => {
    assert.match(await s.page.locator(".wb-badge").textContent(), /Demo data \(synthetic\)/);
    assert.match(await cellText(s.page, "A2"), /Demo data \(synthetic\)/);
    // Every cell of every sheet, spilled cells included.
    const errors = await s.page.evaluate(async () => {
      const wb = await window.cntechWorkbench;
      const found = [];
      for (const sheet of wb.sim.api.listSheets()) {
        const used = wb.sim.api.usedAddress(sheet);
        if (!used) continue;
        const [first] = used.split(":");
        const row0 = Number(/\d+/.exec(first)[0]);
        const col0 = /[A-Z]+/.exec(first)[0];
        wb.sim.api.getValues(sheet, used).forEach((row, r) =>
          row.forEach((v, c) => {
            if (typeof v === "string" && /^#[A-Z/0!?]+/.test(v) && v !== "#") {
              const col = String.fromCharCode(col0.charCodeAt(0) + c);
              found.push(`${sheet}!${col}${row0 + r} ${v}`);
            }
          })
        );
      }
      return { found, formulas: wb.sim.api.formulaCells().length };
    });
    const example = await s.page.evaluate(() => document.body.dataset.errorExample);
    assert.ok(errors.formulas >= 20, `sample has ${errors.formulas} formulas`);
    assert.deepEqual(errors.found, [`Model!${example} #N/A`]);
    const label = await cellText(s.page, `A${example.slice(1)}`);
    assert.match(label, /Deliberate error example/);
  });

  it("computes a typed CNTECH formula, matching the same return built from two CNTECH.PRICE calls", async () => {
    await typeInto(s.page, "F5", '=CNTECH.PRICE("0700.HK",B6)/CNTECH.PRICE("0700.HK",B5)-1');
    await typeInto(s.page, "F6", '=CNTECH.RETURN("0700.HK",B5,B6,"HKD","price")');
    await typeInto(s.page, "F7", "=ABS(F5-F6)<1E-12");
    const fromPrices = shownNumber(await cellText(s.page, "F5"));
    assert.ok(Number.isFinite(fromPrices) && fromPrices !== 0, `F5 shows ${fromPrices}`);
    assert.equal(await cellText(s.page, "F7"), "TRUE");
    await goTo(s.page, "F6");
    assert.equal(
      await s.page.getByLabel("Formula bar").inputValue(),
      '=CNTECH.RETURN("0700.HK",B5,B6,"HKD","price")'
    );
  });

  it("takes the currency 4th and FX as (base, quote, date), the old pair text still accepted", async () => {
    await typeInto(s.page, "G5", '=CNTECH.BETA("0700.HK",B5,B6,"HKD","^NDX")');
    await typeInto(s.page, "G6", '=CNTECH.BETA("0700.HK",B5,B6,"USD","^NDX")');
    await typeInto(s.page, "G7", '=CNTECH.FX("USD","HKD",B6)=CNTECH.FX("USD/HKD",B6)');
    const hkd = shownNumber(await cellText(s.page, "G5"));
    const usd = shownNumber(await cellText(s.page, "G6"));
    assert.ok(Number.isFinite(hkd) && Number.isFinite(usd), `G5 ${hkd}, G6 ${usd}`);
    assert.equal(await cellText(s.page, "G7"), "TRUE");
  });

  it("recalculates dependents when an input cell changes", async () => {
    const before10 = await cellText(s.page, "B10");
    const beforeF5 = await cellText(s.page, "F5");
    await typeInto(s.page, "B6", "=DATE(2025,3,31)");
    assert.equal(await cellText(s.page, "B6"), "2025-03-31");
    await eventually(
      () => cellText(s.page, "B10"),
      (t) => t !== before10,
      { what: "B10 after End changed" }
    );
    assert.notEqual(await cellText(s.page, "F5"), beforeF5);
    assert.equal(await cellText(s.page, "F7"), "TRUE");
  });

  it("edits through the formula bar like Excel", async () => {
    await goTo(s.page, "B5");
    const bar = s.page.getByLabel("Formula bar");
    assert.equal(await bar.inputValue(), "=DATE(2025,1,2)");
    await bar.fill("=DATE(2025,2,3)");
    await bar.press("Enter");
    await eventually(
      () => cellText(s.page, "B5"),
      (t) => t === "2025-02-03",
      { what: "B5" }
    );
    assert.equal(await s.page.getByLabel("Name box").inputValue(), "B6"); // Enter moves down
  });

  it("double-click edits in place; Escape leaves the cell unchanged", async () => {
    const before = await cellText(s.page, "B10");
    await s.page.locator('.wb-viewport [data-cell="B10"]').dblclick();
    const editor = s.page.getByLabel("Cell editor");
    assert.equal(await editor.inputValue(), "=CNTECH.RETURN(B$9,$B$5,$B$6)");
    await editor.press("End");
    await s.page.keyboard.type("*100");
    await editor.press("Escape");
    assert.equal(await editor.isVisible(), false);
    assert.equal(await cellText(s.page, "B10"), before);
  });

  it("spills an array result and shows #SPILL! while something is in the way", async () => {
    await typeInto(s.page, "H30", '=CNTECH.BASKET("HSTECH")');
    assert.equal(await cellText(s.page, "H30"), "Symbol");
    assert.equal(await cellText(s.page, "I30"), "Name");
    assert.match(await cellText(s.page, "H31"), /\.HK$/);
    await typeInto(s.page, "H33", "in the way");
    assert.equal(await cellText(s.page, "H30"), "#SPILL!");
    await goTo(s.page, "H33");
    await s.page.keyboard.press("Delete");
    await eventually(
      () => cellText(s.page, "H30"),
      (t) => t === "Symbol",
      { what: "H30 after unblocking" }
    );
  });

  it("evaluates Excel's own functions through the formula library", async () => {
    await typeInto(s.page, "F9", "=SUMPRODUCT({1,2,3},{4,5,6})+ROUND(PI(),2)");
    assert.equal(await cellText(s.page, "F9"), "35.14");
  });

  it("made no request outside 127.0.0.1 and raised no page errors", () => {
    assert.deepEqual(s.external, []);
    assert.deepEqual(s.pageErrors, []);
  });
});
