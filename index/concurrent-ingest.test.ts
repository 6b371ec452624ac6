// Concurrent writers as real processes: pairs of ingests on one index folder, and kill -9 in the middle of one.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { articlePage, folderState, runPair, startIngest } from '../bench/ingest-trial.js';
import { useTempDirs } from '../test-support/temp-dirs.js';
import { LOCK_FILE } from './index-lock.js';

const { tempDir } = useTempDirs();
let dir: string;
let files: string;

function article(name: string, n: number): string {
  const path = join(files, `${name}.txt`);
  writeFileSync(path, articlePage(name, n));
  return path;
}

beforeAll(async () => {
  dir = tempDir('jc-concurrent-');
  files = tempDir('jc-concurrent-files-');
  const first = await startIngest(dir, []).done;
  expect(first.code).toBe(0);
}, 120_000);

describe('two ingest processes started together on one index folder', () => {
  it('fail fast: one writes, the other exits 1 naming its pid, and the index holds exactly the winner’s file', async () => {
    for (let i = 0; i < 2; i++) {
      const { problem, codes } = await runPair(dir, [article(`甲${i}镇`, i + 1), article(`乙${i}镇`, i + 2)], 0);
      expect(problem).toBeNull();
      expect(codes).toContain(0);
    }
  }, 180_000);

  it('with INDEX_LOCK_WAIT_MS: both succeed one after the other and the index holds both files', async () => {
    const pair: [string, string] = [article('丙镇', 5), article('丁镇', 6)];
    const { problem, codes } = await runPair(dir, pair, 120_000);
    expect(problem).toBeNull();
    expect(codes).toEqual([0, 0]);
    expect(folderState(dir).sources).toEqual(expect.arrayContaining(pair));
  }, 180_000);
});

describe('kill -9 during an ingest', () => {
  it('leaves the old index usable; the next ingest removes the stale lock with a warning and succeeds', async () => {
    const before = folderState(dir);
    const file = article('戊镇', 7);
    const { child, done } = startIngest(dir, [file]);
    while (!existsSync(join(dir, LOCK_FILE)) && child.exitCode === null) await sleep(5);
    child.kill('SIGKILL');
    const killed = await done;
    expect(killed.signal).toBe('SIGKILL');
    expect(existsSync(join(dir, LOCK_FILE))).toBe(true);
    expect(folderState(dir)).toEqual({ sources: before.sources, broken: 'left over: LOCK' });

    const next = await startIngest(dir, [file]).done;
    expect(next.code).toBe(0);
    expect(next.stderr).toBe(`removed a stale index lock ${join(dir, LOCK_FILE)}: pid ${killed.pid} (started ${next.stderr.match(/started (\S+)\)/)![1]}) is no longer running\n`);
    expect(folderState(dir)).toEqual({ sources: [...before.sources, file].sort(), broken: null });
    expect(readdirSync(dir).filter((e) => e.startsWith('build-'))).toHaveLength(1);
  }, 180_000);
});
