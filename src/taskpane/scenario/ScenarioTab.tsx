import * as React from "react";
import { Body1 } from "@fluentui/react-components";

/** Scenario sliders tab (being built: issue 8). */
export function ScenarioTab(): React.JSX.Element {
  return <Body1>Scenario sliders are not available yet.</Body1>;
}
