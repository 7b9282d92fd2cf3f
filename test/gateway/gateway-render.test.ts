import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/** The render script's settings checks and key file, without starting nginx. */
const render = require("../../deploy/gateway/render.js") as {
  renderGatewayConfig(settings: object): string;
  keyInclude(key: string): string;
  writeKeyInclude(file: string, key: string): void;
};

const base = {
  provider: "fmp",
  keyFile: "/etc/cntech-gateway/provider-key.conf",
  origins: ["https://addins.example.com"],
  tlsCert: "/etc/ssl/certs/gateway.pem",
  tlsKey: "/etc/ssl/private/gateway.key",
};

test("production defaults: HTTPS upstream with certificate checks, TLS listener, key only by include", () => {
  const text = render.renderGatewayConfig(base);
  expect(text).toContain("server financialmodelingprep.com:443;");
  expect(text).toContain("proxy_ssl_verify on;");
  expect(text).toContain("listen 8443 ssl;");
  expect(text).toContain("include /etc/cntech-gateway/provider-key.conf;");
  expect(text).toContain("&apikey=$cntech_provider_key;");
  expect(text).not.toMatch(/\{\{\w+\}\}/);
  const eod = render.renderGatewayConfig({ ...base, provider: "eodhd" });
  expect(eod).toContain("server eodhd.com:443;");
  expect(eod).toContain("&api_token=$cntech_provider_key;");
  expect(eod).not.toContain("/stable/");
});

test.each([
  [{ provider: "alpha" }, /provider must be/],
  [{ upstreamUrl: "http://financialmodelingprep.com" }, /upstreamUrl must be https/],
  [{ tlsCert: undefined, tlsKey: undefined }, /tlsCert and tlsKey are required/],
  [{ origins: ["http://addins.example.com"] }, /must be https/],
  [{ origins: ['https://a.example.com"; evil'] }, /must be https/],
  [{ lifetimes: { today: "soon" } }, /lifetimes.today/],
  [{ keyFile: "relative/key.conf" }, /keyFile/],
])("refuses unsafe settings %#", (change, message) => {
  expect(() => render.renderGatewayConfig({ ...base, ...change })).toThrow(message);
});

test("the key file is written 0600 and refuses a key that could break out of its string", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cntech-key-"));
  const file = path.join(dir, "k.conf");
  render.writeKeyInclude(file, "abcDEF123456\n");
  expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  expect(fs.readFileSync(file, "utf8")).toBe(
    'map $host $cntech_provider_key {\n    default "abcDEF123456";\n}\n'
  );
  expect(() => render.keyInclude('abc"; }')).toThrow(/letters, digits/);
  expect(() => render.keyInclude("$host12345")).toThrow(/letters, digits/);
  fs.rmSync(dir, { recursive: true, force: true });
});
