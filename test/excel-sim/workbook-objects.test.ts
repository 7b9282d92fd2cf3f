/**
 * Worksheets, ranges' geometry, named ranges, tables, charts and the model API of the in-memory Excel.
 * Expected behaviour is quoted from the Excel JavaScript API reference (JSDoc in @types/office-js).
 */
import { createExcelSim, ChangeEvent } from "../../src/workbench/excel-sim";

describe("worksheets", () => {
  it("adds, finds (case-insensitively), renames, activates and deletes sheets", async () => {
    const sim = createExcelSim();
    await sim.Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const added = sheets.add("Prices");
      sheets.add(); // default name
      added.activate();
      const missing = sheets.getItemOrNullObject("nope");
      const found = sheets.getItemOrNullObject("PRICES");
      found.load("name");
      sheets.load("items/name");
      // As in Office.js: isNullObject needs no load, but only the sync reports it.
      expect(() => missing.isNullObject).toThrow(/not available/);
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(found.isNullObject).toBe(false);
      expect(found.name).toBe("Prices");
      expect(sheets.items.map((s) => s.name)).toEqual(["Sheet1", "Prices", "Sheet3"]);
      found.name = "Prices (incomplete)";
      found.getRange("A1").values = [["still reachable after rename"]];
      context.workbook.worksheets.getItem("Sheet3").delete();
      await context.sync();
    });
    expect(sim.api.listSheets()).toEqual(["Sheet1", "Prices (incomplete)"]);
    expect(sim.api.activeSheetName()).toBe("Prices (incomplete)");
    expect(sim.api.getCell("Prices (incomplete)", "A1").value).toBe("still reachable after rename");
  });

  it("rejects a duplicate or invalid sheet name at sync", async () => {
    const sim = createExcelSim();
    const attempt = (name: string) =>
      sim.Excel.run(async (context) => {
        context.workbook.worksheets.add(name);
        await context.sync();
      });
    await expect(attempt("sheet1")).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    await expect(attempt("a/b")).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(attempt("x".repeat(32))).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("getItem of a missing sheet fails with ItemNotFound", async () => {
    const sim = createExcelSim();
    await expect(
      sim.Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Missing").load("name");
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "ItemNotFound" });
  });

  it("getUsedRange returns the top-left cell of a blank sheet; the OrNullObject form a null object", async () => {
    // Worksheet.getUsedRange: "If the entire worksheet is blank, this function will return the top
    // left cell (i.e. it will *not* throw an error)." getUsedRangeOrNullObject: "If the entire
    // worksheet is blank, then this method returns an object with its isNullObject property set to true."
    const sim = createExcelSim();
    await sim.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      const used = sheet.getUsedRange().load("address");
      const orNull = sheet.getUsedRangeOrNullObject().load("isNullObject");
      await context.sync();
      expect(used.address).toBe("Sheet1!A1");
      expect(orNull.isNullObject).toBe(true);
      sheet.getRange("C3:D4").values = [
        [1, 2],
        [3, 4],
      ];
      sheet.getRange("B7").numberFormat = [["0.00"]];
      const after = sheet.getUsedRange().load("address");
      const valuesOnly = sheet.getUsedRange(true).load("address");
      await context.sync();
      expect(after.address).toBe("Sheet1!B3:D7");
      expect(valuesOnly.address).toBe("Sheet1!C3:D4");
    });
  });
});

describe("range geometry", () => {
  it("derives addresses like Excel", async () => {
    const sim = createExcelSim();
    await sim.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.add("My Data");
      const base = sheet.getRange("B2:D4");
      const cell = base.getCell(1, 2).load("address, rowIndex, columnIndex");
      const resized = base.getResizedRange(2, -1).load("address, rowCount, columnCount");
      const offset = base.getOffsetRange(1, 1).load("address");
      const byIdx = sheet.getRangeByIndexes(0, 26, 2, 2).load("address");
      const whole = base.load("address, rowCount, columnCount, cellCount");
      await context.sync();
      expect(cell.address).toBe("'My Data'!D3");
      expect([cell.rowIndex, cell.columnIndex]).toEqual([2, 3]);
      expect(resized.address).toBe("'My Data'!B2:C6");
      expect([resized.rowCount, resized.columnCount]).toEqual([5, 2]);
      expect(offset.address).toBe("'My Data'!C3:E5");
      expect(byIdx.address).toBe("'My Data'!AA1:AB2");
      expect(whole.cellCount).toBe(9);
    });
  });
});

