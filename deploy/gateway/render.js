#!/usr/bin/env node
/**
 * Renders the CNTech gateway's nginx configuration from a few settings and checks it with `nginx -t`.
 *
 *   node deploy/gateway/render.js render settings.json /etc/nginx/conf.d/cntech-gateway.conf
 *   node deploy/gateway/render.js key /etc/cntech-gateway/provider-key.conf   (key read from stdin)
 *
 * Settings (JSON): see docs/deploy.md. No dependencies beyond Node.js, so it runs on a bare server.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const PROVIDERS = {
  fmp: {
    name: "Financial Modeling Prep",
    url: "https://financialmodelingprep.com",
    keyParam: "apikey",
  },
  eodhd: { name: "EODHD", url: "https://eodhd.com", keyParam: "api_token" },
};

/** The provider paths the add-in calls, the parameters passed on, and the cache lane of each. */
const ROUTES = {
  fmp: [
    {
      match: "= /stable/historical-price-eod/full",
      args: "symbol=$arg_symbol&from=$arg_from&to=$arg_to",
      lane: "$cntech_window",
    },
    {
      match: "= /stable/historical-price-eod/dividend-adjusted",
      args: "symbol=$arg_symbol&from=$arg_from&to=$arg_to",
      lane: "$cntech_window",
    },
    { match: "= /stable/quote", args: "symbol=$arg_symbol", lane: "quote" },
    { match: "= /stable/profile", args: "symbol=$arg_symbol", lane: "reference" },
  ],
  // Codes are limited to the characters provider symbols use, so a decoded path cannot add a query.
  eodhd: [
    {
      match: "~ ^/api/eod/[A-Za-z0-9._^-]+$",
      args: "from=$arg_from&to=$arg_to&period=d&fmt=json",
      lane: "$cntech_window",
    },
    { match: "~ ^/api/real-time/[A-Za-z0-9._^-]+$", args: "fmt=json", lane: "quote" },
    {
      match: "~ ^/api/fundamentals/[A-Za-z0-9._^-]+$",
      args: "filter=$arg_filter&fmt=json",
      lane: "reference",
    },
  ],
};

const DEFAULTS = {
  origins: [],
  clientRatePerMinute: 300,
  clientBurst: 400,
  cacheDir: "/var/cache/nginx/cntech-gateway",
  cacheMaxSize: "2g",
  cacheKeysZone: "32m",
  cacheInactive: "35d",
  lifetimes: { closedWindow: "30d", today: "10m", quote: "1m", reference: "1d" },
  listen: 8443,
  accessLog: "/var/log/nginx/cntech-gateway.access.log",
  errorLog: "/var/log/nginx/cntech-gateway.error.log",
  caFile: "/etc/ssl/certs/ca-certificates.crt",
};

function fail(message) {
  throw new Error(`gateway settings: ${message}`);
}

const DURATION = /^[0-9]+(ms|s|m|h|d)?$/;
const SIZE = /^[0-9]+[kmg]?$/i;
const SAFE_PATH = /^\/[A-Za-z0-9._\/-]+$/;

