import { describe, expect, it } from 'vitest';
import { joinAnswers, splitQuestions, withSubject } from './compound-question.js';
import type { AnswerResult, Citation } from './types.js';

describe('splitQuestions', () => {
  it('tells apart the questions of a message', () => {
    expect(splitQuestions('泽州现在有几家铸造企业？其中拿到注册商标的有几家？')).toEqual(['泽州现在有几家铸造企业？', '其中拿到注册商标的有几家？']);
    expect(splitQuestions('How many hives are there? Which town keeps them?')).toEqual(['How many hives are there?', 'Which town keeps them?']);
  });

  it('keeps one question whole', () => {
    expect(splitQuestions('沁水县的蜂农有多少户？')).toEqual(['沁水县的蜂农有多少户？']);
    expect(splitQuestions('沁水县的蜂农有多少户')).toEqual(['沁水县的蜂农有多少户']);
  });

  it('reads a part asking nothing with the question after it', () => {
    expect(splitQuestions('听说沁水投了一大笔钱搞养蜂？这个工程叫什么？')).toEqual(['听说沁水投了一大笔钱搞养蜂？这个工程叫什么？']);
  });

  it('reads a short or unmarked part with the question before it', () => {
    expect(splitQuestions('泽州铸造企业注册的商标涉及哪些大类？文中点名的那几类')).toEqual(['泽州铸造企业注册的商标涉及哪些大类？文中点名的那几类']);
    expect(splitQuestions('高平生猪出栏多少？是吗？')).toEqual(['高平生猪出栏多少？是吗？']);
  });

  it('keeps a later question comparing with the first one together with it', () => {
    expect(splitQuestions('阳城有多少家陶瓷企业？跟泽州铸造企业比谁多？')).toHaveLength(1);
    expect(splitQuestions('一件珐华陶瓷卖多少钱？跟吉利尔的新娘绸缎被比哪个贵？')).toHaveLength(1);
    expect(splitQuestions('泽州精密铸造一年产值多少？比陵川中药材高吗？')).toHaveLength(1);
  });
});

describe('withSubject', () => {
  const townsIn = (t: string) => ['泽州', '高平', '沁水'].filter((x) => t.includes(x));
  it("gives a later question naming no town the first one's subject", () => {
    expect(withSubject('其中拿到注册商标的有几家？', '泽州现在有几家铸造企业？', townsIn)).toBe('泽州现在有其中拿到注册商标的有几家？');
    expect(withSubject('能给多少人找到活儿干？', '沁水养蜂的专业合作社有多少家啊？', townsIn)).toBe('沁水养蜂的专业合作社有能给多少人找到活儿干？');
  });

  it('leaves a later question naming its own town alone', () => {
    expect(withSubject('高平出栏多少头？', '泽州有几家铸造企业？', townsIn)).toBe('高平出栏多少头？');
  });

  it('gives the towns of a first question that opens with its question word', () => {
    expect(withSubject('Which ones?', 'How many towns does 泽州 have?', townsIn)).toBe('泽州 Which ones?');
    expect(withSubject('规模多大？', '哪年沁水开始养蜂？', townsIn)).toBe('沁水 规模多大？');
  });
});

describe('joinAnswers', () => {
  const cite = (n: number, chunkId: string): Citation => ({ n, chunkId, title: chunkId, town: 't', snippet: chunkId, source: 's', line: 1 });
  const answer = (text: string, citations: Citation[], refused = false): AnswerResult => ({
    question: '',
    answer: text,
    refused,
    mode: 'extractive',
    citations,
    retrieved: citations.map((c) => ({ chunkId: c.chunkId, title: c.title, town: c.town, text: c.snippet, score: 1, dense: null, bm25: null })),
    operation: 'lookup',
    facts: citations.map((c) => ({ n: c.n, kind: 'quantity', text: 'x', value: 1, unit: '', attribute: '', chunkId: c.chunkId })),
    related: [],
  });

  it('numbers each cited passage once across the answers', () => {
    const r = joinAnswers('A？B？', ['A？', 'B？'], [answer('甲。[1]乙。[2]', [cite(1, 'c1'), cite(2, 'c2')]), answer('丙。[1]丁。[2]', [cite(1, 'c2'), cite(2, 'c3')])]);
    expect(r.answer).toBe('甲。[1]乙。[2]\n丙。[2]丁。[3]');
    expect(r.citations.map((c) => [c.n, c.chunkId])).toEqual([[1, 'c1'], [2, 'c2'], [3, 'c3']]);
    expect(r.facts!.map((f) => f.n)).toEqual([1, 2, 2, 3]);
    expect(r.retrieved.map((x) => x.chunkId)).toEqual(['c1', 'c2', 'c3']);
    expect(r.refused).toBe(false);
    expect(r.question).toBe('A？B？');
  });

  it('says which question found nothing, and is then a refusal showing what was answered', () => {
    const r = joinAnswers('有几家？叫什么？', ['有几家？', '叫什么？'], [answer('30家。[1]', [cite(1, 'c1')]), answer('抱歉，没有。', [], true)]);
    expect(r.answer).toBe('30家。[1]\n叫什么：抱歉，没有。');
    expect(r.refused).toBe(true);
    expect(r.citations).toHaveLength(1);
  });

  it('says a sentence answering two questions once', () => {
    const r = joinAnswers('A？B？', ['A？', 'B？'], [answer('甲。[1]', [cite(1, 'c1')]), answer('甲。[1]', [cite(1, 'c1')])]);
    expect(r.answer).toBe('甲。[1]');
  });
});

describe('splitQuestions: text kept in order', () => {
  it('keeps a part asking nothing in its place when a short part follows it', () => {
    expect(splitQuestions('沁水县的蜂农有多少户？听说还有合作社？是吗？黑山羊养了多少只？')).toEqual(['沁水县的蜂农有多少户？听说还有合作社？是吗？', '黑山羊养了多少只？']);
  });
});
