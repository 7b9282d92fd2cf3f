/* Sheet renames and deletions rewrite formula references as Excel does (hand-written expectations). */
import {
  collapseDeadReferences,
  deleteSheetInFormula,
  renameSheetInFormula,
  sheetPrefix,
} from "../../src/workbench/excel-sim/sheet-references";
import { attachCalculation } from "../../src/workbench/host/calc-host";
import { createExcelSim } from "../../src/workbench/excel-sim";

describe("renameSheetInFormula", () => {
  it.each([
    ["=SUM(Prices!A1:A9)", "Prices", "Data", "=SUM(Data!A1:A9)"],
    ["=SUM(prices!A1:A9)", "Prices", "Data", "=SUM(Data!A1:A9)"],
    ["=Prices!A1+'Prices'!B2", "Prices", "P 2024", "='P 2024'!A1+'P 2024'!B2"],
    ["='Prices (incomplete)'!B2*2", "Prices (incomplete)", "Prices", "=Prices!B2*2"],
    ["='Bob''s data'!A1", "Bob's data", "Bobs", "=Bobs!A1"],
    ["=Data!A1", "Prices", "x", "=Data!A1"],
    ["=MyPrices!A1+Prices2!A1", "Prices", "Data", "=MyPrices!A1+Prices2!A1"],
    ['=CONCAT("Prices!A1",Prices!A1)', "Prices", "Data", '=CONCAT("Prices!A1",Data!A1)'],
    ['="say ""Prices!A1"""&Prices!A2', "Prices", "Data", '="say ""Prices!A1"""&Data!A2'],
    ["=CNTECH.RETURN(Model!B2,Model!C2)", "Model", "Inputs", "=CNTECH.RETURN(Inputs!B2,Inputs!C2)"],
    ["=Prices", "Prices", "Data", "=Prices"], // a name, not a sheet reference
    ["=Sheet1!A1", "Sheet1", "A1", "='A1'!A1"], // a cell-like new name is quoted
    ["=Sheet1!A1", "Sheet1", "It's", "='It''s'!A1"],
  ])("%s with %s → %s", (formula, from, to, expected) => {
    expect(renameSheetInFormula(formula, from, to)).toBe(expected);
  });

  it("returns the same string when nothing refers to the sheet", () => {
    const f = "=SUM(A1:A3)";
    expect(renameSheetInFormula(f, "Prices", "Data")).toBe(f);
  });

  it("quotes exactly the names that need it", () => {
    expect(sheetPrefix("Prices")).toBe("Prices!");
    expect(sheetPrefix("Prices_2024.v2")).toBe("Prices_2024.v2!");
    expect(sheetPrefix("2024")).toBe("'2024'!");
    expect(sheetPrefix("R1C1")).toBe("'R1C1'!");
    expect(sheetPrefix("TRUE")).toBe("'TRUE'!");
    expect(sheetPrefix("My sheet")).toBe("'My sheet'!");
  });
});

describe("renaming a sheet in the in-memory Excel", () => {
  it("rewrites formulas on every sheet that name it, and only those", async () => {
    const sim = createExcelSim();
    await sim.Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.getItem("Sheet1").getRange("A1").values = [[5]];
      const other = sheets.add("Report");
      other.getRange("A1:B1").formulas = [["=Sheet1!A1*2", '="Sheet1!A1"']];
      await context.sync();
      sheets.getItem("Sheet1").name = "Prices (final)";
      await context.sync();
    });
    expect(sim.api.getCell("Report", "A1").formula).toBe("='Prices (final)'!A1*2");
    expect(sim.api.getCell("Report", "B1").formula).toBe('="Sheet1!A1"');
  });
});

describe("deleting a sheet", () => {
  // Microsoft's "How to correct a #REF! error": a formula that refers to a deleted sheet shows
  // #REF!, and the reference in the formula itself reads #REF! where the sheet name was.
  it.each([
    ["=Data!A1*2", "Data", "=#REF!A1*2"],
    ["=SUM('Data 2024'!A1:B3)+A1", "Data 2024", "=SUM(#REF!A1:B3)+A1"],
    ["=data!$A$1", "Data", "=#REF!$A$1"],
    ['=CONCAT("Data!A1",Data!A2)', "Data", '=CONCAT("Data!A1",#REF!A2)'],
    ["=MyData!A1", "Data", "=MyData!A1"],
  ])("%s without sheet %s → %s", (formula, sheet, expected) => {
    expect(deleteSheetInFormula(formula, sheet)).toBe(expected);
  });

  it.each([
    ["=#REF!A1*2", "=#REF!*2"],
    ["=SUM(#REF!A1:B3)+A1", "=SUM(#REF!)+A1"],
    ["=SUM(#REF!A:A)", "=SUM(#REF!)"],
    ["=SUM(#REF!2:3)", "=SUM(#REF!)"],
    ['="#REF!A1"&#REF!$B$2', '="#REF!A1"&#REF!'],
    ["=A1+1", "=A1+1"],
  ])("evaluates %s as %s", (formula, expected) => {
    expect(collapseDeadReferences(formula)).toBe(expected);
  });

  it("turns references on other sheets into #REF!, which IFERROR catches", async () => {
    const sim = createExcelSim();
    const calc = attachCalculation(sim.model, "T", [], new Map());
    sim.api.addSheet("Data");
    sim.api.setCell("Data", "A1", 5);
    await calc.enter("Sheet1", 0, 0, "=Data!A1*2");
    await calc.enter("Sheet1", 0, 1, "=IFERROR(SUM(Data!A1:A3),-1)");
    await calc.enter("Sheet1", 0, 2, '=LEN("Data!A1")');
    expect(sim.api.getValues("Sheet1", "A1:C1")).toEqual([[10, 5, 7]]);
    sim.api.deleteSheet("Data");
    await calc.engine.whenIdle();
    expect(sim.api.listSheets()).toEqual(["Sheet1"]);
    expect(sim.api.getCell("Sheet1", "A1")).toMatchObject({
      formula: "=#REF!A1*2",
      value: "#REF!",
    });
    expect(sim.api.getCell("Sheet1", "B1")).toMatchObject({
      formula: "=IFERROR(SUM(#REF!A1:A3),-1)",
      value: -1,
    });
    expect(sim.api.getCell("Sheet1", "C1").value).toBe(7);
  });

  it("refuses to delete the last visible sheet", () => {
    const sim = createExcelSim();
    expect(() => sim.api.deleteSheet("Sheet1")).toThrow(/at least one visible/);
  });

  it("renames through the model API and recalculates dependants", async () => {
    const sim = createExcelSim();
    const calc = attachCalculation(sim.model, "T", [], new Map());
    sim.api.addSheet("Data");
    sim.api.setCell("Data", "A1", 5);
    await calc.enter("Sheet1", 0, 0, "=Data!A1*2");
    sim.api.renameSheet("Data", "Inputs 2025");
    await calc.enter("Inputs 2025", 0, 0, "7");
    expect(sim.api.getCell("Sheet1", "A1")).toMatchObject({
      formula: "='Inputs 2025'!A1*2",
      value: 14,
    });
  });
});
