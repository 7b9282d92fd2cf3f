/**
 * The proxy base URL a user types in Settings (an organisation's gateway in front of FMP or EODHD):
 * https only, no user name or password in it, no query or fragment (the provider appends its own
 * paths and parameters). Returns the URL without trailing slashes, or undefined for an empty field.
 */
export function parseProxyBaseUrl(text: string | undefined): string | undefined {
  const trimmed = text?.trim() ?? "";
  if (!trimmed) return undefined;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new Error(`The proxy URL "${trimmed}" is not a URL; it starts with https://.`);
  }
  if (url.protocol !== "https:")
    throw new Error("The proxy URL must start with https:// (plain http would expose the data).");
  if (url.username || url.password)
    throw new Error("The proxy URL must not contain a user name or password.");
  if (url.search || url.hash)
    throw new Error("The proxy URL is a base address: remove the part after ? or #.");
  return `${url.origin}${url.pathname}`.replace(/\/+$/, "");
}