/** Settings with defaults applied, or an Error naming the first bad one. */
function normalizeSettings(raw) {
  const s = { ...DEFAULTS, ...raw, lifetimes: { ...DEFAULTS.lifetimes, ...(raw.lifetimes || {}) } };
  const provider = PROVIDERS[s.provider];
  if (!provider) fail(`provider must be "fmp" or "eodhd", got ${JSON.stringify(s.provider)}`);
  if (!s.keyFile || !SAFE_PATH.test(s.keyFile)) fail("keyFile must be an absolute path");
  for (const p of ["cacheDir", "accessLog", "errorLog", "caFile"]) {
    if (!SAFE_PATH.test(s[p])) fail(`${p} must be an absolute path`);
  }
  for (const [k, v] of Object.entries(s.lifetimes)) {
    if (!DURATION.test(String(v))) fail(`lifetimes.${k} must be an nginx duration like 10m or 30d`);
  }
  if (!DURATION.test(s.cacheInactive)) fail("cacheInactive must be an nginx duration");
  if (!SIZE.test(s.cacheMaxSize) || !SIZE.test(s.cacheKeysZone))
    fail("cache sizes look like 2g or 32m");
  if (!(Number.isInteger(s.clientRatePerMinute) && s.clientRatePerMinute > 0)) {
    fail("clientRatePerMinute must be a positive whole number");
  }
  if (!(Number.isInteger(s.clientBurst) && s.clientBurst >= 0)) fail("clientBurst must be >= 0");
  if (!Array.isArray(s.origins)) fail("origins must be a list");
  for (const o of s.origins) {
    if (
      !/^https:\/\/[A-Za-z0-9.-]+(:[0-9]+)?$/.test(o) &&
      !/^http:\/\/(127\.0\.0\.1|localhost):[0-9]+$/.test(o)
    ) {
      fail(`origin ${JSON.stringify(o)} must be https://host[:port] (http only for localhost)`);
    }
  }
  const listen = String(s.listen);
  if (!/^([0-9.]+:)?[0-9]+$/.test(listen)) fail("listen is a port or address:port");
  const tls = Boolean(s.tlsCert || s.tlsKey);
  if (tls && !(SAFE_PATH.test(s.tlsCert || "") && SAFE_PATH.test(s.tlsKey || ""))) {
    fail("tlsCert and tlsKey must both be absolute paths");
  }
  if (!tls && s.plainHttp !== true)
    fail("tlsCert and tlsKey are required (plainHttp: true only for local tests)");
  const upstream = new URL(s.upstreamUrl || provider.url);
  if (
    upstream.protocol !== "https:" &&
    !(upstream.protocol === "http:" && upstream.hostname === "127.0.0.1")
  ) {
    fail("upstreamUrl must be https:// (http only to 127.0.0.1 for tests)");
  }
  if (s.today !== undefined && !/^\d{4}-\d\d-\d\d$/.test(s.today)) fail("today is YYYY-MM-DD");
  return { ...s, listen, tls, upstream, providerInfo: provider };
}

/** True when `to` < `today` for two YYYY-MM-DD dates: the first differing digit is smaller in `to`. */
function closedWindowRegex() {
  const steps = [];
  for (let d = 0; d <= 8; d++) steps.push(`${d}[-0-9]*/\\g{1}[${d + 1}-9]`);
  return `~^(?=\\d{4}-\\d\\d-\\d\\d/\\d{4}-\\d\\d-\\d\\d$)([-0-9]*)(?:${steps.join("|")})`;
}

const indent = (text, spaces) =>
  text
    .split("\n")
    .map((l) => (l ? " ".repeat(spaces) + l : l))
    .join("\n");

const COMMON_HEADERS = [
  "add_header Access-Control-Allow-Origin $cntech_cors_origin always;",
  "add_header Access-Control-Expose-Headers $cntech_cors_expose always;",
  "add_header Vary Origin always;",
  "add_header X-Cache-Status $upstream_cache_status always;",
  "add_header X-CNTech-Stale $cntech_stale always;",
].join("\n");

const PREFLIGHT_HEADERS = [
  "add_header Access-Control-Allow-Origin $cntech_cors_origin always;",
  "add_header Access-Control-Allow-Methods $cntech_cors_methods always;",
  "add_header Access-Control-Allow-Headers $cntech_cors_headers always;",
  "add_header Access-Control-Max-Age $cntech_cors_max_age always;",
  "add_header Vary Origin always;",
].join("\n");

function routeBlocks(s) {
  return ROUTES[s.provider]
    .map((r) =>
      [
        `location ${r.match} {`,
        `    set $cntech_args "${r.args}";`,
        `    rewrite ^ /_cntech/${r.lane}$uri? last;`,
        "}",
      ].join("\n")
    )
    .join("\n");
}

