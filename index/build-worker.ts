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

/** Writes `change` under `owner`'s lock (see updateIndex and removeSources for what each does and throws). */
function applyChange({ settings, change, owner }: BuildRequest, warn: (message: string) => void): Promise<IngestReport> {
  const lock = lockTakenFor(settings.INDEX_DIR, owner);
  return change.kind === 'add'
    ? updateLocked(settings, change.paths, { rebuild: change.rebuild, parsed: change.parsed, warn }, lock)
    : removeLocked(settings, change.sources, { warn }, lock);
}

/**
 * Serves build requests arriving on `port` (the build thread's parentPort): for each, posts its
 * warnings and the documents it parses (relayed from the DOCUMENT_PARSED channel) as they come,
 * then its report, or its error's name and message. Never throws: a failed build is a reply.
 */
export function serveBuilds(port: MessagePort): void {
  port.on('message', async (request: BuildRequest) => {
    const { id } = request;
    const relay = (parsed: unknown) => port.postMessage({ id, parsed } satisfies BuildMessage);
    subscribe(DOCUMENT_PARSED, relay);
    try {
      const report = await applyChange(request, (warning) => port.postMessage({ id, warning } satisfies BuildMessage));
      port.postMessage({ id, report } satisfies BuildMessage);
    } catch (err) {
      const error = err instanceof Error ? { name: err.name, message: err.message } : { name: 'Error', message: String(err) };
      port.postMessage({ id, error } satisfies BuildMessage);
    } finally {
      unsubscribe(DOCUMENT_PARSED, relay);
    }
  });
}
