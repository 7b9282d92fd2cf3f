/* With --check-files: every URL the manifest serves from the add-in's own site (the task pane page,
   functions script and metadata, help page, icons) names a file that exists in the site folder -
   typically the built dist/, so a manifest cannot point at a file the build does not emit. */
const fs = require("fs");
const path = require("path");
const { attr, descendants } = require("./xml-tree");
const { holdsUrl } = require("./resource-checks");
const { siteRoot } = require("./addin-checks");

/**
 * @param {import("./xml-tree").XmlElement} root the <OfficeApp> element
 * @param {string} siteDir folder that the site root URL maps to
 * @returns {{line: number, message: string}[]}
 */
function checkServedFiles(root, siteDir) {
  const site = siteRoot(root);
  if (!site) return [{ line: root.line, message: "no usable <DefaultSettings><SourceLocation>" }];
  const errors = [];
  for (const el of descendants(root)) {
    if (!holdsUrl(el)) continue;
    const url = el.name === "Override" ? attr(el, "Value") : attr(el, "DefaultValue");
    if (!url || !url.startsWith(site)) continue; // other sites are not ours to check
    const relative = decodeURIComponent(url.slice(site.length).split(/[?#]/)[0]) || "index.html";
    if (!fs.existsSync(path.join(siteDir, relative))) {
      errors.push({
        line: el.line,
        message: `<${el.name}> ${url}: ${relative} is not in ${siteDir}`,
      });
    }
  }
  return errors;
}

module.exports = { checkServedFiles };
