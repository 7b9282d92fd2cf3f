import * as React from "react";
import { trailingYearVol } from "../../core/scenario";
import { getMarketData } from "../../data/market-data";

/** One-year vols of a basket's symbols from the configured source, with where they came from. */
export interface HistoryVols {
  readonly vols: ReadonlyMap<string, number>;
  /** Source name as the data layer reports it, e.g. "demo (synthetic)". */
  readonly source: string;
  readonly synthetic: boolean;
  /** Symbols the source had no usable history for (they use the segment default). */
  readonly missing: number;
}

/**
 * Loads the trailing-year volatility of each symbol for the Monte Carlo's idiosyncratic noise.
 * Undefined until loaded (the pane then uses the stated segment defaults).
 */
export function useHistoryVols(symbols: readonly string[]): HistoryVols | undefined {
  const [state, setState] = React.useState<HistoryVols | undefined>(undefined);
  const key = symbols.join(",");
  React.useEffect(() => {
    let live = true;
    setState(undefined);
    const end = Math.floor(Date.now() / 86400000);
    const data = getMarketData();
    void Promise.all(
      symbols.map((s) =>
        data.getHistory(s, end - 400, end).then(
          (h) => ({ symbol: s, vol: trailingYearVol(h.series), provenance: h.provenance }),
          () => ({ symbol: s, vol: undefined, provenance: undefined })
        )
      )
    ).then((results) => {
      if (!live) return;
      const vols = new Map<string, number>();
      let missing = 0;
      for (const r of results) {
        if (r.vol === undefined) missing++;
        else vols.set(r.symbol, r.vol);
      }
      const first = results.find((r) => r.provenance)?.provenance;
      setState({
        vols,
        source: first?.source ?? "no source",
        synthetic: results.some((r) => r.provenance?.synthetic),
        missing,
      });
    });
    return () => {
      live = false;
    };
    // Keyed by the symbol list's content, not its identity.
  }, [key]);
  return state;
}
