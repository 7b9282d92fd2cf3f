#!/usr/bin/env node
/**
 * `npm run workbench`: builds what is missing or stale, serves the workbench on 127.0.0.1 and prints
 * its URL (opening a browser when there is a display). `npm run workbench -- --screenshot out.png`
 * renders the page in headless Chromium and writes a PNG instead.
 *
 * Options: --port N (default 3100; 0 = any free port), --screenshot FILE, --width N, --height N,
 *          --no-open, --no-build (or WORKBENCH_NO_BUILD=1: use dist/ and dist-workbench/ as they are).
 * The same helpers (startServer, launchChromium, ensureBuilt) drive the e2e tests in test/e2e.
 */
const fs = require("fs");
const os = require("os");
const path = require("path");
const http = require("http");
const { spawnSync, spawn } = require("child_process");
const { withAddinScripts } = require("./addin-pages");

const ROOT = path.resolve(__dirname, "..");
// WORKBENCH_DIST serves another build of the add-in (e.g. a development build) instead of dist/.
const DIST = process.env.WORKBENCH_DIST
  ? path.resolve(process.env.WORKBENCH_DIST)
  : path.join(ROOT, "dist");
const WB_DIST = path.join(ROOT, "dist-workbench");
const OFFICE_JS = path.join(ROOT, "node_modules", "@microsoft", "office-js", "dist");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

// Everything from this server; office.js's telemetry frame and any CDN are refused by the browser.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' https:",
  "frame-src 'self'",
].join("; ");

/** Newest modification time of files under a directory (recursive), skipping some subtrees. */
function newestMtime(dir, skip = []) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (skip.some((s) => full.startsWith(s))) continue;
    const t = entry.isDirectory() ? newestMtime(full, skip) : fs.statSync(full).mtimeMs;
    newest = Math.max(newest, t);
  }
  return newest;
}

function mtime(file) {
  return fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0;
}

function run(command, args) {
  console.log(`> ${command} ${args.join(" ")}`);
  const r = spawnSync(command, args, {
    cwd: ROOT,
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  if (r.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (exit ${r.status})`);
}

/**
 * Builds the add-in (dist/) when its bundles are missing or older than src/, and the workbench host
 * (dist-workbench/) when missing or older than its sources.
 */
function ensureBuilt({ log = console.log } = {}) {
  const addinFiles = ["functions.js", "functions.json", "taskpane.html"].map((f) =>
    path.join(DIST, f)
  );
  if (process.env.WORKBENCH_NO_BUILD === "1") {
    const missing = [...addinFiles, path.join(WB_DIST, "index.html")].filter(
      (f) => !fs.existsSync(f)
    );
    if (missing.length > 0)
      throw new Error(
        `${missing.join(", ")} missing: run npm run build (it builds the workbench too)`
      );
    return;
  }
  // webpack leaves unchanged outputs untouched, so the newest output dates the last build.
  const addinBuilt = addinFiles.every(fs.existsSync) ? Math.max(...addinFiles.map(mtime)) : 0;
  const addinSources = newestMtime(path.join(ROOT, "src"), [
    path.join(ROOT, "src", "workbench"),
    path.join(ROOT, "src", "cli"),
  ]);
  if (!process.env.WORKBENCH_DIST && (addinBuilt === 0 || addinSources > addinBuilt)) {
    log("Building the add-in (dist/)...");
    run("npm", ["run", "build"]);
  }
  const wbBuilt = mtime(path.join(WB_DIST, "workbench.js"));
  // The host bundle also compiles the shim and the pane's scenario writer (for the sample model).
  const wbSources = Math.max(
    newestMtime(path.join(ROOT, "src")),
    mtime(path.join(ROOT, "webpack.workbench.js"))
  );
  if (wbBuilt === 0 || wbSources > wbBuilt || !fs.existsSync(path.join(WB_DIST, "index.html"))) {
    log("Building the workbench host (dist-workbench/)...");
    run("npx", ["webpack", "--config", "webpack.workbench.js"]);
  }
}

/** Maps a URL path to a file under one of the served roots, refusing anything outside them. */
function resolveFile(urlPath) {
  let clean;
  try {
    clean = decodeURIComponent(urlPath.split("?")[0]);
  } catch {
    return undefined; // malformed percent-encoding
  }
  const mounts = [
    ["/dist/", DIST],
    ["/workbench/", WB_DIST],
    ["/office-js/", OFFICE_JS],
  ];
  if (clean === "/" || clean === "/index.html") return path.join(WB_DIST, "index.html");
  for (const [prefix, dir] of mounts) {
    if (!clean.startsWith(prefix)) continue;
    const file = path.resolve(dir, "." + clean.slice(prefix.length - 1));
    return file.startsWith(dir + path.sep) ? file : undefined;
  }
  return undefined;
}

/** Serves the workbench on 127.0.0.1; resolves to { server, url }. */
function startServer({ port = 3100 } = {}) {
  const server = http.createServer((req, res) => {
    const file = resolveFile(req.url || "/");
    if (file === path.join(WB_DIST, "index.html") && fs.existsSync(file)) {
      // The add-in's bundle names are content-hashed: take them from the built taskpane.html.
      const html = withAddinScripts(fs.readFileSync(file, "utf8"), DIST, "/dist/");
      res.writeHead(200, {
        "Content-Type": TYPES[".html"],
        "Cache-Control": "no-store",
        "Content-Security-Policy": CSP,
        "X-Content-Type-Options": "nosniff",
      });
      res.end(html);
      return;
    }
    if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { "Content-Type": "text/plain" });
      res.end("Not found");
      return;
    }
    res.writeHead(200, {
      "Content-Type": TYPES[path.extname(file)] || "application/octet-stream",
      "Cache-Control": "no-store",
      "Content-Security-Policy": CSP,
      "X-Content-Type-Options": "nosniff",
    });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      resolve({ server, url: `http://127.0.0.1:${server.address().port}/` });
    });
  });
}

