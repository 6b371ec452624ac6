// Tests for the report renderers: display width of CJK names and column alignment.
import { describe, expect, it } from 'vitest';
import { displayWidth, renderTable } from './report.js';
import type { Summary } from './score.js';

const summary: Summary = {
  n: 2,
  answer_accuracy: 0.5,
  answer_f1: 0.25,
  hit_at_k: 1,
  mrr: 0.75,
  citation_support: 1,
  citation_precision: null,
  refusal_accuracy: null,
  false_refusal_rate: 0,
  latency_ms: { p50: 1.5, p95: 2, max: 3 },
};

describe('displayWidth', () => {
  it('counts CJK characters and full-width forms as two columns', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('高平生猪')).toBe(8);
    expect(displayWidth('阳城陶瓷琉璃(珐华)')).toBe(18);
    expect(displayWidth('ＡＢ')).toBe(4);
  });
});

describe('renderTable', () => {
  it('starts every column at the same display column for Latin and CJK group names', () => {
    const lines = renderTable([
      ['overall', summary],
      ['高平生猪', summary],
    ]).split('\n');
    const firstCell = lines.map((l) => displayWidth(l.slice(0, l.indexOf('   2'))));
    expect(firstCell[1]).toBe(firstCell[2]);
    expect(lines[1]).toContain(' 50.0%');
    expect(lines[1]).toContain('   -  ');
  });
});
