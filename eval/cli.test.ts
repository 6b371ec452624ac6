// Tests of `npm run eval` (eval/cli.ts) as a child process over a temp index: reports, thresholds, usage errors.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTestIndex } from '../test-support/test-index.js';
import type { Report } from './report.js';
import { runCli, type Run } from '../test-support/run-cli.js';

/** Runs `npm run eval` as a user would. */
const evalCli = (args: string[], env: Record<string, string>) => runCli('eval/cli.ts', args, env);



const line = (o: Record<string, unknown>) => JSON.stringify(o);

/** Two answerable items, one whose expected answer the page contradicts, a refusal, and two broken lines. */
const QA_TEXT = [
  line({ id: 'c1', question: '沁水县的蜂农有多少户？', answers: ['1500户'], evidence: ['全县蜂农达1500户'], town: '沁水蜂蜜', type: 'numeric' }),
  line({ id: 'c2', question: '陵川县的中药材有多少种？', answers: ['521种'], evidence: ['中药材种类多达521种'], town: '陵川中药材', type: 'numeric' }),
  '{"id": "broken", "question": ',
  line({ id: 'w1', question: '彤康公司每年能生产多少吨山楂红酒？', answers: ['9999吨'], evidence: ['现已具备年产5000吨山楂红酒的生产能力'], town: '泽州山楂红酒', type: 'numeric' }),
  line({ id: 'nofield', question: '问题', answers: [], town: null, type: 'out_of_scope' }),
  line({ id: 'o1', question: '西红柿炒鸡蛋怎么做？', answers: [], evidence: [], town: null, type: 'out_of_scope' }),
].join('\n');

let env: Record<string, string>;
let dir: string;
let qaFile: string;

beforeAll(async () => {
  const { settings } = await buildTestIndex();
  env = { INDEX_DIR: settings.INDEX_DIR, EMBEDDER: 'hash' };
  dir = mkdtempSync(join(tmpdir(), 'eval-cli-'));
  qaFile = join(dir, 'qa.jsonl');
  writeFileSync(qaFile, `${QA_TEXT}\n`);
});

