import * as React from "react";
import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { describeRecalc, RefreshReport } from "../refresh/refresh-data";

const useStyles = makeStyles({
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
});

export interface RefreshButtonProps {
  /** Drops the current source's cached data and recalculates every formula. */
  readonly refresh: () => Promise<RefreshReport>;
}

/** "Refresh data": fetch again from the current source and re-run every CNTECH formula. */
export function RefreshButton({ refresh }: RefreshButtonProps): React.JSX.Element {
  const styles = useStyles();
  const [busy, setBusy] = React.useState(false);
  const [status, setStatus] = React.useState("");

  const onClick = async (): Promise<void> => {
    setBusy(true);
    setStatus("Refreshing…");
    try {
      const r = await refresh();
      const cleared = r.clearError
        ? `Cached data was cleared from memory, but saved copies could not be removed (${r.clearError}).`
        : "Cached data was cleared; data is fetched again.";
      setStatus(`${cleared} ${describeRecalc(r)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.row}>
      <Button onClick={onClick} disabled={busy}>
        Refresh data
      </Button>
      <Caption1 role="status" aria-label="Refresh status">
        {status}
      </Caption1>
    </div>
  );
}
