// Tests for the interleaved unique-answer runner: options, a real child run over a temp index, and the table.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateIndex } from '../index/index.js';
import { testSettings } from '../test-support/test-index.js';
import { interleavedChild, interleavedTable, parseInterleavedArgs } from './interleaved-unique.js';

describe('parseInterleavedArgs', () => {
  it('takes two checkouts, with runs and questions by default', () => {
    expect(parseInterleavedArgs(['--a', '.', '--b', '.'])).toMatchObject({ runs: 3, unique: 1000 });
    expect(parseInterleavedArgs(['--a', '.', '--b', '.', '--runs', '2', '--unique', '50'])).toMatchObject({ runs: 2, unique: 50 });
  });

  it('refuses a missing side, a folder that is no checkout, and bad numbers, with the usage line', () => {
    expect(() => parseInterleavedArgs(['--a', '.'])).toThrow(/--b.*\n.*usage/s);
    expect(() => parseInterleavedArgs(['--a', '.', '--b', '/tmp'])).toThrow(/no checkout/);
    expect(() => parseInterleavedArgs(['--a', '.', '--b', '.', '--runs', '0'])).toThrow(/--runs/);
    expect(() => parseInterleavedArgs(['--a', '.', '--b', '.', '--bogus', '1'])).toThrow();
  });
});

describe('interleavedChild', () => {
  let dir = '';
  beforeAll(async () => {
    const settings = testSettings();
    dir = settings.INDEX_DIR;
    await updateIndex(settings, [], { rebuild: true, warn: () => {} });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('answers each question with both sides in one fresh process and reports CPU per answer and the per-question ratio', async () => {
    const run = await interleavedChild('.', '.', 20, { INDEX_DIR: dir, EMBEDDER: 'hash' });
    for (const side of [run.a, run.b]) {
      expect(side.samples).toBe(20);
      expect(side.p50).toBeGreaterThan(0);
    }
    expect(run.medianRatio).toBeGreaterThan(0);
    const table = interleavedTable([{ load: 1.234, run }]);
    expect(table).toContain('| 1 (1.2) |');
    expect(table.split('\n')).toHaveLength(3);
  });
});
