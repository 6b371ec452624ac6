// The build thread's side: writes index changes (the build-and-save code `npm run ingest` runs) under the lock the server's thread took, replying with plain data.
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { MessagePort } from 'node:worker_threads';
import type { Settings } from '../config.js';
import { DOCUMENT_PARSED, type ParsedDocument } from '../ingest/index.js';
import { lockTakenFor, type LockOwner } from './index-lock.js';
import { removeLocked, updateLocked, type IngestReport } from './update-index.js';

/**
 * A change to the index as plain data (it is posted to the build thread): add (or with `rebuild`,
 * build exactly) the documents under `paths`, reusing `parsed` texts for the same bytes; or remove
 * every chunk of `sources`.
 */
export type IndexChange = { kind: 'add'; paths: string[]; rebuild: boolean; parsed: ParsedDocument[] } | { kind: 'remove'; sources: string[] };

/** What the server's thread posts: one change to write to settings.INDEX_DIR under the lock `owner` holds. */
export type BuildRequest = { id: number; settings: Settings; change: IndexChange; owner: LockOwner };

/** What the build thread posts for request `id`: warnings and document parses as they happen, then its report or error. */
export type BuildMessage =
  | { id: number; warning: string }
  | { id: number; parsed: unknown }
  | { id: number; report: IngestReport }
  | { id: number; error: { name: string; message: string } };

/** Why a build the server's thread asked to stop was abandoned (before its build became current). */
export const BUILD_STOPPED = 'the index build thread was closed before its build was saved';

/**
 * The server's thread asks a busy build thread to stop by setting the first element of a shared
 * Int32Array to 1, read at the build's checkpoints. Terminating a thread in the middle of a native
 * call (HNSW, ONNX) aborts the whole process, so the thread is terminated only once it is idle.
 */
export type StopFlag = Int32Array;

/** A checkpoint (see BuildOptions) that abandons the build once `stop` is set. */
function checkpointOf(stop: StopFlag): () => void {
  return () => {
    if (Atomics.load(stop, 0) === 1) throw new Error(BUILD_STOPPED);
  };
}

/** Writes `change` under `owner`'s lock (see updateIndex and removeSources for what each does and throws). */
function applyChange({ settings, change, owner }: BuildRequest, warn: (message: string) => void, checkpoint: () => void): Promise<IngestReport> {
  const lock = lockTakenFor(settings.INDEX_DIR, owner);
  return change.kind === 'add'
    ? updateLocked(settings, change.paths, { rebuild: change.rebuild, parsed: change.parsed, warn, checkpoint }, lock)
    : removeLocked(settings, change.sources, { warn, checkpoint }, lock);
}

/**
 * Serves build requests arriving on `port` (the build thread's parentPort): for each, posts its
 * warnings and the documents it parses (relayed from the DOCUMENT_PARSED channel) as they come,
 * then its report, or its error's name and message. Never throws: a failed build is a reply, and
 * so is one abandoned at a checkpoint once `stop` is set.
 */
export function serveBuilds(port: MessagePort, stop: StopFlag): void {
  const checkpoint = checkpointOf(stop);
  port.on('message', async (request: BuildRequest) => {
    const { id } = request;
    const relay = (parsed: unknown) => port.postMessage({ id, parsed } satisfies BuildMessage);
    subscribe(DOCUMENT_PARSED, relay);
    try {
      const report = await applyChange(request, (warning) => port.postMessage({ id, warning } satisfies BuildMessage), checkpoint);
      port.postMessage({ id, report } satisfies BuildMessage);
    } catch (err) {
      const error = err instanceof Error ? { name: err.name, message: err.message } : { name: 'Error', message: String(err) };
      port.postMessage({ id, error } satisfies BuildMessage);
    } finally {
      unsubscribe(DOCUMENT_PARSED, relay);
    }
  });
}
