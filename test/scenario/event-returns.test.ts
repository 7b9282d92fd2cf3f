import { EVENT_ROWS, EVENT_WINDOWS, PRICE_FILES } from "../../src/core/scenario";

describe("real-data event table", () => {
  it("every row's return is its end close over its start close, minus one", () => {
    for (const [event, symbol, start, end, move] of EVENT_ROWS)
      expect({ event, symbol, move }).toEqual({
        event,
        symbol,
        move: expect.closeTo(end / start - 1, 4) as number,
      });
  });

  it("covers every instrument in every window once, each with a pinned public source file", () => {
    const symbols = Object.keys(PRICE_FILES);
    const events = Object.keys(EVENT_WINDOWS);
    expect(EVENT_ROWS).toHaveLength(symbols.length * events.length);
    for (const e of events)
      for (const s of symbols)
        expect(EVENT_ROWS.filter((r) => r[0] === e && r[1] === s)).toHaveLength(1);
    for (const f of Object.values(PRICE_FILES)) {
      expect(f.commit).toMatch(/^[0-9a-f]{40}$/);
      expect(f.repo).toMatch(/^[\w.-]+\/[\w.-]+$/);
    }
  });

  it("windows run forward between weekdays", () => {
    for (const w of Object.values(EVENT_WINDOWS)) {
      expect(w.start < w.end).toBe(true);
      for (const d of [w.start, w.end]) expect([1, 2, 3, 4, 5]).toContain(new Date(d).getUTCDay());
    }
  });

  it("matches closes seen in other public files (QQQ-Data, assets-data, DASE2)", () => {
    const row = (e: string, s: string) => EVENT_ROWS.find((r) => r[0] === e && r[1] === s)!;
    // jameswdonoghue/QQQ-Data QQQ.csv (469392f): adjusted closes 263.081512 and 260.451721.
    expect(row("EXPORT_CONTROLS_2022", "QQQ")[2]).toBeCloseTo(263.0815, 3);
    expect(row("EXPORT_CONTROLS_2022", "QQQ")[3]).toBeCloseTo(260.4517, 3);
    // sheep-farm/assets-data KWEB.csv (02056fa): unadjusted 24.74 → 23.42.
    expect(row("EXPORT_CONTROLS_2022", "KWEB")[4]).toBeCloseTo(23.42 / 24.74 - 1, 3);
    // Reported at the time: SMIC −3.95 % on 2022-10-10.
    expect(row("EXPORT_CONTROLS_2022", "0981.HK")[4]).toBeCloseTo(-0.0395, 3);
  });
});
