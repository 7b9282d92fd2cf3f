/* npm run validate: the real manifest passes; deliberately broken copies fail with the right
   message, on the right line, and the CLI exits non-zero. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
  devManifest,
  lineOf,
  makePng,
  MANIFEST_PATH,
  png,
  Problem,
  replaceOnce,
  REPO_ROOT,
  runScript,
  validator,
} from "./manifest-tools";

const messages = (errors: Problem[]) => errors.map((e) => e.message).join("\n");

describe("manifest.xml", () => {
  it("is valid against the schemas and every add-in rule", async () => {
    const { errors } = await validator.validateManifestText(devManifest());
    expect(errors).toEqual([]);
  });

  it("passes the npm run validate command (exit 0)", () => {
    const run = runScript("scripts/validate-manifest.js", [MANIFEST_PATH]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/manifest\.xml: valid/);
  });
});

/** Each case: how to break the manifest, and the message (and line) the validator must give. */
const brokenCases: {
  name: string;
  edit: (m: string) => string;
  message: RegExp;
  lineOfText?: string;
}[] = [
  {
    name: "schema: elements out of order",
    edit: (m) =>
      replaceOnce(
        m,
        "<Version>0.1.0.0</Version>\n  <ProviderName>CNTech</ProviderName>",
        "<ProviderName>CNTech</ProviderName>\n  <Version>0.1.0.0</Version>"
      ),
    message: /schema: Element 'ProviderName': This element is not expected/,
    lineOfText: "<ProviderName>",
  },
  {
    name: "schema: required child missing",
    edit: (m) => replaceOnce(m, "<Permissions>ReadWriteDocument</Permissions>", ""),
    message:
      /schema: Element 'VersionOverrides': This element is not expected\. Expected is \( Permissions \)/,
  },
  {
    name: "schema: DisplayName longer than 125 characters",
    edit: (m) =>
      replaceOnce(
        m,
        '<DisplayName DefaultValue="CNTech"/>',
        `<DisplayName DefaultValue="${"C".repeat(126)}"/>`
      ),
    message: /schema: .*DisplayName.*maxLength/,
    lineOfText: "<DisplayName",
  },
  {
    name: "schema: bad Id",
    edit: (m) =>
      replaceOnce(m, "<Id>3f1c9a52-7d4e-4b7a-9c1e-5a2b8d6e0c41</Id>", "<Id>not-a-guid</Id>"),
    message: /schema: Element 'Id'.*not-a-guid/,
  },
  {
    name: "schema: unknown runtime lifetime",
    edit: (m) => replaceOnce(m, 'lifetime="long"', 'lifetime="forever"'),
    message: /schema: .*lifetime.*forever/,
    lineOfText: "<Runtime ",
  },
  {
    name: "missing resid",
    edit: (m) => replaceOnce(m, '<Label resid="Group.Label"/>', '<Label resid="Group.Missing"/>'),
    message: /resid "Group\.Missing" on <Label> does not resolve to a bt:ShortStrings entry/,
    lineOfText: 'resid="Group.Missing"',
  },
  {
    name: "resid of the wrong kind",
    edit: (m) => replaceOnce(m, '<Label resid="Group.Label"/>', '<Label resid="Taskpane.Url"/>'),
    message:
      /resid "Taskpane\.Url" on <Label> does not resolve to a bt:ShortStrings entry; "Taskpane\.Url" is a bt:Urls entry/,
  },
  {
    name: "http URL",
    edit: (m) =>
      replaceOnce(
        m,
        'DefaultValue="https://localhost:3000/functions.js"',
        'DefaultValue="http://localhost:3000/functions.js"'
      ),
    message: /<Url> URL "http:\/\/localhost:3000\/functions\.js" must use https/,
    lineOfText: "http://localhost:3000/functions.js",
  },
  {
    name: "http URL in the AppDomain",
    edit: (m) =>
      replaceOnce(
        m,
        "<AppDomain>https://localhost:3000</AppDomain>",
        "<AppDomain>http://localhost:3000</AppDomain>"
      ),
    message: /<AppDomain> "http:\/\/localhost:3000" must use https/,
  },
  {
    name: "wrong custom functions namespace",
    edit: (m) => replaceOnce(m, 'DefaultValue="CNTECH"', 'DefaultValue="CNCORP"'),
    message: /custom functions namespace is "CNCORP", expected "CNTECH"/,
    lineOfText: 'DefaultValue="CNCORP"',
  },
  {
    name: "missing icon file",
    edit: (m) => replaceOnce(m, "assets/icon-80.png", "assets/icon-81.png"),
    message: /icon file assets\/icon-81\.png does not exist/,
  },
  {
    name: "icon of the wrong pixel size",
    edit: (m) =>
      replaceOnce(
        m,
        'id="Icon.32x32" DefaultValue="https://localhost:3000/assets/icon-32.png"',
        'id="Icon.32x32" DefaultValue="https://localhost:3000/assets/icon-64.png"'
      ),
    message: /<bt:Image size="32"> icon file assets\/icon-64\.png is 64x64 px, expected 32x32/,
  },
  {
    name: "a control reusing its group's id",
    edit: (m) => replaceOnce(m, 'id="CNTech.TaskpaneButton"', 'id="CNTech.Group"'),
    message: /<Control> id "CNTech\.Group" is already used on line \d+/,
    lineOfText: '<Control xsi:type="Button" id="CNTech.Group"',
  },
  {
    name: "short-lived runtime",
    edit: (m) => replaceOnce(m, 'lifetime="long"', 'lifetime="short"'),
    message: /<Runtime> lifetime must be "long" for a shared runtime/,
  },
  {
    name: "no shared runtime",
    edit: (m) => m.replace(/<Runtimes>[\s\S]*?<\/Runtimes>/, ""),
    message: /no shared <Runtime> in the Workbook host/,
  },
  {
    name: "SharedRuntime requirement set missing",
    edit: (m) => replaceOnce(m, '<Set Name="SharedRuntime" MinVersion="1.1"/>', ""),
    message: /requirement set SharedRuntime 1\.1 is not declared/,
  },
  {
    name: "CustomFunctionsRuntime requirement set too old",
    edit: (m) =>
      replaceOnce(
        m,
        '<Set Name="CustomFunctionsRuntime" MinVersion="1.1"/>',
        '<Set Name="CustomFunctionsRuntime" MinVersion="1.0"/>'
      ),
    message: /requirement set CustomFunctionsRuntime is 1\.0, needs 1\.1 or later/,
  },
  {
    name: "not well-formed XML",
    edit: (m) => replaceOnce(m, "</DefaultSettings>", "</DefaultSetting>"),
    message: /not well-formed XML/,
  },
];

