/**
 * Basket ranges as users select them: a header row is skipped (as the pane's "Use selected range"
 * does), and weights that do not add up to 1 are normalised and said so in CNTECH.SOURCE.
 */
import { loadFunctionsBundle } from "../support/functions-bundle";
import { callLikeExcel, levelsIn, windowReturnOf } from "./helpers";

const bundle = loadFunctionsBundle();
const call = (id: string, ...args: unknown[]) => callLikeExcel(bundle, id, args);
const S = "2024-01-02";
const E = "2024-12-31";

test("a two-column range with its header row is the same basket as without it", async () => {
  const body = [
    ["0700.HK", 70],
    ["NVDA", 30],
  ];
  const withHeader = await call("RETURN", [["Symbol", "Weight"], ...body], S, E);
  const r1 = windowReturnOf(await levelsIn("0700.HK", "USD"), S, E);
  const r2 = windowReturnOf(await levelsIn("NVDA", "USD"), S, E);
  expect(withHeader).toBeCloseTo(0.7 * r1 + 0.3 * r2, 12);
  expect(await call("RETURN", body, S, E)).toBe(withHeader);
});

test("a one-column range headed 'Ticker' is equal weights of the symbols below", async () => {
  const got = await call("RETURN", [["Ticker"], ["0700.HK"], ["NVDA"]], S, E);
  const r1 = windowReturnOf(await levelsIn("0700.HK", "USD"), S, E);
  const r2 = windowReturnOf(await levelsIn("NVDA", "USD"), S, E);
  expect(got).toBeCloseTo(0.5 * r1 + 0.5 * r2, 12);
});

test("weights summing to 100 are normalised: BASKET spills 0.7 / 0.3 and SOURCE notes it", async () => {
  const range = [
    ["Symbol", "Weight"],
    ["0700.HK", 70],
    ["NVDA", 30],
  ];
  const spill = (await call("BASKET", range)) as unknown[][];
  expect(spill.slice(1).map((r) => [r[0], r[2]])).toEqual([
    ["0700.HK", 0.7],
    ["NVDA", 0.3],
  ]);
  const source = (await call("SOURCE", range)) as unknown[][];
  for (const row of source.slice(1))
    expect(row[6]).toMatch(/weights given sum to 100: each is divided by that sum/);
  const unit = (await call("SOURCE", [
    ["0700.HK", 0.7],
    ["NVDA", 0.3],
  ])) as unknown[][];
  for (const row of unit.slice(1)) expect(row[6]).not.toMatch(/weights given/);
});
