/** The line a template writes under its title: which source its numbers come from. */
export interface SourceInfo {
  /** e.g. "demo (synthetic)", "Financial Modeling Prep". */
  readonly name: string;
  readonly synthetic: boolean;
}

export function templateSourceLine(source: SourceInfo): string {
  return source.synthetic
    ? `Data: ${source.name}. Demo data is synthetic: prices come from a seeded generator, not from any market.`
    : `Data: ${source.name}. Formulas use the data source chosen in the CNTech pane's Settings.`;
}
