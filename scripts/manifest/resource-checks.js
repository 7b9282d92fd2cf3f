/* Checks the schemas cannot express: every resid resolves to a resource of the kind its element
   needs, resource ids are unique, and every URL in the manifest is https. */
const NS = require("./namespaces");
const { attr, childOf, childrenOf, descendants } = require("./xml-tree");

/** Resource kinds, named after their <bt:Resources> collections. */
const KIND_COLLECTION = {
  image: "bt:Images",
  url: "bt:Urls",
  short: "bt:ShortStrings",
  long: "bt:LongStrings",
};

/** Which kind of resource each element that carries a resid must point to. */
const RESID_KIND = {
  Image: "image",
  Runtime: "url",
  SourceLocation: "url",
  FunctionFile: "url",
  LearnMoreUrl: "url",
  Label: "short",
  Title: "short",
  Namespace: "short",
  Description: "long",
};

/**
 * Indexes <bt:Resources> by kind and id, reporting duplicate ids within a kind.
 * @returns {{byKind: Record<string, Map<string, object>>, errors: {line: number, message: string}[]}}
 */
function indexResources(versionOverrides) {
  const byKind = { image: new Map(), url: new Map(), short: new Map(), long: new Map() };
  const errors = [];
  const resources = versionOverrides && childOf(versionOverrides, NS.TASKPANE, "Resources");
  if (!resources) return { byKind, errors };
  const collections = [
    ["image", "Images", "Image"],
    ["url", "Urls", "Url"],
    ["short", "ShortStrings", "String"],
    ["long", "LongStrings", "String"],
  ];
  for (const [kind, collection, item] of collections) {
    const holder = childOf(resources, NS.BT, collection);
    for (const el of holder ? childrenOf(holder, NS.BT, item) : []) {
      const id = attr(el, "id");
      if (byKind[kind].has(id)) {
        errors.push({ line: el.line, message: `duplicate ${KIND_COLLECTION[kind]} id "${id}"` });
      } else {
        byKind[kind].set(id, el);
      }
    }
  }
  return { byKind, errors };
}

/**
 * Every element with a resid must name an existing resource of the right kind.
 * @returns {{line: number, message: string}[]}
 */
function checkResids(root, byKind) {
  const errors = [];
  const used = new Set();
  for (const el of descendants(root)) {
    const resid = attr(el, "resid");
    if (resid === undefined) continue;
    const kind = RESID_KIND[el.name];
    if (!kind) {
      errors.push({
        line: el.line,
        message: `<${el.name}> has a resid but no known resource kind`,
      });
      continue;
    }
    used.add(`${kind}:${resid}`);
    if (byKind[kind].has(resid)) continue;
    const other = Object.keys(byKind).find((k) => byKind[k].has(resid));
    const where = other ? `; "${resid}" is a ${KIND_COLLECTION[other]} entry` : "";
    errors.push({
      line: el.line,
      message: `resid "${resid}" on <${el.name}> does not resolve to a ${KIND_COLLECTION[kind]} entry${where}`,
    });
  }
  const unused = [];
  for (const [kind, map] of Object.entries(byKind)) {
    for (const [id, el] of map) {
      if (!used.has(`${kind}:${id}`))
        unused.push({ line: el.line, message: `unused resource "${id}"` });
    }
  }
  return { errors, unused };
}

/** Elements whose DefaultValue (and Override Value) attributes are URLs. */
const URL_SETTINGS = new Set([
  `${NS.APP} IconUrl`,
  `${NS.APP} HighResolutionIconUrl`,
  `${NS.APP} SupportUrl`,
  `${NS.APP} SourceLocation`,
]);

/** True when this element's DefaultValue / Override Value holds a URL. */
function holdsUrl(el) {
  if (URL_SETTINGS.has(`${el.ns} ${el.name}`)) return true;
  if (el.ns === NS.BT && (el.name === "Url" || el.name === "Image") && attr(el, "id")) return true;
  const parent = el.parent;
  return el.name === "Override" && parent !== null && holdsUrl(parent);
}

/** Error message when value is not an absolute https URL, else null. */
function httpsProblem(value) {
  let url;
  try {
    url = new URL(value);
  } catch {
    return `"${value}" is not an absolute URL`;
  }
  return url.protocol === "https:" ? null : `"${value}" must use https`;
}

/**
 * Every URL-valued setting and AppDomain is an absolute https URL, and no other attribute or text
 * mentions an http:// address.
 * @returns {{line: number, message: string}[]}
 */
function checkUrls(root) {
  const errors = [];
  for (const el of descendants(root)) {
    if (holdsUrl(el)) {
      const value = el.name === "Override" ? attr(el, "Value") : attr(el, "DefaultValue");
      const problem = value === undefined ? null : httpsProblem(value);
      if (problem) errors.push({ line: el.line, message: `<${el.name}> URL ${problem}` });
      continue;
    }
    if (el.ns === NS.APP && el.name === "AppDomain") {
      const problem = httpsProblem(el.text.trim());
      if (problem) errors.push({ line: el.line, message: `<AppDomain> ${problem}` });
      continue;
    }
    for (const a of Object.values(el.attrs)) {
      if (a.ns === NS.XMLNS || a.local === "xmlns") continue;
      if (/http:\/\//i.test(a.value)) {
        errors.push({ line: el.line, message: `<${el.name}> ${a.local} mentions a non-https URL` });
      }
    }
    if (/http:\/\//i.test(el.text)) {
      errors.push({ line: el.line, message: `<${el.name}> text mentions a non-https URL` });
    }
  }
  return errors;
}

/**
 * Ribbon tabs, groups and controls are addressed by id, so Office rejects a manifest that reuses one.
 * @returns {{line: number, message: string}[]}
 */
function checkUniqueUiIds(root) {
  const seen = new Map();
  const errors = [];
  const named = ["OfficeTab", "CustomTab", "Group", "Control"];
  for (const el of descendants(root)) {
    if (el.ns !== NS.TASKPANE || !named.includes(el.name)) continue;
    const id = attr(el, "id");
    if (id === undefined) continue;
    if (seen.has(id)) {
      errors.push({
        line: el.line,
        message: `<${el.name}> id "${id}" is already used on line ${seen.get(id)}`,
      });
    } else seen.set(id, el.line);
  }
  return errors;
}

module.exports = {
  indexResources,
  checkResids,
  checkUrls,
  checkUniqueUiIds,
  httpsProblem,
  holdsUrl,
};
