// Tests of the answer service over a real index of the bundled corpus (hash embedder), extractive mode.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Settings } from '../config.js';
import type { HybridSearcher } from '../index/index.js';
import { buildTestIndex } from '../test-support/test-index.js';
import { REFUSAL_EN, REFUSAL_ZH } from './answer-chain.js';
import { createAnswerService, type AnswerService } from './answer-service.js';

const HAWTHORN = '泽州山楂的栽培历史有多久？';
let settings: Settings;
let searcher: HybridSearcher;
let service: AnswerService;

beforeAll(async () => {
  ({ settings, searcher } = await buildTestIndex());
  service = createAnswerService(searcher, settings);
});

describe('createAnswerService without a model', () => {
  it('answers extractively with a citation whose snippet holds the fact', async () => {
    const served = await service.ask({ question: HAWTHORN });
    expect(served).toMatchObject({ question: HAWTHORN, standalone: HAWTHORN, mode: 'extractive', refused: false, fallback: null });
    expect(served.answer).toContain('300多年');
    expect(served.answer).toMatch(/\[1\]$/);
    expect(served.citations[0]).toMatchObject({ n: 1, town: '泽州山楂红酒', source: 'data/articles/jincheng-specialty-towns-page1.txt' });
    expect(served.citations[0]!.snippet).toContain('300多年');
    const hits = await searcher.search(HAWTHORN, settings.TOP_K);
    expect(served.retrieved.map((r) => r.chunkId)).toEqual(hits.map((h) => h.chunk.id));
    expect(service.llm).toBe(false);
    expect(service.searcher).toBe(searcher);
  });

  it('answers each question of a message asking two', async () => {
    const question = '泽州现在有几家铸造企业？其中拿到注册商标的有几家？';
    const served = await service.ask({ question });
    expect(served).toMatchObject({ question, refused: false, operation: 'count' });
    const [first, second] = served.answer.split('\n');
    expect(first).toContain('30家');
    expect(second).toContain('16家');
    expect(served.citations.every((c) => c.town === '泽州精密铸造')).toBe(true);
  });

  it('warms up without changing what it answers', async () => {
    const before = await service.ask({ question: HAWTHORN });
    await service.warmUp();
    const after = await service.ask({ question: HAWTHORN });
    expect({ ...after, timings: null }).toEqual({ ...before, timings: null });
  });

  it('retrieves k passages when k is given', async () => {
    for (const k of [1, 3, 8]) expect((await service.ask({ question: HAWTHORN, k })).retrieved).toHaveLength(k);
  });

  it('reports stage timings that add up', async () => {
    const { timings } = await service.ask({ question: HAWTHORN });
    for (const ms of Object.values(timings)) expect(ms).toBeGreaterThanOrEqual(0);
    expect(Math.abs(timings.condenseMs + timings.retrieveMs + timings.composeMs - timings.totalMs)).toBeLessThanOrEqual(0.03);
  });

  it('refuses out-of-scope questions in the language of the question', async () => {
    expect(await service.ask({ question: '火星上有多少人口？' })).toMatchObject({ refused: true, answer: REFUSAL_ZH, citations: [], mode: 'extractive' });
    expect(await service.ask({ question: 'What is the population of Mars?' })).toMatchObject({ refused: true, answer: REFUSAL_EN, citations: [] });
  });

  it('answers a follow-up by carrying the town of the earlier turn (rules, without a model)', async () => {
    const served = await service.ask({ question: '那屠宰了多少头呢？', history: [{ role: 'user', content: '高平生猪2022年出栏多少？' }, { role: 'assistant', content: '…' }] });
    expect(served.question).toBe('那屠宰了多少头呢？');
    expect(served.standalone).toBe('高平生猪 那屠宰了多少头呢？');
    expect(served.answer).toContain('38.8万头');
  });

  it('keeps a question that names its town even with history', async () => {
    const served = await service.ask({ question: HAWTHORN, history: [{ role: 'user', content: '高平生猪2022年出栏多少？' }] });
    expect(served.standalone).toBe(HAWTHORN);
    expect(served.answer).toContain('300多年');
  });

  it('searches with the searcher', async () => {
    const hits = await service.search('泽州山楂', 4);
    expect(hits.map((h) => h.chunk.id)).toEqual((await searcher.search('泽州山楂', 4)).map((h) => h.chunk.id));
  });
});
