import { ProviderId } from "../../data/configure";

/** The sources the Settings tab offers, with the label the pane shows. */
export const PROVIDERS: readonly { id: ProviderId; label: string; needsKey: boolean }[] = [
  { id: "demo", label: "Demo (synthetic, built in)", needsKey: false },
  { id: "fmp", label: "Financial Modeling Prep", needsKey: true },
  { id: "eodhd", label: "EODHD", needsKey: true },
  { id: "csv", label: "CSV files", needsKey: false },
];
