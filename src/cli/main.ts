/**
 * `cntech`: the CNTECH formulas from a command line, over the very same function implementations
 * the Excel bundle registers (called by id through the CustomFunctions shim).
 *   cntech RETURN 0700.HK 2024-01-02 2024-12-31
 *   cntech SPREAD.NASDAQ HSTECH 2025-01-02 2025-06-30 --units bps --json
 */
import { shim } from "./install-shim"; // must stay first: installs the global CustomFunctions
import "../functions/index";
import { EventEmitter } from "events";
import * as fs from "fs";
import * as path from "path";
import { CliRequest, parseArgv } from "./argv";
import { useCsvFile } from "./data-file";
import { getMarketData } from "../data/market-data";
import {
  asErrorValue,
  ErrorValue,
  formatJson,
  formatJsonError,
  formatText,
  sourceLine,
} from "./format";
import { buildArguments, invoke } from "./invoke";
import { findFunction, FunctionsMetadata, signatureOf } from "./metadata";

// A basket formula shares one cancel signal across its constituents' requests (30 for HSTECH).
EventEmitter.defaultMaxListeners = 200;

function loadMetadata(): FunctionsMetadata {
  const file = path.join(__dirname, "functions.json");
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run npm run build first`);
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

function catalogue(metadata: FunctionsMetadata): string {
  const lines = metadata.functions.map(
    (f) => `  ${("CNTECH." + signatureOf(f)).padEnd(72)} ${f.description ?? ""}`
  );
  return [
    "Usage: cntech FUNCTION [args...] [--param value] [--json] [--data FILE.csv] [--watch SECONDS]",
    "Example: cntech SPREAD.NASDAQ HSTECH 2025-01-02 2025-06-30 --units bps",
    "Baskets: a preset name, a symbol, or SYM1,SYM2 (equal weights) or SYM1:0.6,SYM2:0.4.",
    "",
    "Functions:",
    ...lines,
  ].join("\n");
}

function functionHelp(metadata: FunctionsMetadata, name: string): string {
  const fn = findFunction(metadata, name);
  if (!fn) return catalogue(metadata);
  const params = fn.parameters.map(
    (p) => `  ${(p.optional ? `[${p.name}]` : p.name).padEnd(14)} ${p.description ?? ""}`
  );
  return [`CNTECH.${signatureOf(fn)}`, fn.description ?? "", "", ...params].join("\n");
}

/** Runs one command; returns the process exit code. */
export async function runCli(
  request: CliRequest,
  out: (s: string) => void,
  err: (s: string) => void
): Promise<number> {
  const metadata = loadMetadata();
  if (request.help || !request.functionName) {
    out(request.functionName ? functionHelp(metadata, request.functionName) : catalogue(metadata));
    return request.help ? 0 : 2;
  }
  const fail = (e: ErrorValue): number => {
    if (request.json) out(formatJsonError(request.functionName, e));
    else err(`${e.code} ${e.message}`.trim());
    return 1;
  };
  const fn = findFunction(metadata, request.functionName);
  const impl = fn && shim.registry.get(fn.id.toUpperCase());
  if (!fn || !impl) {
    return fail({ code: "#NAME?", message: `unknown function ${request.functionName}` });
  }
  if (request.dataFile) await useCsvFile(request.dataFile);
  const args = buildArguments(fn, request.positional, request.named);
  const watchMs = request.watchSeconds > 0 ? request.watchSeconds * 1000 : 0;
  try {
    const value = await invoke(fn, impl, args, {
      watchMs,
      onUpdate: watchMs ? (v) => out(formatText(v)) : undefined,
    });
    const asError = asErrorValue(value);
    if (asError) return fail(asError);
    // Numbers are never shown without their source: demo data is labelled synthetic (on stderr, so
    // stdout stays the bare value for scripts).
    const source = getMarketData().providerName;
    if (!watchMs) out(request.json ? formatJson(fn.id, args, value, source) : formatText(value));
    if (!request.json) err(sourceLine(source));
    return 0;
  } catch (e) {
    const asError = asErrorValue(e);
    if (asError) return fail(asError);
    throw e;
  }
}

async function main(): Promise<void> {
  let code: number;
  try {
    code = await runCli(
      parseArgv(process.argv.slice(2)),
      (s) => process.stdout.write(s + "\n"),
      (s) => process.stderr.write(s + "\n")
    );
  } catch (e) {
    process.stderr.write(`cntech: ${(e as Error).message}\n`);
    code = 2;
  }
  process.exitCode = code;
}

void main();
