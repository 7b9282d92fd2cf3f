/**
 * Membership dates (from / to) in a basket through time: a member joins on its first close on or
 * after `from` and leaves after its last close on or before `to`, weights renormalised among the live
 * members and the level kept. Checked by hand and by properties on random price paths.
 */
import fc from "fast-check";
import { basketThroughTime, TimedMember } from "../../src/core/basket-membership";
import { makeSeries } from "../../src/core/series";
import { DAY0, expectClose, expectFinanceError, onDays, pricePath } from "./helpers";

const price = { kind: "price" as const };

describe("basketThroughTime with from / to dates", () => {
  test("by hand: C leaves after its close on its to date, B joins on its first close from its from date", () => {
    const a = onDays("A", [10, 12, 12, 6, 6]);
    const b = onDays("B", [5, 5, 10, 10, 20]); // trading all along, a member from day 2
    const c = onDays("C", [20, 10, 10, 10, 10]); // a member to day 1
    const r = basketThroughTime(
      [
        { series: a, weight: 1 },
        { series: b, weight: 1, from: DAY0 + 2 },
        { series: c, weight: 1, to: DAY0 + 1 },
      ],
      { start: DAY0, end: DAY0 + 4, ...price }
    );
    // Day 0: A and C hold 50 each (B not yet a member). Day 1: A 60, C 25 → 85; C leaves, A holds 85.
    // Day 2: A unchanged at 85; B joins with half: A 42.5, B 42.5 (4.25 units at 10).
    // Day 3: A halves → 21.25, B flat → 42.5: 63.75. Day 4: B doubles → 85: 106.25.
    expect(Array.from(r.series.close)).toEqual([100, 85, 85, 63.75, 106.25]);
    expect(r.events).toEqual([
      { symbol: "C", event: "left", day: DAY0 + 1, reason: "to", limit: DAY0 + 1 },
      { symbol: "B", event: "joined", day: DAY0 + 2, reason: "from", limit: DAY0 + 2 },
    ]);
    expect(r.outside).toEqual([]);
  });

  test("a member whose to date precedes the window is the basket without it", () => {
    fc.assert(
      fc.property(
        pricePath(8, 30),
        pricePath(8, 30),
        pricePath(8, 30),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 0, max: 4 }),
        fc.double({ min: 0.1, max: 5, noNaN: true }),
        (pa, pb, pc, k, back, wb) => {
          const n = Math.min(pa.length, pb.length, pc.length);
          const [a, b, c] = [
            onDays("A", pa.slice(0, n)),
            onDays("B", pb.slice(0, n)),
            onDays("C", pc.slice(0, n)),
          ];
          const start = DAY0 + Math.min(k, n - 2);
          const to = start - 1 - Math.min(back, start - DAY0 - 1);
          const window = { start, end: DAY0 + n - 1, ...price };
          const withB = basketThroughTime(
            [
              { series: a, weight: 2 },
              { series: b, weight: wb, to },
              { series: c, weight: 1 },
            ],
            window
          );
          const withoutB = basketThroughTime(
            [
              { series: a, weight: 2 },
              { series: c, weight: 1 },
            ],
            window
          );
          expect(Array.from(withB.series.dates)).toEqual(Array.from(withoutB.series.dates));
          withoutB.series.close.forEach((v, t) => expectClose(withB.series.close[t], v, 1e-12));
          expect(withB.outside).toEqual(["B"]);
          expect(withB.events).toEqual([]);
        }
      )
    );
  });

  test("a to date on or after the window's end, or a from date on or before its start, changes nothing", () => {
    fc.assert(
      fc.property(
        pricePath(3, 30),
        pricePath(3, 30),
        fc.integer({ min: 0, max: 10 }),
        (pa, pb, extra) => {
          const n = Math.min(pa.length, pb.length);
          const a = onDays("A", pa.slice(0, n));
          const b = onDays("B", pb.slice(0, n));
          const end = DAY0 + n - 1;
          const window = { start: DAY0, end, ...price };
          const plain = basketThroughTime(
            [
              { series: a, weight: 1 },
              { series: b, weight: 1 },
            ],
            window
          );
          const dated = basketThroughTime(
            [
              { series: a, weight: 1, from: DAY0 - extra },
              { series: b, weight: 1, to: end + extra },
            ],
            window
          );
          plain.series.close.forEach((v, t) => expect(dated.series.close[t]).toBe(v));
          expect(dated.events).toEqual([]);
        }
      )
    );
  });

  test("leaving by a to date keeps the level and spreads the value pro rata", () => {
    fc.assert(
      fc.property(
        pricePath(6, 30),
        pricePath(6, 30),
        pricePath(6, 30),
        fc.integer({ min: 1, max: 4 }),
        (pa, pb, pc, k) => {
          const n = Math.min(pa.length, pb.length, pc.length);
          const [a, b, c] = [
            onDays("A", pa.slice(0, n)),
            onDays("B", pb.slice(0, n)),
            onDays("C", pc.slice(0, n)),
          ];
          const members: TimedMember[] = [
            { series: a, weight: 1 },
            { series: b, weight: 1, to: DAY0 + k },
            { series: c, weight: 1 },
          ];
          const got = basketThroughTime(members, { start: DAY0, end: DAY0 + n - 1, ...price });
          // Recomputed by carrying each member's value: equal thirds, B's value moved to A and C
          // pro rata to their values after its close on day k.
          let va = 100 / 3;
          let vb = 100 / 3;
          let vc = 100 / 3;
          for (let t = 1; t < n; t++) {
            va *= pa[t] / pa[t - 1];
            vc *= pc[t] / pc[t - 1];
            if (t <= k) vb *= pb[t] / pb[t - 1];
            expectClose(got.series.close[t], va + vb + vc, 1e-10);
            if (t === k) {
              const f = (va + vb + vc) / (va + vc);
              [va, vb, vc] = [va * f, 0, vc * f];
            }
          }
        }
      )
    );
  });

  test("a member that trades in the window but never within its dates is #VALUE! naming it", () => {
    const a = onDays("A", [1, 2, 3, 4, 5]);
    const b = makeSeries({
      symbol: "B",
      currency: "USD",
      dates: [DAY0, DAY0 + 1, DAY0 + 3, DAY0 + 4], // no close on day 2
      close: [1, 1, 1, 1],
    });
    expectFinanceError(
      () =>
        basketThroughTime(
          [
            { series: a, weight: 1 },
            { series: b, weight: 1, from: DAY0 + 2, to: DAY0 + 2 },
          ],
          { start: DAY0, end: DAY0 + 4 }
        ),
      "value",
      /^B is never live in the window .*: none of its closes falls within its dates \(from .* to .*\)$/
    );
  });

  test("errors name the members: none live in the window, none at the start close, all gone", () => {
    const a = onDays("A", [1, 2, 3, 4, 5]);
    const b = onDays("B", [1, 2, 3, 4, 5]);
    expectFinanceError(
      () =>
        basketThroughTime(
          [
            { series: a, weight: 1, to: DAY0 },
            { series: b, weight: 1, from: DAY0 + 9 },
          ],
          { start: DAY0 + 1, end: DAY0 + 4 }
        ),
      "value",
      /no member is live in the window .*\(A to .*, B from /
    );
    expectFinanceError(
      () =>
        basketThroughTime(
          [
            { series: a, weight: 1, from: DAY0 + 2 },
            { series: b, weight: 1, from: DAY0 + 3 },
          ],
          { start: DAY0, end: DAY0 + 4 }
        ),
      "value",
      /no member is live on the start close .*: the first from date is /
    );
    expectFinanceError(
      () =>
        basketThroughTime(
          [
            { series: a, weight: 1, to: DAY0 + 1 },
            { series: b, weight: 1, to: DAY0 + 2 },
          ],
          { start: DAY0, end: DAY0 + 4 }
        ),
      "value",
      /every member has left the basket by /
    );
  });
});
