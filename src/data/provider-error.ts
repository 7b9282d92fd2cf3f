import { FinanceError, FinanceErrorKind } from "../core/errors";

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
    super(kind, `${provider}: ${detail}`);
    this.name = "ProviderError";
    this.provider = provider;
    this.reason = reason;
    this.status = status;
  }
}

/** True for failures worth answering from a stale cache (everything but a definite "no such symbol" or a cancel). */
export function isTransientFailure(e: unknown): boolean {
  if (!(e instanceof ProviderError)) return false;
  return e.reason !== "unknown-symbol" && e.reason !== "cancelled" && e.reason !== "not-supported";
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
