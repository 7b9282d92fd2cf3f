/**
 * Cancellation for long-running formulas: Excel calls invocation.onCanceled when the cell is cleared
 * or recalculated away; the AbortSignal returned here carries that to the data layer's requests.
 */

/** An AbortSignal that fires when Excel cancels this call (none when called without an invocation). */
export function cancelSignal(
  invocation: CustomFunctions.CancelableInvocation | undefined
): AbortSignal | undefined {
  if (!invocation || typeof invocation !== "object") return undefined;
  const controller = new AbortController();
  invocation.onCanceled = () => controller.abort();
  return controller.signal;
}
