/**
 * One source for the catalogue: the JSDoc in src/functions generates functions.json (at build) and
 * the function reference (scripts/gen-function-docs.js → docs/functions.md and the README section).
 * These tests fail when either is stale or when the two disagree.
 */
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
// eslint-disable-next-line @typescript-eslint/no-require-imports
const gen = require("../../scripts/gen-function-docs.js") as {
  render(): Promise<{ metadata: Meta; body: string }>;
  docsFile(body: string): string;
  readmeWith(readme: string, body: string): string;
  anchorOf(heading: string): string;
  START: string;
  END: string;
};

const ROOT = path.resolve(__dirname, "..", "..");
const read = (p: string) => fs.readFileSync(path.join(ROOT, p), "utf8");
let rendered: { metadata: Meta; body: string };

beforeAll(async () => {
  rendered = await gen.render();
}, 60000);

test("docs/functions.md is the current generated reference", () => {
  expect(read("docs/functions.md")).toBe(gen.docsFile(rendered.body));
});

test("README's function reference section is current", () => {
  const readme = read("README.md");
  expect(readme).toContain(gen.START);
  expect(readme).toContain(gen.END);
  expect(readme).toBe(gen.readmeWith(readme, rendered.body));
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
      expect(fragment).toBe(gen.anchorOf(`CNTECH.${f.name}`));
    }
  }
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
