/**
 * Office.js proxy semantics of the in-memory Excel. Behaviour is checked against the Excel JavaScript
 * API reference (quoted from the JSDoc in @types/office-js, which mirrors learn.microsoft.com) and the
 * Office.js runtime (node_modules/@microsoft/office-js/dist/excel-web-16.00.js).
 */
import { createExcelSim, PAYLOAD_LIMIT_BYTES, SimError } from "../../src/workbench/excel-sim";

describe("load and sync", () => {
  it("throws PropertyNotLoaded before load+sync, and reads after", async () => {
    const sim = createExcelSim();
    sim.api.setCell("Sheet1", "A1", 42);
    await sim.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      range.load("values");
      // Still not available until the batch runs.
      // eslint-disable-next-line office-addins/call-sync-after-load -- reading before sync is the point of the test
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(range.values).toEqual([[42]]);
    });
  });

  it("queues writes: nothing reaches the workbook until sync", async () => {
    const sim = createExcelSim();
    await sim.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("B2").values = [["x"]];
      expect(sim.api.getCell("Sheet1", "B2").value).toBe("");
      await context.sync();
      expect(sim.api.getCell("Sheet1", "B2").value).toBe("x");
    });
  });

  it("counts only syncs that carry commands, including Excel.run's closing sync", async () => {
    // Office.js: syncPrivate returns early when the request has no actions, and _runCommon calls
    // context.sync() once more after the batch's promise resolves.
    const sim = createExcelSim();
    await sim.Excel.run(async (context) => {
      await context.sync(); // empty: no round trip
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
      await context.sync();
      context.workbook.worksheets.getItem("Sheet1").getRange("A2").values = [[2]];
      // left queued: flushed by Excel.run
    });
    expect(sim.stats.syncCount).toBe(2);
    expect(sim.api.getValues("Sheet1", "A1:A2")).toEqual([[1], [2]]);
  });

  it("rejects a batch that does not return a promise (RunMustReturnPromise)", async () => {
    const sim = createExcelSim();
    await expect(sim.Excel.run((() => 1) as never)).rejects.toMatchObject({
      code: "RunMustReturnPromise",
    });
  });

  it("refuses proxies used after their Excel.run has finished", async () => {
    const sim = createExcelSim();
    let leaked: { values: unknown } | undefined;
    await sim.Excel.run(async (context) => {
      leaked = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
    });
    expect(() => {
      leaked!.values = [[1]];
    }).toThrow(SimError);
  });

  it("measures each request as JSON bytes and rejects one over 5 MB without applying it", async () => {
    const sim = createExcelSim();
    const small = [["abc", 1.5]];
    await sim.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").values = small;
      await context.sync();
    });
    // The payload contains the values JSON plus the command's path: more than, but close to, the data.
    const dataBytes = JSON.stringify(small).length;
    expect(sim.stats.largestPayloadBytes).toBeGreaterThan(dataBytes);
    expect(sim.stats.largestPayloadBytes).toBeLessThan(dataBytes + 200);

    // 6 MB of text in one request: Excel on the web's documented 5 MB request limit
    // (learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization).
    const big = Array.from({ length: 600 }, () =>
      Array.from({ length: 10 }, () => "x".repeat(1000))
    );
    await expect(
      sim.Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1:J600").values = big;
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(sim.stats.rejectedSyncs).toBe(1);
    expect(sim.stats.largestPayloadBytes).toBeGreaterThan(PAYLOAD_LIMIT_BYTES);
    expect(sim.api.getCell("Sheet1", "A1").value).toBe("abc"); // untouched
  });

  it("applies commands before a failing one (Office batches are not transactions)", async () => {
    const sim = createExcelSim();
    await expect(
      sim.Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Sheet1");
        sheet.getRange("A1").values = [["first"]];
        context.workbook.worksheets.getItem("Nope").getRange("A1").values = [["x"]];
        sheet.getRange("A2").values = [["never"]];
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "ItemNotFound" });
    expect(sim.api.getCell("Sheet1", "A1").value).toBe("first");
    expect(sim.api.getCell("Sheet1", "A2").value).toBe("");
  });
});

