/**
 * Hands the thread back to the browser for a moment. An import writes many chunks; between them the
 * pane must repaint its progress and see a Cancel click. In Excel the pane also shares its thread
 * (the shared runtime) with the custom functions, which need their turn too. A macrotask is used,
 * not a promise: only a task boundary lets the browser render and run input and timer tasks.
 */
export function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
