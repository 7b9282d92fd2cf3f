import {
  alignSeries,
  basketReturn,
  convertSeries,
  makeFxSeries,
  seriesSpread,
  spread,
  windowReturn,
} from "../../src/core";
import { d, expectClose, seriesOf } from "./helpers";

/**
 * The path a CNTECH.SPREAD.NASDAQ call takes, worked by hand: an HKD stock and a USD stock,
 * converted to USD, equal-weighted buy-and-hold, against a USD benchmark, in basis points.
 */
describe("HKD + USD basket vs Nasdaq, hand-worked", () => {
  const tencent = seriesOf(
    "0700.HK",
    [
      ["2024-02-05", 300],
      ["2024-02-07", 330], // no HK close on the 6th in this example
    ],
    "HKD"
  );
  const nvda = seriesOf("NVDA", [
    ["2024-02-05", 100],
    ["2024-02-06", 105],
    ["2024-02-07", 110],
  ]);
  const qqq = seriesOf("QQQ", [
    ["2024-02-05", 400],
    ["2024-02-07", 404],
  ]);
  const hkdusd = makeFxSeries(
    "HKD",
    "USD",
    [d("2024-02-05"), d("2024-02-06"), d("2024-02-07")],
    [0.128, 0.1285, 0.127]
  );

  it("follows the numbers step by step", () => {
    const tencentUsd = convertSeries(tencent, hkdusd, "USD");
    expectClose(tencentUsd.close[0], 38.4);
    expectClose(tencentUsd.close[1], 41.91);
    const rHk = windowReturn(tencentUsd, d("2024-02-05"), d("2024-02-07"));
    expectClose(rHk, 0.09140625); // 1.1 × 0.127/0.128 − 1

    const panel = alignSeries([tencentUsd, nvda], "union");
    expect(panel.dates.length).toBe(3);
    const basket = basketReturn(panel, d("2024-02-05"), d("2024-02-07"));
    expectClose(basket.totalReturn, 0.095703125); // ½ × 0.09140625 + ½ × 0.10
    expectClose(basket.contributions[0], 0.045703125);
    expectClose(basket.contributions[1], 0.05);

    const rQqq = windowReturn(qqq, d("2024-02-05"), d("2024-02-07"));
    expectClose(spread(basket.totalReturn, rQqq, "bps"), 857.03125, 1e-12);
    expectClose(seriesSpread(nvda, qqq, d("2024-02-05"), d("2024-02-07"), "bps"), 900, 1e-12);
  });
});