/** One internal location per cache lifetime; each forwards with the team key appended. */
function laneBlocks(s) {
  const scheme = s.upstream.protocol.replace(":", "");
  const lanes = {
    closed: s.lifetimes.closedWindow,
    open: s.lifetimes.today,
    quote: s.lifetimes.quote,
    reference: s.lifetimes.reference,
  };
  return Object.entries(lanes)
    .map(([lane, ttl]) =>
      [
        `location ~ ^/_cntech/${lane}(?<cntech_path>/.*)$ {`,
        "    internal;",
        `    limit_req zone=cntech_clients burst=${s.clientBurst} nodelay;`,
        `    proxy_cache_valid 200 ${ttl};`,
        `    proxy_pass ${scheme}://cntech_provider$cntech_path?$cntech_args&${s.providerInfo.keyParam}=$cntech_provider_key;`,
        "}",
      ].join("\n")
    )
    .join("\n");
}

/** The http-level configuration text for settings `raw`. */
function renderGatewayConfig(raw) {
  const s = normalizeSettings(raw);
  const template = fs.readFileSync(path.join(__dirname, "gateway.conf.template"), "utf8");
  const port = s.upstream.port || (s.upstream.protocol === "https:" ? "443" : "80");
  const listenLines = s.tls
    ? [
        `listen ${s.listen} ssl;`,
        `ssl_certificate ${s.tlsCert};`,
        `ssl_certificate_key ${s.tlsKey};`,
        "ssl_protocols TLSv1.2 TLSv1.3;",
        "ssl_session_cache shared:cntech_tls:10m;",
      ]
    : [`listen ${s.listen};`];
  const upstreamTls =
    s.upstream.protocol === "https:"
      ? [
          "proxy_ssl_server_name on;",
          `proxy_ssl_name ${s.upstream.hostname};`,
          "proxy_ssl_verify on;",
          "proxy_ssl_verify_depth 3;",
          `proxy_ssl_trusted_certificate ${s.caFile};`,
          "proxy_ssl_session_reuse on;",
        ].join("\n")
      : "";
  const todayMap =
    s.today !== undefined
      ? `map $host $cntech_today {\n    default "${s.today}";\n}`
      : 'map $time_iso8601 $cntech_today {\n    "~^(?<day>\\d{4}-\\d\\d-\\d\\d)" $day;\n    default "";\n}';
  const values = {
    providerName: s.providerInfo.name,
    providerId: s.provider,
    keyFile: s.keyFile,
    cacheDir: s.cacheDir,
    cacheKeysZone: s.cacheKeysZone,
    cacheMaxSize: s.cacheMaxSize,
    cacheInactive: s.cacheInactive,
    clientRatePerMinute: String(s.clientRatePerMinute),
    limitRetryAfterSec: String(Math.max(1, Math.ceil(60 / s.clientRatePerMinute))),
    upstreamHostPort: `${s.upstream.hostname}:${port}`,
    upstreamHost: s.upstream.hostname,
    todayMap,
    closedWindowRegex: closedWindowRegex(),
    originLines: s.origins.map((o) => `    "${o}" $http_origin;`).join("\n"),
    listenLines: indent(listenLines.join("\n"), 4),
    accessLog: s.accessLog,
    errorLog: s.errorLog,
    commonHeaders: indent(COMMON_HEADERS, 4),
    limitedHeaders: indent(COMMON_HEADERS, 8),
    preflightHeaders: indent(PREFLIGHT_HEADERS, 8),
    upstreamTls: indent(upstreamTls, 4),
    routes: indent(routeBlocks(s), 4),
    lanes: indent(laneBlocks(s), 4),
  };
  return template.replace(/\{\{(\w+)\}\}/g, (m, name) => {
    if (!(name in values)) throw new Error(`template placeholder ${m} has no value`);
    return values[name];
  });
}

/**
 * A complete nginx.conf around the gateway for running nginx without root's files (tests, a
 * trial run): pid, temp paths and the main error log under `prefix`.
 */
