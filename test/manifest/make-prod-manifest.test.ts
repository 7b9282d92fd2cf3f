/* npm run manifest:prod: the production manifest moves every dev URL to the given site,
   validates, and refuses unusable site URLs. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { devManifest, prod, runScript, validator } from "./manifest-tools";

const DEV = "https://localhost:3000/";
const count = (text: string, needle: string) => text.split(needle).length - 1;

describe("toProductionManifest", () => {
  const site = new URL("https://addins.example.com/cntech/");
  const dev = devManifest();
  const out = prod.toProductionManifest(dev, site);

  it("moves every dev URL to the production site and leaves no localhost behind", () => {
    expect(count(dev, DEV)).toBeGreaterThan(5);
    expect(count(out, "https://addins.example.com/cntech/")).toBe(count(dev, DEV));
    expect(out).not.toMatch(/localhost/i);
  });

  it("sets the AppDomain to the site's origin", () => {
    expect(out).toContain("<AppDomain>https://addins.example.com</AppDomain>");
  });

  it("changes nothing but URLs", () => {
    const strip = (t: string) => t.replace(/https:\/\/[^"<\s]+/g, "URL");
    expect(strip(out)).toBe(strip(dev));
  });

  it("produces a manifest that passes validation", async () => {
    const { errors, warnings } = await validator.validateManifestText(out, {
      fileName: "manifest.prod.xml",
    });
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it("is flagged when a localhost reference survives (the validator warns, with the line)", async () => {
    const stale = out.replace(
      "<AppDomain>https://addins.example.com</AppDomain>",
      "<AppDomain>https://localhost:3000</AppDomain>"
    );
    const { warnings } = await validator.validateManifestText(stale);
    const line = stale.split("\n").findIndex((l) => l.includes("localhost")) + 1;
    expect(warnings).toEqual([
      {
        line,
        message:
          "refers to localhost although the add-in is served from https://addins.example.com/cntech/taskpane.html",
      },
    ]);
  });
});

describe("toProductionFunctionsJson", () => {
  const dev = JSON.stringify({
    functions: [
      { id: "RETURN", name: "RETURN", helpUrl: `${DEV}README.md#cntechreturn` },
      { id: "FX", name: "FX" },
    ],
  });

  it("moves each helpUrl to the site, keeping the page and its anchor; entries without one stay so", () => {
    const out = JSON.parse(
      prod.toProductionFunctionsJson(dev, new URL("https://addins.example.com/cntech/"))
    );
    expect(out.functions).toEqual([
      {
        id: "RETURN",
        name: "RETURN",
        helpUrl: "https://addins.example.com/cntech/README.md#cntechreturn",
      },
      { id: "FX", name: "FX" },
    ]);
  });

  it("is idempotent across sites: a second rewrite replaces the first site", () => {
    const once = prod.toProductionFunctionsJson(dev, new URL("https://a.example.com/x/"));
    const twice = prod.toProductionFunctionsJson(once, new URL("https://b.example.com/"));
    expect(JSON.parse(twice).functions[0].helpUrl).toBe(
      "https://b.example.com/README.md#cntechreturn"
    );
  });
});

describe("parseSiteUrl", () => {
  it("adds the trailing slash a site root needs", () => {
    expect(prod.parseSiteUrl("https://addins.example.com/cntech").href).toBe(
      "https://addins.example.com/cntech/"
    );
  });

  it.each([
    ["http://addins.example.com/", /must use https/],
    ["addins.example.com/cntech/", /not an absolute URL/],
    ["https://addins.example.com/?v=2", /query or fragment/],
    ["https://user:pw@addins.example.com/", /credentials/],
  ])("rejects %s", (raw, message) => {
    expect(() => prod.parseSiteUrl(raw)).toThrow(message);
  });
});

describe("the manifest:prod command", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cntech-prod-"));

  it("writes the validated manifest to the path given", () => {
    const file = path.join(dir, "out", "manifest.prod.xml");
    const run = runScript("scripts/make-prod-manifest.js", [
      "https://cdn.example.org/addin/",
      file,
    ]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const written = fs.readFileSync(file, "utf8");
    expect(written).toContain(
      '<SourceLocation DefaultValue="https://cdn.example.org/addin/taskpane.html"/>'
    );
    expect(written).not.toMatch(/localhost/);
  });

  it("moves the helpUrl links of a functions.json beside the output to the same site", () => {
    const out = path.join(dir, "site");
    fs.mkdirSync(out, { recursive: true });
    const help = `${DEV}README.md#cntechvol`;
    fs.writeFileSync(
      path.join(out, "functions.json"),
      JSON.stringify({ functions: [{ id: "VOL", name: "VOL", helpUrl: help }] })
    );
    const run = runScript("scripts/make-prod-manifest.js", [
      "https://cdn.example.org/addin/",
      path.join(out, "manifest.prod.xml"),
    ]);
    expect(run.status).toBe(0);
    const json = JSON.parse(fs.readFileSync(path.join(out, "functions.json"), "utf8"));
    expect(json.functions[0].helpUrl).toBe("https://cdn.example.org/addin/README.md#cntechvol");
  });

  it("exits non-zero and writes nothing for an http site", () => {
    const file = path.join(dir, "http.xml");
    const run = runScript("scripts/make-prod-manifest.js", ["http://cdn.example.org/addin/", file]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/must use https/);
    expect(fs.existsSync(file)).toBe(false);
  });

  it("exits non-zero with usage when no URL is given", () => {
    const run = runScript("scripts/make-prod-manifest.js", []);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/usage: npm run manifest:prod/);
  });
});
