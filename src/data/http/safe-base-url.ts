import { ProviderError } from "../provider-error";

/** Throws unless the URL is https, or http to the local machine (fake servers in tests). */
export function requireSafeBaseUrl(url: string, provider: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ProviderError(
      provider,
      "not-supported",
      `base URL "${url}" is not a URL`,
      undefined,
      "value"
    );
  }
  const local = parsed.hostname === "127.0.0.1" || parsed.hostname === "localhost";
  if (parsed.protocol !== "https:" && !(parsed.protocol === "http:" && local)) {
    throw new ProviderError(
      provider,
      "not-supported",
      "only https:// URLs are allowed",
      undefined,
      "value"
    );
  }
  return url.replace(/\/+$/, "");
}
