/**
 * Cancellation for long-running formulas: Excel calls invocation.onCanceled when the cell is cleared
 * or recalculated away; the signal returned here carries that to the data layer's requests.
 */

/** A function, or an EventListener object (its handleEvent is called), as EventTarget allows. */
type Listener = (() => void) | { handleEvent(): void };

/**
 * A minimal abort signal (aborted flag + "abort" listeners), which is all the data layer's cache
 * waits use. A real AbortController per formula call costs more than the rest of a cached
 * evaluation, and a recalculation storm makes tens of thousands of calls.
 */
class FormulaCancelSignal {
  aborted = false;
  reason: unknown = undefined;
  onabort: (() => void) | null = null;
  // Allocated on the first listener only: most formulas never wait for the network.
  private listeners: Listener[] | undefined;

  addEventListener(type: string, listener: Listener): void {
    if (type === "abort") (this.listeners ??= []).push(listener);
  }

  removeEventListener(type: string, listener: Listener): void {
    const i = type === "abort" && this.listeners ? this.listeners.indexOf(listener) : -1;
    if (i >= 0) this.listeners!.splice(i, 1);
  }

  throwIfAborted(): void {
    if (this.aborted) throw this.reason;
  }

  abort(): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = new Error("cancelled by Excel");
    const listeners = this.listeners ?? [];
    this.listeners = undefined;
    this.onabort?.();
    for (const l of listeners) {
      if (typeof l === "function") l();
      else l.handleEvent();
    }
  }
}

/** A signal that fires when Excel cancels this call (none when called without an invocation). */
export function cancelSignal(
  invocation: CustomFunctions.CancelableInvocation | undefined
): AbortSignal | undefined {
  if (!invocation || typeof invocation !== "object") return undefined;
  const signal = new FormulaCancelSignal();
  invocation.onCanceled = () => signal.abort();
  return signal as unknown as AbortSignal;
}

/** A real AbortSignal (for requests handed straight to HTTP, e.g. quotes). */
export function cancelAbortSignal(
  invocation: CustomFunctions.CancelableInvocation | undefined
): AbortSignal | undefined {
  if (!invocation || typeof invocation !== "object") return undefined;
  const controller = new AbortController();
  invocation.onCanceled = () => controller.abort();
  return controller.signal;
}
