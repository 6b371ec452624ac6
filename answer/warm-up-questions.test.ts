// Tests for the warm-up questions: made from the index, every answer path taken, answers unchanged by the warm-up.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Settings } from '../config.js';
import type { HybridSearcher } from '../index/index.js';
import { foldForMatch } from '../ingest/index.js';
import { buildTestIndex } from '../test-support/test-index.js';
import { createAnswerService } from './answer-service.js';
import { operations } from './parse-question.js';
import { MAX_TOWNS, warmUpQuestions } from './warm-up-questions.js';

let settings: Settings;
let searcher: HybridSearcher;

beforeAll(async () => {
  ({ settings, searcher } = await buildTestIndex());
});

describe('warmUpQuestions', () => {
  it('asks about the first MAX_TOWNS towns of the index with their own fact words, the same list each time', () => {
    const turns = warmUpQuestions(searcher);
    expect(warmUpQuestions(searcher)).toEqual(turns);
    const towns = searcher.townNames();
    expect(towns.length).toBeGreaterThan(MAX_TOWNS);
    for (const town of towns.slice(0, MAX_TOWNS)) {
      // The town's first lookup asks for words a fact of that town is stated with, not a fixed word.
      const asked = /^(.+)的(.+)是多少？$/.exec(turns.find((t) => t.question.startsWith(`${town}的`))!.question)!;
      expect(asked[1]).toBe(town);
      expect(searcher.firstFactsOfTown(town).some((f) => f.fact.before.includes(asked[2]!))).toBe(true);
    }
    expect(turns.some((t) => t.question.startsWith(`${towns[MAX_TOWNS]}的`))).toBe(false);
  });

  it('takes every operation, small talk, a carried-over follow-up, Traditional, full-width and English questions', async () => {
    const turns = warmUpQuestions(searcher);
    const service = createAnswerService(searcher, settings);
    const answered = await Promise.all(turns.map((t) => service.ask(t)));
    expect(new Set(answered.map((a) => a.operation).filter(Boolean))).toEqual(new Set(operations));
    expect(answered.some((a) => a.smallTalk)).toBe(true);
    const followUp = answered.find((_, i) => turns[i]!.history);
    expect(followUp!.standalone).not.toBe(followUp!.question);
    expect(turns.some((t) => /[\u4e00-\u9fff]/.test(t.question) && foldForMatch(t.question) !== t.question.toLowerCase())).toBe(true);
    expect(turns.some((t) => /[０-９]/.test(t.question))).toBe(true);
    expect(turns.some((t) => /^How many [a-z]/.test(t.question))).toBe(true);
  });

  it('leaves every answer as it was: the same questions answered before and after a warm-up agree', async () => {
    const questions = ['泽州山楂的栽培历史有多久？', '哪个专业镇的年产值最高？', '高平生猪和沁水黑山羊哪个出栏多？', 'How many bee farmers does Qinshui have?', '陵川有哪些中药材？', '請問陽城蠶桑2022年的蠶繭產量是多少？'];
    const cold = createAnswerService(searcher, settings);
    const before = await Promise.all(questions.map((question) => cold.ask({ question })));
    const warm = createAnswerService(searcher, settings);
    await warm.warmUp();
    const after = await Promise.all(questions.map((question) => warm.ask({ question })));
    expect(after.map((a) => ({ ...a, timings: null }))).toEqual(before.map((a) => ({ ...a, timings: null })));
  });
});
