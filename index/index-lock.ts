// One writer per index folder: a LOCK file naming the writer (pid, host, start time), with stale-lock recovery.
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { IndexLockedError } from './errors.js';

export const LOCK_FILE = 'LOCK';
const POLL_MS = 100;

const ownerSchema = z.object({ pid: z.number().int().min(1), host: z.string(), startedAt: z.string(), token: z.string() });
/** Who holds a lock: written into LOCK as JSON. */
export type LockOwner = z.infer<typeof ownerSchema>;

/** A held lock: `assertHeld` throws IndexLockedError when another process took it over; `release` is idempotent. */
export type IndexLock = { dir: string; owner: LockOwner; assertHeld(): void; release(): void };

/** Tokens of the locks this process holds (a lock with our pid but another token was left by an earlier process). */
const heldTokens = new Set<string>();

/** True when `pid` is a running process on this machine (EPERM: it runs under another user). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(path: string): LockOwner | null | 'unreadable' {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  try {
    return ownerSchema.parse(JSON.parse(text));
  } catch {
    return 'unreadable';
  }
}

/** A lock whose writer is gone: on this host, its pid is not running (or is ours, but not a lock we hold). */
export function isStale(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return false; // cannot tell: treat as live
  if (owner.pid === process.pid) return !heldTokens.has(owner.token);
  return !isProcessAlive(owner.pid);
}

/** Creates LOCK atomically, fully written (a temp file hard-linked into place); false when it exists. */
function tryCreate(dir: string, owner: LockOwner): boolean {
  const temp = join(dir, `${LOCK_FILE}.${owner.pid}.${owner.token}`);
  const fd = openSync(temp, 'w');
  try {
    writeSync(fd, JSON.stringify(owner));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temp, join(dir, LOCK_FILE));
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    unlinkSync(temp);
  }
}

/**
 * Removes a stale LOCK, unless another process replaced it meanwhile: the lock is first renamed
 * aside (atomic), and put back when it is not the stale one that was read.
 */
function removeStale(dir: string, stale: LockOwner, warn: (message: string) => void): void {
  const path = join(dir, LOCK_FILE);
  const aside = `${path}.stale.${process.pid}.${randomBytes(4).toString('hex')}`;
  try {
    renameSync(path, aside);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  const moved = readOwner(aside);
  if (moved !== null && moved !== 'unreadable' && moved.token !== stale.token) {
    try {
      linkSync(aside, path);
    } catch {
      // A third writer locked the folder meanwhile; the displaced one sees it in assertHeld and does not publish.
    }
  } else {
    warn(`removed a stale index lock ${path}: pid ${stale.pid} (started ${stale.startedAt}) is no longer running`);
  }
  unlinkSync(aside);
}

function lockedError(dir: string, owner: LockOwner | 'unreadable', waitMs: number): IndexLockedError {
  const path = join(dir, LOCK_FILE);
  if (owner === 'unreadable') return new IndexLockedError(`index lock ${path} is unreadable; if no ingest is running, remove it and retry`);
  const waited = waitMs > 0 ? ` (waited ${waitMs} ms)` : '';
  return new IndexLockedError(
    `index folder ${dir} is being written by another ingest: pid ${owner.pid} on ${owner.host}, started ${owner.startedAt}${waited}; ` +
      `wait for it to finish (INDEX_LOCK_WAIT_MS waits for it), or if that process is not an ingest, remove ${path}`,
  );
}

/** True while LOCK in `dir` names `owner` (same token). */
function stillHeld(dir: string, owner: LockOwner): boolean {
  const now = readOwner(join(dir, LOCK_FILE));
  return now !== null && now !== 'unreadable' && now.token === owner.token;
}

function assertStillHeld(dir: string, owner: LockOwner): void {
  if (!stillHeld(dir, owner)) throw new IndexLockedError(`lost the index lock ${join(dir, LOCK_FILE)} to another process; this ingest does not publish its build`);
}

function held(dir: string, owner: LockOwner): IndexLock {
  heldTokens.add(owner.token);
  return {
    dir,
    owner,
    assertHeld: () => assertStillHeld(dir, owner),
    release() {
      if (!heldTokens.delete(owner.token)) return;
      if (stillHeld(dir, owner)) unlinkSync(join(dir, LOCK_FILE));
    },
  };
}

/**
 * The lock of `dir` that another thread of this process took for this one (a build thread writes
 * under the lock the server's thread holds): assertHeld as for a lock taken here; release does
 * nothing, the thread that took it releases it (also when this one dies).
 */
export function lockTakenFor(dir: string, owner: LockOwner): IndexLock {
  return { dir, owner, assertHeld: () => assertStillHeld(dir, owner), release: () => {} };
}

const isLock = (r: IndexLock | LockOwner | 'unreadable'): r is IndexLock => typeof r === 'object' && 'assertHeld' in r;

/** One attempt: the lock, or the live owner that holds it (stale locks are removed on the way). */
function attempt(dir: string, warn: (message: string) => void): IndexLock | LockOwner | 'unreadable' {
  const owner: LockOwner = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString(), token: randomBytes(8).toString('hex') };
  for (;;) {
    if (tryCreate(dir, owner)) return held(dir, owner);
    const current = readOwner(join(dir, LOCK_FILE));
    if (current === null) continue; // released between our attempt and the read
    if (current === 'unreadable' || !isStale(current)) return current;
    removeStale(dir, current, warn);
  }
}

/** Takes the lock of index folder `dir` (created if missing) now, or throws IndexLockedError naming the writer. */
export function lockIndexNow(dir: string, warn: (message: string) => void): IndexLock {
  mkdirSync(dir, { recursive: true });
  const result = attempt(dir, warn);
  if (isLock(result)) return result;
  throw lockedError(dir, result, 0);
}

/**
 * Takes the lock of index folder `dir`, waiting up to `waitMs` (polling) while a live writer holds
 * it; throws IndexLockedError naming that writer's pid, host and start time when the wait runs out.
 * A lock left by a dead process is removed with a warning.
 */
export async function lockIndex(dir: string, waitMs: number, warn: (message: string) => void): Promise<IndexLock> {
  mkdirSync(dir, { recursive: true });
  const started = performance.now();
  for (;;) {
    const result = attempt(dir, warn);
    if (isLock(result)) return result;
    const waited = performance.now() - started;
    if (waited >= waitMs) throw lockedError(dir, result, waitMs);
    await sleep(Math.min(POLL_MS, waitMs - waited));
  }
}

/** The owner named by LOCK in `dir`, or null when the folder is not locked (for cleanup decisions). */
export function lockOwner(dir: string): LockOwner | 'unreadable' | null {
  return readOwner(join(dir, LOCK_FILE));
}
