// Tests for the benchmark report's provenance line (a merged report holds sizes from several runs).
import { describe, expect, it } from 'vitest';
import { measuredLine, README_BEGIN, README_END, renderQuick, replaceReadmeSummary } from './report.js';

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

describe('renderQuick', () => {
  it('prints one row per size: unique, first and repeated figures, "–" for what was not measured', () => {
    const l = (p50: number, p95: number, p99: number) => ({ p50, p95, p99, mean: p50, samples: 100 });
    const unique = { questions: 2000, retrieval: l(0.1, 0.2, 0.3), retrievalCpu: l(0.1, 0.2, 0.3), answer: l(0.25, 1.5, 2.5), answerCpu: l(0.2, 1, 2), loadAverage: 1.5 };
    const first = { runs: 3, openMs: l(300, 300, 300), warmUpMs: l(120, 120, 120), retrievalMs: l(2, 2, 2), answerMs: l(6, 6, 6), retrievalCpuMs: l(1, 1, 1), answerCpuMs: l(4, 4, 4) };
    const repeated = { hybrid: l(0.1, 0.1, 0.1), answer: l(0.2, 0.3, 0.4) };
    const text = renderQuick([
      { size: { label: 'real', chunks: 'real' }, dir: '', chunks: 37, unique: { ...unique, answerMainCpu: l(0.15, 0.5, 1), first }, repeated },
      { size: { label: '1k', chunks: 1000 }, dir: '', chunks: 1000, unique: { ...unique, first: null }, repeated },
    ]);
    expect(text).toContain('| real | 37 | 2,000 | 0.100 / 0.200 / 0.300 | 0.250 / 1.50 / 2.50 | 0.200 / 1.00 / 2.00 | 0.150 / 0.500 / 1.00 | 2.00 / 6.00 (1.00 / 4.00) | 300 (120) | 0.100 / 0.100 / 0.100 | 0.200 / 0.300 / 0.400 | 1.50 |');
    expect(text).toContain('| 1k | 1,000 | 2,000 | 0.100 / 0.200 / 0.300 | 0.250 / 1.50 / 2.50 | 0.200 / 1.00 / 2.00 | – | – | – |');
  });
});