// Each case spawns a process; the timeout leaves room for a loaded machine.
describe('eval CLI: a full run', { timeout: 120_000 }, () => {
  let run: Run;
  let report: Report;
  let markdown: string;

  beforeAll(async () => {
    run = await evalCli(['--qa', qaFile, '--out', join(dir, 'report.json'), '--md', join(dir, 'report.md'), '--min-accuracy', '0.6'], env);
    report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as Report;
    markdown = readFileSync(join(dir, 'report.md'), 'utf8');
  }, 120_000);

  it('exits 0 when the accuracy meets --min-accuracy', () => {
    expect(run.code, run.stderr).toBe(0);
  });

  it('prints the terminal table: a headline, the split (dev, the default), the overall row, per type and per town', () => {
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^eval: 4 items \(dev 4\), k=5, embedder hash:\S+, latency p50 [\d.]+ ms, p95 [\d.]+ ms, max [\d.]+ ms$/);
    expect(lines[2]).toMatch(/^dev: 4 items: accuracy 66\.7%, false refusals 0\.0%, /);
    expect(lines[3]).toMatch(/^group\s+n\s+accuracy\s+f1\s+hit@k\s+mrr\s+cite-sup\s+cite-prec\s+refusal\s+false-ref\s+short-em\s+chars p50\s+p50 ms$/);
    expect(lines.find((l) => l.startsWith('overall'))).toMatch(/^overall\s+4\s+66\.7%/);
    expect(lines.some((l) => /^numeric\s+3\s+66\.7%/.test(l))).toBe(true);
    expect(lines.some((l) => /^out_of_scope\s+1\s+-/.test(l))).toBe(true);
    for (const town of ['(none)', '沁水蜂蜜', '陵川中药材', '泽州山楂红酒']) expect(lines.some((l) => l.startsWith(town))).toBe(true);
  });

  it('reports each malformed QA line on stderr with its line number and still scores the rest', () => {
    expect(run.stderr).toContain(`${qaFile}: line 3: not valid JSON, skipped`);
    expect(run.stderr).toMatch(new RegExp(`${qaFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: line 5: field "evidence" .*, skipped`));
    expect(report.summary.n).toBe(4);
    expect(report.items.map((i) => i.id)).toEqual(['c1', 'c2', 'w1', 'o1']);
  });

  it('writes the JSON report with the documented schema', () => {
    expect(Object.keys(report).sort()).toEqual(['by_town', 'by_type', 'items', 'splits', 'summary']);
    expect(Object.keys(report.summary).sort()).toEqual(
      [
        'n',
        'answer_accuracy',
        'answer_f1',
        'hit_at_k',
        'mrr',
        'citation_support',
        'citation_precision',
        'refusal_accuracy',
        'refusal_accuracy_unanswerable_near_miss',
        'near_miss_related_shown',
        'false_refusal_rate',
        'short_answer_match',
        'answer_chars_p50',
        'latency_ms',
        'k',
        'embedder',
      ].sort(),
    );
    expect(Object.keys(report.splits)).toEqual(['dev']);
    expect(report.summary).toMatchObject({ n: 4, answer_accuracy: 0.6667, hit_at_k: 1, refusal_accuracy: 1, false_refusal_rate: 0, k: 5 });
    expect(report.summary.embedder).toMatch(/^hash:/);
    expect(Object.keys(report.by_type).sort()).toEqual(['numeric', 'out_of_scope']);
    expect(Object.keys(report.by_town).sort()).toEqual(['(none)', '沁水蜂蜜', '泽州山楂红酒', '陵川中药材'].sort());
    for (const item of report.items) {
      expect(Object.keys(item).sort()).toEqual(
        [
          'id',
          'question',
          'type',
          'town',
          'split',
          'expected',
          'answer',
          'refused',
          'correct',
          'f1',
          'answer_chars',
          'short_match',
          'related_shown',
          'citations',
          'retrieved',
          'hit_rank',
          'latency_ms',
          'refusal_expected',
          'operation',
          'facts',
          'related',
        ].sort(),
      );
    }
    const w1 = report.items.find((i) => i.id === 'w1')!;
    expect(w1).toMatchObject({ correct: false, refused: false, expected: ['9999吨'] });
    expect(w1.hit_rank).toBeGreaterThanOrEqual(1);
  });

  it('lists the failed item in Markdown with its question, expected answer, answer and citation', () => {
    expect(markdown.startsWith('# Evaluation report\n')).toBe(true);
    expect(markdown).toContain('## Failed items: dev (1)');
    const section = markdown.slice(markdown.indexOf('### w1 (numeric)'));
    expect(section).toContain('- question: 彤康公司每年能生产多少吨山楂红酒？');
    expect(section).toContain('- expected: 9999吨');
    expect(section).toMatch(/- answer: .*5000吨/);
    expect(section).toMatch(/- evidence rank: \d+\n/);
    expect(section).toMatch(/ {2}- \[1\] 泽州山楂红酒：打造“泽州红”品牌优势: /);
    for (const id of ['c1', 'c2', 'o1']) expect(markdown).not.toContain(`### ${id} `);
  });
});

/** A file with both splits: dev has one right and one wrong answer, test one right answer. */
const SPLIT_TEXT = [
  line({ id: 'd1', question: '沁水县的蜂农有多少户？', answers: ['1500户'], evidence: ['全县蜂农达1500户'], town: '沁水蜂蜜', type: 'numeric', split: 'dev' }),
  line({ id: 'd2', question: '彤康公司每年能生产多少吨山楂红酒？', answers: ['9999吨'], evidence: [], town: '泽州山楂红酒', type: 'numeric', split: 'dev' }),
  line({ id: 't1', question: '陵川县的中药材有多少种？', answers: ['521种'], evidence: ['中药材种类多达521种'], town: '陵川中药材', type: 'numeric', split: 'test' }),
].join('\n');

