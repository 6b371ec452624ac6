// Tests of the eval runner: a small QA file through the real chain, exact metric values with a scripted ask, and httpAsk.
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerOptions, createAnswerChain, type AnswerResult } from '../answer/index.js';
import type { HybridSearcher } from '../index/index.js';
import { buildTestIndex } from '../test-support/test-index.js';
import { charF1 } from './metrics.js';
import { readQaSet, type QaItem } from './qa-set.js';
import type { Report } from './report.js';
import { httpAsk, runEval, type Ask } from './run-eval.js';

const SUMMARY_KEYS = [
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
].sort();
const ITEM_KEYS = [
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
].sort();

/** The QA file in the team's JSON Lines format: answerable items with evidence, refusals, a Traditional one. */
const QA_LINES = [
  { id: 'a1', question: '沁水县的蜂农有多少户？', answers: ['1500户'], evidence: ['全县蜂农达1500户'], town: '沁水蜂蜜', type: 'numeric' },
  { id: 'a2', question: '吉利尔潞绸集团是什么时候创办的？', answers: ['1958年', '1958'], evidence: ['吉利尔潞绸集团创始于1958年'], town: '高平潞绸', type: 'factual' },
  {
    id: 'a3',
    question: '阳城蚕桑综合产值和陵川中药材年产值各是多少？',
    answers: ['3亿元、5.28亿元'],
    evidence: ['蚕桑综合产值3亿元', '药材种植业年产值突破5.28亿元'],
    town: ['阳城蚕桑', '陵川中药材'],
    type: 'multi_passage',
  },
  { id: 'a4', question: '陵川中藥材種類有多少種？', answers: ['521种'], evidence: ['中药材种类多达521种'], town: '陵川中药材', type: 'traditional' },
  { id: 'u1', question: '沁水蜂蜜多少钱一斤？', answers: [], evidence: [], town: '沁水蜂蜜', type: 'unanswerable' },
  { id: 'o1', question: '西红柿炒鸡蛋怎么做？', answers: [], evidence: [], town: null, type: 'out_of_scope' },
];

let searcher: HybridSearcher;
let chain: ReturnType<typeof createAnswerChain>;
let items: QaItem[];

beforeAll(async () => {
  const built = await buildTestIndex();
  searcher = built.searcher;
  chain = createAnswerChain(searcher, answerOptions(built.settings));
  const dir = mkdtempSync(join(tmpdir(), 'run-eval-'));
  const file = join(dir, 'qa.jsonl');
  writeFileSync(file, `${QA_LINES.map((l) => JSON.stringify(l)).join('\n')}\n`);
  const parsed = readQaSet(file);
  expect(parsed.problems).toEqual([]);
  items = parsed.items;
});

const chainAsk: Ask = (question, k) => chain.invoke({ question, k });

