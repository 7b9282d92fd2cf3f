import { loadFunctionsBundle } from "../support/functions-bundle";

describe("built functions bundle", () => {
  const bundle = loadFunctionsBundle();

  test("functions.json declares RETURN", () => {
    expect(bundle.metadata.functions.map((f) => f.id)).toContain("RETURN");
  });

  test("every id in functions.json is associated with a function, and nothing else is", () => {
    const declared = bundle.metadata.functions.map((f) => f.id.toUpperCase()).sort();
    const associated = [...bundle.shim.registry.keys()].sort();
    expect(associated).toEqual(declared);
    expect(declared.length).toBeGreaterThan(0);
  });
});
