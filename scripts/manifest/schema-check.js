/* XML Schema validation of a manifest with libxml2 (xmllint-wasm: libxml2 compiled to WebAssembly,
   so no native tool is needed). The schema files live in schemas/manifest/; see schemas/README.md. */
const fs = require("fs");
const path = require("path");
const { validateXML } = require("xmllint-wasm");

const DEFAULT_SCHEMA_DIR = path.resolve(__dirname, "..", "..", "schemas", "manifest");
const DEFAULT_ENTRY = "cntech-appforoffice-1.1.xsd";

/** Strips libxml2's "Schemas validity error : Element '{namespace}Local'" noise to "<Local>". */
function tidy(message) {
  return message
    .replace(/^.*?Schemas validity error : /, "")
    .replace(/\{http:\/\/schemas\.microsoft\.com\/office\/officeappbasictypes\/1\.0\}/g, "bt:")
    .replace(/\{http:\/\/schemas\.microsoft\.com\/office\/[^}]+\}/g, "")
    .trim();
}

/**
 * Validates XML text against the manifest schemas.
 * @param {string} xmlText the manifest
 * @param {string} fileName name used in messages
 * @param {{schemaDir?: string, entry?: string}} [options] where the XSDs are and which one is the entry
 * @returns {Promise<{line: number | null, message: string}[]>} schema errors (empty when valid)
 */
async function checkAgainstSchemas(xmlText, fileName, options = {}) {
  const schemaDir = options.schemaDir || DEFAULT_SCHEMA_DIR;
  const entry = options.entry || DEFAULT_ENTRY;
  const xsds = fs.readdirSync(schemaDir).filter((f) => f.endsWith(".xsd"));
  if (!xsds.includes(entry)) throw new Error(`schema entry ${entry} not found in ${schemaDir}`);
  const load = (f) => ({ fileName: f, contents: fs.readFileSync(path.join(schemaDir, f), "utf8") });
  const result = await validateXML({
    xml: [{ fileName: path.basename(fileName), contents: xmlText }],
    schema: [load(entry)],
    preload: xsds.filter((f) => f !== entry).map(load),
  });
  if (result.valid) return [];
  const errors = result.errors
    .filter((e) => !/fails to validate$/.test(e.rawMessage.trim()))
    .map((e) => ({ line: e.loc ? e.loc.lineNumber : null, message: `schema: ${tidy(e.message)}` }));
  return errors.length
    ? errors
    : [{ line: null, message: `schema: ${result.rawOutput.trim() || "invalid"}` }];
}

module.exports = { checkAgainstSchemas, DEFAULT_SCHEMA_DIR, DEFAULT_ENTRY };
