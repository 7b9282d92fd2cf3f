import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "./components/App";
import { registerRibbonCommands } from "./refresh/ribbon-command";

/* global document, Office */

function render(): void {
  const container = document.getElementById("container");
  if (!container) return;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App />
    </FluentProvider>
  );
}

if (typeof Office !== "undefined" && Office.onReady) {
  Office.onReady(() => {
    registerRibbonCommands();
    render();
  });
} else {
  render();
}
