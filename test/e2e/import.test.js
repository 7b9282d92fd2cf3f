/**
 * Import flow: the pane's Import tab writes the basket history into new sheets - Excel tables with a
 * header block (source, as-of, synthetic) and a native line chart of the basket vs the Nasdaq - in
 * the same in-memory workbook the grid shows.
 */
const { describe, it, before, after } = require("node:test");
const assert = require("node:assert/strict");
const { openSession, eventually, typeInto } = require("./support/session");

describe("workbench import tab", () => {
  let s;
  let pane;
  before(async () => {
    s = await openSession();
    pane = s.page.getByRole("complementary", { name: "CNTech task pane" });
    await pane.getByRole("tab", { name: "Import" }).click();
    await pane.getByRole("button", { name: "Import", exact: true }).click();
  });
  after(async () => {
    if (s) await s.close();
  });

  const workbook = () =>
    s.page.evaluate(async () => {
      const wb = await window.cntechWorkbench;
      return {
        sheets: wb.sim.api.listSheets(),
        tables: wb.sim.api.listTables(),
        charts: wb.sim.api.listCharts(),
      };
    });

  it("creates the four sheets, each with an Excel table", async () => {
    const state = await eventually(workbook, (w) => w.tables.length >= 4 && w.charts.length >= 1, {
      timeout: 60000,
      what: "tables and chart after Import",
    });
    for (const base of ["Prices", "Returns", "Performance", "Summary"])
      assert.ok(
        state.sheets.some((n) => n.endsWith(base)),
        `a sheet ending "${base}" in ${state.sheets.join(", ")}`
      );
    const tabs = s.page.getByRole("navigation", { name: "Sheet tabs" });
    await eventually(
      async () => (await tabs.getByRole("button").allTextContents()).join("|"),
      (t) => /Prices/.test(t) && /Summary/.test(t),
      { what: "sheet tabs" }
    );
    assert.ok(state.tables.every((t) => state.sheets.includes(t.sheet)));
  });

  it("shows the header block above the prices table in the grid", async () => {
    const { sheets, tables } = await workbook();
    const prices = sheets.find((n) => n.endsWith("Prices"));
    await s.page
      .getByRole("navigation", { name: "Sheet tabs" })
      .getByRole("button", { name: prices })
      .click();
    const table = tables.find((t) => t.sheet === prices);
    const headerRow = Number(/\d+/.exec(table.address)[0]);
    const above = await s.page.locator(".wb-viewport .wb-cell").evaluateAll(
      (cells, last) =>
        cells
          .filter((c) => Number(/\d+$/.exec(c.dataset.cell || "")?.[0]) < last)
          .map((c) => c.textContent)
          .join(" | "),
      headerRow
    );
    assert.match(above, /synthetic/i);
    assert.match(above, /source/i);
    assert.match(above, /USD|HKD|CNY/);
    const header = await s.page.locator(`.wb-viewport .wb-table-header`).allTextContents();
    assert.ok(header.length >= 2, `table header cells: ${header.join(", ")}`);
  });

  it("draws the basket-vs-Nasdaq line chart on the Performance sheet", async () => {
    const { sheets, charts } = await workbook();
    const perf = sheets.find((n) => n.endsWith("Performance"));
    const chart = charts.find((c) => c.sheet === perf);
    assert.ok(chart, `a chart on ${perf}`);
    assert.match(chart.chartType, /line/i);
    await s.page
      .getByRole("navigation", { name: "Sheet tabs" })
      .getByRole("button", { name: perf })
      .click();
    const figure = s.page.getByRole("img", { name: /^Chart:/ });
    await figure.waitFor({ state: "visible" });
    const box = await figure.boundingBox();
    assert.ok(box.width > 200 && box.height > 120, JSON.stringify(box));
  });

  it("writes live CNTECH formulas when asked, and they reproduce the values-mode summary", async () => {
    await pane.getByRole("checkbox", { name: /live CNTECH formulas/ }).check();
    await pane.getByRole("button", { name: "Import", exact: true }).click();
    const summaries = await eventually(
      // The import yields between chunks: wait for its final name, not "… (incomplete)".
      async () =>
        (await workbook()).tables.map((t) => t.sheet).filter((n) => /Summary( \(\d+\))?$/.test(n)),
      (list) => list.length >= 2,
      { timeout: 60000, what: "a second Summary sheet" }
    );
    const compared = await s.page.evaluate(async ([values, live]) => {
      const wb = await window.cntechWorkbench;
      await wb.idle();
      const table = (sheet) => wb.sim.api.listTables().find((t) => t.sheet === sheet);
      const rows = (sheet) => wb.sim.api.getValues(sheet, table(sheet).address);
      const formulas = wb.sim.api.formulaCells().filter((c) => c.sheet === live).length;
      const [head, ...body] = rows(values);
      const col = head.indexOf("Return");
      const liveRows = new Map(
        rows(live)
          .slice(1)
          .map((r) => [r[0], r])
      );
      const diffs = body.map((r) => Math.abs(r[col] - liveRows.get(r[0])[col]));
      return { formulas, n: body.length, col, maxDiff: Math.max(...diffs) };
    }, summaries);
    assert.ok(compared.formulas >= 30, `live summary has ${compared.formulas} formulas`);
    assert.ok(compared.col >= 0 && compared.n >= 30, JSON.stringify(compared));
    assert.ok(compared.maxDiff < 1e-12, `largest difference ${compared.maxDiff}`);
  });

  it("computes the new sheets with no error cells and made no outside requests", async () => {
    const errors = await s.page.evaluate(async () => {
      const wb = await window.cntechWorkbench;
      await wb.idle();
      const out = [];
      for (const sheet of wb.sim.api.listSheets()) {
        const used = wb.sim.api.usedAddress(sheet);
        if (!used) continue;
        wb.sim.api.getValues(sheet, used).forEach((row, r) =>
          row.forEach((v, c) => {
            if (
              typeof v === "string" &&
              /^#(N\/A|VALUE!|NUM!|NAME\?|REF!|DIV\/0!|SPILL!|CALC!)/.test(v)
            )
              out.push(`${sheet} r${r} c${c} ${v}`);
          })
        );
      }
      return out;
    });
    // Every sheet, the sample's too (its spills must survive the new sheets): only the labelled example.
    const example = await s.page.evaluate(() => document.body.dataset.errorExample);
    const row = Number(example.slice(1)) - 1;
    assert.deepEqual(errors, [`Model r${row} c1 #N/A`]);
    assert.deepEqual(s.external, []);
    assert.deepEqual(s.pageErrors, []);
  });
});

describe("workbench selection and the pane's 'Use selected range'", () => {
  let s;
  before(async () => {
    s = await openSession();
  });
  after(async () => {
    if (s) await s.close();
  });

  it("hands the grid's selected range to the pane as a custom basket", async () => {
    const { goTo } = require("./support/session");
    await typeInto(s.page, "H2", "Ticker");
    await typeInto(s.page, "H3", "0700.HK");
    await typeInto(s.page, "H4", "0981.HK");
    await typeInto(s.page, "H5", "NVDA");
    await goTo(s.page, "H2:H5");
    assert.equal(await s.page.getByLabel("Name box").inputValue(), "H2:H5");
    assert.match(
      await s.page.getByRole("status", { name: "Status bar" }).textContent(),
      /Count: 4/
    );
    const pane = s.page.getByRole("complementary", { name: "CNTech task pane" });
    await pane.getByRole("button", { name: "Use selected range" }).click();
    const symbols = pane.getByRole("textbox", { name: "Symbols" });
    await eventually(
      () => symbols.inputValue(),
      (v) => v === "0700.HK\n0981.HK\nNVDA",
      {
        what: "the Symbols box",
      }
    );
  });
});
