import * as React from "react";
import { Body1, Title3 } from "@fluentui/react-components";

/** The CNTech pane. Tabs (Import, Scenario, Settings) plug in here. */
export function App(): React.JSX.Element {
  return (
    <main style={{ padding: 12 }}>
      <Title3 as="h1">CNTech</Title3>
      <Body1>China tech vs the Nasdaq. Demo data is synthetic.</Body1>
    </main>
  );
}
