/* Typed access to the CommonJS manifest scripts under scripts/, and helpers to run them. */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

export const REPO_ROOT = path.resolve(__dirname, "..", "..");
export const MANIFEST_PATH = path.join(REPO_ROOT, "manifest.xml");
export const devManifest = (): string => fs.readFileSync(MANIFEST_PATH, "utf8");

export interface Problem {
  line: number | null;
  message: string;
}
interface ValidateOptions {
  fileName?: string;
  siteDir?: string;
  schemaDir?: string;
  entry?: string;
  namespace?: string;
  checkFiles?: boolean;
}
interface Validator {
  validateManifestText(
    text: string,
    options?: ValidateOptions
  ): Promise<{ errors: Problem[]; warnings: Problem[] }>;
}
interface ProdManifest {
  parseSiteUrl(raw: string): URL;
  toProductionManifest(devManifest: string, site: URL): string;
  toProductionFunctionsJson(functionsJson: string, site: URL): string;
}
interface PngSize {
  readPngSize(file: string): { width: number; height: number };
}

export const validator: Validator = require(path.join(REPO_ROOT, "scripts/validate-manifest.js"));
export const prod: ProdManifest = require(path.join(REPO_ROOT, "scripts/make-prod-manifest.js"));
export const png: PngSize = require(path.join(REPO_ROOT, "scripts/manifest/png-size.js"));

/** Runs a script with node and returns its exit status and output. */
export function runScript(script: string, args: string[]) {
  const run = spawnSync(process.execPath, [path.join(REPO_ROOT, script), ...args], {
    cwd: REPO_ROOT,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Replaces exactly one occurrence of `from`, failing loudly if the manifest changed under us. */
export function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) {
    throw new Error(`expected exactly one "${from}" in the manifest`);
  }
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** 1-based line of the first occurrence of `needle` in `text`. */
export function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" not found`);
  return text.slice(0, at).split("\n").length;
}

/** A minimal PNG (signature + IHDR + IDAT + IEND) of the given size, built here independently. */
export function makePng(width: number, height: number): Buffer {
  const zlib: typeof import("zlib") = require("zlib");
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  const raw = Buffer.alloc((width + 1) * height); // filter byte + one byte per pixel, all black
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