describe('eval CLI: splits and the gate split', { timeout: 120_000 }, () => {
  let splitFile: string;

  beforeAll(() => {
    splitFile = join(dir, 'split.jsonl');
    writeFileSync(splitFile, `${SPLIT_TEXT}\n`);
  });

  it('asks both splits by default and prints each with its own figures', async () => {
    const r = await evalCli(['--qa', splitFile, '--out', join(dir, 'split.json')], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^eval: 3 items \(dev 2, test 1\)/);
    expect(r.stdout).toMatch(/\ndev: 2 items: accuracy 50\.0%/);
    expect(r.stdout).toMatch(/\ntest: 1 items: accuracy 100\.0%/);
    const report = JSON.parse(readFileSync(join(dir, 'split.json'), 'utf8')) as Report;
    expect(report.splits.dev!.summary.answer_accuracy).toBe(0.5);
    expect(report.splits.test!.summary.answer_accuracy).toBe(1);
  });

  it('--split test asks only the test items', async () => {
    const r = await evalCli(['--qa', splitFile, '--split', 'test', '--out', join(dir, 'test-only.json')], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^eval: 1 items \(test 1\)/);
    expect(r.stdout).not.toContain('\ndev:');
    const report = JSON.parse(readFileSync(join(dir, 'test-only.json'), 'utf8')) as Report;
    expect(report.items.map((i) => i.id)).toEqual(['t1']);
  });

  it('--gate-split dev gates on the dev accuracy only', async () => {
    const failing = await evalCli(['--qa', splitFile, '--min-accuracy', '0.8', '--gate-split', 'dev'], env);
    expect(failing.code, failing.stderr).toBe(1);
    expect(failing.stderr).toContain('dev answer accuracy 0.5 is below --min-accuracy 0.8');
    const passing = await evalCli(['--qa', splitFile, '--min-accuracy', '0.8', '--gate-split', 'test'], env);
    expect(passing.code, passing.stderr).toBe(0);
  });

  it('refuses a gate split that is not in the run, and an unknown split, without running', async () => {
    const missing = await evalCli(['--qa', splitFile, '--split', 'test', '--min-accuracy', '0.8', '--gate-split', 'dev'], env);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toMatch(/^eval failed: --gate-split dev: no dev items in this run/);
    const unknown = await evalCli(['--qa', splitFile, '--split', 'train'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^eval failed: split: /);
    expect(unknown.stderr).toContain('usage: npm run eval');
  });

  it('says so when the file has no item of the asked split', async () => {
    const r = await evalCli(['--qa', qaFile, '--split', 'test'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`eval failed: ${qaFile}: no valid QA items in the test split`);
  });
});

describe('eval CLI: thresholds and usage errors', { timeout: 120_000 }, () => {
  it('rejects --min-accuracy 1.01 as out of range without running', async () => {
    const r = await evalCli(['--qa', qaFile, '--min-accuracy', '1.01'], env);
    expect(r.code).not.toBe(0);
    expect(r.code).not.toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^eval failed: min-accuracy: .*<=\s*1/);
    expect(r.stderr).toContain('usage: npm run eval');
  });

  it('exits 1 and names the accuracy when it is below --min-accuracy 0.99', async () => {
    const r = await evalCli(['--qa', qaFile, '--min-accuracy', '0.99'], env);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/^eval: 4 items/);
    expect(r.stderr).toContain('answer accuracy 0.6667 is below --min-accuracy 0.99');
  });

  it('fails with a usage error when --qa is missing', async () => {
    const r = await evalCli([], env);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--qa FILE is required');
    expect(r.stderr).toContain('usage: npm run eval -- --qa FILE');
  });
});
