import * as fs from "fs";
import * as http from "http";
import { AddressInfo } from "net";
import * as path from "path";

/**
 * Serves responses recorded from the live FMP and EODHD APIs by public projects
 * (test/fixtures/recorded, see its README) on 127.0.0.1, so the real providers parse real bodies.
 * A route picks the answer from the request path and query; unrouted requests get a 404.
 */
export interface Answer {
  readonly status: number;
  readonly body: string;
  readonly contentType?: string;
}

export type Route = (path: string, query: URLSearchParams) => Answer | undefined;

export interface ReplayServer {
  readonly url: string;
  /** Requests received, as path?query with the key parameters removed. */
  readonly requests: string[];
  route: Route;
  close(): Promise<void>;
}

const RECORDED = path.join(__dirname, "..", "fixtures", "recorded");

/** A recorded body, byte for byte. */
export function recorded(file: string): string {
  return fs.readFileSync(path.join(RECORDED, file), "utf8");
}

/** A recorded JSON body parsed by the test itself (the independent reading of expected values). */
export function recordedJson<T = unknown>(file: string): T {
  return JSON.parse(recorded(file)) as T;
}

export function json(file: string, status = 200): Answer {
  return { status, body: recorded(file), contentType: "application/json; charset=utf-8" };
}

export async function startReplayServer(route: Route): Promise<ReplayServer> {
  const requests: string[] = [];
  const state = { route };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    for (const k of ["apikey", "api_token"]) url.searchParams.delete(k);
    requests.push(`${url.pathname}?${url.searchParams.toString()}`);
    const answer = state.route(url.pathname, url.searchParams) ?? {
      status: 404,
      body: "not recorded",
      contentType: "text/plain",
    };
    res.writeHead(answer.status, { "Content-Type": answer.contentType ?? "application/json" });
    res.end(answer.body);
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    get route() {
      return state.route;
    },
    set route(r: Route) {
      state.route = r;
    },
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

/**
 * One replay server for a test file: started before its tests, closed after them, its request log
 * cleared before each test. Returns the server (read it inside tests, not at module level).
 */
export function replayServerForTests(): () => ReplayServer {
  let server: ReplayServer | undefined;
  beforeAll(async () => {
    server = await startReplayServer(() => undefined);
  });
  afterAll(() => server?.close());
  beforeEach(() => {
    server!.requests.length = 0;
  });
  return () => server!;
}