describe('runEval through the real chain', () => {
  let report: Report;

  beforeAll(async () => {
    report = await runEval(items, chainAsk, { k: 5, embedder: 'hash:test' });
  });

  it('has exactly the summary keys, with k and embedder', () => {
    expect(Object.keys(report).sort()).toEqual(['by_town', 'by_type', 'items', 'splits', 'summary']);
    expect(Object.keys(report.splits)).toEqual(['dev']);
    expect(report.splits.dev!.summary).toEqual(Object.fromEntries(Object.entries(report.summary).filter(([key]) => key !== 'k' && key !== 'embedder')));
    expect(Object.keys(report.summary).sort()).toEqual([...SUMMARY_KEYS, 'embedder', 'k'].sort());
    expect(Object.keys(report.summary.latency_ms).sort()).toEqual(['max', 'p50', 'p95']);
    expect(report.summary.k).toBe(5);
    expect(report.summary.embedder).toBe('hash:test');
  });

  it('scores every item of the file correctly', () => {
    expect(report.summary).toMatchObject({
      n: 6,
      answer_accuracy: 1,
      hit_at_k: 1,
      citation_support: 1,
      refusal_accuracy: 1,
      false_refusal_rate: 0,
    });
    // MRR is the mean reciprocal evidence rank of the four items with evidence, each in the top 2.
    const ranks = report.items.filter((i) => i.hit_rank !== null).map((i) => i.hit_rank!);
    expect(ranks).toHaveLength(4);
    expect(Math.max(...ranks)).toBeLessThanOrEqual(2);
    expect(report.summary.mrr).toBeCloseTo(ranks.reduce((a, r) => a + 1 / r, 0) / 4, 4);
    expect(report.items.map((i) => [i.id, i.correct, i.refused])).toEqual([
      ['a1', true, false],
      ['a2', true, false],
      ['a3', true, false],
      ['a4', true, false],
      ['u1', true, true],
      ['o1', true, true],
    ]);
  });

  it('has ordered, non-negative latencies', () => {
    const { p50, p95, max } = report.summary.latency_ms;
    expect(p50).toBeGreaterThanOrEqual(0);
    expect(p50).toBeLessThanOrEqual(p95);
    expect(p95).toBeLessThanOrEqual(max);
    expect(max).toBe(Math.max(...report.items.map((i) => Math.round(i.latency_ms * 10000) / 10000)));
  });

  it('groups by type and by town, a list-valued town counting in each town', () => {
    expect(Object.keys(report.by_type).sort()).toEqual(['factual', 'multi_passage', 'numeric', 'out_of_scope', 'traditional', 'unanswerable']);
    expect(Object.fromEntries(Object.entries(report.by_town).map(([town, s]) => [town, s.n]))).toEqual({
      '(none)': 1,
      沁水蜂蜜: 2,
      阳城蚕桑: 1,
      陵川中药材: 2,
      高平潞绸: 1,
    });
    for (const group of [...Object.values(report.by_type), ...Object.values(report.by_town)]) {
      expect(Object.keys(group).sort()).toEqual(SUMMARY_KEYS);
    }
  });

  it('gives refusal groups no answer metrics and answer groups no refusal metric', () => {
    expect(report.by_type.out_of_scope).toMatchObject({ n: 1, answer_accuracy: null, hit_at_k: null, refusal_accuracy: 1, false_refusal_rate: null });
    expect(report.by_type.numeric).toMatchObject({ n: 1, answer_accuracy: 1, hit_at_k: 1, refusal_accuracy: null, false_refusal_rate: 0 });
    expect(report.by_town['沁水蜂蜜']).toMatchObject({ n: 2, answer_accuracy: 1, refusal_accuracy: 1 });
  });

  it('reports items with exactly the documented fields', () => {
    for (const i of report.items) {
      expect(Object.keys(i).sort()).toEqual(ITEM_KEYS);
      for (const c of i.citations) expect(Object.keys(c).sort()).toEqual(['n', 'snippet', 'title']);
      for (const r of i.retrieved) expect(Object.keys(r).sort()).toEqual(['chunkId', 'text', 'title']);
    }
  });

  it('reports an easy item with its evidence at rank 1, its citation and its F1', () => {
    const a1 = report.items.find((i) => i.id === 'a1')!;
    expect(a1).toMatchObject({ question: '沁水县的蜂农有多少户？', type: 'numeric', town: '沁水蜂蜜', expected: ['1500户'], refused: false, correct: true, hit_rank: 1 });
    expect(a1.answer).toContain('1500户');
    expect(a1.citations[0]).toMatchObject({ n: 1, title: '沁水蜂蜜：舞出乡村振兴“甜蜜曲”' });
    expect(a1.citations[0]!.snippet).toContain('全县蜂农达1500户');
    expect(a1.retrieved).toHaveLength(5);
    expect(a1.f1).toBeCloseTo(charF1(a1.answer, '1500户'), 12);
  });

  it('takes the best F1 over the acceptable answers', () => {
    const a2 = report.items.find((i) => i.id === 'a2')!;
    expect(a2.f1).toBeCloseTo(Math.max(charF1(a2.answer, '1958年'), charF1(a2.answer, '1958')), 12);
  });

  it('answers the Traditional question from the Simplified page', () => {
    const a4 = report.items.find((i) => i.id === 'a4')!;
    expect(a4).toMatchObject({ correct: true, hit_rank: 1 });
    expect(a4.answer).toContain('521种');
  });

  it('answers the two-town question with both values and citations from both towns', () => {
    const a3 = report.items.find((i) => i.id === 'a3')!;
    expect(a3.town).toEqual(['阳城蚕桑', '陵川中药材']);
    expect(a3.citations.map((c) => c.n)).toEqual([1, 2]);
  });

  it('reports refusals with F1 0 and no evidence rank; an out-of-scope refusal cites nothing', () => {
    for (const id of ['u1', 'o1']) {
      const i = report.items.find((x) => x.id === id)!;
      expect(i).toMatchObject({ refused: true, correct: true, f1: 0, hit_rank: null, expected: [] });
    }
    expect(report.items.find((x) => x.id === 'o1')!.citations).toEqual([]);
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });
});

