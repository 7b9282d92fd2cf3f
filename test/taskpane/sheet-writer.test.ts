/** The chunked block writer on its own: the non-empty-sheet guard, text safety, yielding between chunks. */
import {
  writeBlock,
  OverwriteRefused,
  rowsPerChunk,
  WriteHooks,
} from "../../src/taskpane/workbook/sheet-writer";
import { SheetBlock } from "../../src/taskpane/workbook/sheet-block";
import { freshExcel } from "./fixtures";

const block: SheetBlock = {
  baseName: "T",
  title: "Test",
  info: [{ label: "Source", value: "=1+1" }],
  columns: ["Symbol", "Value"],
  rows: [
    ["@A", 1],
    ["+B", 2],
    ["007", 3],
  ],
  formats: [undefined, "0.00"],
  textColumns: [true, false],
  tableName: "T",
};

/** Writes `block` on Sheet1 of the global (in-memory) Excel. */
function writeSheet1(budget = 1e6, hooks: WriteHooks = {}): Promise<number> {
  return Excel.run((context) =>
    writeBlock(
      context,
      context.workbook.worksheets.getItem("Sheet1"),
      "Sheet1",
      block,
      budget,
      hooks
    )
  );
}

/** A budget that fits one body row per chunk. */
const ONE_ROW = 2 * (JSON.stringify(["'@A", 1]).length + 7 + 8);

describe("writeBlock", () => {
  it("refuses a sheet that already holds values and writes nothing to it", async () => {
    const sim = freshExcel();
    sim.api.setCell("Sheet1", "Z99", "keep me");
    await expect(writeSheet1()).rejects.toBeInstanceOf(OverwriteRefused);
    expect(sim.api.usedAddress("Sheet1")).toBe("Z99");
  });

  it("stores outside text verbatim (no formulas, no numbers from text) with the header block first", async () => {
    const sim = freshExcel();
    await writeSheet1();
    expect(sim.api.formulaCells()).toEqual([]);
    expect(sim.api.getValues("Sheet1", "A1:B2")).toEqual([
      ["Test", ""],
      ["Source", "=1+1"],
    ]);
    expect(sim.api.getValues("Sheet1", "A4:B7")).toEqual([
      ["Symbol", "Value"],
      ["@A", 1],
      ["+B", 2],
      ["007", 3],
    ]);
    expect(sim.api.getCell("Sheet1", "B5").numberFormat).toBe("0.00");
  });

  it("gives the browser a turn (a macrotask) after every chunk, so progress paints and Cancel is seen", async () => {
    freshExcel();
    const events: string[] = [];
    // The in-memory Excel syncs in microtasks, so without a yield no timer could run mid-write.
    let timers = 0;
    const tick = (): void => {
      timers++;
      events.push("timer");
      if (timers < 10) setTimeout(tick, 0);
    };
    setTimeout(tick, 0);
    await writeSheet1(ONE_ROW, { onRows: (n) => events.push(`rows ${n}`) });
    const rows = events.filter((e) => e.startsWith("rows"));
    expect(rows).toEqual(["rows 1", "rows 2", "rows 3"]);
    // A timer ran between consecutive chunks.
    const at = (e: string) => events.indexOf(e);
    expect(events.slice(at("rows 1"), at("rows 2"))).toContain("timer");
    expect(events.slice(at("rows 2"), at("rows 3"))).toContain("timer");
  });

  it("stops at the next chunk once Cancel is pressed during a yield", async () => {
    const sim = freshExcel();
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 0); // the click arrives while the writer yields
    await expect(writeSheet1(ONE_ROW, { signal: abort.signal })).rejects.toThrow(
      "Import cancelled"
    );
    expect(sim.api.getValues("Sheet1", "A5:A7")).toEqual([["@A"], [""], [""]]);
  });

  it("sizes chunks from the row width so a chunk's JSON fits the budget", () => {
    const wide: SheetBlock = {
      ...block,
      columns: Array.from({ length: 101 }, (_, i) => `C${i}`),
      rows: Array.from({ length: 1000 }, (_, r) =>
        Array.from({ length: 101 }, (_, c) => r * 1000 + c + 0.123456789)
      ),
      formats: Array(101).fill("0.00"),
      textColumns: Array(101).fill(false),
    };
    const per = rowsPerChunk(wide, 1024 * 1024);
    const bytes = JSON.stringify(wide.rows.slice(0, per)).length;
    expect(bytes).toBeLessThanOrEqual(1024 * 1024);
    expect(bytes).toBeGreaterThan(1024 * 1024 * 0.2); // not absurdly small either
  });
});
