/** The pane's code waits for the page's load event, then for the browser to be idle (capped). */
import { afterPageLoad, IDLE_WAIT_CAP_MS } from "../../src/taskpane/after-page-load";

function fakeWindow(readyState: string, withIdle: boolean) {
  const calls: string[] = [];
  let onLoad: (() => void) | undefined;
  let idle: (() => void) | undefined;
  let timer: (() => void) | undefined;
  const win = {
    document: { readyState },
    addEventListener: (type: string, listener: () => void) => {
      calls.push(`listen ${type}`);
      onLoad = listener;
    },
    setTimeout: (run: () => void, ms: number) => {
      calls.push(`timeout ${ms}`);
      timer = run;
    },
    requestIdleCallback: withIdle
      ? (run: () => void, options: { timeout: number }) => {
          calls.push(`idle ${options.timeout}`);
          idle = run;
        }
      : undefined,
  };
  return {
    win,
    calls,
    load: () => onLoad?.(),
    idle: () => idle?.(),
    timer: () => timer?.(),
  };
}

test("while the page loads, nothing runs before the load event and an idle period", () => {
  const f = fakeWindow("interactive", true);
  let ran = 0;
  afterPageLoad(() => ran++, f.win);
  expect(f.calls).toEqual(["listen load"]);
  f.idle();
  expect(ran).toBe(0);
  f.load();
  expect(f.calls).toEqual(["listen load", `idle ${IDLE_WAIT_CAP_MS}`]);
  expect(ran).toBe(0);
  f.idle();
  expect(ran).toBe(1);
});

test("a page already loaded waits only for idle time", () => {
  const f = fakeWindow("complete", true);
  let ran = 0;
  afterPageLoad(() => ran++, f.win);
  expect(f.calls).toEqual([`idle ${IDLE_WAIT_CAP_MS}`]);
  f.idle();
  expect(ran).toBe(1);
});

test("without requestIdleCallback (Safari) it waits one task after the load", () => {
  const f = fakeWindow("loading", false);
  let ran = 0;
  afterPageLoad(() => ran++, f.win);
  f.load();
  expect(f.calls).toEqual(["listen load", "timeout 0"]);
  expect(ran).toBe(0);
  f.timer();
  expect(ran).toBe(1);
});