describe("named ranges", () => {
  it("adds a workbook name for a range and resolves it back", async () => {
    const sim = createExcelSim();
    await sim.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.add("Scenario");
      context.workbook.names.add("CNTECH_SCENARIO", sheet.getRange("B2:B8"));
      const item = context.workbook.names.getItem("cntech_scenario").load("name, formula, type");
      const range = context.workbook.names.getItem("CNTECH_SCENARIO").getRange().load("address");
      const none = context.workbook.names.getItemOrNullObject("OTHER").load("isNullObject");
      await context.sync();
      expect(item.name).toBe("CNTECH_SCENARIO");
      expect(item.formula).toBe("=Scenario!$B$2:$B$8");
      expect(item.type).toBe("Range");
      expect(range.address).toBe("Scenario!B2:B8");
      expect(none.isNullObject).toBe(true);
    });
    expect(sim.api.resolveName("CNTECH_SCENARIO")).toEqual({ sheet: "Scenario", address: "B2:B8" });
  });

  it("rejects a name that looks like a cell reference or is taken", async () => {
    const sim = createExcelSim();
    const add = (name: string) =>
      sim.Excel.run(async (context) => {
        context.workbook.names.add(name, "Sheet1!A1");
        await context.sync();
      });
    await expect(add("AB12")).rejects.toMatchObject({ code: "InvalidArgument" });
    await add("Rates");
    await expect(add("RATES")).rejects.toMatchObject({ code: "ItemAlreadyExists" });
  });
});

describe("tables", () => {
  it("creates a table whose header and body ranges follow its address", async () => {
    const sim = createExcelSim();
    await sim.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("B2:D4").values = [
        ["Date", "0700.HK", "0700.HK"],
        [45292, 1, 2],
        [45293, 3, 4],
      ];
      const table = sheet.tables.add("B2:D4", true);
      table.name = "Prices";
      const header = table.getHeaderRowRange().load("values, address");
      const body = table.getDataBodyRange().load("address");
      const all = context.workbook.tables.getItem("prices").getRange().load("address");
      await context.sync();
      // Excel makes header names unique.
      expect(header.values).toEqual([["Date", "0700.HK", "0700.HK2"]]);
      expect(header.address).toBe("Sheet1!B2:D2");
      expect(body.address).toBe("Sheet1!B3:D4");
      expect(all.address).toBe("Sheet1!B2:D4");
      table.rows.add(null, [[45294, 5, 6]]);
      table.columns.add(null, [["Note"], ["a"], ["b"], ["c"]]);
      const grown = table.getRange().load("address");
      table.columns.load("items/name");
      await context.sync();
      expect(grown.address).toBe("Sheet1!B2:E5");
      expect(table.columns.items.map((c) => c.name)).toEqual([
        "Date",
        "0700.HK",
        "0700.HK2",
        "Note",
      ]);
    });
    expect(sim.api.listTables()).toEqual([
      expect.objectContaining({ name: "Prices", sheet: "Sheet1", address: "B2:E5" }),
    ]);
  });

  it("refuses overlapping tables", async () => {
    const sim = createExcelSim();
    await expect(
      sim.Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Sheet1");
        sheet.tables.add("A1:B3", true);
        sheet.tables.add("B2:C4", true);
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "InvalidOperation" });
    expect(sim.api.listTables()).toHaveLength(1);
  });
});

