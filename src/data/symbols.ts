import { invalidValue } from "../core/errors";
import { Currency } from "../core/currency";

/**
 * Symbol forms. Users type tickers the way their other tools show them (Yahoo, Google Finance,
 * Bloomberg, ISO MIC prefixes); the data layer keys everything by ONE canonical form:
 *   Hong Kong   0700.HK    (code without leading zeros, padded to 4 digits)
 *   Shanghai    600519.SS  (6 digits)
 *   Shenzhen    002371.SZ  (6 digits)
 *   US          NVDA, BRK-B (upper case, class shares with "-")
 *   Indices     ^NDX, ^IXIC, ^GSPC
 */
export type Market = "HK" | "SS" | "SZ" | "US";

const HK_PREFIXES = new Set(["HKG", "XHKG", "HKEX", "HK", "SEHK"]);
const SS_PREFIXES = new Set(["XSHG", "SHA", "SSE", "SH", "SHG"]);
const SZ_PREFIXES = new Set(["XSHE", "SHE", "SZSE", "SZ"]);
const US_PREFIXES = new Set([
  "NASDAQ",
  "XNAS",
  "NYSE",
  "XNYS",
  "NYSEARCA",
  "ARCX",
  "AMEX",
  "BATS",
  "US",
]);
const SS_SUFFIXES = new Set(["SS", "SH", "SHG", "SHA"]);
const SZ_SUFFIXES = new Set(["SZ", "SHE", "SZSE"]);
/** EODHD spells indices NDX.INDX; Bloomberg "NDX Index". */
const INDEX_SUFFIXES = new Set(["INDX", "INDEX"]);

const US_TICKER = /^[A-Z][A-Z0-9]{0,5}([-.][A-Z])?$/;
const INDEX_TICKER = /^\^[A-Z0-9]{1,10}$/;

function hk(code: string, original: string): string {
  if (!/^\d{1,5}$/.test(code) || Number(code) === 0)
    throw invalidValue(`"${original}" is not a Hong Kong stock code (1 to 5 digits)`);
  return `${String(Number(code)).padStart(4, "0")}.HK`;
}

function mainland(code: string, market: "SS" | "SZ", original: string): string {
  if (!/^\d{6}$/.test(code)) throw invalidValue(`"${original}" is not a 6-digit A-share code`);
  return `${code}.${market}`;
}

/** Shanghai codes start with 6 (600/601/603/605 main board, 688 STAR) or 9 (B shares); Shenzhen with 0, 2 or 3. */
function inferMainland(code: string, original: string): string {
  if (/^[69]\d{5}$/.test(code)) return `${code}.SS`;
  if (/^[023]\d{5}$/.test(code)) return `${code}.SZ`;
  throw invalidValue(`"${original}" is not a Shanghai or Shenzhen code`);
}

function us(ticker: string, original: string): string {
  const t = ticker.replace(".", "-");
  if (!US_TICKER.test(ticker)) throw invalidValue(`"${original}" is not a ticker`);
  return t;
}

/**
 * One canonical form for any ticker a user types (case- and space-insensitive).
 * Examples: "700.hk" → "0700.HK", "XHKG:0700" → "0700.HK", "600519.SH" → "600519.SS",
 * "XSHE:002371" → "002371.SZ", "nasdaq:nvda" → "NVDA", "NDX.INDX" → "^NDX", "700 HK Equity" → "0700.HK".
 * Throws a #VALUE!-kind FinanceError for text that is no ticker shape at all.
 */
