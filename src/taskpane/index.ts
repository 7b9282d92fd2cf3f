/* Entry of the pane on the shared-runtime page, which also runs the custom functions (functions.js,
   loaded before this). It stays small: it registers the ribbon's command and re-applies the saved
   data source at once (formulas must not wait for the pane to use it); the pane itself (React,
   Fluent UI, the Import tab) is a chunk fetched after the page has loaded and the browser is idle,
   so it never competes with the formulas' registration or first values. */
import { afterPageLoad } from "./after-page-load";
import { registerRibbonCommands } from "./refresh/ribbon-command";
import { StartupSettings, startupSettings } from "./settings/startup-settings";

/* global document, window, Office */

function showPane(startup: StartupSettings): void {
  const container = document.getElementById("container");
  if (!container) return;
  import(/* webpackChunkName: "pane" */ "./pane").then(
    (m) => m.renderPane(container, startup),
    () => {
      container.textContent = "CNTech could not load its pane. Close and reopen it to try again.";
    }
  );
}

function start(): void {
  const startup = startupSettings();
  // The pane shows the outcome (a notice) when it mounts; nothing to report before that.
  startup.restore().catch(() => undefined);
  afterPageLoad(() => showPane(startup), window);
}

if (typeof Office !== "undefined" && Office.onReady) {
  Office.onReady(() => {
    registerRibbonCommands();
    start();
  });
} else {
  start();
}
