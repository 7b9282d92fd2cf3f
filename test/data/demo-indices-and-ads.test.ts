/**
 * The demo universe's total-return Nasdaq-100, Hang Seng TECH level and China ADSs: each behaves as
 * the real instrument's definition says, checked with formulas independent of the generator.
 */
import { dayFromIso } from "../../src/core/dates";
import { indexOnOrBefore, PriceSeries } from "../../src/core/series";
import { ADR_LINES, adrNote } from "../../src/data/adr-lines";
import { DemoSource } from "../../src/data/demo/demo-source";

const demo = new DemoSource();
const at = (s: PriceSeries, iso: string): number => s.close[indexOnOrBefore(s, dayFromIso(iso))];

describe("^XNDX, the Nasdaq-100 Total Return index", () => {
  const ndx = demo.series("^NDX");
  const xndx = demo.series("^XNDX");

  it("has the price index's trading days and moves with it", () => {
    expect(Array.from(xndx.dates)).toEqual(Array.from(ndx.dates));
  });

  it("outgrows the price index by the reinvested dividend yield (0.75 % a year), every year", () => {
    // (1 + r_TR) / (1 + r_price) = exp(yield × weekdays / 261): the yield is the only difference.
    for (let y = 2015; y <= 2025; y++) {
      const from = `${y}-01-02`;
      const to = `${y + 1}-01-02`;
      const fromDay = ndx.dates[indexOnOrBefore(ndx, dayFromIso(from))];
      const toDay = ndx.dates[indexOnOrBefore(ndx, dayFromIso(to))];
      const grid = countWeekdays(fromDay, toDay);
      const ratio = at(xndx, to) / at(xndx, from) / (at(ndx, to) / at(ndx, from));
      expect(ratio).toBeCloseTo(Math.exp((0.0075 * grid) / 261), 4);
    }
  });
});

describe("^HSTECH, the Hang Seng TECH index level", () => {
  const hstech = demo.series("^HSTECH");
  it("is in HKD on Hong Kong trading days (the days Tencent trades)", () => {
    expect(hstech.currency).toBe("HKD");
    expect(Array.from(hstech.dates)).toEqual(Array.from(demo.series("0700.HK").dates));
  });
  it("is a price index: no dividends, adjusted close equals close", () => {
    expect(Array.from(hstech.adjClose ?? hstech.close)).toEqual(Array.from(hstech.close));
    expect((hstech.dividends ?? []).every((d) => d === 0)).toBe(true);
  });
});

describe("China ADSs linked to their Hong Kong lines", () => {
  it.each(ADR_LINES.map((l) => [l.ads, l.hongKong, l.sharesPerAds] as const))(
    "%s ≈ %s × %d shares ÷ USD/HKD, from the Hong Kong listing on",
    async (ads, hk, shares) => {
      const a = demo.series(ads);
      const h = demo.series(hk);
      const fx = (await demo.getUsdFxHistory("HKD")).series;
      expect(a.currency).toBe("USD");
      const parity = (day: number): number => {
        const adsClose = a.close[indexOnOrBefore(a, day)];
        const hkClose = h.close[indexOnOrBefore(h, day)];
        const rate = fx.close[indexOnOrBefore(fx, day)];
        return (adsClose * rate) / (hkClose * shares);
      };
      // Linked on the Hong Kong line's first close (within 0.2 %: prices rounded to the cent).
      expect(Math.abs(parity(h.dates[0]) - 1)).toBeLessThan(0.002);
      // Afterwards on every day both trade: only FX (inside the peg band), holidays and rounding move it.
      let worst = 0;
      for (const day of h.dates) {
        if (indexOnOrBefore(a, day) < 0 || a.dates[indexOnOrBefore(a, day)] !== day) continue;
        worst = Math.max(worst, Math.abs(parity(day) - 1));
      }
      expect(worst).toBeLessThan(0.06);
      expect(adrNote(ads)).toBe(
        `ADS: 1 ADS = ${shares === 1 ? "1 share" : `${shares} shares`} of ${hk}`
      );
    }
  );

  it("trades on US days and exists before the Hong Kong listing, as the real ADSs did", () => {
    const baba = demo.series("BABA");
    expect(baba.dates[0]).toBe(dayFromIso("2015-01-02"));
    // 2015-07-03 (Independence Day observed) is a US holiday, a Hong Kong trading day.
    expect(Array.from(baba.dates)).not.toContain(dayFromIso("2015-07-03"));
  });

  it("has no Hong Kong line for PDD", () => {
    expect(adrNote("PDD")).toBeUndefined();
  });
});

function countWeekdays(from: number, to: number): number {
  let n = 0;
  for (let d = from + 1; d <= to; d++) {
    const wd = (((d + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
    if (wd !== 0 && wd !== 6) n++;
  }
  return n;
}
