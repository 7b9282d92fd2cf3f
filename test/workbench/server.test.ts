/**
 * The workbench's static server: serves the page, the add-in bundles and office.js from the
 * package, refuses paths outside its roots, and sends a same-origin Content-Security-Policy
 * (so neither a CDN script nor office.js's telemetry frame can load). HTTP on 127.0.0.1 only.
 */
import * as http from "http";
import type { AddressInfo } from "net";

const { startServer } = require("../../scripts/workbench.js");

function get(
  port: number,
  rawPath: string
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    // A raw request: the path is sent as written (no client-side normalisation of "..").
    const req = http.request({ host: "127.0.0.1", port, path: rawPath, method: "GET" }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("workbench static server", () => {
  let server: http.Server;
  let port: number;
  beforeAll(async () => {
    ({ server } = await startServer({ port: 0 }));
    port = (server.address() as AddressInfo).port;
    expect((server.address() as AddressInfo).address).toBe("127.0.0.1");
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("serves office.js from the @microsoft/office-js package with a same-origin CSP", async () => {
    const res = await get(port, "/office-js/office.js");
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toMatch(/javascript/);
    expect(res.body).toMatch(/Office/);
    const csp = String(res.headers["content-security-policy"]);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toMatch(/frame-src 'self'/);
  });

  it.each([
    "/dist/../package.json",
    "/dist/%2e%2e/package.json",
    "/office-js/../../../package.json",
    "/workbench/..%2f..%2fpackage.json",
    "/package.json",
    "/src/workbench/boot.ts",
    "/dist/%E0%A4%A",
  ])("refuses %s", async (p) => {
    const res = await get(port, p);
    expect(res.status).toBe(404);
    expect(res.body).not.toMatch(/cntech-excel-addin/);
  });
});
