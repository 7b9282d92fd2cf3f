/**
 * Typing into a cell as in Excel (en-US). Expected values are worked by hand, after Microsoft's
 * documentation:
 * - KB 159491 "Text or Number Converted to Unintended Number Format": text with a slash or hyphen
 *   may become a date, an "E" makes a scientific number, leading zeros are dropped, and a leading
 *   apostrophe keeps an entry as text;
 * - KB 215203 (automatic percent entry): typing a number with "%" stores the fraction with a
 *   Percentage format;
 * - "Century interpretation for Year 2000" (learn.microsoft.com, previous-versions ms811944): two-digit
 *   years 00-29 are 2000-2029 and 30-99 are 1930-1999 (Excel's own article on two-digit years
 *   gives the same window).
 * Serials: 2024-01-01 is 45292 (2024 is a leap year, so 2025-01-01 is 45658).
 */
import { entryText, parseTypedNumber } from "../../src/workbench/excel-sim/typed-entry";
import { createExcelSim } from "../../src/workbench/excel-sim";
import { displayValue } from "../../src/workbench/grid/display-format";

describe("typed numeric text", () => {
  it.each([
    // typed, value, number format Excel applies (undefined: stays General)
    ["60%", 0.6, "0%"],
    ["12.5%", 0.125, "0.00%"],
    ["-5%", -0.05, "0%"],
    ["100%", 1, "0%"],
    ["1,234", 1234, "#,##0"],
    ["1,234.5", 1234.5, "#,##0.00"],
    ["-1,234,567.25", -1234567.25, "#,##0.00"],
    ["$5", 5, "$#,##0"],
    ["$1,234.50", 1234.5, "$#,##0.00"],
    ["-$5", -5, "$#,##0"],
    ["(42)", -42, undefined],
    ["007", 7, undefined],
    ["  3.5 ", 3.5, undefined],
    [".5", 0.5, undefined],
    ["1e3", 1000, "0.00E+00"],
    ["2025-01-02", 45659, "m/d/yyyy"],
    ["2025-1-2", 45659, "m/d/yyyy"],
    ["1/2/2025", 45659, "m/d/yyyy"],
    ["1-2-2025", 45659, "m/d/yyyy"],
    ["1/2/25", 45659, "m/d/yyyy"],
    ["2/29/2024", 45351, "m/d/yyyy"],
    ["1/1/29", 47119, "m/d/yyyy"],
    ["1/1/30", 10959, "m/d/yyyy"],
  ])("%s → %d (%s)", (typed, value, format) => {
    const parsed = parseTypedNumber(typed);
    expect(parsed?.value).toBeCloseTo(value, 12);
    expect(parsed?.format).toBe(format);
  });

  it.each([
    // Separators not in groups of three: the workbench keeps them as text (not checked against Excel).
    "12,34",
    "1,2345",
    "2/30/2025", // no such day
    "2025-13-01",
    "13/1/2025", // m/d/yyyy: there is no 13th month
    "1/2", // no year: Excel uses the current year; the workbench keeps it as text
    "14:30",
    "$5%",
    "60 %x",
    "abc",
    "%",
    "$",
  ])("%s stays text", (typed) => {
    expect(parseTypedNumber(typed)).toBeUndefined();
  });

  it("keeps 12.345% the nearest double to 0.12345", () => {
    expect(parseTypedNumber("12.345%")?.value).toBe(0.12345);
  });
});

describe("entering text into the in-memory Excel", () => {
  const sim = createExcelSim();
  const enter = (address: string, text: string) => {
    sim.api.setCell("Sheet1", address, text);
    return sim.api.getCell("Sheet1", address);
  };

  it("stores a percent as its fraction with a percent format, shown as typed", () => {
    const cell = enter("A1", "60%");
    expect(cell).toMatchObject({ value: 0.6, numberFormat: "0%", text: "60%" });
    expect(displayValue(cell.value, cell.numberFormat).text).toBe("60%");
    const decimals = enter("A2", "12.5%");
    expect(displayValue(decimals.value, decimals.numberFormat).text).toBe("12.50%");
  });

  it("keeps a leading apostrophe's entry as text, without the apostrophe", () => {
    expect(enter("A3", "'60%")).toMatchObject({ value: "60%", numberFormat: "General" });
    expect(enter("A4", "'2025-01-02").value).toBe("2025-01-02");
  });

  it("stores dates as serials shown in the short date form", () => {
    const cell = enter("A5", "2025-01-02");
    expect(cell).toMatchObject({ value: 45659, numberFormat: "m/d/yyyy", text: "1/2/2025" });
    expect(displayValue(cell.value, cell.numberFormat).text).toBe("1/2/2025");
  });

  it("groups thousands as typed", () => {
    const cell = enter("A6", "1,234.5");
    expect(cell).toMatchObject({ value: 1234.5, numberFormat: "#,##0.00" });
    expect(displayValue(cell.value, cell.numberFormat).text).toBe("1,234.50");
  });

  it("leaves a cell's own number format alone", () => {
    sim.api.setNumberFormat("Sheet1", "B1", "0.0");
    expect(enter("B1", "60%")).toMatchObject({ value: 0.6, numberFormat: "0.0" });
  });

  it("keeps text in a Text-formatted cell", () => {
    sim.api.setNumberFormat("Sheet1", "B2", "@");
    expect(enter("B2", "60%").value).toBe("60%");
  });

  it("parses values written through Range.values the same way, as Excel does", async () => {
    await sim.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("C1:C2").values = [["40%"], ["'40%"]];
      await context.sync();
    });
    expect(sim.api.getCell("Sheet1", "C1")).toMatchObject({ value: 0.4, numberFormat: "0%" });
    expect(sim.api.getCell("Sheet1", "C2").value).toBe("40%");
  });
});

describe("the formula bar's text for a typed number", () => {
  it.each([
    ["60%", "60%"],
    ["12.5%", "12.5%"],
    ["2025-01-02", "1/2/2025"],
    ["1,234.5", "1234.5"],
    ["7", "7"],
  ])("%s is edited as %s, which types back to the same value", (typed, shown) => {
    const parsed = parseTypedNumber(typed)!;
    expect(entryText(parsed.value, parsed.format)).toBe(shown);
    expect(parseTypedNumber(shown)!.value).toBe(parsed.value);
  });
});
