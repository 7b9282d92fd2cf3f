/**
 * US depositary shares (ADSs) of companies that also list in Hong Kong, with how many Hong Kong
 * ordinary shares one ADS represents. Linking the two lines: ADS price (USD) ≈ Hong Kong price
 * (HKD) × sharesPerAds ÷ USD/HKD, apart from the gap between the two markets' closing times.
 *
 * Ratios as listed in the depositary banks' DR directories (current ratios; each has changed in the
 * past with share subdivisions, e.g. Baidu's and Trip.com's in 2021, NetEase's in 2020) and as
 * recorded by a public ADR / Hong Kong pairs study (ratios checked against the Deutsche Bank DR
 * directory on 2026-10-07). PDD has no Hong Kong line.
 */
export interface AdrLine {
  /** Canonical US symbol of the ADS. */
  readonly ads: string;
  /** Canonical Hong Kong symbol of the same company's ordinary shares. */
  readonly hongKong: string;
  /** Hong Kong ordinary shares represented by one ADS. */
  readonly sharesPerAds: number;
  readonly company: string;
}

export const ADR_LINES: readonly AdrLine[] = [
  { ads: "BABA", hongKong: "9988.HK", sharesPerAds: 8, company: "Alibaba Group" },
  { ads: "BIDU", hongKong: "9888.HK", sharesPerAds: 8, company: "Baidu" },
  { ads: "JD", hongKong: "9618.HK", sharesPerAds: 2, company: "JD.com" },
  { ads: "NTES", hongKong: "9999.HK", sharesPerAds: 5, company: "NetEase" },
  { ads: "TCOM", hongKong: "9961.HK", sharesPerAds: 1, company: "Trip.com Group" },
];

/** The ADS line of a US symbol, or undefined when it has no Hong Kong line here. */
export function adrLineOf(symbol: string): AdrLine | undefined {
  return ADR_LINES.find((l) => l.ads === symbol);
}

/** "1 ADS = 8 shares of 9988.HK" for a SOURCE note, or undefined. */
export function adrNote(symbol: string): string | undefined {
  const line = adrLineOf(symbol);
  if (!line) return undefined;
  const shares = line.sharesPerAds === 1 ? "1 share" : `${line.sharesPerAds} shares`;
  return `ADS: 1 ADS = ${shares} of ${line.hongKong}`;
}
