// Build folders of an index: their names (time, writer pid), the CURRENT pointer, and removal of builds left by failed or killed writers.
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { IndexCorruptError, IndexLockedError, IndexNotBuiltError, IndexPointerMissingError } from './errors.js';
import { isProcessAlive, isStale, lockIndexNow, lockOwner } from './index-lock.js';

export const CURRENT = 'CURRENT';
/** Written last into a build folder: a build without it is incomplete. */
export const MANIFEST_FILE = 'manifest.json';
const BUILD = /^build-(\d+)-(?:(\d+)-)?[0-9a-f]{8}$/;
/** Temp files of the lock and the pointer, named after their writer's pid. */
const TEMP = /^(?:LOCK\.(?:stale\.)?(\d+)\.[0-9a-f]+|CURRENT\.(?:(\d+)\.)?tmp)$/;

/** A fresh build folder name: build-<ms>-<pid>-<random>, so a cleaner can tell whose build it is. */
export function newBuildName(): string {
  return `build-${Date.now()}-${process.pid}-${randomBytes(4).toString('hex')}`;
}

/** The temp name CURRENT is written under before its atomic rename. */
export function pointerTempName(): string {
  return `${CURRENT}.${process.pid}.tmp`;
}

/** Build folder names in `dir`, oldest first (empty when `dir` does not exist). */
export function listBuilds(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((e) => BUILD.test(e))
    .sort((a, b) => Number(BUILD.exec(a)![1]) - Number(BUILD.exec(b)![1]) || a.localeCompare(b));
}

/** The build CURRENT names, or null when there is no CURRENT; throws IndexCorruptError for a malformed one. */
export function readPointer(dir: string): string | null {
  let name: string;
  try {
    name = readFileSync(join(dir, CURRENT), 'utf8').trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  if (!BUILD.test(name)) throw new IndexCorruptError(`index pointer ${join(dir, CURRENT)} does not name a build folder; re-run \`npm run ingest\``);
  return name;
}

/**
 * The folder of the current build. Throws IndexNotBuiltError when there is none,
 * IndexPointerMissingError when complete builds are present without CURRENT (never treated as
 * "no index"), and IndexCorruptError when CURRENT names a missing build.
 */
export function currentBuild(dir: string): string {
  const name = readPointer(dir);
  if (name === null) {
    const complete = listBuilds(dir).filter((b) => existsSync(join(dir, b, MANIFEST_FILE)));
    if (complete.length > 0) throw new IndexPointerMissingError(dir, complete);
    throw new IndexNotBuiltError(dir);
  }
  const folder = join(dir, name);
  if (!existsSync(folder)) throw new IndexCorruptError(`index pointer ${join(dir, CURRENT)} names a missing build; re-run \`npm run ingest\``);
  return folder;
}

/** True when a pid embedded in a name is another live process (its build or temp file is in use). */
const liveOther = (pid: string | undefined) => pid !== undefined && Number(pid) !== process.pid && isProcessAlive(Number(pid));

/**
 * What a writer holding the lock may remove: builds CURRENT does not name and no other live
 * process is writing, and dead writers' temp files. Without CURRENT only incomplete builds go:
 * complete ones may be the user's index (see IndexPointerMissingError).
 */
export function deadEntries(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const pointer = readPointer(dir);
  const builds = listBuilds(dir).filter((b) => {
    if (b === pointer || liveOther(BUILD.exec(b)![2])) return false;
    return pointer !== null || !existsSync(join(dir, b, MANIFEST_FILE));
  });
  const temps = readdirSync(dir).filter((e) => {
    const m = TEMP.exec(e);
    return m !== null && !liveOther(m[1] ?? m[2]);
  });
  return [...builds, ...temps];
}

/** Removes deadEntries(dir); the caller holds the lock. Returns the names removed. */
export function removeDeadEntries(dir: string): string[] {
  const dead = deadEntries(dir);
  for (const name of dead) rmSync(join(dir, name), { recursive: true, force: true });
  return dead;
}

/**
 * At server start: removes builds and temp files left by failed or killed ingests, and a stale
 * LOCK. Writes nothing when there is nothing to remove (the folder may be read-only), skips when
 * a live ingest holds the lock (it cleans up itself), and only warns when the folder is not writable.
 */
export function cleanIndexFolder(dir: string, warn: (message: string) => void): void {
  const owner = lockOwner(dir);
  const staleLock = owner !== null && owner !== 'unreadable' && isStale(owner);
  if (!staleLock && (owner !== null || deadEntries(dir).length === 0)) return;
  let lock;
  try {
    lock = lockIndexNow(dir, warn);
  } catch (err) {
    if (err instanceof IndexLockedError) return;
    warn(`cannot clean index folder ${dir}: ${err instanceof Error ? err.message : String(err)}`);
    return;
  }
  try {
    for (const name of removeDeadEntries(dir)) warn(`removed ${join(dir, name)}, left by a failed or killed ingest`);
  } finally {
    lock.release();
  }
}

/** fsyncs a file or folder (a folder's fsync makes a rename or new entry in it durable). */
export function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