describe("range writes follow Excel's typing rules", () => {
  async function write(values: unknown[][], format?: string) {
    const sim = createExcelSim();
    await sim.Excel.run(async (context) => {
      const r = context.workbook.worksheets
        .getItem("Sheet1")
        .getRange("A1")
        .getResizedRange(0, values[0].length - 1);
      if (format) r.numberFormat = values.map((row) => row.map(() => format));
      r.values = values;
      await context.sync();
    });
    return sim;
  }

  it('interprets a value starting with "=", "+" or "-" as a formula (Range.values reference)', async () => {
    // Range.values: "If the returned value starts with a plus ("+"), minus ("-"), or equal sign ("="),
    // Excel interprets this value as a formula."
    const sim = await write([["=1+1", "+A1", "-cmd", "@SUM(1)"]]);
    expect(sim.api.getCell("Sheet1", "A1").formula).toBe("=1+1");
    expect(sim.api.getCell("Sheet1", "B1").formula).toBe("=+A1");
    expect(sim.api.getCell("Sheet1", "C1").formula).toBe("=-cmd");
    expect(sim.api.getCell("Sheet1", "D1").formula).toBe("=SUM(1)");
  });

  it('keeps text in cells formatted "@" and strips a leading apostrophe', async () => {
    const sim = await write([['=HYPERLINK("x")', "-1", "+x"]], "@");
    expect(sim.api.getCell("Sheet1", "A1")).toMatchObject({ value: '=HYPERLINK("x")' });
    expect(sim.api.getCell("Sheet1", "A1").formula).toBeUndefined();
    expect(sim.api.getCell("Sheet1", "B1").value).toBe("-1");
    const quoted = await write([["'=2+2", "'007"]]);
    expect(quoted.api.getCell("Sheet1", "A1")).toMatchObject({ value: "=2+2" });
    expect(quoted.api.getCell("Sheet1", "A1").formula).toBeUndefined();
    expect(quoted.api.getCell("Sheet1", "B1").value).toBe("007");
  });

  it("turns numeric text into numbers and leaves null cells unchanged", async () => {
    const sim = await write([["12.5", "-3", "TRUE", "abc"]]);
    expect(sim.api.getValues("Sheet1", "A1:D1")).toEqual([[12.5, -3, true, "abc"]]);
    await sim.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:D1").values = [
        [null, 9, null, null],
      ];
      await context.sync();
    });
    expect(sim.api.getValues("Sheet1", "A1:D1")).toEqual([[12.5, 9, true, "abc"]]);
  });

  it("throws InvalidArgument when the array does not match the range, and writes nothing", async () => {
    const sim = createExcelSim();
    await expect(
      sim.Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").values = [[1, 2], [3]];
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(sim.api.usedAddress("Sheet1")).toBeUndefined();
  });

  it("applies a single (non-array) value to every cell", async () => {
    const sim = createExcelSim();
    await sim.Excel.run(async (context) => {
      (
        context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2") as { values: unknown }
      ).values = 7;
      await context.sync();
    });
    expect(sim.api.getValues("Sheet1", "A1:B2")).toEqual([
      [7, 7],
      [7, 7],
    ]);
  });

  it("reads formulas, number formats and text back", async () => {
    const sim = createExcelSim();
    await sim.Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1:C1");
      r.numberFormat = [["0.00%", "yyyy-mm-dd", "#,##0.00"]];
      r.values = [[0.1234, 45292, 1234567.891]];
      const f = context.workbook.worksheets.getItem("Sheet1").getRange("D1");
      f.formulas = [["=A1*2"]];
      r.load("text, numberFormat");
      f.load("formulas, values");
      await context.sync();
      expect(r.text).toEqual([["12.34%", "2024-01-01", "1,234,567.89"]]);
      expect(r.numberFormat).toEqual([["0.00%", "yyyy-mm-dd", "#,##0.00"]]);
      expect(f.formulas).toEqual([["=A1*2"]]);
    });
  });
});
