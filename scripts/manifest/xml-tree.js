/* Parses XML into a small namespace-aware tree that remembers each element's line number, so the
   manifest checks can point at the offending line. Built on sax (streaming, no DOM needed). */
const sax = require("sax");

/**
 * @typedef {object} XmlElement
 * @property {string} name local name, e.g. "Image"
 * @property {string} ns namespace URI ("" when none)
 * @property {Record<string, {value: string, ns: string, local: string}>} attrs by qualified name
 * @property {XmlElement[]} children
 * @property {string} text concatenated character data directly inside the element
 * @property {number} line 1-based line of the element's start tag
 * @property {XmlElement | null} parent
 */

/** 1-based line of a 0-based character offset. */
function lineAt(lineStarts, offset) {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/**
 * Parses XML text into a tree of XmlElement.
 * @param {string} text the document
 * @returns {XmlElement} the root element
 * @throws {Error} with `line` set when the document is not well-formed
 */
function parseXml(text) {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") lineStarts.push(i + 1);
  const parser = sax.parser(true, { xmlns: true, position: true });
  const stack = [];
  let root = null;
  let failure = null;
  parser.onerror = (err) => {
    if (!failure) {
      failure = new Error(`not well-formed XML: ${err.message.split("\n")[0]}`);
      failure.line = parser.line + 1;
    }
    parser.error = null;
  };
  parser.onopentag = (tag) => {
    const attrs = {};
    for (const [qname, a] of Object.entries(tag.attributes)) {
      attrs[qname] = { value: a.value, ns: a.uri || "", local: a.local };
    }
    const el = {
      name: tag.local,
      ns: tag.uri || "",
      attrs,
      children: [],
      text: "",
      line: lineAt(lineStarts, Math.max(0, parser.startTagPosition - 1)),
      parent: stack.length ? stack[stack.length - 1] : null,
    };
    if (el.parent) el.parent.children.push(el);
    else root = el;
    stack.push(el);
  };
  parser.ontext = (t) => {
    if (stack.length) stack[stack.length - 1].text += t;
  };
  parser.oncdata = parser.ontext;
  parser.onclosetag = () => stack.pop();
  parser.write(text).close();
  if (failure) throw failure;
  if (!root) {
    const err = new Error("not well-formed XML: no root element");
    err.line = 1;
    throw err;
  }
  return root;
}

/** Value of the attribute with this local name and namespace ("" for unqualified), or undefined. */
function attr(el, local, ns = "") {
  for (const a of Object.values(el.attrs)) if (a.local === local && a.ns === ns) return a.value;
  return undefined;
}

/** Child elements with this namespace and local name. */
function childrenOf(el, ns, name) {
  return el.children.filter((c) => c.ns === ns && c.name === name);
}

/** First child element with this namespace and local name, or undefined. */
function childOf(el, ns, name) {
  return el.children.find((c) => c.ns === ns && c.name === name);
}

/** Every element below (and including) el, depth first, in document order. */
function descendants(el) {
  const out = [el];
  for (const c of el.children) out.push(...descendants(c));
  return out;
}

module.exports = { parseXml, attr, childrenOf, childOf, descendants };
