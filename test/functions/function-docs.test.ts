/**
 * One source for the catalogue: the JSDoc in src/functions generates functions.json (at build) and
 * the function reference (scripts/gen-function-docs.js → docs/functions.md and the README section).
 * These tests fail when either is stale or when the two disagree.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { DIST } from "../support/functions-bundle";

interface Meta {
  functions: Array<{
    id: string;
    name: string;
    description?: string;
    helpUrl?: string;
    parameters: Array<{ name: string; description?: string }>;
  }>;
}
/** What the generator says the files should hold (run as a script: prettier needs real ESM). */
function generated(): { metadata: Meta; body: string; docs: string; readme: string | null } {
  const r = spawnSync(
    process.execPath,
    [path.join(ROOT, "scripts", "gen-function-docs.js"), "--print"],
    {
      encoding: "utf8",
      timeout: 60000,
    }
  );
  if (r.status !== 0) throw new Error(`gen-function-docs failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** GitHub's heading anchor (the generator uses the same rule for its table of contents). */
const anchorOf = (heading: string) =>
  heading
    .toLowerCase()
    .replace(/[^\w\- ]/g, "")
    .replace(/ /g, "-");

const ROOT = path.resolve(__dirname, "..", "..");
const read = (p: string) => fs.readFileSync(path.join(ROOT, p), "utf8");
let rendered: ReturnType<typeof generated>;

beforeAll(() => {
  rendered = generated();
}, 60000);

test("docs/functions.md is the current generated reference", () => {
  expect(read("docs/functions.md")).toBe(rendered.docs);
});

test("README's function reference section is current", () => {
  const readme = read("README.md");
  expect(readme).toContain("<!-- functions:start -->");
  expect(readme).toContain("<!-- functions:end -->");
  expect(readme).toBe(rendered.readme);
});

test("dist/functions.json and the JSDoc declare the same functions, both ways", () => {
  const built = JSON.parse(fs.readFileSync(path.join(DIST, "functions.json"), "utf8")) as Meta;
  const builtIds = built.functions.map((f) => f.id).sort();
  const documentedIds = rendered.metadata.functions.map((f) => f.id).sort();
  expect(builtIds).toEqual(documentedIds);
  for (const id of documentedIds) expect(rendered.body).toContain(`### CNTECH.${id}\n`);
});

test("every function has a description, parameter help and a help link that resolves", () => {
  for (const f of rendered.metadata.functions) {
    expect(`${f.id}: ${f.description ?? ""}`.length).toBeGreaterThan(f.id.length + 20);
    for (const p of f.parameters)
      expect(`${f.id}.${p.name}: ${p.description ?? ""}`).toMatch(/: \S/);
    expect(f.helpUrl).toMatch(/^https:\/\//);
    const [, fragment] = (f.helpUrl ?? "").split("#");
    if ((f.helpUrl ?? "").includes("README.md")) {
      expect(fragment).toBe(anchorOf(`CNTECH.${f.name}`));
    }
  }
});

test("the built functions.json sends every help link to the site the built manifest serves the add-in from", () => {
  const built = JSON.parse(fs.readFileSync(path.join(DIST, "functions.json"), "utf8")) as Meta;
  const manifest = fs.readFileSync(path.join(DIST, "manifest.xml"), "utf8");
  const page = /<SourceLocation DefaultValue="([^"]+)taskpane\.html"/.exec(manifest)?.[1];
  expect(page).toMatch(/^https:\/\//);
  for (const f of built.functions) {
    expect(f.helpUrl).toBe(`${page}README.md#${anchorOf(`CNTECH.${f.name}`)}`);
  }
  expect(fs.existsSync(path.join(DIST, "README.md"))).toBe(true);
});

test("the CNTECH catalogue of issue 6 is all there", () => {
  const ids = new Set(rendered.metadata.functions.map((f) => f.id));
  for (const id of [
    "RETURN",
    "SPREAD.NASDAQ",
    "PRICE",
    "HISTORY",
    "FX",
    "VOL",
    "BETA",
    "CORR",
    "TE",
    "IR",
    "MAXDD",
    "SHARPE",
    "QUOTE",
    "SOURCE",
    "BASKET",
  ])
    expect(ids.has(id)).toBe(true);
});
