/**
 * Baskets through time: members join on their first close and leave on their last, weights
 * renormalised among the live members. Checked by hand, against the buy-and-hold basket core
 * (no membership change), and by properties on random price paths.
 */
import fc from "fast-check";
import { basketThroughTime } from "../../src/core/basket-membership";
import { basketIndex } from "../../src/core/baskets";
import { DAY0, expectClose, expectFinanceError, onDays, pricePath } from "./helpers";

const price = { kind: "price" as const };

describe("basketThroughTime", () => {
  test("by hand: B lists on day 2 and takes half of an unchanged level", () => {
    const a = onDays("A", [10, 12, 12, 6]);
    const b = onDays("B", [5, 10], 2);
    const r = basketThroughTime(
      [
        { series: a, weight: 1 },
        { series: b, weight: 1 },
      ],
      { start: DAY0, end: DAY0 + 3, ...price }
    );
    // Days 0-1: all in A (100 → 120). Day 2: B joins, 60 in each. Day 3: A halves, B doubles.
    expect(Array.from(r.series.close)).toEqual([100, 120, 120, 30 + 120]);
    expect(r.events).toEqual([{ symbol: "B", event: "joined", day: DAY0 + 2 }]);
  });

  test("by hand: a stopped member leaves on its last close, its value spread over the others", () => {
    const a = onDays("A", [10, 10, 20]);
    const b = onDays("B", [10, 5]); // stops trading on day 1
    const c = onDays("C", [10, 10, 10]);
    const r = basketThroughTime(
      [
        { series: a, weight: 2 },
        { series: b, weight: 1, stopped: true },
        { series: c, weight: 1 },
      ],
      { start: DAY0, end: DAY0 + 2, ...price }
    );
    // Day 1: 50 + 12.5 + 25 = 87.5, B's 12.5 goes 2:1 to A and C (A 58.33, C 29.17); day 2 A doubles.
    expectClose(r.series.close[1], 87.5);
    expectClose(r.series.close[2], ((87.5 * 2) / 3) * 2 + 87.5 / 3);
    expect(r.events).toEqual([{ symbol: "B", event: "left", day: DAY0 + 1 }]);
  });

  test("with every member listed at the start it is the buy-and-hold basket", () => {
    fc.assert(
      fc.property(
        pricePath(5, 30),
        pricePath(5, 30),
        fc.double({ min: 0.1, max: 5, noNaN: true }),
        (pa, pb, wb) => {
          const n = Math.min(pa.length, pb.length);
          const a = onDays("A", pa.slice(0, n));
          const b = onDays("B", pb.slice(0, n));
          const got = basketThroughTime(
            [
              { series: a, weight: 1 },
              { series: b, weight: wb },
            ],
            { start: DAY0, end: DAY0 + n - 1, ...price }
          );
          const want = basketIndex(
            { dates: a.dates, columns: [a.close, b.close] },
            { weights: [1, wb] }
          );
          expect(got.events).toEqual([]);
          want.values.forEach((v, t) => expectClose(got.series.close[t], v, 1e-10));
        }
      )
    );
  });

  test("a basket whose other members are not yet listed equals its one live member", () => {
    fc.assert(
      fc.property(
        pricePath(3, 30),
        pricePath(2, 10),
        fc.integer({ min: 1, max: 20 }),
        (pa, pb, late) => {
          const a = onDays("A", pa);
          const end = DAY0 + pa.length - 1;
          const b = onDays("B", pb, pa.length + late); // lists after the window
          const got = basketThroughTime(
            [
              { series: a, weight: 3 },
              { series: b, weight: 1 },
            ],
            { start: DAY0, end, ...price }
          );
          pa.forEach((p, t) => expectClose(got.series.close[t], (100 * p) / pa[0], 1e-10));
        }
      )
    );
  });

  test("joining preserves the level, then the joiner holds its renormalised weight", () => {
    fc.assert(
      fc.property(
        pricePath(6, 30),
        pricePath(6, 30),
        fc.integer({ min: 1, max: 4 }),
        fc.double({ min: 0.1, max: 5, noNaN: true }),
        (pa, pb, k, wb) => {
          const n = Math.min(pa.length, pb.length + k);
          const a = onDays("A", pa.slice(0, n));
          const b = onDays("B", pb.slice(0, n - k), k);
          const got = basketThroughTime(
            [
              { series: a, weight: 1 },
              { series: b, weight: wb },
            ],
            { start: DAY0, end: DAY0 + n - 1, ...price }
          ).series.close;
          const alone = pa.map((p) => (100 * p) / pa[0]);
          // Up to and including the join close the basket is A alone: the join did not move it.
          for (let t = 0; t <= k; t++) expectClose(got[t], alone[t], 1e-10);
          // Afterwards: wb/(1+wb) of the join-day value rides on B, the rest on A.
          const share = wb / (1 + wb);
          for (let t = k; t < n; t++) {
            const mix = share * (pb[t - k] / pb[0]) + (1 - share) * (pa[t] / pa[k]);
            expectClose(got[t], alone[k] * mix, 1e-10);
          }
        }
      )
    );
  });

  test("no member priced on or before the start is #N/A; zero live weights are #NUM!", () => {
    const late = onDays("L", [1, 2], 5);
    expectFinanceError(
      () => basketThroughTime([{ series: late, weight: 1 }], { start: DAY0, end: DAY0 + 9 }),
      "na",
      /no constituent has a price on or before/
    );
    const a = onDays("A", [1, 2, 3]);
    const b = onDays("B", [1, 2, 3]);
    expectFinanceError(
      () =>
        basketThroughTime(
          [
            { series: a, weight: 1 },
            { series: b, weight: -1 },
          ],
          { start: DAY0, end: DAY0 + 2 }
        ),
      "num",
      /sum to zero/
    );
  });
});
