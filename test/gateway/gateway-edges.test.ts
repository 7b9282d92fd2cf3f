import { execFileSync } from "child_process";
import * as fs from "fs";
import * as http from "http";
import { AddressInfo } from "net";
import * as os from "os";
import * as path from "path";
import { isoFromDay } from "../../src/core/dates";
import { createProvider } from "../../src/data/configure";
import { ProviderError } from "../../src/data/provider-error";
import { FakeServer, startFakeProviderServer } from "../fake-server/fake-provider-server";
import { freePort, Gateway, request, startGateway } from "./gateway-harness";

/** The gateway's per-client limit, TLS, EODHD routes, and providers that misbehave. */
jest.setTimeout(30000);

const TEAM_KEY = "team-KEY-93be0d14";
const ORIGIN = "https://addin.example.com";
const TODAY = Math.floor(Date.now() / 86400000);

const failure = (p: Promise<unknown>): Promise<ProviderError> =>
  p.then(
    () => {
      throw new Error("expected a failure");
    },
    (e: ProviderError) => e
  );

describe("per-client limit", () => {
  let fake: FakeServer;
  let gw: Gateway;
  beforeAll(async () => {
    fake = await startFakeProviderServer({ validKey: TEAM_KEY });
    gw = await startGateway(TEAM_KEY, {
      provider: "fmp",
      upstreamUrl: fake.url,
      origins: [ORIGIN],
      // One request each 10 s: slow enough that a loaded machine cannot refill the bucket between
      // the requests below (at 60 a minute a 1 s stall did, and the refusal never came).
      clientRatePerMinute: 6,
      clientBurst: 2,
    });
  });
  afterAll(async () => {
    await gw?.stop();
    await fake?.close();
  });

  test("beyond the burst a client gets 429 with Retry-After (readable cross-origin); health is not limited", async () => {
    const statuses: number[] = [];
    let limited;
    for (let i = 0; i < 5; i++) {
      const a = await request(`${gw.url}/stable/quote?symbol=0700.HK`, { Origin: ORIGIN });
      statuses.push(a.status);
      if (a.status === 429) limited = a;
    }
    // 6 a minute is one each 10 s: the first request plus a burst of 2, then refusals.
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(limited!.headers["retry-after"]).toBe("10");
    expect(limited!.headers["access-control-allow-origin"]).toBe(ORIGIN);
    expect(limited!.headers["access-control-expose-headers"]).toContain("Retry-After");
    expect(JSON.parse(limited!.body).message).toMatch(/Too Many Requests/);
    expect((await request(`${gw.url}/health`)).status).toBe(200);
    const err = await failure(
      createProvider({ provider: "fmp", proxyBaseUrl: gw.url, http: { retries: 0 } }).getQuote(
        "0700.HK"
      )
    );
    expect([err.reason, err.message]).toEqual([
      "rate-limited",
      "Financial Modeling Prep: rate limit reached (HTTP 429); retry after 10 s",
    ]);
    console.log(
      `gateway limit: statuses ${statuses.join(",")}; Retry-After ${limited!.headers["retry-after"]} s; add-in: "${err.message}"`
    );
  });

  test("the add-in honours Retry-After: with its default retries the limited quote arrives", async () => {
    // Empty the bucket (at most the burst plus a token refilled since the last test).
    for (let i = 0; i < 5; i++) {
      const r = await request(`${gw.url}/stable/quote?symbol=0700.HK`);
      if (r.status === 429) break;
    }
    const refusals = (): number => fs.readFileSync(gw.accessLog, "utf8").split(" 429 ").length;
    const before = refusals();
    const q = await createProvider({ provider: "fmp", proxyBaseUrl: gw.url }).getQuote("0700.HK");
    expect(q.price).toBe(123.45); // the fake server's quote
    expect(refusals()).toBeGreaterThan(before); // it was refused first, then waited
  });
});

describe("TLS with the organisation's certificate", () => {
  let fake: FakeServer;
  let gw: Gateway;
  let certDir: string;
  let cert: string;
  beforeAll(async () => {
    certDir = fs.mkdtempSync(path.join(os.tmpdir(), "cntech-gateway-cert-"));
    execFileSync("openssl", [
      "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
      "-keyout", path.join(certDir, "key.pem"), "-out", path.join(certDir, "cert.pem"),
      "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
    ], { stdio: "ignore" }); // prettier-ignore
    cert = fs.readFileSync(path.join(certDir, "cert.pem"), "utf8");
    fake = await startFakeProviderServer({ validKey: TEAM_KEY });
    gw = await startGateway(TEAM_KEY, {
      provider: "fmp",
      upstreamUrl: fake.url,
      tls: { cert: path.join(certDir, "cert.pem"), key: path.join(certDir, "key.pem") },
    });
  });
  afterAll(async () => {
    await gw?.stop();
    await fake?.close();
    fs.rmSync(certDir, { recursive: true, force: true });
  });

  test("answers over HTTPS with the configured certificate, not over plain HTTP", async () => {
    expect(gw.url.startsWith("https://")).toBe(true);
    const h = await request(`${gw.url}/health`, {}, "GET", cert);
    expect(h.status).toBe(200);
    const q = await request(`${gw.url}/stable/quote?symbol=0700.HK`, {}, "GET", cert);
    expect([q.status, JSON.parse(q.body)[0].price]).toEqual([200, 123.45]);
    await expect(request(`${gw.url}/health`)).rejects.toThrow(/self.signed/i); // an untrusted CA
    const plain = await request(`${gw.url.replace("https:", "http:")}/health`);
    expect(plain.status).toBe(400); // "plain HTTP request was sent to HTTPS port"
    console.log("gateway tls: HTTPS with the given certificate; plain HTTP refused (400)");
  });
});

