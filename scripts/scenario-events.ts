/**
 * Recomputes the scenario event table (src/core/scenario/event-returns.ts) from real daily price
 * files in public repositories. The price files are not part of CNTech: fetch the repositories
 * yourself and pass where each one is on disk, as a git directory (read with `git show`) or as a
 * plain checkout.
 *
 * Usage:
 *   npx ts-node --transpile-only scripts/scenario-events.ts \
 *     --source dsturdy/Factor_Attribution_5_csvs=/path/to/git-dir-or-checkout \
 *     --source Georgelikechen/George-portfolio_optimization=/path/to/git-dir-or-checkout \
 *     [--check]      (compare with the committed table instead of writing it)
 *     [--markdown]   (print the table for docs/scenarios.md instead of writing it)
 *
 * Returns are close to close on the files' Close column (dividend-adjusted where the file is), from
 * the close of the window's start date to the close of its end date. A date missing from a file is
 * an error, never the nearest row.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { runMain, writeGenerated } from "./generated-file";

interface Source {
  readonly repo: string;
  readonly commit: string;
  /** Path of a symbol's file inside the repository. */
  readonly file: (symbol: string) => string;
}

const US: Source = {
  repo: "dsturdy/Factor_Attribution_5_csvs",
  commit: "a206574f380c69cb147d5900c6115d54c74ce8d0",
  file: (s) => `data/${s}.csv`,
};
const HK: Source = {
  repo: "Georgelikechen/George-portfolio_optimization",
  commit: "d27f7d124defa0493acf3018c53cc6d20511b159",
  file: (s) => `data/${s}.csv`,
};

/** Instruments measured in every window: US-listed trackers and ADRs, Hong Kong lines. */
const INSTRUMENTS: readonly { symbol: string; source: Source }[] = [
  ...["QQQ", "KTEC", "KWEB", "CQQQ", "FXI", "MCHI", "BABA", "BIDU", "JD", "PDD", "NVDA"].map(
    (symbol) => ({ symbol, source: US })
  ),
  ...["0700.HK", "9988.HK", "3690.HK", "9618.HK", "1024.HK", "9888.HK", "0981.HK", "1810.HK"].map(
    (symbol) => ({ symbol, source: HK })
  ),
];

/** Event windows (close to close, the same calendar dates in New York and Hong Kong). */
const EVENTS: readonly { id: string; start: string; end: string }[] = [
  { id: "TAIWAN_DRILLS_2022", start: "2022-08-01", end: "2022-08-05" },
  { id: "EXPORT_CONTROLS_2022", start: "2022-10-07", end: "2022-10-10" },
  { id: "STIMULUS_SEPT_2024", start: "2024-09-23", end: "2024-10-02" },
  { id: "STIMULUS_DEC_2024", start: "2024-12-06", end: "2024-12-10" },
  { id: "DEEPSEEK_2025", start: "2025-01-13", end: "2025-02-14" },
  { id: "LIBERATION_DAY_2025", start: "2025-04-02", end: "2025-04-07" },
  { id: "TRADE_TRUCE_2025", start: "2025-05-09", end: "2025-05-13" },
];

function parseArgs(argv: string[]): {
  roots: Map<string, string>;
  check: boolean;
  markdown: boolean;
} {
  const roots = new Map<string, string>();
  let check = false;
  let markdown = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--check") check = true;
    else if (argv[i] === "--markdown") markdown = true;
    else if (argv[i] === "--source") {
      const [repo, dir] = (argv[++i] ?? "").split("=");
      if (!repo || !dir) throw new Error("--source expects owner/name=/local/path");
      roots.set(repo, dir);
    } else throw new Error(`unknown argument ${argv[i]}`);
  }
  return { roots, check, markdown };
}

