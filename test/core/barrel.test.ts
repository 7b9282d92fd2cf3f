import * as core from "../../src/core";

describe("src/core/index.ts barrel", () => {
  it("re-exports the public API other layers build against", () => {
    const names = [
      "FinanceError",
      "invalidValue",
      "notAvailable",
      "invalidNumber",
      "parseDateArg",
      "dayFromIso",
      "isoFromDay",
      "dayFromExcelSerial",
      "excelSerialFromDay",
      "makeSeries",
      "sortAndDedupe",
      "indexOnOrBefore",
      "windowReturn",
      "periodicReturns",
      "cagr",
      "totalReturnIndex",
      "alignSeries",
      "convertSeries",
      "fxWindowReturn",
      "normaliseWeights",
      "basketIndex",
      "basketReturn",
      "basketSeries",
      "spread",
      "seriesSpread",
      "relativePerformance",
      "volatility",
      "beta",
      "correlation",
      "correlationMatrix",
      "trackingError",
      "informationRatio",
      "maxDrawdown",
      "sharpe",
      "sortino",
      "rolling",
      "seriesVolatility",
      "seriesBeta",
      "seriesMaxDrawdown",
    ];
    for (const n of names) expect(typeof (core as Record<string, unknown>)[n]).toBe("function");
  });
});
