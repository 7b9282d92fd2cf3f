import axios, { AxiosError, AxiosInstance } from "axios";
import axiosRetry, { exponentialDelay, retryAfter } from "axios-retry";
import Bottleneck from "bottleneck";
import { getSecret, planLimit, ProviderError, redact, setSecret } from "../provider-error";
import { requireSafeBaseUrl } from "./safe-base-url";

export { requireSafeBaseUrl };

/** Settings shared by the keyed HTTP providers. */
export interface HttpProviderOptions {
  /** Kept inside the provider; redacted from every message. Optional when a proxy adds it. */
  readonly apiKey?: string;
  /** An organisation's gateway replacing the provider's base URL (CORS, keys off desktops). */
  readonly proxyBaseUrl?: string;
  /** Overrides the provider's public base URL (tests point it at a fake server on 127.0.0.1). */
  readonly baseUrl?: string;
  /** Per-attempt timeout (default 15 s). */
  readonly timeoutMs?: number;
  /** Retries after the first attempt for timeouts, network errors, 429 and 5xx (default 2). */
  readonly retries?: number;
  /** First backoff step in ms (default 300; doubles per retry, jittered; Retry-After wins when longer). */
  readonly retryBaseDelayMs?: number;
  /** A Retry-After longer than this is not waited for: the call fails as rate-limited (default 20 s). */
  readonly maxRetryAfterMs?: number;
  /** Concurrent requests to this provider (default 4). */
  readonly maxConcurrent?: number;
  /** Minimum spacing between request starts in ms (default 0). */
  readonly minTimeMs?: number;
  /** Request budget per minute, e.g. a plan's quota (default unlimited). */
  readonly requestsPerMinute?: number;
  /** Length of the budget window in ms (default 60,000; tests shorten it). */
  readonly rateWindowMs?: number;
}

/** The raw outcome of one GET: status and body text (parsing is the provider's job). */
export interface RawResponse {
  readonly status: number;
  readonly text: string;
  readonly contentType: string;
  /** A team gateway answered from its cache because the provider failed (see STALE_HEADER). */
  readonly stale?: boolean;
}

/**
 * Reads a provider's 4xx error body (FMP and EODHD say in it whether the key, the plan or the
 * symbol is the problem). Returns undefined to fall back to the status alone.
 */
export type RefusalReader = (
  status: number,
  body: string,
  what: string
) => ProviderError | undefined;

/** Set to "1" by the team gateway (deploy/gateway) on a cached answer served after a provider failure. */
export const STALE_HEADER = "x-cntech-stale";

/**
 * One provider's HTTP lane: axios with a timeout, axios-retry (exponential backoff that honours
 * Retry-After) and a Bottleneck limiter (concurrency, spacing, per-minute budget). Every failure
 * becomes a ProviderError whose message names the provider and never contains the key or the URL.
 */
export class HttpLane {
  readonly baseUrl: string;
  private readonly http: AxiosInstance;
  private readonly limiter: Bottleneck;
  /** Requests actually sent (including retries): the recalc-storm bench reads it. */
  requestCount = 0;

  private readonly options: HttpProviderOptions;

  constructor(
    readonly providerName: string,
    defaultBaseUrl: string,
    options: HttpProviderOptions,
    private readonly readRefusal?: RefusalReader
  ) {
    setSecret(this, options.apiKey);
    this.options = { ...options, apiKey: undefined };
    this.baseUrl = requireSafeBaseUrl(
      options.proxyBaseUrl ?? options.baseUrl ?? defaultBaseUrl,
      providerName
    );
    const timeout = options.timeoutMs ?? 15000;
    const maxRetryAfter = options.maxRetryAfterMs ?? 20000;
    const base = options.retryBaseDelayMs ?? 300;
    this.http = axios.create({
      timeout,
      responseType: "text",
      transformResponse: [(d) => d],
      headers: { Accept: "application/json" },
    });
    this.http.interceptors.request.use((config) => {
      this.requestCount++;
      return config;
    });
    // Cast: under webpack's resolution axios-retry's types see axios through another entry (.d.cts).
    axiosRetry(this.http as unknown as Parameters<typeof axiosRetry>[0], {
      retries: options.retries ?? 2,
      shouldResetTimeout: true,
      retryCondition: (e) => isRetryable(e) && retryAfter(e) <= maxRetryAfter,
      retryDelay: (n, e) => Math.max(retryAfter(e), exponentialDelay(n, e, base)),
    });
    const perMinute = options.requestsPerMinute;
    this.limiter = new Bottleneck({
      maxConcurrent: options.maxConcurrent ?? 4,
      minTime: options.minTimeMs ?? 0,
      ...(perMinute
        ? {
            reservoir: perMinute,
            reservoirRefreshAmount: perMinute,
            reservoirRefreshInterval: options.rateWindowMs ?? 60000,
          }
        : {}),
    });
  }

