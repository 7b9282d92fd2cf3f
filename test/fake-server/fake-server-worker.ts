/**
 * Runs the fake provider server in a worker thread, so a benchmark's client and the "remote" server
 * do not share one JavaScript thread (as they would not in reality).
 */
import { parentPort, workerData, Worker } from "worker_threads";
import { FakeServerOptions, fakeClose, startFakeProviderServer } from "./fake-provider-server";

export interface WorkerServer {
  readonly url: string;
  /** Data requests the server has received so far. */
  requestCount(): Promise<number>;
  close(): Promise<void>;
}

/** Starts the server in a worker; `prewarm` symbols (provider spelling) get their price paths computed first. */
export function startFakeServerWorker(
  options: FakeServerOptions,
  prewarm: string[] = []
): Promise<WorkerServer> {
  const worker = new Worker(
    `require("ts-node").register({ transpileOnly: true }); require(${JSON.stringify(__filename)});`,
    { eval: true, workerData: { options, prewarm } }
  );
  return new Promise((resolve, reject) => {
    worker.once("error", reject);
    worker.once("message", (msg: { url: string }) =>
      resolve({
        url: msg.url,
        requestCount: () =>
          new Promise<number>((done) => {
            worker.once("message", (m: { count: number }) => done(m.count));
            worker.postMessage("count");
          }),
        close: async () => {
          await worker.terminate();
        },
      })
    );
  });
}

if (parentPort && workerData?.options) {
  const { options, prewarm } = workerData as { options: FakeServerOptions; prewarm: string[] };
  for (const s of prewarm) fakeClose(s, 20454);
  startFakeProviderServer(options).then((server) => {
    parentPort!.on("message", () => parentPort!.postMessage({ count: server.requests.length }));
    parentPort!.postMessage({ url: server.url });
  });
}
