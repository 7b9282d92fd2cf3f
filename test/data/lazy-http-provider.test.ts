/** Keyed providers from createProvider load their HTTP code on the first request and then act as the real ones. */
import { inspect } from "util";
import { dayFromIso } from "../../src/core/dates";
import { createProvider } from "../../src/data/configure";
import { EodhdProvider } from "../../src/data/http/eodhd-provider";
import { FmpProvider } from "../../src/data/http/fmp-provider";
import { LazyHttpProvider } from "../../src/data/http/lazy-http-provider";
import { FakeServer, startFakeProviderServer } from "../fake-server/fake-provider-server";

const KEY = "sk-LAZY-4242";
let server: FakeServer;
beforeAll(async () => {
  server = await startFakeProviderServer({ validKey: KEY });
});
afterAll(() => server.close());

test.each([
  ["fmp", new FmpProvider({ apiKey: "k" })],
  ["eodhd", new EodhdProvider({ apiKey: "k" })],
] as const)("%s: what callers read before loading is what the real provider says", (id, real) => {
  const lazy = new LazyHttpProvider(id, { apiKey: "k" });
  // Every plain (non-method) field of the MarketDataProvider interface.
  for (const key of ["id", "name", "local", "adjustedSeparately"] as const)
    expect([key, lazy[key as keyof LazyHttpProvider]]).toEqual([
      key,
      real[key as keyof typeof real],
    ]);
});

test("an unsafe base URL is refused at once, before any code loads", () => {
  expect(() =>
    createProvider({ provider: "eodhd", apiKey: KEY, http: { baseUrl: "http://example.com" } })
  ).toThrow(/https/);
});

test.each(["fmp", "eodhd"] as const)(
  "%s: no request before the first call; then the same history as the real provider, key kept hidden",
  async (id) => {
    const http = { baseUrl: server.url, retries: 0 };
    const lazy = createProvider({ provider: id, apiKey: KEY, http });
    expect(inspect(lazy, { depth: 8, showHidden: true })).not.toContain(KEY);
    server.requests.length = 0;
    const from = dayFromIso("2024-01-02");
    const to = dayFromIso("2024-06-28");
    const viaLazy = await lazy.getHistory("AAPL", from, to);
    expect(server.requests.length).toBeGreaterThan(0);
    const Real = id === "fmp" ? FmpProvider : EodhdProvider;
    const direct = await new Real({ apiKey: KEY, ...http }).getHistory("AAPL", from, to);
    expect(Array.from(viaLazy.series.dates)).toEqual(Array.from(direct.series.dates));
    expect(viaLazy.series.dates.length).toBeGreaterThan(100);
  }
);
