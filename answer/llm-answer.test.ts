// The LLM answer mode through the real @langchain/openai client against a scripted OpenAI-style server on a loopback port.
import { StringOutputParser } from '@langchain/core/output_parsers';
import { ChatOpenAI } from '@langchain/openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Settings } from '../config.js';
import type { HybridSearcher, SearchHit } from '../index/index.js';
import { answerPrompt } from '../prompts/index.js';
import { CONDENSE_SYSTEM, fakeLlm, humanOf, isCondense, sourceOf, sourceWith, type LlmRequest, type Reply, type Script } from '../test-support/fake-llm.js';
import { buildTestIndex } from '../test-support/test-index.js';
import { REFUSAL_EN, REFUSAL_ZH, toCitation } from './answer-chain.js';
import { createAnswerService } from './answer-service.js';
import { answerWithLlm, condenseWithLlm, createChatModel } from './llm-answer.js';

// ---- fixtures

function hit(id: string, town: string, title: string, text: string, lineStart: number): SearchHit {
  return {
    chunk: { id, text, lineStart, lineEnd: lineStart, paragraph: 0, part: 0, meta: { title, town, county: town.slice(0, 2), industry: town.slice(2), author: '', source: 'page.txt', section: '', openingMissing: false, titleAfterBody: false } },
    score: 1,
    dense: null,
    bm25: null,
    denseRank: null,
    bm25Rank: null,
    boost: 1,
  };
}

const HITS: SearchHit[] = [
  hit('pig', '高平生猪', '高平生猪：提振畜牧产业发展信心', '2022年，高平市生猪出栏85万头，居全省第一。', 57),
  hit('hawthorn', '泽州山楂红酒', '泽州山楂红酒：打造“泽州红”品牌优势', '泽州山楂栽培历史已有300多年，是全国八大红果产地之一。', 23),
  hit('bees', '沁水蜂蜜', '', '全县蜂农达1,500户，年产蜂蜜200吨。', 80),
];
const Q = '高平生猪2022年出栏多少？';
const TIMEOUT_MS = 300;
/** Allowance over the timeout for the fallback work and a loaded machine; well under the fake's 3000 ms delay. */
const SLACK_MS = 1200;

const llm = fakeLlm();
let baseURL = '';
let model: ChatOpenAI;

beforeAll(async () => {
  baseURL = await llm.listen();
  model = (await createChatModel({ LLM_BASE_URL: baseURL, LLM_MODEL: 'fake', LLM_API_KEY: 'k', LLM_TIMEOUT_MS: TIMEOUT_MS })) as ChatOpenAI;
});
afterAll(() => llm.close());
beforeEach(() => {
  llm.received.length = 0;
});

const ask = (m = model) => answerWithLlm(m, Q, HITS, TIMEOUT_MS, REFUSAL_ZH);

describe('createChatModel', () => {
  it('is null unless both LLM_BASE_URL and LLM_MODEL are set', async () => {
    expect(await createChatModel({ LLM_BASE_URL: undefined, LLM_MODEL: 'fake', LLM_API_KEY: undefined, LLM_TIMEOUT_MS: 1000 })).toBeNull();
    expect(await createChatModel({ LLM_BASE_URL: baseURL, LLM_MODEL: undefined, LLM_API_KEY: undefined, LLM_TIMEOUT_MS: 1000 })).toBeNull();
    expect(model).toBeInstanceOf(ChatOpenAI);
  });

  it('talks to the configured server with the model name, key and temperature 0 (and a placeholder key when none)', async () => {
    llm.script(() => ({ text: 'ok' }));
    await model.invoke('hi');
    const keyless = (await createChatModel({ LLM_BASE_URL: baseURL, LLM_MODEL: 'other', LLM_API_KEY: undefined, LLM_TIMEOUT_MS: 1000 }))!;
    await keyless.invoke('hi');
    expect(llm.received.map((r) => [r.model, r.authorization, r.temperature])).toEqual([
      ['fake', 'Bearer k', 0],
      ['other', 'Bearer not-needed', 0],
    ]);
  });
});

