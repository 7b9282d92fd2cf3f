import { indexOnOrBefore, PriceSeries } from "../../core/series";
import { generateStock, Grid } from "./generator";
import { DemoSpec } from "./universe";

/**
 * A demo ADS's series, linked to its Hong Kong line: generated with that line's shocks (so the two
 * move together), at the level where, on the Hong Kong line's first close, ADS = HK close × shares
 * per ADS ÷ USD/HKD. The generator's prices scale with the start price, so one probe run finds it.
 */
export function linkedAdsSeries(
  spec: DemoSpec,
  hongKong: PriceSeries,
  usdHkd: PriceSeries,
  grid: Grid
): PriceSeries {
  if (!spec.adsOf) throw new Error(`${spec.symbol} is not an ADS`);
  const probeStart = 100;
  const probe = generateStock({ ...spec, start: probeStart }, grid);
  const firstHk = hongKong.dates[0];
  const at = indexOnOrBefore(probe, firstHk);
  const fx = usdHkd.close[indexOnOrBefore(usdHkd, firstHk)];
  if (at < 0 || !(fx > 0))
    throw new Error(`${spec.symbol}: no close to link to ${spec.adsOf.hongKong}`);
  const target = (hongKong.close[0] * spec.adsOf.sharesPerAds) / fx;
  return generateStock({ ...spec, start: (probeStart * target) / probe.close[at] }, grid);
}
