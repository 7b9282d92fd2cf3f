/**
 * Pages and server for the cold-start bench: the production dist/ served on 127.0.0.1 with office.js
 * from the @microsoft/office-js package (never a CDN) and the CustomFunctions stand-in the workbench
 * uses (src/shim), compiled for the browser here. Two pages: the add-in's shared-runtime page (the
 * scripts dist/taskpane.html loads, in its order) and the floor, a page that loads only functions.js.
 */
import * as fs from "fs";
import * as http from "http";
import * as path from "path";
import * as ts from "typescript";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { addinScripts } = require("../scripts/addin-pages") as {
  addinScripts: (dist: string) => string[];
};

const ROOT = path.resolve(__dirname, "..");
export const DIST = path.join(ROOT, "dist");
const OFFICE_JS = path.join(ROOT, "node_modules", "@microsoft", "office-js", "dist");

/** The formula every run computes (demo data, synthetic). */
export const FORMULA = { id: "RETURN", args: [[["0700.HK"]], "2025-01-02", "2025-06-30"] };

/**
 * The stand-in host: the project's CustomFunctions shim, then, once the page has loaded (when the
 * workbench's host starts calculating too), one call of the formula like Excel makes it (omitted
 * optional arguments null, an invocation object last). Excel registers the functions from their
 * metadata when the user first runs the add-in and keeps them for every workbook (Microsoft's
 * "Manually create JSON metadata for custom functions",
 * https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json), so it holds the
 * metadata before the page starts: the host fetches functions.json at navigation, not after the
 * load (that round trip would be a pause no Excel calculation has). Records navigation
 * -> value and the pane's first paint (first content in #container, then the next frame) on
 * window.__coldStart.
 */
function hostScript(): string {
  const shimTs = fs.readFileSync(
    path.join(ROOT, "src", "shim", "custom-functions-host.ts"),
    "utf8"
  );
  const shim = ts.transpileModule(shimTs, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
  }).outputText;
  return `(function () {
  var exports = {};
  ${shim}
  exports.installCustomFunctionsShim(window);
  var shimRegistry = window.CustomFunctions.registry;
  var result = (window.__coldStart = {});
  new MutationObserver(function (_, observer) {
    var c = document.getElementById("container");
    if (!c || !c.firstElementChild || result.paneFirstPaint) return;
    observer.disconnect();
    requestAnimationFrame(function () { result.paneFirstPaint = performance.now(); });
  }).observe(document, { childList: true, subtree: true });
  var metadata = fetch("/dist/functions.json").then(function (r) { return r.json(); });
  window.addEventListener("load", function () {
    metadata.then(function (meta) {
      var spec = ${JSON.stringify(FORMULA)};
      var m = meta.functions.find(function (f) { return f.id === spec.id; });
      var args = m.parameters.map(function (_, i) { return i < spec.args.length ? spec.args[i] : null; });
      if (m.options && (m.options.cancelable || m.options.requiresAddress)) args.push({ address: "Sheet1!A1" });
      return shimRegistry.get(spec.id)(...args);
    }).then(function (v) { result.value = v; result.firstValue = performance.now(); },
      function (e) { result.error = String(e && e.message || e); });
  });
})();`;
}

function page(scripts: string[]): string {
  const tags = scripts.map((s) => `<script defer src="/dist/${s}"></script>`).join("");
  return `<!doctype html><html><head><meta charset="utf-8"><base href="/dist/">
<script src="/office-js/office.js"></script><script src="/host.js"></script>${tags}
</head><body><div id="container"></div></body></html>`;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
};

/** Serves /addin.html, /floor.html, /host.js, /dist/* and /office-js/* on 127.0.0.1. */
export async function startColdStartServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const scripts = addinScripts(DIST);
  const functionsOnly = scripts.filter((s) => s === "functions.js");
  if (functionsOnly.length !== 1) throw new Error("dist/taskpane.html does not load functions.js");
  const generated: Record<string, string> = {
    "/addin.html": page(scripts),
    "/floor.html": page(functionsOnly),
    "/host.js": hostScript(),
  };
  const server = http.createServer((req, res) => {
    const url = (req.url || "/").split("?")[0];
    const mounts: [string, string][] = [
      ["/dist/", DIST],
      ["/office-js/", OFFICE_JS],
    ];
    let body: string | Buffer | undefined = generated[url];
    let file = url;
    for (const [prefix, dir] of mounts) {
      if (body !== undefined || !url.startsWith(prefix)) continue;
      const full = path.resolve(dir, "." + decodeURIComponent(url.slice(prefix.length - 1)));
      if (full.startsWith(dir + path.sep) && fs.existsSync(full) && fs.statSync(full).isFile()) {
        body = fs.readFileSync(full);
        file = full;
      }
    }
    if (body === undefined) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      "Content-Type": TYPES[path.extname(file)] || "application/octet-stream",
      "Cache-Control": "no-store",
    });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
