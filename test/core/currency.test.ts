import fc from "fast-check";
import {
  convertSeries,
  crossFx,
  fxWindowReturn,
  invertFx,
  makeFxSeries,
} from "../../src/core/currency";
import { windowReturn } from "../../src/core/returns";
import { makeSeries } from "../../src/core/series";
import { ascendingDays, d, expectClose, expectFinanceError, pricePath, seriesOf } from "./helpers";

describe("currency conversion", () => {
  const hk = seriesOf(
    "0700.HK",
    [
      ["2024-03-01", 100],
      ["2024-03-04", 110],
      ["2024-03-05", 99],
    ],
    "HKD"
  );
  const fx = makeFxSeries(
    "HKD",
    "USD",
    [d("2024-02-29"), d("2024-03-01"), d("2024-03-04")],
    [0.127, 0.128, 0.129]
  );

  it("multiplies each local close by the last FX rate on or before its date", () => {
    const usd = convertSeries(hk, fx, "USD");
    expect(usd.currency).toBe("USD");
    // 5 March has no FX fixing: 4 March's 0.129 applies
    [100 * 0.128, 110 * 0.129, 99 * 0.129].forEach((v, i) => expectClose(usd.close[i], v));
  });

  it("hand-worked FX identity: (1 + R_usd) = (1 + R_hkd)(1 + R_fx)", () => {
    const usd = convertSeries(hk, fx, "usd");
    const rUsd = windowReturn(usd, d("2024-03-01"), d("2024-03-04"), "price");
    expectClose(rUsd, (110 * 0.129) / (100 * 0.128) - 1);
    const rFx = fxWindowReturn(hk, fx, d("2024-03-01"), d("2024-03-04"));
    expectClose(rFx, 0.129 / 0.128 - 1);
    expectClose(1 + rUsd, (1 + 0.1) * (1 + rFx), 1e-14);
  });

  it("returns the series unchanged when it is already in the target currency", () => {
    expect(convertSeries(hk, undefined, "HKD")).toBe(hk);
  });

  it("property: the FX identity holds exactly on random calendars, for price and total return", () => {
    const arb = fc.integer({ min: 2, max: 40 }).chain((n) =>
      fc.record({
        localDays: ascendingDays(n, 1000),
        close: pricePath(n, n),
        divs: fc.array(fc.constantFrom(0, 0, 0, 0.5, 1.2), { minLength: n, maxLength: n }),
        fxDays: ascendingDays(3 * n, 995),
        fxPath: pricePath(3 * n, 3 * n),
        u: fc.double({ min: 0, max: 1, noNaN: true }),
        v: fc.double({ min: 0, max: 1, noNaN: true }),
      })
    );
    fc.assert(
      fc.property(arb, ({ localDays, close, divs, fxDays, fxPath, u, v }) => {
        const local = makeSeries({
          symbol: "L",
          currency: "CNY",
          dates: localDays,
          close,
          dividends: divs,
        });
        const rates = makeFxSeries(
          "CNY",
          "USD",
          fxDays,
          fxPath.map((p) => p / 1000)
        );
        const usd = convertSeries(local, rates, "USD", { maxFxAgeDays: 1e9 });
        const lo = usd.dates[0];
        const hi = usd.dates[usd.dates.length - 1];
        const [s, e] = [lo + Math.round(u * (hi - lo)), lo + Math.round(v * (hi - lo))].sort(
          (p, q) => p - q
        );
        for (const kind of ["price", "total"] as const) {
          const rUsd = windowReturn(usd, s, e, kind);
          const rLoc = windowReturn(local, s, e, kind);
          const rFx = fxWindowReturn(local, rates, s, e);
          expect(Math.abs(1 + rUsd - (1 + rLoc) * (1 + rFx))).toBeLessThanOrEqual(
            1e-12 * (1 + rUsd)
          );
        }
      })
    );
  });

  it("drops local closes before the first FX rate, then errors if the window starts there", () => {
    const late = makeFxSeries("HKD", "USD", [d("2024-03-04")], [0.129]);
    const usd = convertSeries(hk, late, "USD");
    expect(usd.dates.length).toBe(2);
    expectFinanceError(
      () => windowReturn(usd, d("2024-03-01"), d("2024-03-05")),
      "na",
      /no price on or before/
    );
  });

  it("errors: missing FX, wrong quote currency, wrong base currency, stale FX, FX after all local dates", () => {
    expectFinanceError(() => convertSeries(hk, undefined, "USD"), "na", /no HKD→USD FX series/);
    const cny = makeFxSeries("HKD", "CNY", [d("2024-03-01")], [0.92]);
    expectFinanceError(() => convertSeries(hk, cny, "USD"), "value", /quotes CNY, not USD/);
    const wrongBase = makeFxSeries("CNY", "USD", [d("2024-03-01")], [0.14]);
    expectFinanceError(
      () => convertSeries(hk, wrongBase, "USD"),
      "value",
      /does not convert from HKD/
    );
    const stale = makeFxSeries("HKD", "USD", [d("2024-01-02")], [0.128]);
    expectFinanceError(
      () => convertSeries(hk, stale, "USD"),
      "na",
      /no FX rate within 7 days before 2024-03-01/
    );
    const future = makeFxSeries("HKD", "USD", [d("2024-04-01")], [0.128]);
    expectFinanceError(() => convertSeries(hk, future, "USD"), "na", /no FX rates/);
    expectFinanceError(
      () => fxWindowReturn(hk, future, d("2024-03-01"), d("2024-03-05")),
      "na",
      /no FX rate on or before 2024-03-01/
    );
  });

  it("inverts and crosses rates", () => {
    const usdhkd = invertFx(makeFxSeries("HKD", "USD", [1], [0.128]), "HKD", "USD");
    expect(usdhkd.symbol).toBe("USDHKD");
    expect(usdhkd.currency).toBe("HKD");
    expectClose(usdhkd.close[0], 7.8125);
    const cnyusd = makeFxSeries("CNY", "USD", [1, 2], [0.14, 0.141]);
    const usdhkd2 = makeFxSeries("USD", "HKD", [1], [7.8]);
    const cnyhkd = crossFx(cnyusd, usdhkd2, "CNY", "HKD");
    expect(cnyhkd.symbol).toBe("CNYHKD");
    expectClose(cnyhkd.close[0], 1.092);
    expectClose(cnyhkd.close[1], 0.141 * 7.8);
  });
});
