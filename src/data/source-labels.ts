/**
 * The wording the user sees about where the numbers come from, in one place, so the pane's
 * subtitle, the Settings note, the workbench badge and the imported sheets always agree with the
 * active source: "synthetic" is said exactly when the data is the demo source's.
 */

/** The demo source's name, shown wherever demo numbers surface: they are synthetic, not market data. */
export const DEMO_SOURCE_NAME = "demo (synthetic)";

/** True for the embedded demo source (by its name, as MarketData.providerName reports it). */
export function isSyntheticSource(providerName: string): boolean {
  return providerName === DEMO_SOURCE_NAME;
}

/** The pane's subtitle. */
export function paneSubtitle(providerName: string): string {
  return isSyntheticSource(providerName)
    ? "China tech vs the Nasdaq, on demo data (synthetic, not market prices)."
    : `China tech vs the Nasdaq, on data from ${providerName}.`;
}

/** The note under the Settings tab: what the active source is good for. */
export function sourceNote(providerName: string): string {
  return isSyntheticSource(providerName)
    ? "Demo data is synthetic: fine for trying the add-in, not for decisions."
    : `Prices come from ${providerName}; check its terms and coverage before relying on them.`;
}

/** The short badge beside a document's title. */
export function sourceBadge(providerName: string): string {
  return isSyntheticSource(providerName) ? "Demo data (synthetic)" : `Data: ${providerName}`;
}

/** The "Synthetic" line of an imported sheet's header block. */
export function syntheticLine(synthetic: boolean): string {
  return synthetic ? "YES: demo (synthetic) data, not market prices" : "no (provider data)";
}

/**
 * A basket's label in a table beside single symbols: "HSTECH (basket)", but a label that already
 * says it is a basket ("Custom basket") stays as it is.
 */
export function basketRowLabel(label: string): string {
  return /\bbasket\b/i.test(label) ? label : `${label} (basket)`;
}

/** The line a template writes under its title: which source its formulas use. */
export function templateSourceLine(providerName: string): string {
  return isSyntheticSource(providerName)
    ? "Demo data (synthetic): prices come from a seeded generator, not from any market."
    : `Data: ${providerName}. Formulas use the data source chosen in the CNTech pane's Settings.`;
}