describe('answerWithLlm', () => {
  it('(a) keeps a grounded answer citing [1] with a number from passage 1, in mode llm', async () => {
    llm.script(() => ({ text: '2022年，高平市生猪出栏85万头[1]。' }));
    const outcome = await ask();
    expect(outcome).toEqual({
      reason: null,
      result: { question: Q, mode: 'llm', retrieved: [], answer: '2022年，高平市生猪出栏85万头[1]。', refused: false, citations: [toCitation(HITS[0]!, 1)] },
    });
  });

  it('sends the numbered sources and the question in the answer prompt', async () => {
    llm.script(() => ({ text: '2022年，高平市生猪出栏85万头[1]。' }));
    await ask();
    expect(llm.received).toHaveLength(1);
    const [req] = llm.received;
    expect(req!.stream ?? false).toBe(false);
    expect(req!.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(req!.messages[0]!.content).toContain('只能依据用户给出的编号资料回答');
    expect(req!.messages[1]!.content).toBe(
      '资料：\n[1]《高平生猪：提振畜牧产业发展信心》2022年，高平市生猪出栏85万头，居全省第一。\n\n' +
        '[2]《泽州山楂红酒：打造“泽州红”品牌优势》泽州山楂栽培历史已有300多年，是全国八大红果产地之一。\n\n' +
        // A passage without a title is shown under its town.
        '[3]《沁水蜂蜜》全县蜂农达1,500户，年产蜂蜜200吨。\n\n' +
        `问题：${Q}`,
    );
  });

  it('renumbers the cited sources in order of first use', async () => {
    llm.script(() => ({ text: '泽州山楂栽培历史已有300多年[2]；高平市生猪出栏85万头[1]，蜂农1500户[3][2]。' }));
    const { result, reason } = await ask();
    expect(reason).toBeNull();
    expect(result!.answer).toBe('泽州山楂栽培历史已有300多年[1]；高平市生猪出栏85万头[2]，蜂农1500户[3][1]。');
    expect(result!.citations).toEqual([toCitation(HITS[1]!, 1), toCitation(HITS[0]!, 2), toCitation(HITS[2]!, 3)]);
  });

  it('drops a marker that points nowhere but keeps the answer when another source is cited', async () => {
    llm.script(() => ({ text: '高平市生猪出栏85万头[1][9]。' }));
    const { result } = await ask();
    expect(result!.answer).toBe('高平市生猪出栏85万头[1]。');
    expect(result!.citations.map((c) => c.chunkId)).toEqual(['pig']);
  });

  it('(b) rejects an answer whose only citation [9] points at no passage', async () => {
    llm.script(() => ({ text: '高平市生猪出栏85万头[9]。' }));
    expect(await ask()).toEqual({ result: null, reason: 'llm answer rejected: no valid citation' });
  });

  it('rejects an answer with no citation at all', async () => {
    llm.script(() => ({ text: '高平市生猪出栏85万头。' }));
    expect(await ask()).toEqual({ result: null, reason: 'llm answer rejected: no valid citation' });
  });

  it('(c) rejects an answer with a number the cited passage does not contain', async () => {
    llm.script(() => ({ text: '2022年，高平市生猪出栏99万头[1]。' }));
    expect(await ask()).toEqual({ result: null, reason: 'llm answer rejected: unsupported numbers 99' });
  });

  it('checks numbers only against the cited passages', async () => {
    llm.script(() => ({ text: '泽州山楂栽培历史已有300多年[1]。' }));
    expect(await ask()).toEqual({ result: null, reason: 'llm answer rejected: unsupported numbers 300' });
  });

  it('accepts a number written with or without thousands separators', async () => {
    for (const text of ['全县蜂农达1500户[3]。', '全县蜂农达1,500户[3]。']) {
      llm.script(() => ({ text }));
      const { result, reason } = await ask();
      expect(reason).toBeNull();
      expect(result!.answer).toBe(text.replace('[3]', '[1]'));
    }
  });

  it('(d) turns the "no information" reply into a refusal in mode llm', async () => {
    llm.script(() => ({ text: '资料中没有相关信息。' }));
    expect(await ask()).toEqual({ reason: null, result: { question: Q, mode: 'llm', retrieved: [], answer: REFUSAL_ZH, refused: true, citations: [] } });
    llm.script(() => ({ text: 'The sources do not contain this information.' }));
    const english = await answerWithLlm(model, 'How many pigs?', HITS, TIMEOUT_MS, REFUSAL_EN);
    expect(english.result).toMatchObject({ answer: REFUSAL_EN, refused: true, mode: 'llm', citations: [] });
  });

  it('(e) gives up on a model slower than the timeout, within about the timeout', async () => {
    llm.script(() => ({ text: '2022年，高平市生猪出栏85万头[1]。', delayMs: 3000 }));
    const started = performance.now();
    const outcome = await ask();
    const elapsed = performance.now() - started;
    expect(outcome.result).toBeNull();
    expect(outcome.reason).toMatch(/^llm failed: /);
    expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS - 20);
    expect(elapsed).toBeLessThan(TIMEOUT_MS + SLACK_MS);
  });

  it('(f) reports an HTTP 500 as a failure, without retrying', async () => {
    llm.script(() => ({ status: 500 }));
    const outcome = await ask();
    expect(outcome.result).toBeNull();
    expect(outcome.reason).toMatch(/^llm failed: .*500/);
    expect(llm.received).toHaveLength(1);
  });

  it('does not call the model when there are no passages', async () => {
    expect(await answerWithLlm(model, Q, [], TIMEOUT_MS, REFUSAL_ZH)).toEqual({ result: null, reason: 'no passages' });
    expect(llm.received).toHaveLength(0);
  });

  it('streams the answer prompt chain through the client from SSE chunks', async () => {
    llm.script(() => ({ text: '泽州山楂栽培历史已有300多年[2]。' }));
    const chain = answerPrompt.pipe(model).pipe(new StringOutputParser());
    const pieces: string[] = [];
    for await (const piece of await chain.stream({ sources: '[1]《标题》正文', question: Q, analysis: '' })) pieces.push(piece);
    expect(llm.received[0]!.stream).toBe(true);
    expect(humanOf(llm.received[0]!)).toBe(`资料：\n[1]《标题》正文\n\n问题：${Q}`);
    expect(pieces.join('')).toBe('泽州山楂栽培历史已有300多年[2]。');
    expect(pieces.filter(Boolean).length).toBeGreaterThan(1);
  });

  it('streams the fake server reply through the client chunk by chunk', async () => {
    llm.script(() => ({ text: '泽州山楂栽培历史已有300多年[2]。' }));
    const pieces: string[] = [];
    for await (const chunk of await model.stream('hi')) pieces.push(String(chunk.content));
    expect(pieces.join('')).toBe('泽州山楂栽培历史已有300多年[2]。');
    expect(pieces.filter(Boolean).length).toBeGreaterThan(1);
  });
});

