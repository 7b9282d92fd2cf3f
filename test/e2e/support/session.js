/**
 * One workbench session for an e2e test file: the static server, headless Chromium (fresh profile,
 * external requests refused) and the page opened on the sample model. Helpers act like a user:
 * select a cell through the Name box, type, press Enter; read what the grid shows.
 */
const assert = require("node:assert/strict");
const { startServer, launchChromium, openWorkbench } = require("../../../scripts/workbench.js");

async function openSession() {
  const { server, url } = await startServer({ port: 0 });
  const stopServer = () => new Promise((resolve) => server.close(resolve));
  let browser;
  try {
    browser = await launchChromium({ width: 1440, height: 900 });
  } catch (e) {
    await stopServer(); // an open server would keep the test process alive
    throw e;
  }
  const { page } = browser;
  const pageErrors = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));
  try {
    await openWorkbench(page, url);
  } catch (e) {
    await browser.close();
    await stopServer();
    throw e;
  }
  return {
    page,
    url,
    pageErrors,
    external: browser.external,
    async close() {
      await browser.close();
      await stopServer();
    },
  };
}

/** Selects a cell ("F10" or "Sheet!F10") through the Name box, as a keyboard user would. */
async function goTo(page, address) {
  const box = page.getByLabel("Name box");
  await box.fill(address);
  await box.press("Enter");
}

/** Types into the selected cell and commits with Enter; waits for recalculation. */
async function typeInto(page, address, text) {
  await goTo(page, address);
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
  await idle(page);
}

/** Waits until the workbench has no recalculation pending. */
async function idle(page) {
  await page.evaluate(async () => (await window.cntechWorkbench).idle());
}

/** The text a grid cell shows on the visible sheet. */
async function cellText(page, address) {
  const cell = page.locator(`.wb-viewport [data-cell="${address}"]`);
  await cell.waitFor({ state: "attached" });
  return (await cell.textContent()).trim();
}

/** Polls until `read()` satisfies `ok` (or fails with the last value seen). */
async function eventually(read, ok, { timeout = 15000, what = "condition" } = {}) {
  const until = Date.now() + timeout;
  let last;
  for (;;) {
    last = await read();
    if (ok(last)) return last;
    if (Date.now() > until)
      assert.fail(`${what}: still ${JSON.stringify(last)} after ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Parses a cell's display text ("19.00%", "-1,703.8", "0.37") into a number. */
function shownNumber(text) {
  const pct = text.endsWith("%");
  const n = Number(text.replace(/[,%]/g, ""));
  return pct ? n / 100 : n;
}

module.exports = { openSession, goTo, typeInto, idle, cellText, eventually, shownNumber };