describe("a broken manifest", () => {
  it.each(brokenCases)("fails: $name", async ({ edit, message, lineOfText }) => {
    const broken = edit(devManifest());
    const { errors } = await validator.validateManifestText(broken);
    expect(messages(errors)).toMatch(message);
    if (lineOfText) {
      const hit = errors.find((e) => message.test(e.message));
      expect(hit?.line).toBe(lineOf(broken, lineOfText));
    }
  });

  it("makes the CLI exit non-zero and name the file, line and problem", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cntech-manifest-"));
    const file = path.join(dir, "manifest.xml");
    const broken = replaceOnce(devManifest(), 'DefaultValue="CNTECH"', 'DefaultValue="CNCORP"');
    fs.writeFileSync(file, broken);
    const run = runScript("scripts/validate-manifest.js", [file]);
    expect(run.status).toBe(1);
    const line = lineOf(broken, 'DefaultValue="CNCORP"');
    expect(run.stderr).toContain(`manifest.xml:${line}: custom functions namespace is "CNCORP"`);
    expect(run.stderr).toMatch(/NOT valid/);
  });

  it("makes the CLI exit non-zero when the file does not exist", () => {
    const run = runScript("scripts/validate-manifest.js", ["no-such-manifest.xml"]);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/no-such-manifest\.xml does not exist/);
  });
});

