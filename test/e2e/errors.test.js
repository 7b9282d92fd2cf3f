/**
 * Error flow: an error value shows in the cell with its message on hover and in the status line,
 * for the sample's labelled example and for errors a user triggers.
 */
const { describe, it, before, after } = require("node:test");
const assert = require("node:assert/strict");
const { openSession, typeInto, cellText, goTo } = require("./support/session");

describe("workbench errors", () => {
  let s;
  before(async () => {
    s = await openSession();
  });
  after(async () => {
    if (s) await s.close();
  });

  async function statusText() {
    return (await s.page.getByRole("status", { name: "Status bar" }).textContent()).trim();
  }

  it("shows #N/A and the function's message for the sample's unknown-symbol example", async () => {
    const address = await s.page.evaluate(() => document.body.dataset.errorExample);
    assert.equal(await cellText(s.page, address), "#N/A");
    const title = await s.page
      .locator(`.wb-viewport [data-cell="${address}"]`)
      .getAttribute("title");
    assert.match(title, /^#N\/A: .*NOSUCH/);
    await goTo(s.page, address);
    assert.match(await statusText(), new RegExp(`${address}: #N/A — .*NOSUCH`));
  });

  it("shows #VALUE! with a message naming the bad date a user typed", async () => {
    await typeInto(s.page, "F12", '=CNTECH.RETURN("0700.HK","not a date")');
    assert.equal(await cellText(s.page, "F12"), "#VALUE!");
    await goTo(s.page, "F12");
    const status = await statusText();
    assert.match(status, /^F12: #VALUE! — /);
    assert.match(status, /start|date/i);
  });

  it("propagates an error through Excel formulas and lets IFERROR catch it", async () => {
    await typeInto(s.page, "F13", "=F12*2");
    assert.equal(await cellText(s.page, "F13"), "#VALUE!");
    await typeInto(s.page, "F14", '=IFERROR(F12,"bad input")');
    assert.equal(await cellText(s.page, "F14"), "bad input");
  });

  it("shows #NAME? for an unknown function", async () => {
    await typeInto(s.page, "F15", "=CNTECH.NOSUCHFUNCTION(1)");
    assert.equal(await cellText(s.page, "F15"), "#NAME?");
    await goTo(s.page, "F15");
    assert.match(await statusText(), /Unknown function CNTECH\.NOSUCHFUNCTION/i);
  });
});