  /** GET path?params through the limiter. Non-2xx statuses come back as ProviderErrors unless `acceptStatus` says otherwise. */
  async get(
    path: string,
    params: Record<string, string>,
    what: string,
    signal?: AbortSignal,
    acceptStatus: (status: number) => boolean = (s) => s >= 200 && s < 300
  ): Promise<RawResponse> {
    try {
      const res = await this.limiter.schedule(() =>
        this.http.get<string>(`${this.baseUrl}${path}`, {
          params,
          signal,
          validateStatus: acceptStatus,
        })
      );
      return {
        status: res.status,
        text: typeof res.data === "string" ? res.data : String(res.data ?? ""),
        contentType: String(res.headers["content-type"] ?? ""),
        stale: res.headers[STALE_HEADER] === "1",
      };
    } catch (e) {
      throw this.toProviderError(e, what);
    }
  }

  /** Maps an axios failure to a typed, key-free error. */
  toProviderError(e: unknown, what: string): ProviderError {
    if (e instanceof ProviderError) return e;
    const name = this.providerName;
    const clean = (s: string): string => redact(s, [getSecret(this)]);
    if (axios.isCancel(e) || (e as { code?: string })?.code === "ERR_CANCELED") {
      return new ProviderError(name, "cancelled", `request for ${what} cancelled`);
    }
    const err = e as AxiosError;
    if (err?.code === "ECONNABORTED" || err?.code === "ETIMEDOUT") {
      const secs = (this.options.timeoutMs ?? 15000) / 1000;
      return new ProviderError(name, "timeout", `request for ${what} timed out after ${secs} s`);
    }
    const status = err?.response?.status;
    if (status === 429) {
      const wait = retryAfter(err);
      const hint = wait > 0 ? `; retry after ${Math.ceil(wait / 1000)} s` : "";
      return new ProviderError(name, "rate-limited", `rate limit reached (HTTP 429)${hint}`, 429);
    }
    if (status !== undefined && status >= 400 && status < 500) {
      const body = typeof err.response?.data === "string" ? err.response.data : "";
      return this.readRefusal?.(status, body, what) ?? refusal(name, status, what);
    }
    if (status !== undefined && status >= 500) {
      return new ProviderError(
        name,
        "server-error",
        `server error (HTTP ${status}) for ${what}`,
        status
      );
    }
    const code = err?.code ? ` (${clean(err.code)})` : "";
    return new ProviderError(name, "network", `could not reach the server${code}`);
  }
}

/**
 * A 4xx answer whose body said nothing more: 401 is the key; 402 (Payment Required) and 403 are
 * the plan refusing this request (a wrong key is 401 at both providers); others are bad requests.
 */
function refusal(provider: string, status: number, what: string): ProviderError {
  if (status === 401) {
    return new ProviderError(
      provider,
      "auth",
      "rejected the API key (HTTP 401); check Settings",
      401
    );
  }
  if (status === 402 || status === 403) {
    return planLimit(provider, what, status);
  }
  return new ProviderError(provider, "bad-response", `HTTP ${status} for ${what}`, status);
}

/** Timeouts, network failures, 429 and 5xx are worth another attempt; other 4xx are not. */
function isRetryable(e: AxiosError): boolean {
  if (e.code === "ERR_CANCELED") return false;
  if (e.code === "ECONNABORTED" || e.code === "ETIMEDOUT") return true;
  const status = e.response?.status;
  if (status === undefined) return true;
  return status === 429 || (status >= 500 && status !== 501);
}

/** Parses a body as JSON with precise errors: an HTML error page, an empty body, truncated or malformed JSON. */
export function parseJsonBody(raw: RawResponse, provider: string, what: string): unknown {
  const text = raw.text.trim();
  if (text === "") throw new ProviderError(provider, "bad-response", `empty response for ${what}`);
  if (text.startsWith("<") || raw.contentType.includes("text/html")) {
    throw new ProviderError(
      provider,
      "bad-response",
      `returned an HTML page instead of data for ${what} (HTTP ${raw.status})`
    );
  }
  try {
    const body: unknown = JSON.parse(text);
    if (raw.stale && typeof body === "object" && body !== null) staleBodies.add(body);
    return body;
  } catch {
    throw new ProviderError(
      provider,
      "bad-response",
      `returned malformed or truncated JSON for ${what}`
    );
  }
}

/** Parsed bodies that a gateway served stale: the provider marks the answer built from them. */
const staleBodies = new WeakSet<object>();

/** True when any of these parsed bodies (as returned by parseJsonBody) came from a stale gateway answer. */
export function servedStale(...bodies: unknown[]): boolean {
  return bodies.some((b) => typeof b === "object" && b !== null && staleBodies.has(b));
}
