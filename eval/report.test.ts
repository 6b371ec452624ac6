// Tests for the report renderers: display width, column alignment, the per-split terminal view and the Markdown failure list.
import { describe, expect, it } from 'vitest';
import type { QaItem } from './qa-set.js';
import { displayWidth, renderHeadline, renderMarkdown, renderTable, renderTerminal } from './report.js';
import { buildReport } from './run-eval.js';
import { scoreItem, type EvalAnswer, type Summary } from './score.js';

const summary: Summary = {
  n: 2,
  answer_accuracy: 0.5,
  answer_f1: 0.25,
  hit_at_k: 1,
  mrr: 0.75,
  citation_support: 1,
  citation_precision: null,
  refusal_accuracy: null,
  refusal_accuracy_unanswerable_near_miss: null,
  near_miss_related_shown: null,
  false_refusal_rate: 0,
  short_answer_match: 0.5,
  answer_chars_p50: 12,
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

describe('renderHeadline', () => {
  it('names the split and its headline figures, a dash for figures without items', () => {
    expect(renderHeadline('dev', summary)).toBe(
      'dev: 2 items: accuracy 50.0%, false refusals 0.0%, refusals on unanswerable+near_miss -, near-miss related shown -, citation support 100.0%, short-answer match 50.0%, median answer 12 chars',
    );
  });
});

describe('renderTerminal and renderMarkdown with two splits', () => {
  const item = (id: string, split: 'dev' | 'test', question: string): QaItem => ({ id, question, answers: ['85万头'], evidence: [], town: '高平生猪', type: 'factual', split });
  const wrong: EvalAnswer = {
    answer: '2022年，高平生猪屠宰38.8万头。[1]',
    refused: false,
    citations: [{ n: 1, chunkId: 'c', title: '高平生猪', town: '高平生猪', snippet: '生猪屠宰38.8万头', source: 's', line: 57 }],
    retrieved: [],
    operation: 'lookup',
    facts: [{ n: 1, kind: 'quantity', text: '38.8万头' }, 'odd fact'],
  };
  const right: EvalAnswer = { ...wrong, answer: '85万头[1]' };
  const report = buildReport(
    [
      scoreItem(item('d1', 'dev', '高平出栏多少头？'), wrong, 1, 5),
      scoreItem(item('d2', 'dev', '高平出栏？'), right, 1, 5),
      scoreItem(item('t1', 'test', 'HELD-OUT QUESTION'), wrong, 1, 5),
    ],
    { k: 5, embedder: 'scripted' },
  );

  it('prints the headline with the split sizes, each split with its own table, then the towns', () => {
    const lines = renderTerminal(report).split('\n');
    expect(lines[0]).toMatch(/^eval: 3 items \(dev 2, test 1\), k=5, embedder scripted, latency p50 1 ms/);
    const dev = lines.indexOf(lines.find((l) => l.startsWith('dev: 2 items: accuracy 50.0%'))!);
    const test = lines.indexOf(lines.find((l) => l.startsWith('test: 1 items: accuracy 0.0%'))!);
    expect(dev).toBeGreaterThan(0);
    expect(test).toBeGreaterThan(dev);
    expect(lines[dev + 1]).toMatch(/^group\s+n\s+accuracy .*short-em\s+chars p50\s+p50 ms$/);
    expect(lines[dev + 2]).toMatch(/^overall\s+2\s+50\.0%/);
    expect(lines[test + 2]).toMatch(/^overall\s+1\s+0\.0%/);
    expect(lines).toContain('by town (dev + test):');
  });

  it('lists a failed dev item in full with its operation and facts, and a failed test item by id and type only', () => {
    const markdown = renderMarkdown(report);
    expect(markdown).toContain('## Failed items: dev (1)');
    expect(markdown).toContain('### d1 (factual)');
    expect(markdown).toContain('- question: 高平出栏多少头？');
    expect(markdown).toContain('- operation: lookup');
    expect(markdown).toContain('  - fact [1] quantity: 38.8万头');
    expect(markdown).toContain('  - fact "odd fact"');
    expect(markdown).toContain('## Failed items: test (1)');
    expect(markdown).toContain('- t1 (factual)');
    expect(markdown).not.toContain('HELD-OUT QUESTION');
    expect(markdown).not.toContain('### t1');
  });
});