describe("icon sizes are read from the PNG header", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cntech-png-"));

  it("reads width and height from IHDR", () => {
    const file = path.join(dir, "odd.png");
    fs.writeFileSync(file, makePng(7, 9));
    expect(png.readPngSize(file)).toEqual({ width: 7, height: 9 });
  });

  it("rejects a file that is not a PNG", () => {
    const file = path.join(dir, "fake.png");
    fs.writeFileSync(file, "GIF89a not a png at all....");
    expect(() => png.readPngSize(file)).toThrow(/not a PNG/);
  });

  it("checks icons against the site folder given (a non-square icon fails)", async () => {
    const site = path.join(dir, "site");
    fs.mkdirSync(path.join(site, "assets"), { recursive: true });
    for (const size of [16, 32, 64, 80]) {
      fs.writeFileSync(path.join(site, "assets", `icon-${size}.png`), makePng(size, size));
    }
    const ok = await validator.validateManifestText(devManifest(), { siteDir: site });
    expect(ok.errors).toEqual([]);
    fs.writeFileSync(path.join(site, "assets", "icon-16.png"), makePng(16, 17));
    const bad = await validator.validateManifestText(devManifest(), { siteDir: site });
    expect(messages(bad.errors)).toMatch(
      /icon file assets\/icon-16\.png is 16x17 px, expected 16x16/
    );
  });
});

describe("other schema files", () => {
  it("are used when --schema-dir points at them (a stricter copy rejects the manifest)", () => {
    const source = path.join(REPO_ROOT, "schemas", "manifest");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cntech-xsd-"));
    for (const f of fs.readdirSync(source))
      fs.copyFileSync(path.join(source, f), path.join(dir, f));
    const entry = path.join(dir, "cntech-appforoffice-1.1.xsd");
    const strict = fs
      .readFileSync(entry, "utf8")
      .replace(
        '<xs:element name="ProviderName" type="bt:ShortString" minOccurs="1" maxOccurs="1"/>',
        '<xs:element name="ProviderName" minOccurs="1" maxOccurs="1"><xs:simpleType><xs:restriction base="xs:string"><xs:maxLength value="3"/></xs:restriction></xs:simpleType></xs:element>'
      );
    expect(strict).toContain('<xs:maxLength value="3"/>');
    fs.writeFileSync(entry, strict);
    const run = runScript("scripts/validate-manifest.js", [MANIFEST_PATH, "--schema-dir", dir]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/schema: Element 'ProviderName'.*maxLength/);
  });
});

describe("--check-files (used on the built dist/)", () => {
  const makeSite = (files: string[]) => {
    const site = fs.mkdtempSync(path.join(os.tmpdir(), "cntech-site-"));
    fs.mkdirSync(path.join(site, "assets"));
    for (const size of [16, 32, 64, 80]) {
      fs.writeFileSync(path.join(site, "assets", `icon-${size}.png`), makePng(size, size));
    }
    for (const f of files) fs.writeFileSync(path.join(site, f), "x");
    return site;
  };
  const served = ["taskpane.html", "functions.js", "functions.json", "assets/help.html"];

  it("passes when every page, script, metadata and help URL has its file", async () => {
    const site = makeSite(served);
    const { errors } = await validator.validateManifestText(devManifest(), {
      siteDir: site,
      checkFiles: true,
    });
    expect(errors).toEqual([]);
  });

  it("fails, on the resource's line, when the build did not emit functions.json", async () => {
    const site = makeSite(served.filter((f) => f !== "functions.json"));
    const text = devManifest();
    const { errors } = await validator.validateManifestText(text, {
      siteDir: site,
      checkFiles: true,
    });
    expect(errors).toEqual([
      {
        line: lineOf(text, '<bt:Url id="Functions.Metadata.Url"'),
        message: `<Url> https://localhost:3000/functions.json: functions.json is not in ${site}`,
      },
    ]);
  });
});