describe('condenseWithLlm', () => {
  const history = [
    { role: 'user' as const, content: '高平生猪2022年出栏多少？' },
    { role: 'assistant' as const, content: '85万头。' },
  ];

  it('returns the first line of the reply and sends the conversation in the condense prompt', async () => {
    llm.script(() => ({ text: '  高平生猪2022年屠宰了多少头？  \n（改写说明）' }));
    expect(await condenseWithLlm(model, '那屠宰了多少头呢？', history, TIMEOUT_MS)).toBe('高平生猪2022年屠宰了多少头？');
    const [req] = llm.received;
    expect(req!.messages[0]!.content).toContain(CONDENSE_SYSTEM);
    expect(req!.messages[1]!.content).toBe('Conversation:\nuser: 高平生猪2022年出栏多少？\nassistant: 85万头。\n\nFollow-up question: 那屠宰了多少头呢？');
  });

  it.each<[string, Reply]>([
    ['an empty reply', { text: '   ' }],
    ['a reply over 500 characters', { text: '问'.repeat(501) }],
    ['an HTTP 500', { status: 500 }],
    ['a reply slower than the timeout', { text: '高平生猪屠宰了多少头？', delayMs: 3000 }],
  ])('returns null on %s', async (_, reply) => {
    llm.script(() => reply);
    const started = performance.now();
    expect(await condenseWithLlm(model, '那屠宰了多少头呢？', history, TIMEOUT_MS)).toBeNull();
    expect(performance.now() - started).toBeLessThan(TIMEOUT_MS + SLACK_MS);
  });
});

