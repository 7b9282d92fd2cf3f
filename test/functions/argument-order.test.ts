/**
 * One argument order for every window function, proved on what Excel actually registers: the built
 * dist/functions.json. A window function is one that takes a `start`; its arguments begin
 * (symbols, start, [end], [currency]) and its own options follow. ROLLING names its statistic
 * first (like Excel's own aggregate functions), so its window arguments start one place later.
 */
import * as fs from "fs";
import * as path from "path";
import { DIST } from "../support/functions-bundle";

interface Param {
  name: string;
  optional?: boolean;
}
interface Fn {
  id: string;
  parameters: Param[];
}

const built = JSON.parse(fs.readFileSync(path.join(DIST, "functions.json"), "utf8")) as {
  functions: Fn[];
};
/** Functions whose window arguments follow a leading selector argument (named here, on purpose). */
const LEADING_SELECTOR: Record<string, string> = { ROLLING: "stat" };

const windowFunctions = built.functions.filter((f) => f.parameters.some((p) => p.name === "start"));

test("the window functions are the ones a model uses (the walk below is not vacuous)", () => {
  const ids = windowFunctions.map((f) => f.id);
  for (const id of [
    "RETURN",
    "SPREAD.NASDAQ",
    "HISTORY",
    "VOL",
    "BETA",
    "CORR",
    "TE",
    "IR",
    "MAXDD",
    "SHARPE",
  ])
    expect(ids).toContain(id);
});

test.each(windowFunctions.map((f) => [f.id, f] as const))(
  "%s takes (symbols, start, [end], [currency], ...)",
  (id, f) => {
    const lead = LEADING_SELECTOR[id];
    const params = lead === undefined ? f.parameters : f.parameters.slice(1);
    if (lead !== undefined) expect(f.parameters[0].name).toBe(lead);
    expect(params.slice(0, 4).map((p) => p.name)).toEqual(["symbols", "start", "end", "currency"]);
    expect(params[0].optional ?? false).toBe(false);
    // SOURCE alone works without a window (provenance only); with one it notes membership changes.
    if (id !== "SOURCE") expect(params[1].optional ?? false).toBe(false);
    expect(params[2].optional).toBe(true);
    expect(params[3].optional).toBe(true);
    // The 4th argument is the currency: no other parameter mentions one.
    expect(params.slice(4).filter((p) => /currency/i.test(p.name))).toEqual([]);
  }
);

test("PRICE keeps the currency 4th too, and FX takes (base, quote, [date])", () => {
  const byId = new Map(built.functions.map((f) => [f.id, f]));
  expect(byId.get("PRICE")?.parameters[3].name).toBe("currency");
  expect(byId.get("FX")?.parameters.map((p) => p.name)).toEqual(["base", "quote", "date"]);
});