describe('runEval metrics with a scripted ask', () => {
  const scripted: QaItem[] = [
    { id: 's1', question: 'q1', answers: ['1500户'], evidence: ['全县蜂农达1500户'], town: '沁水蜂蜜', type: 'numeric', split: 'dev' },
    { id: 's2', question: 'q2', answers: ['521种'], evidence: ['中药材种类多达521种'], town: '陵川中药材', type: 'numeric', split: 'dev' },
    { id: 's3', question: 'q3', answers: [], evidence: [], town: null, type: 'unanswerable', split: 'dev' },
    { id: 's4', question: 'q4', answers: [], evidence: [], town: null, type: 'out_of_scope', split: 'dev' },
  ];
  const passage = (text: string) => ({ chunkId: text.slice(0, 4), title: 't', town: 'x', text, score: 1, dense: null, bm25: null });
  const cite = (n: number, snippet: string) => ({ n, chunkId: 'c', title: 't', town: 'x', snippet, source: 's', line: 1 });
  const replies: Record<string, Pick<AnswerResult, 'answer' | 'refused' | 'citations' | 'retrieved'>> = {
    // Correct, evidence retrieved at rank 2, one of two citations overlaps the evidence.
    q1: {
      answer: '1500户',
      refused: false,
      citations: [cite(1, '目前，全县蜂农达1500户。'), cite(2, '沁水县是千年古县。')],
      retrieved: [passage('沁水县是千年古县。'), passage('目前，全县蜂农达1500户。'), passage('x')],
    },
    // A false refusal; the evidence is retrieved only at rank 3, beyond k = 2.
    q2: { answer: '抱歉', refused: true, citations: [], retrieved: [passage('a'), passage('b'), passage('中药材种类多达521种')] },
    q3: { answer: '抱歉', refused: true, citations: [], retrieved: [] },
    // Answers an out-of-scope question.
    q4: { answer: '随便说说[1]', refused: false, citations: [cite(1, '随便')], retrieved: [passage('随便')] },
  };
  const asked: [string, number][] = [];
  const ask: Ask = async (question, k) => {
    asked.push([question, k]);
    return replies[question]!;
  };

  it('computes every summary metric exactly', async () => {
    const report = await runEval(scripted, ask, { k: 2, embedder: 'scripted' });
    expect(asked).toEqual([
      ['q1', 2],
      ['q2', 2],
      ['q3', 2],
      ['q4', 2],
    ]);
    const { latency_ms: _latency, ...summary } = report.summary;
    expect(summary).toEqual({
      n: 4,
      answer_accuracy: 0.5,
      answer_f1: 0.5,
      hit_at_k: 0.5,
      mrr: 0.25,
      citation_support: 1,
      citation_precision: 0.5,
      refusal_accuracy: 0.5,
      refusal_accuracy_unanswerable_near_miss: 1,
      near_miss_related_shown: null,
      false_refusal_rate: 0.5,
      short_answer_match: 0.5,
      answer_chars_p50: 5,
      k: 2,
      embedder: 'scripted',
    });
    expect(report.items.map((i) => [i.id, i.correct, i.hit_rank])).toEqual([
      ['s1', true, 2],
      ['s2', false, null],
      ['s3', true, null],
      ['s4', false, null],
    ]);
  });

  it('classifies each item by its own type even when two items share an id', async () => {
    const duplicated: QaItem[] = [
      { ...scripted[0]!, id: 'dup' },
      { ...scripted[2]!, id: 'dup' },
    ];
    const report = await runEval(duplicated, ask, { k: 2, embedder: 'scripted' });
    expect(report.summary).toMatchObject({ answer_accuracy: 1, refusal_accuracy: 1 });
  });

  it('propagates an error of the ask function', async () => {
    await expect(runEval(scripted, async () => Promise.reject(new Error('index not built')), { k: 2, embedder: 'x' })).rejects.toThrow('index not built');
  });
});

