/**
 * The `cntech` command (bin/cntech.js → dist/cli.js) runs the same function implementations as the
 * Excel bundle: same values, same error codes and messages, non-zero exit on errors.
 * Needs `npm run build` first (dist/cli.js and dist/functions.js).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { callLikeExcel } from "../functions/helpers";
import { DIST, loadFunctionsBundle } from "../support/functions-bundle";

const BIN = path.resolve(__dirname, "..", "..", "bin", "cntech.js");

function cntech(...args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", timeout: 60000 });
  return { code: r.status ?? -1, out: r.stdout.trim(), err: r.stderr.trim() };
}

const bundle = loadFunctionsBundle();

describe("cntech CLI", () => {
  test("RETURN prints the same number the Excel bundle returns", async () => {
    const r = cntech("RETURN", "0700.HK", "2024-01-02", "2024-12-31");
    expect(r.code).toBe(0);
    const want = await callLikeExcel(bundle, "RETURN", ["0700.HK", "2024-01-02", "2024-12-31"]);
    expect(Number(r.out)).toBe(want);
    // The number is never shown without its source: demo data says it is synthetic.
    expect(r.err).toBe("source: demo (synthetic)");
  });

  test("SPREAD.NASDAQ on a preset with --units bps --json", async () => {
    const r = cntech(
      "SPREAD.NASDAQ",
      "HSTECH",
      "2025-01-02",
      "2025-06-30",
      "--units",
      "bps",
      "--json"
    );
    expect(r.code).toBe(0);
    const parsed = JSON.parse(r.out);
    const want = await callLikeExcel(bundle, "SPREAD.NASDAQ", [
      [["HSTECH"]],
      "2025-01-02",
      "2025-06-30",
      null,
      null,
      "bps",
    ]);
    expect(parsed.function).toBe("SPREAD.NASDAQ");
    expect(parsed.value).toBe(want);
    expect(parsed.source).toBe("demo (synthetic)");
  });

  test("a weighted basket typed as SYM:weight,SYM:weight", async () => {
    const r = cntech("cntech.return", "0700.HK:0.6,NVDA:0.4", "2024-01-02", "2024-12-31");
    const want = await callLikeExcel(bundle, "RETURN", [
      [
        ["0700.HK", 0.6],
        ["NVDA", 0.4],
      ],
      "2024-01-02",
      "2024-12-31",
    ]);
    expect(r.code).toBe(0);
    expect(Number(r.out)).toBe(want);
  });

  test("a basket with membership dates typed as SYM:weight:from:to", async () => {
    const r = cntech(
      "RETURN",
      "0700.HK:2,9988.HK:1::2025-03-31,3690.HK:1:2025-02-03",
      "2025-01-02",
      "2025-06-30",
      "--currency",
      "HKD"
    );
    const want = await callLikeExcel(bundle, "RETURN", [
      [
        ["0700.HK", 2, "", ""],
        ["9988.HK", 1, "", "2025-03-31"],
        ["3690.HK", 1, "2025-02-03", ""],
      ],
      "2025-01-02",
      "2025-06-30",
      "HKD",
    ]);
    expect(typeof want).toBe("number");
    expect(r.code).toBe(0);
    expect(Number(r.out)).toBe(want);
  });

  test("an error prints its code and message and exits non-zero", () => {
    const r = cntech("RETURN", "0005.HK", "2024-01-02", "2024-12-31");
    expect(r.code).toBe(1);
    expect(r.out).toBe("");
    expect(r.err).toMatch(/^#N\/A demo \(synthetic\): 0005\.HK is not in the demo universe/);
  });

  test("--json errors carry the same code and message; #NUM! keeps its explanation", () => {
    const bad = cntech("RETURN", "0700.HK", "2024-12-31", "2024-01-02", "--json");
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.out).error).toEqual({
      code: "#VALUE!",
      message: "start date is after end date",
    });
    const num = cntech("RETURN", "0700.HK:1,NVDA:-1", "2024-01-02");
    expect(num.code).toBe(1);
    expect(num.err).toMatch(/^#NUM! .*sum to zero/);
  });

  test("unknown functions and arguments are refused", () => {
    expect(cntech("NOPE", "x").err).toMatch(/#NAME\? unknown function NOPE/);
    const r = cntech("RETURN", "0700.HK", "2024-01-02", "--colour", "red");
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/no argument named --colour/);
  });

  test("--help lists every function in functions.json", () => {
    const r = cntech("--help");
    expect(r.code).toBe(0);
    const ids = JSON.parse(
      fs.readFileSync(path.join(DIST, "functions.json"), "utf8")
    ).functions.map((f: { id: string }) => f.id);
    for (const id of ids) expect(r.out).toContain(`CNTECH.${id}(`);
  });

  test("HISTORY prints a table with ISO dates; QUOTE prints one value and stops", () => {
    const h = cntech("HISTORY", "NVDA", "2024-07-01", "2024-07-05");
    expect(h.code).toBe(0);
    const lines = h.out.split("\n");
    expect(lines[0]).toBe("Date\tNVDA");
    expect(lines[1]).toMatch(/^2024-07-01\t\d+(\.\d+)?$/);
    const q = cntech("QUOTE", "NVDA");
    expect(q.code).toBe(0);
    expect(Number(q.out)).toBeGreaterThan(0);
  });

  test("without a build, the command says to run npm run build first", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cntech-nobuild-"));
    fs.mkdirSync(path.join(dir, "bin"));
    fs.copyFileSync(BIN, path.join(dir, "bin", "cntech.js"));
    const r = spawnSync(process.execPath, [path.join(dir, "bin", "cntech.js"), "--help"], {
      encoding: "utf8",
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/dist\/cli\.js is missing - run npm run build first/);
  });

  test("--data FILE.csv answers from the file", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cntech-cli-"));
    const file = path.join(dir, "prices.csv");
    fs.writeFileSync(
      file,
      "date,symbol,close\n2024-01-02,NVDA,100\n2024-01-03,NVDA,104\n2024-01-04,NVDA,110\n"
    );
    const r = cntech("RETURN", "NVDA", "2024-01-02", "2024-01-04", "--data", file);
    expect(r.err).toBe("source: user data (prices.csv)"); // no row problems, and its own source
    expect(Number(r.out)).toBeCloseTo(0.1, 12);
    const src = cntech("SOURCE", "NVDA", "--data", file, "--json");
    const row = JSON.parse(src.out).value[1];
    expect(row[3]).toBe(false); // user data is not synthetic
    const missing = cntech("RETURN", "NVDA", "2024-01-02", "--data", path.join(dir, "nope.csv"));
    expect(missing.code).not.toBe(0);
    expect(missing.err).toMatch(/nope\.csv does not exist/);
  });
});