/** The system Chromium: $CHROMIUM_PATH, or the Debian / Ubuntu / Chrome locations. */
function findChromium() {
  if (process.env.CHROMIUM_PATH) {
    if (fs.existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
    throw new Error(`Chromium not found at CHROMIUM_PATH=${process.env.CHROMIUM_PATH}`);
  }
  const candidates = [
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
  ].filter(Boolean);
  const found = candidates.find((p) => fs.existsSync(p));
  if (!found)
    throw new Error(
      `Chromium not found (tried ${candidates.join(", ")}). Install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH.`
    );
  return found;
}

const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage", // containers often have a tiny /dev/shm
];

/**
 * Headless Chromium (playwright-core) with a fresh user-data-dir; requests to anything but
 * 127.0.0.1 are aborted and recorded in `external`. Returns { context, page, external, close }.
 */
async function launchChromium({ width = 1440, height = 900 } = {}) {
  const { chromium } = require("playwright-core");
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cntech-workbench-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width, height },
  });
  const external = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (/^(https?:\/\/127\.0\.0\.1[:/]|data:|blob:)/.test(url)) return route.continue();
    external.push(url);
    return route.abort();
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    external,
    async close() {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Opens the workbench and waits until the sample model is computed. */
async function openWorkbench(page, url) {
  /* global document, window -- these callbacks run in the page */
  await page.goto(url);
  await page.waitForFunction(() => document.body.dataset.ready === "true", null, {
    timeout: 60000,
  });
  // The pane loads after the page (as in Excel's shared runtime) and then re-applies the saved data
  // source, which recalculates: typing before that could be lost to the re-render.
  await page.waitForSelector('main[data-restored="true"]', { timeout: 60000 });
  await page.evaluate(async () => (await window.cntechWorkbench).idle());
}

function parseArgs(argv) {
  const opts = { port: 3100, open: true, build: true, width: 1440, height: 900 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--screenshot") opts.screenshot = argv[++i];
    else if (a === "--port") {
      opts.port = Number(argv[++i]);
      opts.portGiven = true;
    } else if (a === "--width") opts.width = Number(argv[++i]);
    else if (a === "--height") opts.height = Number(argv[++i]);
    else if (a === "--no-open") opts.open = false;
    else if (a === "--no-build") opts.build = false;
    else if (a === "--help" || a === "-h") opts.help = true;
    else throw new Error(`unknown option ${a} (try --help)`);
  }
  if (opts.screenshot === undefined && argv.includes("--screenshot"))
    throw new Error("--screenshot needs a file name");
  return opts;
}

function openBrowser(url) {
  const display =
    process.platform !== "linux" || process.env.DISPLAY || process.env.WAYLAND_DISPLAY;
  if (!display || !process.stdout.isTTY) return;
  const command =
    process.platform === "darwin" ? "open" : process.platform === "win32" ? "explorer" : "xdg-open";
  try {
    spawn(command, [url], { stdio: "ignore", detached: true })
      .on("error", () => undefined)
      .unref();
  } catch {
    // no browser launcher: the printed URL is enough
  }
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.help) {
    console.log(
      fs
        .readFileSync(__filename, "utf8")
        .split("*/")[0]
        .replace(/^[\s\S]*?\/\*\*/, "")
    );
    return;
  }
  if (!opts.build) process.env.WORKBENCH_NO_BUILD = "1";
  ensureBuilt();
  if (opts.screenshot) {
    const { server, url } = await startServer({ port: 0 });
    const browser = await launchChromium({ width: opts.width, height: opts.height });
    try {
      await openWorkbench(browser.page, url);
      await browser.page.waitForTimeout(300); // let Chart.js and Fluent finish painting
      await browser.page.screenshot({ path: path.resolve(opts.screenshot) });
      console.log(`Screenshot written to ${path.resolve(opts.screenshot)}`);
    } finally {
      await browser.close();
      server.close();
    }
    return;
  }
  let started;
  try {
    started = await startServer({ port: opts.port });
  } catch (e) {
    if (e.code !== "EADDRINUSE" || opts.portGiven) throw e;
    console.log(`Port ${opts.port} is busy; using a free port instead.`);
    started = await startServer({ port: 0 });
  }
  const { url } = started;
  console.log(`CNTech Workbench (demo data, synthetic) at ${url}`);
  console.log("Press Ctrl+C to stop.");
  if (opts.open) openBrowser(url);
}

module.exports = { ensureBuilt, startServer, launchChromium, openWorkbench, findChromium, ROOT };

if (require.main === module) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
