/**
 * A basket whose members join on their first close, recomputed for tests by carrying each member's
 * value forward day by day from the demo total-return levels (not the add-in's basket code).
 */
import { lastIndexOnOrBefore, levelsIn } from "./helpers";

/** The joined basket by carrying each member's value forward: an independent statement of the rule. */
export async function joinedBasketReturn(
  members: Array<{ symbol: string; weight: number }>,
  start: number,
  end: number
): Promise<{ value: number; joined: Map<string, number> }> {
  const data = await Promise.all(members.map((m) => levelsIn(m.symbol, "USD")));
  const days = [...new Set(data.flatMap((d) => d.dates))].sort((a, b) => a - b);
  const day0 = days[lastIndexOnOrBefore(days, start)];
  const calendar = days.filter((d) => d >= day0 && d <= end);
  const levelOn = (k: number, day: number) => {
    const i = lastIndexOnOrBefore(data[k].dates, day);
    return i < 0 ? undefined : data[k].levels[i];
  };
  const values = members.map(() => 0);
  const live = members.map(() => false);
  const joined = new Map<string, number>();
  let prev = day0;
  calendar.forEach((day, t) => {
    members.forEach((_, k) => {
      if (live[k]) values[k] *= (levelOn(k, day) as number) / (levelOn(k, prev) as number);
    });
    const total = values.reduce((a, b) => a + b, 0);
    const newcomers = members
      .map((_, k) => k)
      .filter((k) => !live[k] && levelOn(k, day) !== undefined);
    if (newcomers.length > 0) {
      const liveWeight = members.reduce(
        (s, m, k) => s + (live[k] || newcomers.includes(k) ? m.weight : 0),
        0
      );
      const v = t === 0 ? 100 : total;
      const share = newcomers.reduce((s, k) => s + members[k].weight, 0) / liveWeight;
      members.forEach((_, k) => (values[k] *= live[k] ? 1 - share : 1));
      for (const k of newcomers) {
        values[k] = (v * members[k].weight) / liveWeight;
        live[k] = true;
        if (t > 0) joined.set(members[k].symbol, day);
      }
    }
    prev = day;
  });
  return { value: values.reduce((a, b) => a + b, 0) / 100 - 1, joined };
}
