// Tests for the bench options and outputs: --out writes only the files it names; the README changes only on --readme.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from './bench-args.js';
import { README_BEGIN, README_END, type BenchReport } from './report.js';
import { writeOutputs } from './write-outputs.js';

describe('parseBenchArgs', () => {
  it('leaves the README alone unless --readme is given', () => {
    expect(parseBenchArgs(['--out', 'x.json'])).toMatchObject({ out: 'x.json', readme: null });
    expect(parseBenchArgs([]).readme).toBeNull();
    expect(parseBenchArgs(['--out', 'x.json', '--readme']).readme).toBe('README.md');
  });

  it('rejects an unknown option or a stray value', () => {
    expect(() => parseBenchArgs(['--readme', 'OTHER.md'])).toThrow();
    expect(() => parseBenchArgs(['--write-readme'])).toThrow();
  });
});

describe('writeOutputs', () => {
  const report: BenchReport = {
    generatedAt: '2026-11-30T10:00:00.000Z',
    command: 'npm run bench -- --out x.json',
    machine: { cpu: 'test cpu', cores: 2, memoryGiB: 4, os: 'Linux', node: 'v20.20.2' },
    settings: { HASH_DIM: 512, HNSW_M: 16, HNSW_EF_CONSTRUCTION: 200, HNSW_EF_SEARCH: 100, TOP_K: 5, CHUNK_MAX_CHARS: 300 },
    sizes: [],
  };

  it('writes --out and --md, and touches the README only when named', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jc-bench-'));
    const readme = join(dir, 'README.md');
    const before = `# R\n\n${README_BEGIN}\nold\n${README_END}\n`;
    writeFileSync(readme, before);
    writeOutputs(report, join(dir, 'x.json'), join(dir, 'x.md'), null);
    expect(JSON.parse(readFileSync(join(dir, 'x.json'), 'utf8')).command).toBe('npm run bench -- --out x.json');
    expect(readFileSync(join(dir, 'x.md'), 'utf8').length).toBeGreaterThan(0);
    expect(readFileSync(readme, 'utf8')).toBe(before);
    writeOutputs(report, join(dir, 'x.json'), join(dir, 'x.md'), readme);
    const after = readFileSync(readme, 'utf8');
    expect(after).not.toBe(before);
    expect(after).not.toContain('\nold\n');
    expect(after.startsWith(`# R\n\n${README_BEGIN}\n`)).toBe(true);
  });
});
