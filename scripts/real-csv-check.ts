/**
 * Checks the per-cell rules for user price files (src/data/csv/repair.ts) on a real public ETF
 * file: KWEB daily prices with adjusted close and dividends, as published in sheep-farm/assets-data
 * (KWEB.csv at commit 02056fa1626760eed05c49591fccef71eafd457a). The file is not part of CNTech:
 * fetch it yourself and pass where it is.
 *
 * Usage:
 *   npx ts-node --transpile-only scripts/real-csv-check.ts --file /path/to/KWEB.csv [--check]
 *
 * Writes test/data/real-files/kweb-2023.json (with --check: compares with it instead): the 2023
 * total return recomputed independently from the file's two adjusted closes, then through the
 * reader on the file as published, with one adjusted close blanked (mid-year, and on the window's
 * last day), and with text in one close; each with the row report the pane and CNTECH.SOURCE show.
 * A row's line number depends on the copy, so the table keeps the report's text after "line N: ".
 */
import * as fs from "fs";
import * as path from "path";
import { dayFromIso } from "../src/core/dates";
import { windowReturn } from "../src/core/returns";
import { createCsvSource, describeProblems } from "../src/data/csv/csv-source";

export const SOURCE = {
  repo: "sheep-farm/assets-data",
  path: "KWEB.csv",
  commit: "02056fa1626760eed05c49591fccef71eafd457a",
};
const START = "2022-12-30";
const END = "2023-12-29";
const OUT = path.join(__dirname, "..", "test", "data", "real-files", "kweb-2023.json");

/** The file's header and rows, split plainly (independent of the add-in's CSV reader). */
function rowsOf(text: string): { header: string[]; rows: string[][] } {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "");
  return { header: lines[0].split(","), rows: lines.slice(1).map((l) => l.split(",")) };
}

function withCell(text: string, date: string, column: string, value: string): string {
  const { header, rows } = rowsOf(text);
  const c = header.indexOf(column);
  const d = header.indexOf("date");
  const hit = rows.find((r) => r[d] === date);
  if (!hit) throw new Error(`no row dated ${date}`);
  hit[c] = value;
  return [header, ...rows].map((r) => r.join(",")).join("\n");
}

async function measured(text: string): Promise<{ total: number; price: number; report: string[] }> {
  const source = createCsvSource([{ name: "KWEB.csv", text }]);
  const { series } = await source.getHistory("KWEB");
  const [s, e] = [dayFromIso(START), dayFromIso(END)];
  return {
    total: windowReturn(series, s, e, "total"),
    price: windowReturn(series, s, e, "price"),
    report: describeProblems(source.problems).map((l) => l.replace(/^.* line \d+: /, "")),
  };
}

export async function checks(text: string) {
  const { header, rows } = rowsOf(text);
  const [d, a] = [header.indexOf("date"), header.indexOf("adjclose")];
  const adj = (date: string): number => Number(rows.find((r) => r[d] === date)![a]);
  return {
    source: SOURCE,
    window: { start: START, end: END },
    independent: {
      adjStart: adj(START),
      adjEnd: adj(END),
      totalReturn: adj(END) / adj(START) - 1,
    },
    cases: [
      { case: "file as published", ...(await measured(text)) },
      {
        case: "adjclose blank on 2023-06-05",
        ...(await measured(withCell(text, "2023-06-05", "adjclose", ""))),
      },
      {
        case: "adjclose blank on 2023-12-29 (window end)",
        ...(await measured(withCell(text, END, "adjclose", ""))),
      },
      {
        case: 'close "abc" on 2023-06-05',
        ...(await measured(withCell(text, "2023-06-05", "close", "abc"))),
      },
    ],
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const file = args[args.indexOf("--file") + 1];
  if (!file || args.indexOf("--file") < 0) throw new Error("--file /path/to/KWEB.csv is required");
  const json = JSON.stringify(await checks(fs.readFileSync(file, "utf8")), null, 2) + "\n";
  if (args.includes("--check")) {
    if (fs.readFileSync(OUT, "utf8") !== json) throw new Error(`${OUT} differs from the file`);
    console.log("real-file figures match");
    return;
  }
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, json);
  console.log(`wrote ${OUT}`);
}

if (require.main === module)
  main().catch((e) => {
    console.error((e as Error).message);
    process.exit(1);
  });
