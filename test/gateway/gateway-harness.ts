import { ChildProcess, spawn } from "child_process";
import * as fs from "fs";
import * as http from "http";
import * as https from "https";
import * as net from "net";
import * as os from "os";
import * as path from "path";

/**
 * Runs the real nginx binary with the gateway configuration rendered by deploy/gateway/render.js,
 * as any user: its own prefix under a temp directory (pid, temp paths, logs, cache), listening on a
 * free 127.0.0.1 port, in the foreground so the test owns the process. nginx missing is an error.
 */
const render = require("../../deploy/gateway/render.js") as {
  renderStandaloneConfig(settings: object, opts: { prefix: string; user?: string }): string;
  writeKeyInclude(file: string, key: string): void;
  checkConfig(confFile: string, prefix: string): string;
  nginxBinary(): string;
};

export interface GatewaySettings {
  readonly provider: "fmp" | "eodhd";
  readonly upstreamUrl: string;
  readonly origins?: string[];
  readonly clientRatePerMinute?: number;
  readonly clientBurst?: number;
  readonly lifetimes?: Partial<Record<"closedWindow" | "today" | "quote" | "reference", string>>;
  readonly today?: string;
  readonly tls?: { cert: string; key: string };
}

export interface Gateway {
  readonly url: string;
  readonly prefix: string;
  readonly accessLog: string;
  readonly errorLog: string;
  /** The rendered nginx.conf text. */
  config(): string;
  /** Re-renders with changed settings and reloads nginx (SIGHUP; the cache survives). */
  reload(changes: Partial<GatewaySettings>): Promise<void>;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Worker processes of `pid` (Linux /proc), to tell when a reload replaced them. */
function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) out.push(Number(entry));
    } catch {
      // the process ended while listing
    }
  }
  return out;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function startGateway(teamKey: string, initial: GatewaySettings): Promise<Gateway> {
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), "cntech-gateway-"));
  const keyFile = path.join(prefix, "provider-key.conf");
  render.writeKeyInclude(keyFile, teamKey);
  const port = await freePort();
  const conf = path.join(prefix, "nginx.conf");
  const accessLog = path.join(prefix, "access.log");
  const errorLog = path.join(prefix, "error.log");
  // As root, workers would drop to "nobody", who cannot enter the private temp directory.
  const user = process.getuid?.() === 0 ? "root" : undefined;
  let settings = initial;
  let text = "";
  const write = (): void => {
    const { tls, ...rest } = settings;
    text = render.renderStandaloneConfig(
      {
        ...rest,
        keyFile,
        listen: `127.0.0.1:${port}`,
        cacheDir: path.join(prefix, "cache"),
        accessLog,
        errorLog,
        ...(tls ? { tlsCert: tls.cert, tlsKey: tls.key } : { plainHttp: true }),
      },
      { prefix, user }
    );
    fs.writeFileSync(conf, text);
    render.checkConfig(conf, prefix);
  };
  write();
  const proc: ChildProcess = spawn(
    render.nginxBinary(),
    ["-p", prefix, "-c", conf, "-g", "daemon off;"],
    { stdio: ["ignore", "ignore", "pipe"] }
  );
  let stderr = "";
  proc.stderr?.on("data", (d) => (stderr += String(d)));
  const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
  const scheme = initial.tls ? "https" : "http";
  const url = `${scheme}://127.0.0.1:${port}`;
  const healthy = async (): Promise<boolean> =>
    new Promise((resolve) => {
      const get = scheme === "https" ? https.get : http.get;
      const req = get(`${url}/health`, { rejectUnauthorized: false }, (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      });
      req.on("error", () => resolve(false));
    });
  for (let i = 0; ; i++) {
    if (proc.exitCode !== null) throw new Error(`nginx exited: ${stderr}`);
    if (await healthy()) break;
    if (i > 100) {
      proc.kill("SIGKILL");
      throw new Error(`nginx did not answer /health: ${stderr}`);
    }
    await sleep(50);
  }
  return {
    url,
    prefix,
    accessLog,
    errorLog,
    config: () => text,
    async reload(changes) {
      settings = { ...settings, ...changes };
      write();
      const before = childrenOf(proc.pid!);
      proc.kill("SIGHUP");
      // Reloaded when none of the old workers is left and a new one answers.
      for (let i = 0; i < 200; i++) {
        await sleep(25);
        const now = childrenOf(proc.pid!);
        if (!before.some((p) => now.includes(p)) && (await healthy())) return;
      }
      throw new Error("nginx did not reload");
    },
    async stop() {
      if (proc.exitCode === null) {
        proc.kill("SIGTERM");
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 5000)))]);
        clearTimeout(timer);
        if (proc.exitCode === null) proc.kill("SIGKILL");
      }
      fs.rmSync(prefix, { recursive: true, force: true });
    },
  };
}

export interface Answer {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

/** A plain GET (or OPTIONS) with chosen headers, for what the providers do not expose. */
export function request(
  url: string,
  headers: Record<string, string> = {},
  method = "GET",
  ca?: string
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const mod = url.startsWith("https:") ? https : http;
    const req = mod.request(url, { method, headers, ...(ca ? { ca } : {}) }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}