describe('the answer service with the LLM', () => {
  const HAWTHORN = '泽州山楂的栽培历史有多久？';
  let settings: Settings;
  let searcher: HybridSearcher;
  const service = () => createAnswerService(searcher, settings, model);

  beforeAll(async () => {
    ({ settings, searcher } = await buildTestIndex({ LLM_TIMEOUT_MS: String(TIMEOUT_MS) }));
  });

  /** Answers from the passage holding `fact`, citing it by its number in the prompt. */
  const grounded = (fact: string, sentence: string): Script => (req) => ({ text: `${sentence}[${sourceWith(req, fact)}]。` });

  it('(a) answers in mode llm with the cited passage, renumbered, and no fallback', async () => {
    llm.script(grounded('300多年', '泽州山楂栽培历史已有300多年'));
    const served = await service().ask({ question: HAWTHORN });
    const n = sourceWith(llm.received[0]!, '300多年');
    expect(n).toBeGreaterThan(0);
    expect(served).toMatchObject({ mode: 'llm', refused: false, fallback: null, answer: '泽州山楂栽培历史已有300多年[1]。', question: HAWTHORN, standalone: HAWTHORN });
    expect(served.citations).toHaveLength(1);
    expect(served.citations[0]!.n).toBe(1);
    expect(served.citations[0]!.chunkId).toBe(served.retrieved[n - 1]!.chunkId);
    expect(served.citations[0]!.snippet).toContain('300多年');
    expect(served.retrieved).toHaveLength(settings.TOP_K);
    const human = humanOf(llm.received[0]!);
    expect(human).toContain('[1]《');
    expect(human).toContain(`问题：${HAWTHORN}`);
    expect(llm.received).toHaveLength(1);
  });

  it.each<[string, Script, RegExp]>([
    ['(b) cites only [9]', () => ({ text: '泽州山楂栽培历史已有300多年[9]。' }), /^llm answer rejected: no valid citation$/],
    ['(c) has a number not in the cited passage', grounded('300多年', '泽州山楂栽培历史已有400多年'), /^llm answer rejected: unsupported numbers 400$/],
    ['(e) is slower than LLM_TIMEOUT_MS', () => ({ text: 'x', delayMs: 3000 }), /^llm failed: /],
    ['(f) fails with HTTP 500', () => ({ status: 500 }), /^llm failed: /],
  ])('falls back to the extractive answer when the model %s', async (_, script, reason) => {
    const extractive = await createAnswerService(searcher, settings).ask({ question: HAWTHORN });
    llm.script(script);
    const started = performance.now();
    const served = await service().ask({ question: HAWTHORN });
    expect(performance.now() - started).toBeLessThan(TIMEOUT_MS + SLACK_MS);
    expect(served.mode).toBe('extractive');
    expect(served.fallback).toMatch(reason);
    expect(served.answer).toBe(extractive.answer);
    expect(served.answer).toContain('300多年');
    expect(served.citations).toEqual(extractive.citations);
  });

  it('(d) refuses in mode llm when the model says the sources lack the answer', async () => {
    llm.script(() => ({ text: '资料中没有相关信息。' }));
    const served = await service().ask({ question: HAWTHORN });
    expect(served).toMatchObject({ mode: 'llm', refused: true, answer: REFUSAL_ZH, citations: [], fallback: null });
    llm.script(() => ({ text: 'The sources do not contain this information.' }));
    expect(await service().ask({ question: 'How long has hawthorn been grown in Zezhou?' })).toMatchObject({ mode: 'llm', refused: true, answer: REFUSAL_EN });
  });

  it('(g) condenses a follow-up with the model and answers the condensed question', async () => {
    const STANDALONE = '高平生猪2022年屠宰了多少头？';
    llm.script((req) => (isCondense(req) ? { text: STANDALONE } : { text: `生猪屠宰38.8万头[${sourceWith(req, '38.8万头')}]。` }));
    const history = [
      { role: 'user' as const, content: '高平生猪2022年出栏多少？' },
      { role: 'assistant' as const, content: '85万头。' },
    ];
    const served = await service().ask({ question: '那屠宰了多少头呢？', history });
    expect(llm.received.map(isCondense)).toEqual([true, false]);
    expect(humanOf(llm.received[0]!)).toBe('Conversation:\nuser: 高平生猪2022年出栏多少？\nassistant: 85万头。\n\nFollow-up question: 那屠宰了多少头呢？');
    expect(humanOf(llm.received[1]!)).toMatch(new RegExp(`\\n问题：${STANDALONE}$`));
    expect(served).toMatchObject({ standalone: STANDALONE, question: '那屠宰了多少头呢？', mode: 'llm', answer: '生猪屠宰38.8万头[1]。', fallback: null });
    expect(served.citations[0]!.snippet).toContain('38.8万头');
  });

  it('falls back to the rule-based condensing when the condense call fails', async () => {
    llm.script((req) => (isCondense(req) ? { status: 500 } : { text: `生猪屠宰38.8万头[${sourceWith(req, '38.8万头')}]。` }));
    const served = await service().ask({ question: '那屠宰了多少头呢？', history: [{ role: 'user', content: '高平生猪2022年出栏多少？' }] });
    expect(served.standalone).toBe('高平生猪 那屠宰了多少头呢？');
    expect(served.mode).toBe('llm');
  });

  it('does not condense with the model when the question names a town', async () => {
    llm.script(grounded('300多年', '泽州山楂栽培历史已有300多年'));
    const served = await service().ask({ question: HAWTHORN, history: [{ role: 'user', content: '高平生猪2022年出栏多少？' }] });
    expect(llm.received.map(isCondense)).toEqual([false]);
    expect(served.standalone).toBe(HAWTHORN);
  });

  it('says it uses the LLM', () => {
    expect(service().llm).toBe(true);
    expect(createAnswerService(searcher, settings).llm).toBe(false);
  });
});
