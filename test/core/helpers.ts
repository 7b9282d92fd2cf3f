import fc from "fast-check";
import { dayFromIso } from "../../src/core/dates";
import { FinanceError, FinanceErrorKind } from "../../src/core/errors";
import { makeSeries, PriceSeries } from "../../src/core/series";

/** Asserts fn throws a FinanceError of `kind` whose message matches `text`. */
export function expectFinanceError(fn: () => unknown, kind: FinanceErrorKind, text: RegExp): void {
  let thrown: unknown;
  try {
    fn();
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(FinanceError);
  expect((thrown as FinanceError).kind).toBe(kind);
  expect((thrown as Error).message).toMatch(text);
}

export const d = (iso: string): number => dayFromIso(iso);

/** A series from ISO dates and closes. */
export function seriesOf(
  symbol: string,
  rows: Array<[string, number]>,
  currency = "USD"
): PriceSeries {
  return makeSeries({
    symbol,
    currency,
    dates: rows.map(([iso]) => d(iso)),
    close: rows.map(([, p]) => p),
  });
}

/** Relative closeness: |a − b| ≤ tol × max(1, |b|). */
export function expectClose(a: number, b: number, tol = 1e-12): void {
  expect(Math.abs(a - b)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b)));
}

/** fast-check arbitrary: a positive price path of n points from one-period returns in (−50 %, +50 %). */
export const pricePath = (minLen = 2, maxLen = 60): fc.Arbitrary<number[]> =>
  fc
    .array(fc.double({ min: -0.5, max: 0.5, noNaN: true }), {
      minLength: minLen - 1,
      maxLength: maxLen - 1,
    })
    .chain((rs) =>
      fc.double({ min: 1, max: 1000, noNaN: true }).map((p0) => {
        const out = [p0];
        for (const r of rs) out.push(out[out.length - 1] * (1 + r));
        return out;
      })
    );

/** fast-check arbitrary: strictly ascending day numbers (gaps of 1..5 days) of length n. */
export const ascendingDays = (n: number, start = 19000): fc.Arbitrary<number[]> =>
  fc.array(fc.integer({ min: 1, max: 5 }), { minLength: n, maxLength: n }).map((gaps) => {
    const out: number[] = [];
    let day = start;
    for (const g of gaps) out.push((day += g));
    return out;
  });

/** fast-check arbitrary: a random PriceSeries with 2..maxLen rows. */
export const arbSeries = (symbol = "X", maxLen = 60): fc.Arbitrary<PriceSeries> =>
  pricePath(2, maxLen).chain((close) =>
    ascendingDays(close.length).map((dates) =>
      makeSeries({ symbol, currency: "USD", dates, close })
    )
  );

/** A day number for synthetic series (2024-10-04). */
export const DAY0 = 20000;

/** A USD series on consecutive days from DAY0 + offset. */
export const onDays = (symbol: string, closes: readonly number[], offset = 0): PriceSeries =>
  makeSeries({
    symbol,
    currency: "USD",
    dates: closes.map((_, i) => DAY0 + offset + i),
    close: closes,
  });
