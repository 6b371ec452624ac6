// Tests for the index folder's writer lock: exclusive, naming its holder, stale locks recovered, waiting with a timeout.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTempDirs } from '../test-support/temp-dirs.js';
import { IndexLockedError } from './errors.js';
import { isProcessAlive, LOCK_FILE, lockIndex, lockIndexNow, type LockOwner } from './index-lock.js';

const { tempDir } = useTempDirs();
let sleeper: ChildProcess;

beforeAll(() => {
  sleeper = spawn('sleep', ['120'], { stdio: 'ignore' });
});
afterAll(() => {
  sleeper.kill();
});

/** A pid that has just exited (no process has it). */
function deadPid(): number {
  return spawnSync('true').pid!;
}

function writeLock(dir: string, owner: Partial<LockOwner>): LockOwner {
  const full: LockOwner = { pid: process.pid, host: hostname(), startedAt: '2026-01-02T03:04:05.000Z', token: 'feedface', ...owner };
  writeFileSync(join(dir, LOCK_FILE), JSON.stringify(full));
  return full;
}

describe('lockIndexNow', () => {
  it('writes LOCK naming this process and removes it on release, leaving no temp file', () => {
    const dir = tempDir('jc-lock-');
    const lock = lockIndexNow(dir, () => {});
    const owner = JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')) as LockOwner;
    expect(owner).toEqual({ pid: process.pid, host: hostname(), startedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), token: lock.owner.token });
    expect(readdirSync(dir)).toEqual([LOCK_FILE]);
    lock.assertHeld();
    lock.release();
    lock.release();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a second writer in the same process while the first holds the lock', () => {
    const dir = tempDir('jc-lock-');
    const first = lockIndexNow(dir, () => {});
    expect(() => lockIndexNow(dir, () => {})).toThrow(IndexLockedError);
    first.release();
    lockIndexNow(dir, () => {}).release();
  });

  it('fails fast naming the pid, host and start time of a live holder', () => {
    const dir = tempDir('jc-lock-');
    writeLock(dir, { pid: sleeper.pid! });
    const err = (() => {
      try {
        lockIndexNow(dir, () => {});
      } catch (e) {
        return e as IndexLockedError;
      }
      throw new Error('expected IndexLockedError');
    })();
    expect(err).toBeInstanceOf(IndexLockedError);
    expect(err.code).toBe('index_locked');
    expect(err.message).toBe(
      `index folder ${dir} is being written by another ingest: pid ${sleeper.pid} on ${hostname()}, started 2026-01-02T03:04:05.000Z; ` +
        `wait for it to finish (INDEX_LOCK_WAIT_MS waits for it), or if that process is not an ingest, remove ${join(dir, LOCK_FILE)}`,
    );
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid).toBe(sleeper.pid);
  });

  it('recovers a stale lock of a dead pid with one warning', () => {
    const dir = tempDir('jc-lock-');
    const pid = deadPid();
    expect(isProcessAlive(pid)).toBe(false);
    writeLock(dir, { pid });
    const warnings: string[] = [];
    const lock = lockIndexNow(dir, (m) => warnings.push(m));
    expect(warnings).toEqual([`removed a stale index lock ${join(dir, LOCK_FILE)}: pid ${pid} (started 2026-01-02T03:04:05.000Z) is no longer running`]);
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).token).toBe(lock.owner.token);
    lock.release();
  });

  it('treats a lock with our own pid that we do not hold as stale (a restarted container reuses pids)', () => {
    const dir = tempDir('jc-lock-');
    writeLock(dir, { pid: process.pid, token: 'abandoned' });
    const warnings: string[] = [];
    lockIndexNow(dir, (m) => warnings.push(m)).release();
    expect(warnings).toHaveLength(1);
  });

  it('treats a lock from another host as live (its pid cannot be checked here)', () => {
    const dir = tempDir('jc-lock-');
    writeLock(dir, { pid: deadPid(), host: 'elsewhere.example' });
    expect(() => lockIndexNow(dir, () => {})).toThrow(/pid \d+ on elsewhere\.example/);
  });

  it('assertHeld throws once another process has taken the lock over', () => {
    const dir = tempDir('jc-lock-');
    const lock = lockIndexNow(dir, () => {});
    writeLock(dir, { pid: sleeper.pid!, token: 'thief' });
    expect(() => lock.assertHeld()).toThrow(`lost the index lock ${join(dir, LOCK_FILE)} to another process; this ingest does not publish its build`);
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(true); // release never removes someone else's lock
  });
});

describe('lockIndex', () => {
  it('waits for a live holder to release, up to waitMs', async () => {
    const dir = tempDir('jc-lock-');
    const first = lockIndexNow(dir, () => {});
    setTimeout(() => first.release(), 300);
    const started = performance.now();
    const second = await lockIndex(dir, 10_000, () => {});
    expect(performance.now() - started).toBeGreaterThanOrEqual(250);
    second.release();
  });

  it('gives up after waitMs, saying how long it waited', async () => {
    const dir = tempDir('jc-lock-');
    writeLock(dir, { pid: sleeper.pid! });
    const started = performance.now();
    await expect(lockIndex(dir, 300, () => {})).rejects.toThrow(`started 2026-01-02T03:04:05.000Z (waited 300 ms)`);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('lets exactly one of many concurrent attempts on a stale lock win', async () => {
    const dir = tempDir('jc-lock-');
    writeLock(dir, { pid: deadPid() });
    const outcomes = await Promise.allSettled(Array.from({ length: 8 }, () => lockIndex(dir, 0, () => {})));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === 'rejected').every((o) => (o as PromiseRejectedResult).reason instanceof IndexLockedError)).toBe(true);
  });
});
