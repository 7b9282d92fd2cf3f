/**
 * The self-test's "source the pane has applied" cell (named CNTECH_SELFTEST_SOURCE): rewritten after a
 * source change, so the self-test row comparing it with CNTECH.SOURCE passes only when Excel has
 * recalculated the formulas on the new source.
 */
import { asText } from "../workbook/safe-text";
import { SELFTEST_SOURCE_NAME } from "./self-test";

/** Writes the applied source's name into the self-test's named cell; nothing when there is none. */
export async function noteAppliedSource(sourceName: string): Promise<boolean> {
  if (typeof Excel === "undefined") return false;
  try {
    return await Excel.run(async (context) => {
      const name = context.workbook.names.getItemOrNullObject(SELFTEST_SOURCE_NAME);
      await context.sync();
      if (name.isNullObject) return false;
      name.getRange().values = [[asText(sourceName)]];
      await context.sync();
      return true;
    });
  } catch {
    return false; // a workbook without the self-test, or a host without names: nothing to note
  }
}