describe('runEval with dev and test splits, all-lists, near misses and typed-answer fields', () => {
  const passage = (text: string) => ({ chunkId: text.slice(0, 4), title: 't', town: 'x', text, score: 1, dense: null, bm25: null });
  const cite = (n: number, snippet: string) => ({ n, chunkId: 'c', title: 't', town: 'x', snippet, source: 's', line: 1 });
  const base = { evidence: [] as string[], town: null };
  const qa: QaItem[] = [
    { ...base, id: 'd1', question: 'compare', answers: ['出栏'], all: ['85万头', '38.8万头'], type: 'compare', split: 'dev' },
    { ...base, id: 'd2', question: 'list', answers: ['黄芩'], all: ['路党参', '黄芩', '火麻仁'], type: 'list', split: 'dev' },
    { ...base, id: 'd3', question: 'near-shown', answers: [], related: ['20万只'], type: 'near_miss', split: 'dev' },
    { ...base, id: 't1', question: 'near-bare', answers: [], related: ['85万头'], type: 'near_miss', split: 'test' },
    { ...base, id: 't2', question: 'lookup', answers: ['1958'], type: 'factual', split: 'test' },
    { ...base, id: 't3', question: 'unanswerable', answers: [], type: 'unanswerable', split: 'test' },
  ];
  const facts = [{ n: 1, kind: 'year', text: '1958年' }];
  const replies: Record<string, Awaited<ReturnType<Ask>>> = {
    compare: { answer: '出栏更多：85万头[1]，屠宰38.8万头[1]。', refused: false, citations: [cite(1, '生猪出栏85万头')], retrieved: [passage('p')] },
    list: { answer: '路党参、黄芩[1]。', refused: false, citations: [cite(1, '路党参、黄芩')], retrieved: [passage('p')] },
    'near-shown': { answer: '文章没有提到出栏；提到的是：饲养量20万只[1]', refused: true, citations: [cite(1, '饲养量达到20万只')], retrieved: [passage('p')], related: ['20万只'] },
    'near-bare': { answer: '抱歉，没有找到。', refused: true, citations: [], retrieved: [] },
    lookup: { answer: '近年来，高平大力发展潞绸。吉利尔潞绸集团创始于1958年[1]。', refused: false, citations: [cite(1, '创始于1958年')], retrieved: [passage('p')], operation: 'lookup', facts },
    unanswerable: { answer: '随便[1]', refused: false, citations: [cite(1, '随便')], retrieved: [passage('p')] },
  };
  const ask: Ask = async (question) => replies[question]!;
  let report: Report;

  beforeAll(async () => {
    report = await runEval(qa, ask, { k: 5, embedder: 'scripted' });
  });

  it('needs every "all" string: a list missing one item is wrong, a comparison with both figures is right', () => {
    expect(report.items.map((i) => [i.id, i.correct])).toEqual([
      ['d1', true],
      ['d2', false],
      ['d3', true],
      ['t1', true],
      ['t2', true],
      ['t3', false],
    ]);
    expect(report.items[1]!.expected_all).toEqual(['路党参', '黄芩', '火麻仁']);
  });

  it('summarises dev and test separately, each with its own per-type groups', () => {
    expect(Object.keys(report.splits)).toEqual(['dev', 'test']);
    const { dev, test } = report.splits;
    expect(dev!.summary).toMatchObject({
      n: 3,
      answer_accuracy: 0.5,
      refusal_accuracy: 1,
      refusal_accuracy_unanswerable_near_miss: 1,
      near_miss_related_shown: 1,
      false_refusal_rate: 0,
      short_answer_match: 0.5,
      answer_chars_p50: 7,
    });
    expect(test!.summary).toMatchObject({
      n: 3,
      answer_accuracy: 1,
      refusal_accuracy: 0.5,
      refusal_accuracy_unanswerable_near_miss: 0.5,
      near_miss_related_shown: 0,
      short_answer_match: 0,
      answer_chars_p50: 29,
    });
    expect(Object.keys(dev!.by_type)).toEqual(['compare', 'list', 'near_miss']);
    expect(Object.keys(test!.by_type)).toEqual(['factual', 'near_miss', 'unanswerable']);
    expect(report.summary).toMatchObject({ n: 6, near_miss_related_shown: 0.5, answer_accuracy: 0.6667 });
  });

  it('scores the first sentence and the length without markers per item', () => {
    const t2 = report.items.find((i) => i.id === 't2')!;
    expect(t2).toMatchObject({ short_match: false, answer_chars: 29 });
    expect(report.items.find((i) => i.id === 'd1')).toMatchObject({ short_match: true, answer_chars: 19 });
    expect(report.items.find((i) => i.id === 'd3')).toMatchObject({ short_match: null, related_shown: true });
    expect(report.items.find((i) => i.id === 't3')).toMatchObject({ short_match: null, related_shown: null });
  });

  it('carries the operation, facts and related facts of an answer when it has them, and no such keys otherwise', () => {
    expect(report.items.find((i) => i.id === 't2')).toMatchObject({ operation: 'lookup', facts });
    expect(report.items.find((i) => i.id === 'd3')!.related).toEqual(['20万只']);
    expect(Object.keys(report.items.find((i) => i.id === 'd2')!)).not.toContain('operation');
    expect(Object.keys(report.items.find((i) => i.id === 'd2')!)).not.toContain('facts');
  });

  it('reports only the splits present in the run', async () => {
    const devOnly = await runEval(qa.slice(0, 3), ask, { k: 5, embedder: 'scripted' });
    expect(Object.keys(devOnly.splits)).toEqual(['dev']);
  });
});

