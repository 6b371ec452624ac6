// Tests for the paired unique-answer runner: options, a real pair of child runs over a temp index, and the table.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testSettings } from '../test-support/test-index.js';
import { updateIndex } from '../index/index.js';
import { pairedTable, pairedUnique, parsePairedArgs } from './paired-unique.js';

describe('parsePairedArgs', () => {
  it('takes two checkouts, with pairs and questions by default', () => {
    expect(parsePairedArgs(['--a', '.', '--b', '.'])).toMatchObject({ pairs: 5, unique: 1000 });
    expect(parsePairedArgs(['--a', '.', '--b', '.', '--pairs', '2', '--unique', '50'])).toMatchObject({ pairs: 2, unique: 50 });
  });

  it('refuses a missing side, a folder that is no checkout, and bad numbers, with the usage line', () => {
    expect(() => parsePairedArgs(['--a', '.'])).toThrow(/--b.*\n.*usage/s);
    expect(() => parsePairedArgs(['--a', '.', '--b', '/tmp'])).toThrow(/no checkout/);
    expect(() => parsePairedArgs(['--a', '.', '--b', '.', '--pairs', '0'])).toThrow(/--pairs/);
    expect(() => parsePairedArgs(['--a', '.', '--b', '.', '--bogus', '1'])).toThrow();
  });
});

describe('pairedUnique', () => {
  let dir = '';
  beforeAll(async () => {
    const settings = testSettings();
    dir = settings.INDEX_DIR;
    await updateIndex(settings, [], { rebuild: true, warn: () => {} });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs both sides at once in fresh processes and reports CPU per answer and time to ready', async () => {
    const args = parsePairedArgs(['--a', '.', '--b', '.', '--pairs', '1', '--unique', '20']);
    const pairs = await pairedUnique(args, { INDEX_DIR: dir, EMBEDDER: 'hash' });
    expect(pairs).toHaveLength(1);
    for (const run of [pairs[0]!.a, pairs[0]!.b]) {
      expect(run.answerCpu.samples).toBe(20);
      expect(run.answerCpu.p50).toBeGreaterThan(0);
      expect(run.readyMs).toBeGreaterThan(run.warmUpMs);
      // Linux: the main thread's own CPU per answer and the background threads' CPU over all answers.
      expect(run.answerMainCpu!.samples).toBe(20);
      expect(run.answerMainCpu!.p50).toBeGreaterThan(0);
      expect(run.backgroundMs).toEqual(expect.any(Number));
    }
    const table = pairedTable(pairs);
    expect(table).toContain('| 1 (');
    expect(table).toMatch(/b ÷ a, median over 1 pairs: p50 \d+\.\d\d, p95 \d+\.\d\d, p99 \d+\.\d\d; main thread p50 \d+\.\d\d, p99 \d+\.\d\d; background (?:\d+\.\d\d|–)/);
    expect(table.split('\n')[2]!.split(' | ')).toHaveLength(9);
  }, 120_000);
});
