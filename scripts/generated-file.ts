/** Shared by the scripts that generate source files from data (scenario-events, scenario-calibrate). */
import * as fs from "fs";
import * as prettier from "prettier";

/**
 * Formats `text` as the repository's lint expects, then writes it to `target`, or with `check`
 * only compares it with the committed file (exit code 1 when they differ).
 */
export async function writeGenerated(target: string, text: string, check: boolean): Promise<void> {
  const options = (await prettier.resolveConfig(target)) ?? {};
  const formatted = await prettier.format(text, { ...options, filepath: target });
  if (check) {
    const same = fs.readFileSync(target, "utf8") === formatted;
    console.log(same ? `${target} is up to date` : `${target} DIFFERS from what the data give`);
    process.exitCode = same ? 0 : 1;
    return;
  }
  fs.writeFileSync(target, formatted);
  console.log(`wrote ${target}`);
}

/** Runs a script's async main, reporting a failure as a message and exit code 1. */
export function runMain(main: () => Promise<void>): void {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
}