describe("EODHD behind the gateway", () => {
  let fake: FakeServer;
  let gw: Gateway;
  beforeAll(async () => {
    fake = await startFakeProviderServer({ validKey: TEAM_KEY, latencyMs: [150, 150] });
    gw = await startGateway(TEAM_KEY, {
      provider: "eodhd",
      upstreamUrl: fake.url,
      origins: [ORIGIN],
    });
  });
  afterAll(async () => {
    await gw?.stop();
    await fake?.close();
  });

  test("keyless EODHD providers: one upstream request for ten clients, team api_token only", async () => {
    const clients = Array.from({ length: 10 }, () =>
      createProvider({ provider: "eodhd", proxyBaseUrl: gw.url, http: { retries: 0 } })
    );
    const got = await Promise.all(
      clients.map((p) => p.getHistory("0700.HK", TODAY - 90, TODAY - 1))
    );
    expect(new Set(got.map((r) => r.series.dates.length)).size).toBe(1);
    const sent = fake.rawUrls.filter((u) => u.startsWith("/api/eod/0700.HK?"));
    expect(sent).toHaveLength(1);
    expect(new URL(sent[0], fake.url).searchParams.getAll("api_token")).toEqual([TEAM_KEY]);
    const own = await request(
      `${gw.url}/api/eod/0941.HK?from=${isoFromDay(TODAY - 9)}&to=${isoFromDay(TODAY - 1)}&api_token=client-KEY-77&apikey=client-KEY-77`
    );
    expect(own.status).toBe(200);
    const last = fake.rawUrls[fake.rawUrls.length - 1];
    expect(last).not.toContain("client-KEY-77");
    expect(new URL(last, fake.url).searchParams.getAll("api_token")).toEqual([TEAM_KEY]);
    console.log(
      `gateway eodhd: 10 clients -> ${sent.length} upstream request; client api_token discarded`
    );
  });

  test("a ticker the provider does not know is still 'unknown symbol' through the gateway", async () => {
    fake.faults.set("ZZZZ.HK", { kind: "unknown" });
    const p = createProvider({ provider: "eodhd", proxyBaseUrl: gw.url, http: { retries: 0 } });
    const err = await failure(p.getHistory("ZZZZ.HK", TODAY - 30, TODAY - 1));
    expect(err.reason).toBe("unknown-symbol");
  });
});

describe("a provider that quotes the key, and one that cannot be reached", () => {
  let leaky: http.Server;
  let gw: Gateway;
  let down: Gateway;
  beforeAll(async () => {
    // Echoes the request (key included) in every body: 200 for QUOTED, 401 for DENIED, 500 otherwise.
    leaky = http.createServer((req, res) => {
      const url = req.url ?? "";
      const status = url.includes("QUOTED") ? 200 : url.includes("DENIED") ? 401 : 500;
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify([{ symbol: "X", price: 1, name: `you asked ${url}` }]));
    });
    await new Promise<void>((r) => leaky.listen(0, "127.0.0.1", r));
    const leakyUrl = `http://127.0.0.1:${(leaky.address() as AddressInfo).port}`;
    gw = await startGateway(TEAM_KEY, { provider: "fmp", upstreamUrl: leakyUrl });
    down = await startGateway(TEAM_KEY, {
      provider: "fmp",
      upstreamUrl: `http://127.0.0.1:${await freePort()}`,
    });
  });
  afterAll(async () => {
    await gw?.stop();
    await down?.stop();
    await new Promise((r) => leaky?.close(r));
  });

  test("the key never reaches the client: masked in 2xx and 4xx bodies, 5xx bodies replaced", async () => {
    const ok = await request(`${gw.url}/stable/quote?symbol=QUOTED`);
    expect(ok.status).toBe(200);
    expect(ok.body).toContain("apikey=***");
    const denied = await request(`${gw.url}/stable/quote?symbol=DENIED`);
    expect(denied.status).toBe(401);
    expect(denied.body).toContain("apikey=***");
    const failed = await request(`${gw.url}/stable/quote?symbol=BROKEN`);
    expect(failed.status).toBe(500);
    for (const a of [ok, denied, failed])
      expect(a.body + JSON.stringify(a.headers)).not.toContain(TEAM_KEY);
    console.log(
      "gateway leak: provider echoing the key -> 200/401 bodies masked, 500 body replaced"
    );
  });

  test("an unreachable provider is a 502 'server error' for the add-in; the error log holds no key", async () => {
    const p = createProvider({ provider: "fmp", proxyBaseUrl: down.url, http: { retries: 0 } });
    const err = await failure(p.getQuote("0700.HK"));
    expect([err.reason, err.message]).toEqual([
      "server-error",
      "Financial Modeling Prep: server error (HTTP 502) for 0700.HK",
    ]);
    const logs = [down.accessLog, down.errorLog, path.join(down.prefix, "main-error.log")]
      .filter((f) => fs.existsSync(f))
      .map((f) => fs.readFileSync(f, "utf8"))
      .join("\n");
    expect(fs.readFileSync(down.accessLog, "utf8")).toContain("upstream=502");
    expect(logs).not.toContain(TEAM_KEY);
    console.log(
      "gateway down: add-in sees 'server error (HTTP 502)'; no key in access or error logs"
    );
  });
});
