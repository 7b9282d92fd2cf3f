#!/usr/bin/env node
/* Writes a production manifest: manifest.xml with every https://localhost:3000/ URL moved to the
   given site (and the AppDomain to its origin), validated before it is written.
   Usage: npm run manifest:prod -- https://addins.example.com/cntech/ [out.xml]
   (default output dist/manifest.prod.xml; deploy the contents of dist/ to that site). A functions.json
   beside the output gets its helpUrl links moved to the same site. */
const fs = require("fs");
const path = require("path");
const { validateManifestText } = require("./validate-manifest");

const REPO_ROOT = path.resolve(__dirname, "..");
const DEV_SITE = "https://localhost:3000/";

/**
 * Normalises the production site URL: absolute https, no query or fragment, ending in "/".
 * @param {string} raw the URL given on the command line
 * @returns {URL}
 * @throws {Error} when the URL is unusable for an add-in
 */
function parseSiteUrl(raw) {
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`"${raw}" is not an absolute URL`);
  }
  if (url.protocol !== "https:")
    throw new Error(`"${raw}" must use https (Office loads add-ins over TLS)`);
  if (url.search || url.hash) throw new Error(`"${raw}" must not have a query or fragment`);
  if (url.username || url.password) throw new Error(`"${raw}" must not contain credentials`);
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  return url;
}

/**
 * Rewrites the development manifest for a production site.
 * @param {string} devManifest manifest.xml text (URLs on https://localhost:3000/)
 * @param {URL} site production site root, ending in "/"
 * @returns {string} the production manifest text
 * @throws {Error} when a localhost reference would survive the rewrite
 */
function toProductionManifest(devManifest, site) {
  const origin = DEV_SITE.slice(0, -1);
  const text = devManifest
    .split(DEV_SITE)
    .join(site.href)
    .replace(
      new RegExp(`(<AppDomain>\\s*)${origin.replace(/[.]/g, "\\.")}(\\s*</AppDomain>)`, "g"),
      `$1${site.origin}$2`
    );
  const leftover = text.split("\n").findIndex((line) => /localhost/i.test(line));
  if (leftover >= 0) throw new Error(`line ${leftover + 1} still refers to localhost`);
  return text;
}

/**
 * Moves each function's helpUrl (a page of the add-in's site, e.g. README.md#cntechreturn) to the
 * production site, so Excel's "Help on this function" does not open localhost.
 * @param {string} functionsJson functions.json text as custom-functions-metadata writes it
 * @param {URL} site production site root, ending in "/"
 * @returns {string} the rewritten functions.json text
 */
function toProductionFunctionsJson(functionsJson, site) {
  const metadata = JSON.parse(functionsJson);
  for (const f of metadata.functions ?? []) {
    if (typeof f.helpUrl !== "string") continue;
    const url = new URL(f.helpUrl);
    const page = url.pathname.split("/").pop() ?? "";
    f.helpUrl = new URL(page + url.hash, site).href;
  }
  return JSON.stringify(metadata, null, 2);
}

async function main() {
  const [rawUrl, out = path.join(REPO_ROOT, "dist", "manifest.prod.xml")] = process.argv.slice(2);
  if (!rawUrl)
    throw new Error("usage: npm run manifest:prod -- https://your.host/path/ [output.xml]");
  const site = parseSiteUrl(rawUrl);
  const source = path.join(REPO_ROOT, "manifest.xml");
  const text = toProductionManifest(fs.readFileSync(source, "utf8"), site);
  const { errors } = await validateManifestText(text, { fileName: path.basename(out) });
  if (errors.length) {
    for (const e of errors) console.error(`${path.basename(out)}:${e.line ?? "?"}: ${e.message}`);
    throw new Error("the production manifest is not valid; nothing written");
  }
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  fs.writeFileSync(out, text);
  console.log(
    `wrote ${path.relative(process.cwd(), path.resolve(out))} for ${site.href} (validated)`
  );
  const functionsJson = path.join(path.dirname(path.resolve(out)), "functions.json");
  if (fs.existsSync(functionsJson)) {
    fs.writeFileSync(
      functionsJson,
      toProductionFunctionsJson(fs.readFileSync(functionsJson, "utf8"), site)
    );
    console.log(
      `moved the helpUrl links in ${path.relative(process.cwd(), functionsJson)} to ${site.href}`
    );
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error(`make-prod-manifest: ${err.message}`);
    process.exitCode = 1;
  });
}

module.exports = { parseSiteUrl, toProductionManifest, toProductionFunctionsJson };
