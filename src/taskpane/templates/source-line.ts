/** Which source a template's formulas use; the wording comes from the one place that decides it. */
import { isSyntheticSource, templateSourceLine as lineFor } from "../../data/source-labels";

export interface SourceInfo {
  /** MarketData.providerName: "demo (synthetic)", "Financial Modeling Prep", … */
  readonly name: string;
}

export const isSynthetic = (source: SourceInfo): boolean => isSyntheticSource(source.name);

export const templateSourceLine = (source: SourceInfo): string => lineFor(source.name);
