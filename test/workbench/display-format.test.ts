/**
 * What grid cells show: Excel's General rendering and number formats (SheetJS SSF), hand-worked.
 */
import { displayValue, formatGeneral } from "../../src/workbench/grid/display-format";

describe("workbench cell display", () => {
  it.each([
    [0, "0"],
    [42, "42"],
    [-1703.8, "-1703.8"],
    [0.1 + 0.2, "0.3"], // 10 significant digits hide binary noise, as Excel's General does
    [2 / 3, "0.6666666667"],
    [12345678901, "12345678901"],
    [123456789012, "1.23457E+11"],
    [120000000000, "1.2E+11"],
    [0.0000001, "0.0000001"],
    [1e-10, "1E-10"],
  ])("General shows %p as %p", (value, shown) => {
    expect(formatGeneral(value)).toBe(shown);
  });

  it.each([
    [0.0259464, "0.00%", "2.59%"],
    [-1494.56141, "#,##0.0", "-1,494.6"],
    [45659, "yyyy-mm-dd", "2025-01-02"], // Excel serial of 2 Jan 2025
    [0.36440539, "0.00", "0.36"],
  ])("%p under %p shows %p", (value, format, shown) => {
    expect(displayValue(value, format)).toEqual({ text: shown, kind: "number" });
  });

  it("classifies text, booleans, errors and blanks", () => {
    expect(displayValue("HSTECH")).toEqual({ text: "HSTECH", kind: "text" });
    expect(displayValue(true)).toEqual({ text: "TRUE", kind: "boolean" });
    expect(displayValue("#N/A")).toEqual({ text: "#N/A", kind: "error" });
    expect(displayValue("#SPILL!")).toEqual({ text: "#SPILL!", kind: "error" });
    expect(displayValue("")).toEqual({ text: "", kind: "empty" });
    expect(displayValue("=1+1")).toEqual({ text: "=1+1", kind: "text" }); // text stays text
  });
});
