#!/usr/bin/env node
/* Offline validation of the add-in manifest (npm run validate):
   1. XML Schema validation with libxml2 against schemas/manifest/ (CNTech's subset of the
      [MS-OWEMXML] schemas, see schemas/README.md);
   2. checks no schema can express: resids resolve to the right kind of resource, URLs are https,
      icons exist at their stated pixel sizes, the CNTECH namespace, the shared runtime and the
      SharedRuntime / CustomFunctionsRuntime requirement sets.
   Prints "file:line: problem" for each failure and exits 1 when there is any.
   Usage: node scripts/validate-manifest.js [manifest.xml] [--site-dir DIR] [--check-files]
          [--schema-dir DIR] [--entry FILE.xsd] [--namespace NAME] [--online]
   (--site-dir: the folder the site root URL maps to, default the repository, whose assets/ holds the
   icons; --check-files: every URL on the add-in's site must name a file there, e.g. with dist/) */
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");
const NS = require("./manifest/namespaces");
const { parseXml, childOf } = require("./manifest/xml-tree");
const { checkAgainstSchemas } = require("./manifest/schema-check");
const {
  indexResources,
  checkResids,
  checkUrls,
  checkUniqueUiIds,
} = require("./manifest/resource-checks");
const addin = require("./manifest/addin-checks");
const { checkServedFiles } = require("./manifest/served-files");

const REPO_ROOT = path.resolve(__dirname, "..");

/**
 * Validates manifest text: schema first, then the add-in rules (skipped if it is not well-formed).
 * @param {string} text manifest XML
 * @param {object} [options]
 * @param {string} [options.fileName] name for messages (default manifest.xml)
 * @param {string} [options.siteDir] folder the site root URL maps to, for icon files (default: repo root)
 * @param {string} [options.schemaDir] folder of the XSDs
 * @param {string} [options.entry] entry XSD file name
 * @param {string} [options.namespace] expected custom functions namespace (default CNTECH)
 * @param {boolean} [options.checkFiles] also require every URL on the add-in's site to name a file in siteDir
 * @returns {Promise<{errors: {line: number|null, message: string}[], warnings: {line: number|null, message: string}[]}>}
 */
async function validateManifestText(text, options = {}) {
  const fileName = options.fileName || "manifest.xml";
  let root;
  try {
    root = parseXml(text);
  } catch (err) {
    return { errors: [{ line: err.line || null, message: err.message }], warnings: [] };
  }
  const errors = await checkAgainstSchemas(text, fileName, options);
  if (root.ns !== NS.APP || root.name !== "OfficeApp") {
    errors.push({ line: root.line, message: `root element must be <OfficeApp xmlns="${NS.APP}">` });
    return { errors, warnings: [] };
  }
  const versionOverrides = childOf(root, NS.TASKPANE, "VersionOverrides");
  const { byKind, errors: resourceErrors } = indexResources(versionOverrides);
  const resids = checkResids(root, byKind);
  const host = addin.workbookHost(versionOverrides);
  if (!host)
    errors.push({
      line: root.line,
      message: 'no <Host xsi:type="Workbook"> in <VersionOverrides>',
    });
  errors.push(
    ...resourceErrors,
    ...resids.errors,
    ...checkUrls(root),
    ...checkUniqueUiIds(root),
    ...addin.checkIcons(root, byKind, options.siteDir || REPO_ROOT),
    ...addin.checkRequirementSets(root)
  );
  if (options.checkFiles) errors.push(...checkServedFiles(root, options.siteDir || REPO_ROOT));
  if (host) {
    errors.push(
      ...addin.checkCustomFunctions(host, byKind, options.namespace || "CNTECH", root.line),
      ...addin.checkSharedRuntime(host, root.line)
    );
  }
  errors.sort((a, b) => (a.line || 0) - (b.line || 0));
  return { errors, warnings: [...resids.unused, ...localhostLeftovers(text, root)] };
}

/** A manifest served from a real site that still names localhost somewhere (e.g. its AppDomain). */
function localhostLeftovers(text, root) {
  const settings = childOf(root, NS.APP, "DefaultSettings");
  const source = settings && childOf(settings, NS.APP, "SourceLocation");
  const site = source ? source.attrs.DefaultValue : undefined;
  if (!site || /^https:\/\/localhost[:/]/.test(site.value)) return [];
  return text
    .split("\n")
    .map((line, i) => ({ line: i + 1, text: line }))
    .filter((l) => /localhost/i.test(l.text))
    .map((l) => ({
      line: l.line,
      message: `refers to localhost although the add-in is served from ${site.value}`,
    }));
}

/** Same as validateManifestText for a file on disk. */
async function validateManifestFile(file, options = {}) {
  const text = fs.readFileSync(file, "utf8");
  return validateManifestText(text, { fileName: path.basename(file), ...options });
}

/** Optional online check by Microsoft's service (office-addin-manifest); never required. */
function validateOnline(file) {
  const bin = path.join(REPO_ROOT, "node_modules", ".bin", "office-addin-manifest");
  const run = spawnSync(bin, ["validate", file], { encoding: "utf8", timeout: 60000 });
  const output = `${run.stdout || ""}${run.stderr || ""}`;
  if (run.status === 0) return { ok: true, output };
  const offline =
    /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|fetch failed|network/i.test(output) || run.error;
  return { ok: Boolean(offline), skipped: Boolean(offline), output };
}

function parseArgs(argv) {
  const opts = { file: "manifest.xml" };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === "--site-dir") opts.siteDir = path.resolve(value());
    else if (a === "--schema-dir") opts.schemaDir = path.resolve(value());
    else if (a === "--entry") opts.entry = value();
    else if (a === "--namespace") opts.namespace = value();
    else if (a === "--online") opts.online = true;
    else if (a === "--check-files") opts.checkFiles = true;
    else if (a.startsWith("--")) throw new Error(`unknown option ${a}`);
    else opts.file = a;
  }
  return opts;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const name = path.relative(process.cwd(), path.resolve(opts.file)) || opts.file;
  if (!fs.existsSync(opts.file)) throw new Error(`${name} does not exist`);
  const { errors, warnings } = await validateManifestFile(opts.file, opts);
  for (const w of warnings) console.warn(`${name}:${w.line}: warning: ${w.message}`);
  for (const e of errors) console.error(`${name}:${e.line === null ? "?" : e.line}: ${e.message}`);
  if (errors.length) {
    console.error(`${name}: ${errors.length} problem(s); the manifest is NOT valid`);
    process.exitCode = 1;
    return;
  }
  console.log(
    `${name}: valid (XML Schema: schemas/manifest; resids, https, icons, CNTECH namespace, shared runtime)`
  );
  if (opts.online) {
    const online = validateOnline(opts.file);
    if (online.skipped) console.warn(`${name}: online validation skipped (no network)`);
    else if (!online.ok) {
      console.error(online.output);
      process.exitCode = 1;
    } else console.log(`${name}: valid according to the online service`);
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error(`validate-manifest: ${err.message}`);
    process.exitCode = 2;
  });
}

module.exports = { validateManifestText, validateManifestFile };
