import { FinanceError, FinanceErrorKind } from "../core/errors";
import { DEFAULT_BENCHMARK } from "./baskets";

/** Why a provider call failed; the message always names the provider and the reason, never a key. */
export type ProviderFailure =
  | "timeout"
  | "rate-limited"
  | "server-error"
  | "network"
  | "bad-response"
  | "empty"
  | "unknown-symbol"
  | "auth"
  | "plan-limit"
  | "cancelled"
  | "not-supported";

/**
 * A typed provider failure. It is a FinanceError so the functions layer maps it without knowing
 * about HTTP: every reason is kind "na" (#N/A with a message) except a symbol the provider cannot
 * even spell, which is reported by normalizeSymbol as #VALUE! before any request.
 */
export class ProviderError extends FinanceError {
  readonly provider: string;
  readonly reason: ProviderFailure;
  readonly status?: number;

  constructor(
    provider: string,
    reason: ProviderFailure,
    detail: string,
    status?: number,
    kind: FinanceErrorKind = "na"
  ) {
    super(kind, `${provider}: ${detail}${defaultBenchmarkHint(reason, detail)}`);
    this.name = "ProviderError";
    this.provider = provider;
    this.reason = reason;
    this.status = status;
  }
}

/**
 * Where a source lacks the default benchmark (^XNDX, EODHD XNDX.INDX), every default spread or beta
 * would fail: the message says what to pass instead.
 */
function defaultBenchmarkHint(reason: ProviderFailure, detail: string): string {
  if (reason !== "unknown-symbol" && reason !== "plan-limit") return "";
  if (!/(^|[^A-Z])\^?XNDX\b/.test(detail)) return "";
  return `. ${DEFAULT_BENCHMARK} is the default benchmark: pass "QQQ" (total return) or "^NDX" (price index)`;
}

/** "your plan does not cover 0700.HK (HTTP 402)": #N/A, never retried, never answered from a stale copy. */
export function planLimit(provider: string, what: string, status?: number): ProviderError {
  const http = status === undefined ? "" : ` (HTTP ${status})`;
  return new ProviderError(
    provider,
    "plan-limit",
    `your plan does not cover ${what}${http}`,
    status
  );
}

/** Answers that will not change by asking again: a stale copy must not stand in for them. */
const DEFINITE: ReadonlySet<ProviderFailure> = new Set([
  "unknown-symbol",
  "cancelled",
  "not-supported",
  "plan-limit",
]);

/**
 * True for failures worth answering from a stale cache: everything but a definite "no such
 * symbol", a cancel, or a plan that does not cover the request (a stale copy would hide it).
 */
export function isTransientFailure(e: unknown): boolean {
  return e instanceof ProviderError && !DEFINITE.has(e.reason);
}

/** Removes every occurrence of secrets (API keys) from a text before it can reach a message or a log. */
export function redact(text: string, secrets: ReadonlyArray<string | undefined>): string {
  let out = text;
  for (const s of secrets) {
    if (s && s.length >= 4) out = out.split(s).join("***");
  }
  // Belt and braces: query parameters that commonly carry keys.
  return out.replace(/((?:apikey|api_token|api_key|token|key)=)[^&\s"']+/gi, "$1***");
}

/*
 * API keys live in this WeakMap, keyed by the object that uses them, never in an enumerable field:
 * logging or serialising a provider (console.log, JSON.stringify, util.inspect) cannot reveal a key.
 */
const secrets = new WeakMap<object, string>();

/** Stores the key for an owner (no-op for an empty key). */
export function setSecret(owner: object, key: string | undefined): void {
  if (key) secrets.set(owner, key);
}

/** The key stored for an owner, if any. */
export function getSecret(owner: object): string | undefined {
  return secrets.get(owner);
}