function renderStandaloneConfig(raw, { prefix, user }) {
  const http = renderGatewayConfig(raw);
  const p = (name) => path.join(prefix, name);
  return [
    ...(user ? [`user ${user};`] : []),
    "worker_processes 1;",
    `pid ${p("nginx.pid")};`,
    `error_log ${p("main-error.log")} warn;`,
    "events { worker_connections 512; }",
    "http {",
    `    client_body_temp_path ${p("tmp-body")};`,
    `    proxy_temp_path ${p("tmp-proxy")};`,
    `    fastcgi_temp_path ${p("tmp-fastcgi")};`,
    `    uwsgi_temp_path ${p("tmp-uwsgi")};`,
    `    scgi_temp_path ${p("tmp-scgi")};`,
    indent(http, 4),
    "}",
    "",
  ].join("\n");
}

/** The text of the key include file (the key must be a plain token). */
function keyInclude(key) {
  const k = String(key).trim();
  if (!/^[A-Za-z0-9._~-]{8,200}$/.test(k)) {
    throw new Error("the provider key must be 8-200 letters, digits or . _ ~ -");
  }
  return `map $host $cntech_provider_key {\n    default "${k}";\n}\n`;
}

/** Writes the key include with mode 0600 (readable by root only; nginx's master reads it as root). */
function writeKeyInclude(file, key) {
  const text = keyInclude(key);
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text, { mode: 0o600 });
  fs.chmodSync(tmp, 0o600);
  fs.renameSync(tmp, file);
}

function nginxBinary() {
  if (process.env.NGINX_BIN) return process.env.NGINX_BIN;
  return fs.existsSync("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx";
}

/** Runs `nginx -t` (on the system configuration, or on `confFile` with `prefix`); returns its output. */
function checkConfig(confFile, prefix) {
  const args = confFile ? ["-t", "-p", prefix || path.dirname(confFile), "-c", confFile] : ["-t"];
  const r = spawnSync(nginxBinary(), args, { encoding: "utf8" });
  if (r.error) throw new Error(`nginx not found (${r.error.message}): apt-get install nginx-light`);
  const output = `${r.stdout || ""}${r.stderr || ""}`;
  if (r.status !== 0) throw new Error(`nginx -t failed:\n${output}`);
  return output;
}

function main(argv) {
  const [command, ...rest] = argv;
  if (command === "key" && rest.length === 1) {
    writeKeyInclude(rest[0], fs.readFileSync(0, "utf8"));
    console.log(`wrote ${rest[0]} (mode 0600)`);
    return;
  }
  if (command === "render" && (rest.length === 2 || rest.length === 4)) {
    const [settingsFile, outFile, flag, prefix] = rest;
    const settings = JSON.parse(fs.readFileSync(settingsFile, "utf8"));
    const standalone = flag === "--standalone";
    const text = standalone
      ? renderStandaloneConfig(settings, { prefix })
      : renderGatewayConfig(settings);
    const previous = fs.existsSync(outFile) ? fs.readFileSync(outFile, "utf8") : undefined;
    fs.writeFileSync(outFile, text);
    try {
      console.log(checkConfig(standalone ? path.resolve(outFile) : undefined, prefix).trim());
    } catch (e) {
      // Leave the server's working configuration in place.
      if (previous === undefined) fs.unlinkSync(outFile);
      else fs.writeFileSync(outFile, previous);
      throw e;
    }
    console.log(`wrote ${outFile}`);
    return;
  }
  console.error(
    "usage: render.js render SETTINGS.json OUT.conf [--standalone PREFIX]\n" +
      "       render.js key KEYFILE.conf   (reads the key from stdin)"
  );
  process.exitCode = 2;
}

module.exports = {
  renderGatewayConfig,
  renderStandaloneConfig,
  keyInclude,
  writeKeyInclude,
  checkConfig,
  nginxBinary,
};

if (require.main === module) {
  try {
    main(process.argv.slice(2));
  } catch (e) {
    console.error(e.message);
    process.exitCode = 1;
  }
}
