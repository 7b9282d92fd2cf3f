/* The cancellation signal a formula gets from Excel's invocation object (src/functions/invocation.ts). */
import { cancelSignal } from "../../src/functions/invocation";

describe("cancelSignal", () => {
  it("is undefined without an invocation object", () => {
    expect(cancelSignal(undefined)).toBeUndefined();
  });

  it("fires function listeners and EventListener objects once when Excel cancels, in order", () => {
    const invocation: { onCanceled?: () => void } = {};
    const signal = cancelSignal(invocation as CustomFunctions.CancelableInvocation)!;
    const calls: string[] = [];
    const removed = () => calls.push("removed");
    signal.addEventListener("abort", () => calls.push("function"));
    signal.addEventListener("abort", { handleEvent: () => calls.push("object") });
    signal.addEventListener("abort", removed);
    signal.removeEventListener("abort", removed);
    expect(signal.aborted).toBe(false);
    invocation.onCanceled!();
    invocation.onCanceled!(); // a second cancel changes nothing
    expect(signal.aborted).toBe(true);
    expect(calls).toEqual(["function", "object"]);
  });
});
