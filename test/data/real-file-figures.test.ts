/**
 * Figures derived from a real public ETF file (scripts/real-csv-check.ts; the file is not part of
 * CNTech): KWEB 2023 total return is the same whether the file is read as published or with one
 * adjusted close blanked, and each blank is reported. Checked here against an independent
 * recomputation from the two adjusted closes the table records. The script's own run on the file
 * is repeated only where the file is on disk (CNTECH_REAL_KWEB=/path/to/KWEB.csv).
 */
import * as fs from "fs";
import table from "./real-files/kweb-2023.json";

const independent = table.independent.adjEnd / table.independent.adjStart - 1;

test("the source is pinned by repository, path and commit", () => {
  expect(table.source).toEqual({
    repo: "sheep-farm/assets-data",
    path: "KWEB.csv",
    commit: expect.stringMatching(/^[0-9a-f]{40}$/),
  });
});

test("2023 total return from the file's adjusted closes is -9.06 %", () => {
  expect(table.independent.totalReturn).toBe(independent);
  expect(Math.round(independent * 10000) / 100).toBe(-9.06);
});

test.each(table.cases)("$case: total return -9.06 % (within 1e-6 of the file's)", (c) => {
  expect(Math.abs(c.total - independent)).toBeLessThan(1e-6);
  // The price return is the closes' own and is untouched by any of these cells.
  expect(c.price).toBe(table.cases[0].price);
});

test("every repaired cell is reported with its date and the value filled in", () => {
  const [clean, midYear, windowEnd, badClose] = table.cases;
  expect(clean.report).toEqual([]);
  expect(midYear.report).toEqual([
    expect.stringMatching(
      /^KWEB 2023-06-05: adjusted close is blank; filled from the close × the next row's adjustment factor: 25\.424/
    ),
  ]);
  expect(windowEnd.report).toEqual([
    expect.stringMatching(/^KWEB 2023-12-29: adjusted close is blank; filled .*: 26\.1037/),
  ]);
  expect(badClose.report).toEqual([
    expect.stringMatching(
      /^KWEB 2023-06-05: close "abc" is not a positive price; filled .*: 26\.75/
    ),
  ]);
});

const real = process.env.CNTECH_REAL_KWEB;
if (real && fs.existsSync(real)) {
  test("the script's figures, recomputed from the file on disk", async () => {
    const { checks } = await import("../../scripts/real-csv-check");
    expect(JSON.parse(JSON.stringify(await checks(fs.readFileSync(real, "utf8"))))).toEqual(table);
  });
}
