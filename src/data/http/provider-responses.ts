/**
 * Response handling shared by the HTTP providers (FMP, EODHD): the price field's loose shape, shape
 * checks that fail as ProviderErrors, error bodies read by keyword, and provenance of live answers.
 */
import { z } from "zod";
import { isoFromDay } from "../../core/dates";
import { PriceSeries } from "../../core/series";
import { planLimit, ProviderError, ProviderFailure, redact } from "../provider-error";
import { HistoryResult, Provenance } from "../types";

/** Prices are numbers, but nulls and "NaN" strings occur: build-series rejects them, never coerces them away. */
export const PriceField = z.union([z.number(), z.string(), z.null()]).optional();

/** Parses `body` with `schema`, or fails as the provider's "unexpected data shape". */
export function parseShape<T>(
  provider: string,
  schema: z.ZodType<T>,
  body: unknown,
  what: string
): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ProviderError(
      provider,
      "bad-response",
      `returned an unexpected data shape for ${what}`
    );
  }
  return parsed.data;
}

/** One way an error body is read: any of `needles` in its lower-cased message means `kind`. */
export interface BodyErrorRule {
  readonly needles: readonly string[];
  readonly kind: ProviderFailure;
  /** The detail after the provider's name; plan limits always read "your plan does not cover …". */
  readonly message?: (what: string) => string;
}

/** The ProviderError of the first rule whose needle the message contains, or undefined. */
export function matchBodyRule(
  provider: string,
  message: string,
  what: string,
  rules: readonly BodyErrorRule[],
  status?: number
): ProviderError | undefined {
  const m = message.toLowerCase();
  const rule = rules.find((r) => r.needles.some((n) => m.includes(n)));
  if (!rule) return undefined;
  if (rule.kind === "plan-limit") return planLimit(provider, what, status);
  const detail = rule.message?.(what) ?? `error for ${what}`;
  return new ProviderError(provider, rule.kind, detail, status);
}

/**
 * The ProviderError for an error body's message: the first rule whose needle it contains, else a
 * "bad-response" quoting the message (API key redacted, cut to 120 characters).
 */
export function bodyError(
  provider: string,
  message: string,
  what: string,
  apiKey: string | undefined,
  rules: readonly BodyErrorRule[]
): ProviderError {
  const known = matchBodyRule(provider, message, what, rules);
  if (known) return known;
  const clean = redact(message, [apiKey]).slice(0, 120);
  return new ProviderError(provider, "bad-response", `error for ${what}: ${clean}`);
}

/** The message of an error body: a JSON object's first text field among `fields`, else the text itself. */
export function errorBodyText(body: string, fields: readonly string[]): string {
  const text = body.trim();
  if (!text.startsWith("{")) return text;
  try {
    const parsed = JSON.parse(text) as Record<string, unknown>;
    const field = fields.find((f) => typeof parsed?.[f] === "string");
    return field ? (parsed[field] as string) : text;
  } catch {
    return text;
  }
}

/** A live quote's price (numeric strings read as numbers), or "bad-response" if none is positive. */
export function quotePrice(provider: string, raw: unknown, symbol: string): number {
  const p = typeof raw === "string" ? Number(raw) : raw;
  if (typeof p !== "number" || !(p > 0)) {
    throw new ProviderError(provider, "bad-response", `returned no valid price for ${symbol}`);
  }
  return p;
}

/** Provenance of a real (non-synthetic) answer from `provider`; stale when a gateway served it from cache after a failure. */
export function liveProvenance(
  provider: string,
  asOf: string,
  delayed: boolean,
  stale = false
): Provenance {
  return { source: provider, asOf, synthetic: false, delayed, stale };
}

/** A history answer, as of its last close. */
export function historyResult(provider: string, series: PriceSeries, stale = false): HistoryResult {
  const asOf = isoFromDay(series.dates[series.dates.length - 1]);
  return { series, provenance: liveProvenance(provider, asOf, false, stale) };
}