export function normalizeSymbol(text: string): string {
  if (typeof text !== "string") throw invalidValue("symbol must be text");
  const original = text.trim();
  let s = original.toUpperCase().replace(/\s+/g, " ");
  if (s === "") throw invalidValue("symbol is empty");
  // Bloomberg style: "700 HK Equity", "600519 CH Equity", "NVDA US Equity", "NDX Index".
  s = s.replace(/ (EQUITY|EQ)$/, "");
  const bbg = /^([A-Z0-9^]+) (HK|CH|C1|C2|CG|CS|US|UW|UN|INDEX)$/.exec(s);
  if (bbg) {
    const [, code, mkt] = bbg;
    if (mkt === "HK") return hk(code, original);
    if (mkt === "CH" || mkt === "C1" || mkt === "C2") return inferMainland(code, original);
    if (mkt === "CG") return mainland(code, "SS", original);
    if (mkt === "CS") return mainland(code, "SZ", original);
    if (mkt === "INDEX") return `^${code.replace(/^\^/, "")}`;
    return us(code, original);
  }
  if (s.includes(" ")) throw invalidValue(`"${original}" is not a ticker`);

  const prefixed = /^([A-Z]+):(.+)$/.exec(s);
  if (prefixed) {
    const [, prefix, code] = prefixed;
    if (HK_PREFIXES.has(prefix)) return hk(code, original);
    if (SS_PREFIXES.has(prefix)) return mainland(code, "SS", original);
    if (SZ_PREFIXES.has(prefix)) return mainland(code, "SZ", original);
    if (US_PREFIXES.has(prefix)) return us(code, original);
    if (prefix === "INDEXNASDAQ" || prefix === "INDEX") return `^${code.replace(/^\^/, "")}`;
    throw invalidValue(`"${original}": unknown exchange prefix ${prefix}`);
  }
  // "SH600519" / "SZ002371", common in mainland tools.
  const cnPrefixed = /^(SH|SZ)(\d{6})$/.exec(s);
  if (cnPrefixed) return mainland(cnPrefixed[2], cnPrefixed[1] === "SH" ? "SS" : "SZ", original);

  const suffixed = /^([A-Z0-9^]+)\.([A-Z]+)$/.exec(s);
  if (suffixed) {
    const [, code, suffix] = suffixed;
    if (suffix === "HK") return hk(code, original);
    if (SS_SUFFIXES.has(suffix)) return mainland(code, "SS", original);
    if (SZ_SUFFIXES.has(suffix)) return mainland(code, "SZ", original);
    if (INDEX_SUFFIXES.has(suffix)) return `^${code.replace(/^\^/, "")}`;
    if (suffix === "US") return us(code, original);
    // .A / .B / .C = US share class (BRK.B); other one-letter suffixes are exchanges (VOD.L).
    if (/^[ABC]$/.test(suffix) && !code.startsWith("^")) return us(s, original);
    throw invalidValue(`"${original}": unknown exchange suffix .${suffix}`);
  }
  if (INDEX_TICKER.test(s)) return s;
  if (/^\d{6}$/.test(s)) return inferMainland(s, original);
  if (/^\d+$/.test(s))
    throw invalidValue(`"${original}" has no exchange: write e.g. ${s}.HK or ${s}.SS`);
  return us(s, original);
}

/** Indices quoted in Hong Kong (HKD levels, Hong Kong trading days); other indices are US. */
const INDEX_HOME_MARKETS: Readonly<Record<string, Market>> = {
  "^HSTECH": "HK",
  "^HSI": "HK",
  "^HSCE": "HK",
};

/** Market of a canonical symbol. Hang Seng indices are HK; other indices (^NDX) and plain tickers are US. */
export function marketOf(canonical: string): Market {
  const indexHome = INDEX_HOME_MARKETS[canonical];
  if (indexHome) return indexHome;
  if (canonical.endsWith(".HK")) return "HK";
  if (canonical.endsWith(".SS")) return "SS";
  if (canonical.endsWith(".SZ")) return "SZ";
  return "US";
}

/** Listing currency of a canonical symbol's market (HK → HKD, mainland → CNY, else USD). */
export function currencyOfMarket(canonical: string): string {
  const m = marketOf(canonical);
  return m === "HK" ? "HKD" : m === "US" ? "USD" : "CNY";
}

/** Financial Modeling Prep spells HK / mainland / US / index symbols as we do: 0700.HK, 600519.SS, 000001.SZ, ^NDX. */
export function toFmpSymbol(canonical: string): string {
  return canonical;
}

/** EODHD: 0700.HK, 600519.SHG, 000001.SHE, NVDA.US, NDX.INDX, XNDX.INDX, HSTECH.INDX (US share classes BRK-B.US). */
export function toEodhdSymbol(canonical: string): string {
  if (canonical.startsWith("^")) return `${canonical.slice(1)}.INDX`;
  const m = marketOf(canonical);
  if (m === "HK") return canonical;
  if (m === "SS") return canonical.replace(/\.SS$/, ".SHG");
  if (m === "SZ") return canonical.replace(/\.SZ$/, ".SHE");
  return `${canonical}.US`;
}

/** Currencies the layer converts between. CNH (offshore yuan) is treated as CNY: no provider here quotes both. */
export type { Currency };

/** Canonical currency code (case-insensitive; CNH and RMB map to CNY). Unknown → #VALUE!. */
export function normalizeCurrency(text: string): Currency {
  const c = String(text ?? "")
    .trim()
    .toUpperCase();
  if (c === "USD" || c === "HKD" || c === "CNY") return c;
  if (c === "CNH" || c === "RMB") return "CNY";
  throw invalidValue(`"${text}" is not a supported currency (USD, HKD, CNY)`);
}
