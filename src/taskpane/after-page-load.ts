/**
 * When the shared-runtime page may start the pane's own work: after the page's load event (which
 * waits for the deferred scripts, functions.js among them) and then once the browser is idle, so the
 * custom functions' first calculation runs before the pane's code is fetched and parsed. The idle
 * wait is capped, and a browser without requestIdleCallback (Safari) waits one task instead.
 */
export const IDLE_WAIT_CAP_MS = 500;

interface PageWindow {
  readonly document: { readonly readyState: string };
  addEventListener(type: "load", listener: () => void, options: { once: true }): void;
  setTimeout(run: () => void, ms: number): unknown;
  requestIdleCallback?(run: () => void, options: { timeout: number }): unknown;
}

export function afterPageLoad(run: () => void, win: PageWindow): void {
  const whenIdle = () => {
    if (typeof win.requestIdleCallback === "function")
      win.requestIdleCallback(run, { timeout: IDLE_WAIT_CAP_MS });
    else win.setTimeout(run, 0);
  };
  if (win.document.readyState === "complete") whenIdle();
  else win.addEventListener("load", whenIdle, { once: true });
}
