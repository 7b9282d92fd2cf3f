/* CNTech-specific manifest rules: icons exist at their stated pixel sizes, the custom functions
   namespace, the shared runtime and the requirement sets it needs. */
const path = require("path");
const NS = require("./namespaces");
const { attr, childOf, childrenOf, descendants } = require("./xml-tree");
const { readPngSize } = require("./png-size");

const REQUIRED_RIBBON_SIZES = [16, 32, 80];
const REQUIRED_SETS = { SharedRuntime: "1.1", CustomFunctionsRuntime: "1.1" };

/** Compares dotted versions numerically: negative, zero or positive. */
function compareVersions(a, b) {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] || 0) - (pb[i] || 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The add-in's site root: the folder of <DefaultSettings><SourceLocation>, e.g. https://host/app/. */
function siteRoot(root) {
  const settings = childOf(root, NS.APP, "DefaultSettings");
  const source = settings && childOf(settings, NS.APP, "SourceLocation");
  const value = source && attr(source, "DefaultValue");
  try {
    return value ? new URL(".", value).href : null;
  } catch {
    return null;
  }
}

/**
 * Checks that the image at `url` is a file under siteDir with the expected square size.
 * @returns {string | null} a problem, or null when fine
 */
function iconProblem(url, size, site, siteDir) {
  if (!site || !url.startsWith(site)) {
    return `icon ${url} is not served from the add-in's site ${site || "(unknown)"}`;
  }
  const relative = decodeURIComponent(url.slice(site.length).split(/[?#]/)[0]);
  const file = path.join(siteDir, relative);
  let dims;
  try {
    dims = readPngSize(file);
  } catch (err) {
    return err.code === "ENOENT"
      ? `icon file ${relative} does not exist (from ${url})`
      : `icon file ${relative} ${err.message}`;
  }
  if (dims.width !== size || dims.height !== size) {
    return `icon file ${relative} is ${dims.width}x${dims.height} px, expected ${size}x${size}`;
  }
  return null;
}

/**
 * Icons: the add-in icons (IconUrl 32 px, HighResolutionIconUrl 64 px) and every ribbon <Icon>
 * (16, 32 and 80 px required) point at PNG files of those sizes under siteDir.
 */
function checkIcons(root, byKind, siteDir) {
  const errors = [];
  const site = siteRoot(root);
  for (const [name, size] of [
    ["IconUrl", 32],
    ["HighResolutionIconUrl", 64],
  ]) {
    const el = childOf(root, NS.APP, name);
    const url = el && attr(el, "DefaultValue");
    const problem = url && iconProblem(url, size, site, siteDir);
    if (problem) errors.push({ line: el.line, message: `<${name}> ${problem}` });
  }
  for (const icon of descendants(root).filter((e) => e.ns === NS.TASKPANE && e.name === "Icon")) {
    const images = childrenOf(icon, NS.BT, "Image");
    const sizes = images.map((img) => Number(attr(img, "size")));
    const missing = REQUIRED_RIBBON_SIZES.filter((s) => !sizes.includes(s));
    if (missing.length) {
      errors.push({
        line: icon.line,
        message: `<Icon> lacks the required sizes ${missing.join(", ")}`,
      });
    }
    for (const img of images) {
      const resource = byKind.image.get(attr(img, "resid"));
      if (!resource) continue; // reported by the resid check
      const problem = iconProblem(
        attr(resource, "DefaultValue"),
        Number(attr(img, "size")),
        site,
        siteDir
      );
      if (problem)
        errors.push({
          line: img.line,
          message: `<bt:Image size="${attr(img, "size")}"> ${problem}`,
        });
    }
  }
  return errors;
}

/** The <Host xsi:type="Workbook"> inside VersionOverrides, if any. */
function workbookHost(versionOverrides) {
  const hosts = versionOverrides && childOf(versionOverrides, NS.TASKPANE, "Hosts");
  return (hosts ? childrenOf(hosts, NS.TASKPANE, "Host") : []).find(
    (h) => (attr(h, "type", NS.XSI) || "").replace(/^.*:/, "") === "Workbook"
  );
}

/** Custom functions live in AllFormFactors and their namespace string is `expected`. */
function checkCustomFunctions(host, byKind, expected, fallbackLine) {
  const all = host && childOf(host, NS.TASKPANE, "AllFormFactors");
  const point = all && childOf(all, NS.TASKPANE, "ExtensionPoint");
  if (!point) {
    return [
      {
        line: (host || {}).line || fallbackLine,
        message: "no CustomFunctions extension point under <AllFormFactors>",
      },
    ];
  }
  const ns = childOf(point, NS.TASKPANE, "Namespace");
  if (!ns)
    return [{ line: point.line, message: `custom functions need <Namespace> "${expected}"` }];
  const str = byKind.short.get(attr(ns, "resid"));
  if (!str) return []; // reported by the resid check
  const values = [
    attr(str, "DefaultValue"),
    ...childrenOf(str, NS.BT, "Override").map((o) => attr(o, "Value")),
  ];
  const wrong = values.filter((v) => v !== expected);
  return wrong.length
    ? [
        {
          line: str.line,
          message: `custom functions namespace is "${wrong[0]}", expected "${expected}"`,
        },
      ]
    : [];
}

/** One long-lived runtime shared by the task pane, the ribbon and custom functions. */
function checkSharedRuntime(host, fallbackLine) {
  const runtimes = host && childOf(host, NS.TASKPANE, "Runtimes");
  const runtime = runtimes && childOf(runtimes, NS.TASKPANE, "Runtime");
  if (!runtime) {
    return [
      {
        line: (host || {}).line || fallbackLine,
        message: "no shared <Runtime> in the Workbook host",
      },
    ];
  }
  const errors = [];
  if (attr(runtime, "lifetime") !== "long") {
    errors.push({
      line: runtime.line,
      message: `<Runtime> lifetime must be "long" for a shared runtime`,
    });
  }
  const resid = attr(runtime, "resid");
  const sharers = descendants(host).filter(
    (e) =>
      (e.name === "SourceLocation" && ["Page", "Action"].includes((e.parent || {}).name)) ||
      e.name === "FunctionFile"
  );
  for (const el of sharers) {
    if (attr(el, "resid") !== resid) {
      const owner =
        el.name === "FunctionFile" ? "<FunctionFile>" : `<${el.parent.name}><SourceLocation>`;
      errors.push({
        line: el.line,
        message: `${owner} must use the runtime's resid "${resid}" to share it`,
      });
    }
  }
  return errors;
}

/** Base <Requirements> name SharedRuntime and CustomFunctionsRuntime at 1.1 or later. */
function checkRequirementSets(root) {
  const reqs = childOf(root, NS.APP, "Requirements");
  const sets = reqs && childOf(reqs, NS.APP, "Sets");
  const line = (sets || reqs || root).line;
  const defaultMin = (sets && attr(sets, "DefaultMinVersion")) || "1.1";
  const declared = new Map(
    (sets ? childrenOf(sets, NS.APP, "Set") : []).map((s) => [
      attr(s, "Name"),
      attr(s, "MinVersion") || defaultMin,
    ])
  );
  const errors = [];
  for (const [name, min] of Object.entries(REQUIRED_SETS)) {
    if (!declared.has(name))
      errors.push({ line, message: `requirement set ${name} ${min} is not declared` });
    else if (compareVersions(declared.get(name), min) < 0) {
      errors.push({
        line,
        message: `requirement set ${name} is ${declared.get(name)}, needs ${min} or later`,
      });
    }
  }
  return errors;
}

module.exports = {
  checkIcons,
  checkCustomFunctions,
  checkSharedRuntime,
  checkRequirementSets,
  workbookHost,
  compareVersions,
  siteRoot,
};
