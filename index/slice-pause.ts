// Long work on the server's thread (loading and warming up an index version) in slices, with requests served between them.
import { setImmediate as nextTurn } from 'node:timers/promises';

/** Awaited between steps of long work; resolves at once or after the event loop has turned. */
export type Pause = () => Promise<void>;

/** Longest a slice of work runs before the event loop gets a turn, in wall ms (a fast answer takes a few). */
export const SLICE_MS = 8;

/**
 * A pause for long work: resolves at once (a microtask) until `sliceMs` of wall time have passed
 * since it last yielded, then after one turn of the event loop (setImmediate: the I/O waiting by
 * then, such as requests, is handled first). Awaiting it between steps of a few ms each keeps any
 * request's wait near `sliceMs` plus its longest step.
 */
export function slicePause(sliceMs = SLICE_MS): Pause {
  let sliceStart = performance.now();
  return async () => {
    if (performance.now() - sliceStart < sliceMs) return;
    await nextTurn();
    sliceStart = performance.now();
  };
}
