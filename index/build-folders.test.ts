// Tests for build folders: which leftovers a writer removes, which it keeps, and a missing CURRENT.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTempDirs } from '../test-support/temp-dirs.js';
import { cleanIndexFolder, currentBuild, deadEntries, listBuilds, newBuildName } from './build-folders.js';
import { IndexNotBuiltError, IndexPointerMissingError } from './errors.js';
import { LOCK_FILE } from './index-lock.js';

const { tempDir } = useTempDirs();
let sleeper: ChildProcess;
beforeAll(() => {
  sleeper = spawn('sleep', ['120'], { stdio: 'ignore' });
});
afterAll(() => {
  sleeper.kill();
});

const dead = () => spawnSync('true').pid!;

/** A folder with the named builds (complete ones get a manifest) and files. */
function folderWith(builds: Record<string, 'complete' | 'partial'>, files: Record<string, string> = {}): string {
  const dir = tempDir('jc-builds-');
  for (const [name, state] of Object.entries(builds)) {
    mkdirSync(join(dir, name));
    writeFileSync(join(dir, name, 'chunks.bin'), 'x');
    if (state === 'complete') writeFileSync(join(dir, name, 'manifest.json'), '{}');
  }
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('newBuildName and listBuilds', () => {
  it('names builds by time and writer pid, and lists them oldest first (old names without a pid too)', () => {
    expect(newBuildName()).toMatch(new RegExp(`^build-\\d{13}-${process.pid}-[0-9a-f]{8}$`));
    const dir = folderWith({ 'build-200-7-aaaaaaaa': 'complete', 'build-100-deadbeef': 'complete', 'build-1000-7-bbbbbbbb': 'partial' }, { 'notes.txt': '' });
    expect(listBuilds(dir)).toEqual(['build-100-deadbeef', 'build-200-7-aaaaaaaa', 'build-1000-7-bbbbbbbb']);
  });
});

describe('deadEntries', () => {
  it('lists builds CURRENT does not name and temp files of dead writers, but not a live writer’s build', () => {
    const gone = dead();
    const live = sleeper.pid!;
    const dir = folderWith(
      { 'build-1-11111111': 'complete', [`build-2-${gone}-22222222`]: 'partial', [`build-3-${live}-33333333`]: 'partial', [`build-4-${gone}-44444444`]: 'complete' },
      { CURRENT: 'build-4-' + gone + '-44444444', [`CURRENT.${gone}.tmp`]: 'x', [`CURRENT.${live}.tmp`]: 'x', [`LOCK.${gone}.abcdef0123456789`]: '{}', 'CURRENT.tmp': 'x' },
    );
    expect(deadEntries(dir).sort()).toEqual(['CURRENT.tmp', `CURRENT.${gone}.tmp`, `LOCK.${gone}.abcdef0123456789`, 'build-1-11111111', `build-2-${gone}-22222222`].sort());
  });

  it('without CURRENT, lists only incomplete builds: complete ones may be the user’s index', () => {
    const gone = dead();
    const dir = folderWith({ [`build-1-${gone}-11111111`]: 'complete', [`build-2-${gone}-22222222`]: 'partial' });
    expect(deadEntries(dir)).toEqual([`build-2-${gone}-22222222`]);
  });
});

describe('currentBuild', () => {
  it('is IndexNotBuiltError for a folder with no build or only partial ones', () => {
    expect(() => currentBuild(folderWith({}))).toThrow(IndexNotBuiltError);
    expect(() => currentBuild(folderWith({ 'build-1-1-11111111': 'partial' }))).toThrow(IndexNotBuiltError);
  });

  it('is IndexPointerMissingError naming the complete builds and how to keep the newest', () => {
    const dir = folderWith({ 'build-1-1-11111111': 'complete', 'build-2-1-22222222': 'complete', 'build-3-1-33333333': 'partial' });
    expect(() => currentBuild(dir)).toThrow(IndexPointerMissingError);
    expect(() => currentBuild(dir)).toThrow(
      `index folder ${dir} holds builds (build-1-1-11111111, build-2-1-22222222) but no CURRENT pointer; ` +
        `to keep the newest, run \`echo build-2-1-22222222 > ${dir}/CURRENT\`; to start over, remove those folders and run \`npm run ingest\``,
    );
  });
});

describe('cleanIndexFolder (server start)', () => {
  it('removes a killed ingest’s build and stale lock, with a warning for each', () => {
    const gone = dead();
    const dir = folderWith({ [`build-1-${gone}-11111111`]: 'complete', [`build-2-${gone}-22222222`]: 'partial' }, { CURRENT: `build-1-${gone}-11111111` });
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: gone, host: hostname(), startedAt: 'then', token: 'dead' }));
    const warnings: string[] = [];
    cleanIndexFolder(dir, (m) => warnings.push(m));
    expect(readdirSync(dir).sort()).toEqual(['CURRENT', `build-1-${gone}-11111111`]);
    expect(warnings).toEqual([
      `removed a stale index lock ${join(dir, LOCK_FILE)}: pid ${gone} (started then) is no longer running`,
      `removed ${join(dir, `build-2-${gone}-22222222`)}, left by a failed or killed ingest`,
    ]);
  });

  it('writes nothing in a clean folder (it may be read-only) and leaves a live ingest alone', () => {
    const clean = folderWith({ 'build-1-1-11111111': 'complete' }, { CURRENT: 'build-1-1-11111111' });
    const before = statSync(clean).mtimeMs;
    cleanIndexFolder(clean, () => {});
    expect(statSync(clean).mtimeMs).toBe(before);
    const live = sleeper.pid!;
    const busy = folderWith({ 'build-1-1-11111111': 'complete', 'build-2-1-22222222': 'partial' }, { CURRENT: 'build-1-1-11111111' });
    writeFileSync(join(busy, LOCK_FILE), JSON.stringify({ pid: live, host: hostname(), startedAt: 'now', token: 'live' }));
    cleanIndexFolder(busy, () => {});
    expect(readdirSync(busy).sort()).toEqual(['CURRENT', LOCK_FILE, 'build-1-1-11111111', 'build-2-1-22222222']);
  });
});
