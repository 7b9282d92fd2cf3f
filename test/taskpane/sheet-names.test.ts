/** Sheet and table naming: unique, within Excel's 31 characters, incomplete sheets always marked. */
import fc from "fast-check";
import {
  cleanPrefix,
  incompleteName,
  uniqueName,
  uniqueTableName,
} from "../../src/taskpane/workbook/sheet-names";

describe("sheet names", () => {
  it("adds (2), (3)… to a taken name, case-insensitively", () => {
    expect(uniqueName("CNTech Prices", ["Sheet1"])).toBe("CNTech Prices");
    expect(uniqueName("CNTech Prices", ["cntech prices"])).toBe("CNTech Prices (2)");
    expect(uniqueName("CNTech Prices", ["CNTech Prices", "CNTech Prices (2)"])).toBe(
      "CNTech Prices (3)"
    );
  });

  it("marks incomplete sheets in full when the name fits", () => {
    expect(incompleteName("CNTech Performance", [])).toBe("CNTech Performance (incomplete)");
    expect(incompleteName("CNTech Performance", ["CNTech Performance (incomplete)"])).toBe(
      "CNTech Performan 2 (incomplete)"
    );
  });

  it("always yields a new name of at most 31 characters ending in (incomplete)", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 40 }),
        fc.array(fc.string({ maxLength: 31 })),
        (base, existing) => {
          const name = incompleteName(base, existing);
          return (
            name.length <= 31 &&
            name.endsWith(" (incomplete)") &&
            !existing.some((e) => e.toLowerCase() === name.toLowerCase())
          );
        }
      )
    );
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 40 }),
        fc.array(fc.string({ maxLength: 31 })),
        (base, existing) => {
          const name = uniqueName(base, existing);
          return name.length <= 31 && !existing.some((e) => e.toLowerCase() === name.toLowerCase());
        }
      )
    );
  });

  it("numbers table names and cleans prefixes of characters Excel forbids", () => {
    expect(uniqueTableName("CNTech_Prices", ["CNTech_Prices"])).toBe("CNTech_Prices_2");
    expect(cleanPrefix("My/Model:[v2]")).toBe("MyModelv2");
    expect(cleanPrefix("  ")).toBe("CNTech");
  });
});