describe('httpAsk against a stand-in server', () => {
  type Seen = { method: string; path: string; query: Record<string, string>; body: unknown; authorization: string | undefined; contentType: string | undefined };
  const seen: Seen[] = [];
  let server: ServerType;
  let baseUrl: string;

  beforeAll(async () => {
    const app = new Hono();
    app.use('*', async (c, next) => {
      const body = c.req.method === 'POST' ? await c.req.raw.clone().json() : undefined;
      seen.push({ method: c.req.method, path: c.req.path, query: c.req.query(), body, authorization: c.req.header('authorization'), contentType: c.req.header('content-type') });
      await next();
    });
    app.post('/api/chat', async (c) => {
      const { question, k } = await c.req.json<{ question: string; k: number }>();
      if (question === 'chat-fails') return c.json({ code: 'internal', message: 'boom' }, 500);
      const r = await chain.invoke({ question, k });
      const typed = question === '高平生猪出栏多少？' ? { operation: 'lookup', facts: [{ n: 1, kind: 'quantity', text: '85万头' }] } : {};
      return c.json({ id: 'req-1', answer: r.answer, refused: r.refused, citations: r.citations, mode: r.mode, ...typed });
    });
    app.get('/api/search', async (c) => {
      const q = c.req.query('q') ?? '';
      if (q === 'search-fails') return c.json({ code: 'index_not_built', message: 'no index' }, 503);
      const hits = await searcher.search(q, Number(c.req.query('k') ?? 5));
      return c.json({
        query: q,
        hits: hits.map((h, i) => ({ rank: i + 1, chunkId: h.chunk.id, title: h.chunk.meta.title, town: h.chunk.meta.town, text: h.chunk.text, score: h.score, dense: h.dense, bm25: h.bm25 })),
      });
    });
    await new Promise<void>((resolve) => {
      server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
        baseUrl = `http://127.0.0.1:${info.port}`;
        resolve();
      });
    });
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('returns the chat answer combined with the searched passages', async () => {
    seen.length = 0;
    const result = await httpAsk(baseUrl)('沁水县的蜂农有多少户？', 3);
    expect(Object.keys(result).sort()).toEqual(['answer', 'citations', 'refused', 'retrieved']);
    const direct = await chain.invoke({ question: '沁水县的蜂农有多少户？', k: 3 });
    expect(result.answer).toBe(direct.answer);
    expect(result.refused).toBe(false);
    expect(result.citations).toEqual(direct.citations);
    expect(result.retrieved).toHaveLength(3);
    expect(result.retrieved.map((r) => r.chunkId)).toEqual(direct.retrieved.map((r) => r.chunkId));
    expect(result.retrieved[0]).toMatchObject({ rank: 1, title: direct.retrieved[0]!.title, text: direct.retrieved[0]!.text });
  });

  it('passes the operation and facts through when the server sends them', async () => {
    const result = await httpAsk(baseUrl)('高平生猪出栏多少？', 3);
    expect(result).toMatchObject({ operation: 'lookup', facts: [{ n: 1, kind: 'quantity', text: '85万头' }] });
    expect(Object.keys(result)).not.toContain('related');
  });

  it('posts the question and k as JSON and searches with q and k', async () => {
    seen.length = 0;
    await httpAsk(baseUrl)('陵川县的中药材有多少种？', 2);
    expect(seen).toEqual([
      { method: 'POST', path: '/api/chat', query: {}, body: { question: '陵川县的中药材有多少种？', k: 2 }, authorization: undefined, contentType: 'application/json' },
      { method: 'GET', path: '/api/search', query: { q: '陵川县的中药材有多少种？', k: '2' }, body: undefined, authorization: undefined, contentType: 'application/json' },
    ]);
  });

  it('sends the API key as a bearer token on both requests', async () => {
    seen.length = 0;
    await httpAsk(baseUrl, 'sekret')('陵川县的中药材有多少种？', 2);
    expect(seen.map((s) => s.authorization)).toEqual(['Bearer sekret', 'Bearer sekret']);
  });

  it('passes a refusal through with no citations', async () => {
    const result = await httpAsk(baseUrl)('西红柿炒鸡蛋怎么做？', 2);
    expect(result).toMatchObject({ refused: true, citations: [] });
  });

  it('throws an error naming the route, the status and the body on a non-2xx chat answer', async () => {
    await expect(httpAsk(baseUrl)('chat-fails', 2)).rejects.toThrow('POST /api/chat answered 500: {"code":"internal","message":"boom"}');
  });

  it('throws an error naming the route and status on a non-2xx search answer', async () => {
    await expect(httpAsk(baseUrl)('search-fails', 2)).rejects.toThrow('GET /api/search answered 503: {"code":"index_not_built","message":"no index"}');
  });

  it('drives runEval over HTTP to the same verdicts as in process', async () => {
    const overHttp = await runEval(items, httpAsk(baseUrl), { k: 5, embedder: `server ${baseUrl}` });
    const inProcess = await runEval(items, chainAsk, { k: 5, embedder: 'hash' });
    expect(overHttp.items.map((i) => [i.id, i.correct, i.refused, i.hit_rank, i.answer])).toEqual(
      inProcess.items.map((i) => [i.id, i.correct, i.refused, i.hit_rank, i.answer]),
    );
    expect(overHttp.summary.embedder).toBe(`server ${baseUrl}`);
  });
});