/** A file's text at the recorded commit (git directory) or as checked out (plain directory). */
function readSource(roots: Map<string, string>, source: Source, file: string): string {
  const root = roots.get(source.repo);
  if (!root) throw new Error(`no --source given for ${source.repo}`);
  const checkout = path.join(root, file);
  if (fs.existsSync(checkout)) return fs.readFileSync(checkout, "utf8");
  return execFileSync("git", ["--git-dir", root, "show", `${source.commit}:${file}`], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** Date (first 10 characters of the first column) → Close, from a CSV with a header row. */
function closesByDate(text: string, label: string): Map<string, number> {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "");
  const header = lines[0].split(",").map((h) => h.trim().toLowerCase());
  const col = header.indexOf("close");
  if (col < 0) throw new Error(`${label}: no Close column in ${lines[0]}`);
  const out = new Map<string, number>();
  for (const line of lines.slice(1)) {
    const cells = line.split(",");
    const value = Number(cells[col]);
    if (cells[col] !== "" && Number.isFinite(value)) out.set(cells[0].slice(0, 10), value);
  }
  return out;
}

function closeOn(closes: Map<string, number>, date: string, label: string): number {
  const v = closes.get(date);
  if (v === undefined) throw new Error(`${label}: no close on ${date}`);
  return v;
}

const round = (x: number, digits: number) => Number(x.toFixed(digits));

function buildRows(roots: Map<string, string>) {
  const rows = [];
  for (const { symbol, source } of INSTRUMENTS) {
    const file = source.file(symbol);
    const closes = closesByDate(readSource(roots, source, file), `${source.repo}/${file}`);
    for (const e of EVENTS) {
      const label = `${symbol} ${e.id}`;
      const startClose = closeOn(closes, e.start, label);
      const endClose = closeOn(closes, e.end, label);
      rows.push({
        event: e.id,
        symbol,
        start: e.start,
        end: e.end,
        startClose: round(startClose, 4),
        endClose: round(endClose, 4),
        move: round(endClose / startClose - 1, 5),
        repo: source.repo,
        path: file,
        commit: source.commit,
      });
    }
  }
  return rows;
}

function render(rows: ReturnType<typeof buildRows>): string {
  const windows = EVENTS.map((e) => `  ${e.id}: { start: "${e.start}", end: "${e.end}" },`);
  const files = INSTRUMENTS.map(
    ({ symbol, source }) =>
      `  "${symbol}": { ...${source === US ? "US" : "HK"}, path: "${source.file(symbol)}" },`
  );
  const body = rows.map(
    (r) => `  ["${r.event}", "${r.symbol}", ${r.startClose}, ${r.endClose}, ${r.move}],`
  );
  return `// Generated by scripts/scenario-events.ts from real daily price files; do not edit by hand.
import { EventRow, EventWindow, PriceFile } from "./event-types";

const US = { repo: "${US.repo}", commit: "${US.commit}" };
const HK = { repo: "${HK.repo}", commit: "${HK.commit}" };

/** Event windows: close of \`start\` to close of \`end\`, the same dates in New York and Hong Kong. */
export const EVENT_WINDOWS: Readonly<Record<string, EventWindow>> = {
${windows.join("\n")}
};

/** The daily price file each instrument's closes come from. */
export const PRICE_FILES: Readonly<Record<string, PriceFile>> = {
${files.join("\n")}
};

/** [event, symbol, start close, end close, return = end / start − 1]. */
export const EVENT_ROWS: readonly EventRow[] = [
${body.join("\n")}
];
`;
}

/** Instruments down, events across, returns in percent with one decimal. */
function markdownTable(rows: ReturnType<typeof buildRows>): string {
  const pct = (x: number) => `${x >= 0 ? "+" : "−"}${Math.abs(100 * x).toFixed(1)}`;
  const head = `| Instrument | ${EVENTS.map((e) => `${e.id} (${e.start} → ${e.end})`).join(" | ")} |`;
  const rule = `| --- | ${EVENTS.map(() => "---:").join(" | ")} |`;
  const lines = INSTRUMENTS.map(
    ({ symbol }) =>
      `| ${symbol} | ${EVENTS.map((e) => pct(rows.find((r) => r.symbol === symbol && r.event === e.id)!.move)).join(" | ")} |`
  );
  return [head, rule, ...lines].join("\n");
}

async function main(): Promise<void> {
  const { roots, check, markdown } = parseArgs(process.argv.slice(2));
  if (markdown) {
    console.log(markdownTable(buildRows(roots)));
    return;
  }
  const target = path.join(__dirname, "..", "src", "core", "scenario", "event-returns.ts");
  await writeGenerated(target, render(buildRows(roots)), check);
}

runMain(main);
