/** Command-line parsing for `cntech FUNCTION arg... [--param value] [--json] [--data FILE.csv]`. */

export interface CliRequest {
  readonly functionName?: string;
  readonly positional: string[];
  /** `--units bps` → { units: "bps" } (parameter names, lower-cased). */
  readonly named: Record<string, string>;
  readonly json: boolean;
  readonly help: boolean;
  readonly dataFile?: string;
  /** Seconds to keep a streaming function (QUOTE) running; 0 = print the first value and stop. */
  readonly watchSeconds: number;
}

const FLAGS = new Set(["json", "help", "h"]);

/** Splits argv (without node and the script) into the function name, positional and named arguments. */
export function parseArgv(argv: readonly string[]): CliRequest {
  const positional: string[] = [];
  const named: Record<string, string> = {};
  let json = false;
  let help = false;
  let dataFile: string | undefined;
  let watchSeconds = 0;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith("--") && arg !== "-h") {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const key = (eq > 0 ? arg.slice(0, eq) : arg).replace(/^-+/, "").toLowerCase();
    if (FLAGS.has(key)) {
      if (key === "json") json = true;
      else help = true;
      continue;
    }
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined) throw new Error(`--${key} needs a value`);
    if (key === "data") dataFile = value;
    else if (key === "watch") watchSeconds = Number(value);
    else named[key.replace(/-/g, "_")] = value;
  }
  const [functionName, ...rest] = positional;
  return { functionName, positional: rest, named, json, help, dataFile, watchSeconds };
}
