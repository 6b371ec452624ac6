// Tests of the corpus guide through the answer service over the bundled corpus: small talk, bylines, follow-ups.
import { beforeAll, describe, expect, it } from 'vitest';
import type { HybridSearcher } from '../index/index.js';
import { buildTestIndex } from '../test-support/test-index.js';
import { createAnswerService, type AnswerService } from './answer-service.js';
import { corpusGuide } from './corpus-guide.js';

let searcher: HybridSearcher;
let service: AnswerService;

beforeAll(async () => {
  const built = await buildTestIndex();
  searcher = built.searcher;
  service = createAnswerService(searcher, built.settings);
});

describe('corpusGuide', () => {
  it('lists the towns of the index in article order', () => {
    expect(corpusGuide(searcher.index.chunks, async () => true).towns).toEqual([
      '泽州精密铸造', '泽州山楂红酒', '高平潞绸', '高平生猪', '阳城陶瓷琉璃(珐华)', '陵川中药材', '阳城蚕桑', '沁水黑山羊', '沁水蜂蜜',
    ]);
  });

  it('checks each town\'s candidates once and keeps only the answerable ones', async () => {
    const asked: string[] = [];
    const guide = corpusGuide(searcher.index.chunks, async (q) => (asked.push(q), !q.includes('历史')));
    const cite = { n: 1, chunkId: 'x', title: 't', town: '泽州山楂红酒', snippet: 's', source: 'f', line: 1 };
    const first = await guide.followUps('泽州山楂红酒怎么样？', [cite]);
    expect(first.length).toBeGreaterThan(0);
    expect(first.some((q) => q.includes('历史'))).toBe(false);
    const calls = asked.length;
    await guide.followUps('泽州山楂红酒好吗？', [cite]);
    expect(asked.length).toBe(calls);
  });

  it('checks every town\'s candidates up front on checkFollowUps, so no later answer checks any', async () => {
    const asked: string[] = [];
    const guide = corpusGuide(searcher.index.chunks, async (q) => (asked.push(q), true));
    await guide.checkFollowUps(performance.now() - 1); // past its deadline: starts no town
    expect(asked).toEqual([]);
    await guide.checkFollowUps();
    for (const town of guide.towns) expect(asked.some((q) => q.startsWith(town))).toBe(true);
    const calls = asked.length;
    const cite = { n: 1, chunkId: 'x', title: 't', town: '高平生猪', snippet: 's', source: 'f', line: 1 };
    expect(await guide.followUps('高平生猪怎么样？', [cite])).toHaveLength(3);
    expect(asked.length).toBe(calls);
  });
});

describe('the answer service with the guide', () => {
  it.each(['你好', 'hi', '谢谢！', '你是谁', '你能做什么？', '帮助'])('answers %j as small talk, not as a refusal', async (q) => {
    const served = await service.ask({ question: q });
    expect(served).toMatchObject({ question: q, refused: false, smallTalk: true, citations: [], retrieved: [] });
    expect(served.answer).toContain('沁水蜂蜜');
    expect(served.followUps).toHaveLength(3);
    for (const example of served.followUps!) expect(served.answer).toContain(example);
  });

  it('answers a question that starts with a greeting as the question itself', async () => {
    const bare = await service.ask({ question: '高平2022年生猪出栏多少头？' });
    const greeted = await service.ask({ question: '你好，高平2022年生猪出栏多少头？' });
    expect(greeted.smallTalk).toBeUndefined();
    expect(greeted.standalone).toBe('高平2022年生猪出栏多少头？');
    expect(greeted.answer).toBe(bare.answer);
    expect(greeted.answer).toContain('85万头');
    expect((await service.ask({ question: '你好，沁水蜂蜜有哪些称号？' })).retrieved.length).toBeGreaterThan(0);
  });

  it('gives every citation its article byline and page heading', async () => {
    const served = await service.ask({ question: '陵川中药材种类有多少种？' });
    expect(served.citations[0]).toMatchObject({ title: '陵川中药材：“太行药乡”乘风而上', author: '张彩峰', section: '山西省市级特色小镇(晋城)' });
  });

  it('suggests follow-ups about the cited town that the corpus answers, none after a refusal', async () => {
    const served = await service.ask({ question: '陵川中药材种类有多少种？' });
    expect(served.followUps).toHaveLength(3);
    expect(served.followUps!.slice(0, 2)).toEqual(['陵川中药材有哪些龙头企业？', '陵川中药材的产值是多少？']);
    for (const q of served.followUps!) expect(q.startsWith('陵川中药材')).toBe(true);
    for (const q of served.followUps!) expect((await service.ask({ question: q })).refused).toBe(false);
    expect((await service.ask({ question: '火星上有多少人口？' })).followUps).toEqual([]);
  });
});
