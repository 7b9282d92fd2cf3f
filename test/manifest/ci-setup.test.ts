/* .ci/run fails - never skips - when the machine lacks what CI needs. Each case runs a copy of the
   script in an empty temporary folder with fake system tools first on PATH, so nothing is
   installed and the real checkout is never touched; every case stops before `npm ci`. */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { REPO_ROOT } from "./manifest-tools";

/** Writes executable shell stubs into dir. */
function stubs(dir: string, scripts: Record<string, string>) {
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, body] of Object.entries(scripts)) {
    fs.writeFileSync(path.join(dir, name), `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  }
}

/** Runs a copy of .ci/run with the given stubs ahead of (or instead of) the system PATH. */
function runCi(
  scripts: Record<string, string>,
  options: { onlyStubs?: boolean; env?: Record<string, string> } = {}
) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "cntech-ci-"));
  fs.mkdirSync(path.join(work, ".ci"));
  fs.copyFileSync(path.join(REPO_ROOT, ".ci", "run"), path.join(work, ".ci", "run"));
  const bin = path.join(work, "fakebin");
  // npm must never run in these cases: a stub that fails loudly guards the machine.
  stubs(bin, {
    npm: 'echo "npm must not run in this test" >&2; exit 97',
    id: "echo 0",
    ...scripts,
  });
  for (const tool of options.onlyStubs ? ["dirname", "timeout", "grep", "head"] : []) {
    fs.symlinkSync(path.join("/usr/bin", tool), path.join(bin, tool));
  }
  const PATH = options.onlyStubs ? bin : `${bin}:${process.env.PATH}`;
  const run = spawnSync("/bin/bash", [path.join(work, ".ci", "run")], {
    cwd: work,
    encoding: "utf8",
    env: { HOME: work, PATH, ...options.env },
    timeout: 60_000,
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

const aptOk = { "apt-get": 'echo "apt-get $*"' };
const node20 = {
  node: 'case "$1" in -p) echo 20;; --version) echo v20.0.0;; *) exit 1;; esac',
};

describe(".ci/run on a machine that lacks something", () => {
  it("fails without apt-get (not a Debian machine)", () => {
    const run = runCi({}, { onlyStubs: true });
    expect(run.status).toBe(1);
    expect(run.output).toContain("CI FAILED: apt-get not found");
  });

  it("fails when Node.js is older than 20", () => {
    const run = runCi({
      ...aptOk,
      node: 'case "$1" in -p) echo 18;; --version) echo v18.19.0;; *) exit 1;; esac',
    });
    expect(run.status).toBe(1);
    expect(run.output).toContain("CI FAILED: Node.js 20 or later is required, found v18.19.0");
  });

  it("fails when Chromium is missing after the install", () => {
    const run = runCi({ ...aptOk, ...node20 }, { env: { CHROMIUM_PATH: "/nonexistent/chromium" } });
    expect(run.status).toBe(1);
    expect(run.output).toContain("apt-get install -y --no-install-recommends chromium");
    expect(run.output).toContain(
      "CI FAILED: /nonexistent/chromium is missing after apt-get install chromium"
    );
    expect(run.output).not.toContain("npm must not run");
  });

  it("fails when Chromium is there but does not start", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cntech-chromium-"));
    stubs(dir, { chromium: "exit 3" });
    const run = runCi(
      { ...aptOk, ...node20 },
      { env: { CHROMIUM_PATH: path.join(dir, "chromium") } }
    );
    expect(run.status).toBe(1);
    expect(run.output).toMatch(/CI FAILED: .*chromium does not start headless/);
  });

  it("fails when apt-get itself fails", () => {
    const run = runCi({ "apt-get": 'echo "E: Unable to locate package chromium" >&2; exit 100' });
    expect(run.status).toBe(100);
    expect(run.output).toContain("E: Unable to locate package chromium");
    expect(run.output).not.toContain("== npm ci");
  });
});
