/**
 * An import's live formulas use the same source as its values: when the import reads another source
 * than the one formulas run on (Settings), the Summary is written as values with a header note
 * saying why, never as formulas beside a header that disagrees with them.
 */
import { dayFromIso } from "../../src/core/dates";
import { createCsvSource } from "../../src/data/csv/csv-source";
import { DemoSource } from "../../src/data/demo/demo-source";
import { MarketData } from "../../src/data/market-data";
import { liveFormulasFollowSource } from "../../src/taskpane/import/use-import";
import { runImport } from "../../src/taskpane/workbook/import-runner";
import { freshExcel, request } from "./fixtures";

const csv = (start: number): string =>
  ["Date,Close", ...[2, 3, 4, 5, 6].map((d, i) => `2025-01-0${d},${start + i}`)].join("\n");
const files = new MarketData(
  createCsvSource([
    { name: "KWEB.csv", text: csv(30) },
    { name: "QQQ.csv", text: csv(500) },
  ])
);
const req = request({
  basket: { label: "KWEB", symbols: ["KWEB"] },
  benchmark: "QQQ",
  start: dayFromIso("2025-01-02"),
  end: dayFromIso("2025-01-06"),
  liveFormulas: true,
});

test("files imported while formulas run on the demo: values, a header note and a pane warning", async () => {
  const sim = freshExcel();
  const settings = new MarketData(new DemoSource());
  const follow = liveFormulasFollowSource(req, files, settings);
  expect(follow.request.liveFormulas).toBe(false);
  expect(follow.warnings).toEqual([
    expect.stringMatching(
      /^The summary was written as values: live CNTECH formulas use the Settings source \(demo \(synthetic\)\), not this import's \(user data \(KWEB\.csv, QQQ\.csv\)\)/
    ),
  ]);
  const outcome = await runImport(follow.request, {}, { marketData: files });
  expect(outcome.status).toBe("done");
  expect(sim.api.formulaCells()).toEqual([]);
  const head = Object.fromEntries(
    sim.api.getValues("CNTech Summary", "A2:B16").filter(([k]) => k !== "")
  );
  expect(head.Source).toBe("user data (KWEB.csv, QQQ.csv)");
  expect(String(head.Formulas)).toMatch(
    /^written as values: live CNTECH formulas use the Settings source/
  );
  const t = sim.api.listTables().find((x) => x.sheet === "CNTech Summary")!;
  // KWEB 30 → 34 over the window: a value, from the files.
  expect(sim.api.getValues("CNTech Summary", t.address)[1][3]).toBeCloseTo(34 / 30 - 1, 12);
});

test("the import reads the Settings source itself: live formulas as asked, no note", async () => {
  const sim = freshExcel();
  const follow = liveFormulasFollowSource(req, files, files);
  expect(follow).toEqual({ request: req, warnings: [] });
  await runImport(follow.request, {}, { marketData: files });
  expect(sim.api.formulaCells().some((f) => /CNTECH\.RETURN/.test(String(f.formula)))).toBe(true);
});
