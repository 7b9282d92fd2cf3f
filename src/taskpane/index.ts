/* Entry of the pane on the shared-runtime page, which also runs the custom functions (functions.js,
   loaded before this). It stays small: the pane itself (React, Fluent UI, the Import tab) is a chunk
   fetched after the page has loaded and the browser is idle, so it never delays the formulas'
   registration or first values. The ribbon's commands register at once. */
import { afterPageLoad } from "./after-page-load";
import { registerRibbonCommands } from "./refresh/ribbon-command";

/* global document, window, Office */

function showPane(): void {
  const container = document.getElementById("container");
  if (!container) return;
  import(/* webpackChunkName: "pane" */ "./pane").then(
    (m) => m.renderPane(container),
    () => {
      container.textContent = "CNTech could not load its pane. Close and reopen it to try again.";
    }
  );
}

if (typeof Office !== "undefined" && Office.onReady) {
  Office.onReady(() => {
    registerRibbonCommands();
    afterPageLoad(showPane, window);
  });
} else {
  afterPageLoad(showPane, window);
}