describe("charts", () => {
  it("records a line chart with series names from the header row and a date category column", async () => {
    const sim = createExcelSim();
    await sim.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.add("Perf");
      const dates = sheet.getRange("A2:A3");
      dates.numberFormat = [["yyyy-mm-dd"], ["yyyy-mm-dd"]];
      sheet.getRange("A1:C3").values = [
        ["Date", "Basket", "Nasdaq-100"],
        [45292, 100, 100],
        [45293, 101, 99],
      ];
      const chart = sheet.charts.add("Line", sheet.getRange("A1:C3"), "Columns");
      chart.title.text = "Basket vs Nasdaq-100";
      chart.setPosition("E2", "L18");
      chart.series.load("items/name");
      chart.load("name, chartType");
      const title = chart.title.load("text");
      await context.sync();
      expect(chart.series.items.map((s) => s.name)).toEqual(["Basket", "Nasdaq-100"]);
      expect(chart.chartType).toBe("Line");
      expect(chart.name).toBe("Chart 1");
      expect(title.text).toBe("Basket vs Nasdaq-100");
    });
    expect(sim.api.listCharts()).toEqual([
      expect.objectContaining({
        sheet: "Perf",
        chartType: "Line",
        sourceAddress: "Perf!A1:C3",
        title: "Basket vs Nasdaq-100",
        position: expect.objectContaining({ startCell: "E2", endCell: "L18" }),
      }),
    ]);
  });
});

describe("model API", () => {
  it("notifies listeners after each sync with the changed addresses", async () => {
    const sim = createExcelSim();
    const events: ChangeEvent[] = [];
    sim.api.onChange((e) => events.push(e));
    await sim.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:B2").values = [
        [1, 2],
        [3, 4],
      ];
      sheet.getRange("D5").formulas = [["=A1"]];
      expect(events).toHaveLength(0);
      await context.sync();
    });
    expect(events).toEqual([
      {
        source: "sync",
        changes: [
          { sheet: "Sheet1", address: "A1:B2" },
          { sheet: "Sheet1", address: "D5" },
        ],
      },
    ]);
    sim.api.setCell("Sheet1", "C1", "=A1+B1");
    expect(events[1]).toEqual({ source: "model", changes: [{ sheet: "Sheet1", address: "C1" }] });
    expect(sim.api.formulaCells().map((f) => `${f.address}${f.formula}`)).toEqual([
      "C1=A1+B1",
      "D5=A1",
    ]);
  });

  it("runs the calculator before a load that follows writes, so formula results read back fresh", async () => {
    const sim = createExcelSim();
    // A toy calculator: every formula "=2*Xn" doubles the referenced cell; "=SEQ()" spills 3 rows.
    sim.api.setCalculator((model) => {
      for (const f of sim.api.formulaCells()) {
        if (f.formula === "=SEQ()") {
          sim.api.setCalculatedValue(f.sheet, f.row, f.column, [[1], [2], [3]]);
          continue;
        }
        const ref = /^=2\*([A-Z]+\d+)$/.exec(f.formula)![1];
        const v = sim.api.getCell(f.sheet, ref).value as number;
        sim.api.setCalculatedValue(f.sheet, f.row, f.column, 2 * v);
      }
      expect(model).toBe(sim.model);
    });
    await sim.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1").values = [[21]];
      sheet.getRange("B1").formulas = [["=2*A1"]];
      sheet.getRange("C1").formulas = [["=SEQ()"]];
      const out = sheet.getRange("B1:C3").load("values, formulas");
      await context.sync();
      expect(out.values).toEqual([
        [42, 1],
        ["", 2],
        ["", 3],
      ]);
      expect(out.formulas[0]).toEqual(["=2*A1", "=SEQ()"]);
      // Blocking the spill area gives #SPILL!, as in Excel.
      sheet.getRange("C2").values = [["block"]];
      const blocked = sheet.getRange("C1").load("values");
      await context.sync();
      expect(blocked.values).toEqual([["#SPILL!"]]);
    });
  });

  it("getSelectedRange follows the grid's selection", async () => {
    const sim = createExcelSim();
    sim.api.addSheet("Input");
    sim.api.setSelection("Input", "B2:B5");
    await sim.Excel.run(async (context) => {
      const sel = context.workbook.getSelectedRange().load("address");
      await context.sync();
      expect(sel.address).toBe("Input!B2:B5");
    });
  });
});
