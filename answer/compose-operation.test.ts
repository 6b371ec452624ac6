// Operation composers over a temp index of the bundled page: answers that need the typed parse, not sentence overlap.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTestIndex } from '../test-support/test-index.js';
import { answerOptions, createAnswerChain } from './answer-chain.js';
import { namedEntities } from './compose-operation.js';
import type { AnswerResult } from './types.js';

let chain: ReturnType<typeof createAnswerChain>;

beforeAll(async () => {
  const { settings, searcher } = await buildTestIndex();
  chain = createAnswerChain(searcher, answerOptions(settings));
});

const ask = (question: string): Promise<AnswerResult> => chain.invoke({ question });

describe('composers over the real page', () => {
  it('answers a heyday asked in other words with the era heading its sentence', async () => {
    const r = await ask('阳城陶瓷产业什么时候最鼎盛？');
    expect(r.refused).toBe(false);
    expect(r.answer).toMatch(/^明清时期，阳城陶瓷产业达到极盛。\[1\]$/);
  });

  it('answers a superlative the article states itself, without computing across towns', async () => {
    const r = await ask('晋城冶铸业的历史最早能追溯到什么时候？');
    expect(r.refused).toBe(false);
    expect(r.answer).toContain('春秋战国');
    expect(r.citations).toHaveLength(1);
  });

  it('does not take 朝代 for the attribute asked', async () => {
    const r = await ask('高平在什么朝代是潞绸的产地中心？');
    expect(r.refused).toBe(false);
    expect(r.answer).toContain('唐代');
  });

  it('answers 被誉为什么 as a name, not as a reason', async () => {
    const r = await ask('陵川县被称为什么？');
    expect(r.operation).toBe('lookup');
    expect(r.answer).toContain('太行药乡');
  });

  it('does not answer one organisation’s founding year with another’s', async () => {
    const r = await ask('凯永集团哪一年创办的？');
    expect(r.refused).toBe(true);
    expect(r.answer).not.toMatch(/^吉利尔/);
  });
});

describe('namedEntities', () => {
  it('keeps the longest organisation name found, not the names inside it', () => {
    expect(namedEntities('吉利尔潞绸集团哪年成立？', ['吉利尔', '吉利尔潞绸', '彤康'])).toEqual(['吉利尔潞绸']);
    expect(namedEntities('高平有多少头猪？', ['吉利尔', '彤康'])).toEqual([]);
  });
});
