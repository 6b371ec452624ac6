// The server's build thread: index changes are built and saved in a worker thread that stays up between them, so answering never waits behind embedding, BM25 or HNSW.
import { createRequire } from 'node:module';
import { channel } from 'node:diagnostics_channel';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Settings } from '../config.js';
import { DOCUMENT_PARSED } from '../ingest/index.js';
import { BUILD_STOPPED, type BuildMessage, type BuildRequest, type IndexChange, type StopFlag } from './build-worker.js';
import { withIndexLock, type IngestReport } from './update-index.js';

/**
 * The thread's module. Run from the sources (tests, `npm run dev`) it is build-worker.ts, loaded
 * through tsx; bundled (`npm start`), dist/index/build-worker.mjs, an entry of scripts/build.mjs.
 * Both this file and every bundle file lie one folder below the root (index/, dist/chunks/, dist/server/).
 */
const FROM_SOURCES = import.meta.url.endsWith('.ts');
const ENTRY = new URL(`../index/build-worker.${FROM_SOURCES ? 'ts' : 'mjs'}`, import.meta.url).href;

/** The thread's script: loads the entry (TypeScript through tsx's loader) and serves builds; a failed load is the thread's error. */
const BOOT = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const load = workerData.tsx ? (await import(workerData.tsx)).tsImport : (url) => import(url);
  (await load(workerData.entry, workerData.entry)).serveBuilds(parentPort, workerData.stop);
})();
`;

/** tsx's loader API (ESM build), for loading the entry from the sources. */
function tsxApi(): string {
  return pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
}

export type BuildThread = {
  /**
   * Writes `change` to settings.INDEX_DIR in the build thread: takes the folder's lock here (as
   * updateIndex: waiting up to INDEX_LOCK_WAIT_MS, else IndexLockedError), removes dead builds,
   * and releases it when the thread replies or dies. Warnings go to `warn` as they come; parses
   * made in the thread are published again on this thread's DOCUMENT_PARSED channel. Rejects with
   * the build's error (its name and message), or when the thread stops before replying; the saved
   * index is then the previous one (saves are atomic).
   */
  run(settings: Settings, change: IndexChange, warn: (message: string) => void): Promise<IngestReport>;
  /** Stops the thread; a running change rejects. The next run starts a new thread. */
  close(): Promise<void>;
  /** True while a thread is up (from the first run until `idleMs` without a change, or close). */
  running(): boolean;
};

/**
 * How long an idle build thread is kept: a console session's uploads and deletes come in bursts and
 * reuse its loaded modules, dictionary and lexicon (about 1–2 s of CPU to load again); stopped, it
 * gives back their memory (about 150 MB of the server's RSS).
 */
export const IDLE_STOP_MS = 60_000;

/**
 * How long close() waits for a busy thread to reach a checkpoint (one embedding batch: well under a
 * second for the hash embedder, a few seconds for a model on CPU) before terminating it anyway.
 */
const STOP_WAIT_MS = 30_000;

type Pending = { resolve: (report: IngestReport) => void; reject: (err: Error) => void; warn: (message: string) => void };

/**
 * A build thread, started by a run and kept (with its loaded modules, dictionary and last lexicon)
 * for the next until `idleMs` pass without one; it does not keep the process alive while idle.
 */
export function createBuildThread(idleMs = IDLE_STOP_MS): BuildThread {
  const parsed = channel(DOCUMENT_PARSED);
  const pending = new Map<number, Pending>();
  let worker: Worker | null = null;
  let stopFlag: StopFlag = new Int32Array(new SharedArrayBuffer(4));
  let drained: (() => void)[] = [];
  let idleTimer: NodeJS.Timeout | undefined;
  let nextId = 0;

  const stopped = (w: Worker, err: Error) => {
    if (worker !== w) return;
    worker = null;
    for (const job of pending.values()) job.reject(err);
    pending.clear();
    settle();
  };

  /** Resolves every wait for the pending builds to end. */
  const settle = () => {
    for (const done of drained.splice(0)) done();
  };

  function onMessage(w: Worker, message: BuildMessage): void {
    const job = pending.get(message.id);
    if (!job) return;
    if ('warning' in message) return job.warn(message.warning);
    if ('parsed' in message) return parsed.publish(message.parsed);
    pending.delete(message.id);
    if (pending.size === 0) {
      idle(w);
      settle();
    }
    if ('report' in message) job.resolve(message.report);
    else job.reject(Object.assign(new Error(message.error.message), { name: message.error.name }));
  }

  /** Lets the process exit past an idle thread, and stops it after idleMs unless a run comes first. */
  function idle(w: Worker): void {
    w.unref();
    idleTimer = setTimeout(() => void stop(w, 'the index build thread was stopped while idle'), idleMs).unref();
  }

  /**
   * Stops `w`: a busy thread is asked to abandon its build at the next checkpoint (its run rejects
   * with BUILD_STOPPED, or resolves if the build was already current) and is terminated once idle,
   * or after STOP_WAIT_MS; runs still pending then reject with `why`.
   */
  async function stop(w: Worker, why: string): Promise<void> {
    if (pending.size > 0) {
      Atomics.store(stopFlag, 0, 1);
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([new Promise<void>((done) => drained.push(done)), new Promise<void>((done) => (timer = setTimeout(done, STOP_WAIT_MS)))]);
      clearTimeout(timer);
    }
    stopped(w, new Error(why));
    await w.terminate();
  }

  function start(): Worker {
    stopFlag = new Int32Array(new SharedArrayBuffer(4));
    const w = new Worker(BOOT, { eval: true, workerData: { entry: ENTRY, tsx: FROM_SOURCES ? tsxApi() : null, stop: stopFlag } });
    w.on('message', (message: BuildMessage) => onMessage(w, message));
    w.on('error', (err) => stopped(w, new Error(`the index build thread failed: ${err.message}`, { cause: err })));
    w.on('exit', (code) => stopped(w, new Error(`the index build thread stopped (exit code ${code}) before its build was saved`)));
    return w;
  }

  return {
    run: (settings, change, warn) =>
      withIndexLock(settings, warn, (lock) => {
        clearTimeout(idleTimer);
        const w = (worker ??= start());
        w.ref();
        const id = ++nextId;
        const reply = new Promise<IngestReport>((resolve, reject) => pending.set(id, { resolve, reject, warn }));
        w.postMessage({ id, settings, change, owner: lock.owner } satisfies BuildRequest);
        return reply;
      }),
    async close() {
      clearTimeout(idleTimer);
      if (worker) await stop(worker, BUILD_STOPPED);
    },
    running: () => worker !== null,
  };
}
