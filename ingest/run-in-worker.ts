// Runs a document parser in a worker thread, so a long parse never waits behind (or holds up) the server's requests.
import { Worker } from 'node:worker_threads';

/** What the worker posts once: the parse's result, or its error's name and message. */
type WorkerReply<T> = { value: T } | { error: { name?: string; message: string } };

/** The worker's script around the parse function's source. */
const workerScript = (parse: string) => `
const { parentPort, workerData } = require('node:worker_threads');
(${parse})(workerData).then(
  (value) => parentPort.postMessage({ value }),
  (err) => parentPort.postMessage({ error: { name: err && err.name, message: err instanceof Error ? err.message : String(err) } }),
);
`;

/**
 * Runs `parse`, the source of an async function of `workerData` (CommonJS: it may `require` and
 * `import()` absolute paths), in a new worker thread and resolves with what it returns (structured
 * clone). Rejects with an Error of the name and message it threw, or when its thread dies without
 * a reply. The buffers in `transferList` are moved to the worker (unusable here afterwards). The
 * source is a string so it runs the same from the TypeScript sources and from the esbuild bundle.
 */
export function runInWorker<T>(parse: string, workerData: unknown, transferList: ArrayBuffer[] = []): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerScript(parse), { eval: true, workerData, transferList });
    let replied = false;
    worker.once('message', (reply: WorkerReply<T>) => {
      replied = true;
      if ('value' in reply) resolve(reply.value);
      else reject(Object.assign(new Error(reply.error.message), { name: reply.error.name ?? 'Error' }));
    });
    worker.once('error', (err) => {
      replied = true;
      reject(err);
    });
    worker.once('exit', (code) => replied || reject(new Error(`the parser's thread stopped without an answer (exit code ${code})`)));
  });
}
