// Tests for the benchmark report's provenance line (a merged report holds sizes from several runs).
import { describe, expect, it } from 'vitest';
import { measuredLine, README_BEGIN, README_END, replaceReadmeSummary } from './report.js';

describe('measuredLine', () => {
  it('groups sizes by the run that measured them, falling back to the report’s own run', () => {
    const line = measuredLine({
      generatedAt: '2026-11-28T19:00:00.000Z',
      command: 'npm run bench -- --from a.json,b.json',
      sizes: [
        { size: { label: 'real', chunks: 'real' }, measured: { at: '2026-11-28T18:10:30.000Z', command: 'npm run bench' } },
        { size: { label: '1k', chunks: 1000 }, measured: { at: '2026-11-28T18:10:30.000Z', command: 'npm run bench' } },
        { size: { label: '1m', chunks: 1_000_000 } },
      ],
    });
    expect(line).toBe('Measured: real, 1k on 2026-11-28 18:10 UTC by `npm run bench`; 1m on 2026-11-28 19:00 UTC by `npm run bench -- --from a.json,b.json`.');
  });
});

describe('replaceReadmeSummary', () => {
  it('replaces only what lies between the markers, and says null without them', () => {
    const text = `# T\n\nintro\n\n${README_BEGIN}\nold table\n${README_END}\n\nafter\n`;
    const once = replaceReadmeSummary(text, '| new |');
    expect(once).toBe(`# T\n\nintro\n\n${README_BEGIN}\n| new |\n${README_END}\n\nafter\n`);
    expect(replaceReadmeSummary(once!, '| newer |')).toBe(`# T\n\nintro\n\n${README_BEGIN}\n| newer |\n${README_END}\n\nafter\n`);
    expect(replaceReadmeSummary('# no markers', 'x')).toBeNull();
    expect(replaceReadmeSummary(`${README_END}\n${README_BEGIN}`, 'x')).toBeNull();
  });
});
