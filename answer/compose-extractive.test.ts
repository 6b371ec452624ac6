// Tests of extractive composition: word matching, coverage, answer type, sentence scoring and picking, refusal reasons.
import { describe, expect, it } from 'vitest';
import { foldForMatch } from '../ingest/index.js';
import type { SearchHit } from '../index/index.js';
import {
  answersType,
  CONTEXT_CREDIT,
  measureEvidence,
  numberShare,
  pickSentences,
  refusalReason,
  scoreSentences,
  weightedCoverage,
  weightedCoverages,
  wordMatch,
  type ComposeOptions,
  type Evidence,
  type ScoredSentence,
  unknownShare,
} from './compose-extractive.js';
import { questionTerms, type QuestionTerms } from './question-terms.js';

const termsOf = (question: string): QuestionTerms => questionTerms(question, question);

/** A question's terms built by hand, for the cases where only one field matters. */
function handTerms(over: Partial<QuestionTerms>): QuestionTerms {
  return { words: ['蜂农'], numbers: [], asksNumber: false, countsItems: false, asksWhen: false, unit: '', asksList: false, asksAuthor: false, asksWhy: false, asksSpot: false, english: false, ...over };
}

function hit(id: string, town: string, text: string): SearchHit {
  return {
    chunk: {
      id,
      text,
      lineStart: 1,
      lineEnd: 1,
      paragraph: 0,
      part: 0,
      meta: { title: `${town}：标题`, town, county: town.slice(0, 2), industry: town.slice(2), author: '', source: 'page.txt', section: '', openingMissing: false, titleAfterBody: false },
    },
    score: 1,
    dense: null,
    bm25: null,
    denseRank: null,
    bm25Rank: null,
    boost: 1,
  };
}

/** Every word is known with idf 1; county names are topic words; a chunk is its own paragraph unless given. */
function options(namedTowns: [string, number][] = [], foldedParagraphOf: ComposeOptions['foldedParagraphOf'] = (c) => foldForMatch(c.text)): ComposeOptions {
  return {
    idf: () => 1,
    unknownWeight: 1,
    isTopicWord: (w) => ['沁水', '沁水县', '高平', '阳城'].includes(w),
    foldedParagraphOf,
    namedTowns: new Map(namedTowns),
    entities: [],
    maxSentences: 3,
  };
}

describe('wordMatch', () => {
  it('is 1 when the word occurs exactly', () => {
    expect(wordMatch('蜂农', '全县蜂农达1500户')).toBe(1);
    expect(wordMatch('蜂农', '全县蜂农达1500户', true)).toBe(1);
    expect(wordMatch('gap', '深入推进gap基地建设')).toBe(1);
  });

  it('gives an unknown Han word half the share of its characters found (typo 山渣)', () => {
    expect(wordMatch('山渣', '泽州山楂栽培历史')).toBe(0.25);
    expect(wordMatch('黑山洋', '沁水黑山羊肉质鲜美')).toBeCloseTo(1 / 3, 10);
    expect(wordMatch('沁水县', '沁水蜂蜜 全县蜂农')).toBe(0.5);
  });

  it('gives a word the corpus knows no partial credit', () => {
    expect(wordMatch('山渣', '泽州山楂栽培历史', true)).toBe(0);
    expect(wordMatch('沁水县', '沁水蜂蜜 全县蜂农', true)).toBe(0);
  });

  it('is 0 when no character occurs', () => {
    expect(wordMatch('董事', '全县蜂农达1500户')).toBe(0);
  });

  it('gives no partial credit to Latin words or single characters', () => {
    expect(wordMatch('gapx', 'gap基地')).toBe(0);
    expect(wordMatch('镇', '小城')).toBe(0);
  });
});

describe('weightedCoverages', () => {
  it('gives the two weightedCoverage figures, without and with the context, in one pass', () => {
    const idf = (w: string) => ({ 蜂农: 3, 沁水: 1, 蜂蜜: 2 })[w] ?? 0;
    const forms = (w: string) => (w === '收入' ? [{ form: '增收', weight: 0.8 }] : []);
    const o = { idf, unknownWeight: 9, forms };
    const cases: [string[], string, string][] = [
      [['蜂农', '沁水', '收入'], '全县蜂农达1500户', '沁水县蜂农增收'],
      [['蜂蜜', '养蜂人'], '蜂蜜产量', '养蜂人家'],
      [[], '任何', '上下文'],
      [['沁水'], '沁水', ''],
    ];
    for (const [words, text, context] of cases) {
      expect(weightedCoverages(words, text, o, context)).toEqual({ plain: weightedCoverage(words, text, o), inContext: weightedCoverage(words, text, o, context) });
    }
  });
});

describe('weightedCoverage', () => {
  const allKnown = () => 1;

  it('is 1 when there are no words', () => {
    expect(weightedCoverage([], 'anything', { idf: () => 5, unknownWeight: 5 })).toBe(1);
  });

  it('is the plain share of matched words under equal weights', () => {
    expect(weightedCoverage(['山楂', '红酒'], '泽州山楂', { idf: allKnown, unknownWeight: 9 })).toBe(0.5);
  });

  it('weighs a known word by its idf', () => {
    const idf = (w: string) => (w === '蜂农' ? 3 : 1);
    expect(weightedCoverage(['蜂农', '羊'], '全县蜂农达1500户', { idf, unknownWeight: 9 })).toBe(0.75);
    expect(weightedCoverage(['蜂农', '羊'], '黑山羊', { idf, unknownWeight: 9 })).toBe(0.25);
  });

  it('weighs a word the corpus does not know (idf 0) by unknownWeight, with partial credit', () => {
    const idf = (w: string) => (w === '泽州' ? 1 : 0);
    // 山渣: weight 2 × 0.25, 泽州: weight 1 × 1
    expect(weightedCoverage(['山渣', '泽州'], '泽州山楂', { idf, unknownWeight: 2 })).toBe((2 * 0.25 + 1) / 3);
  });

  it('gives a known word no partial credit', () => {
    expect(weightedCoverage(['山渣'], '泽州山楂', { idf: allKnown, unknownWeight: 2 })).toBe(0);
    expect(weightedCoverage(['山渣'], '泽州山楂', { idf: () => 0, unknownWeight: 2 })).toBe(0.25);
  });

  it('credits a word found only in the context with CONTEXT_CREDIT', () => {
    const context = '凯永集团不断进行技术革新。和山西大学进行产学研合作';
    expect(CONTEXT_CREDIT).toBe(0.5);
    expect(weightedCoverage(['凯永集团', '山西大学'], '和山西大学进行产学研合作', { idf: allKnown, unknownWeight: 9 }, context)).toBe(0.75);
    expect(weightedCoverage(['凯永集团', '山西大学'], '和山西大学进行产学研合作', { idf: allKnown, unknownWeight: 9 })).toBe(0.5);
  });

  it('keeps a full match in the text above the context credit', () => {
    expect(weightedCoverage(['山西大学'], '和山西大学合作', { idf: allKnown, unknownWeight: 9 }, '和山西大学合作')).toBe(1);
  });

  it('is 1 when every weight is 0', () => {
    expect(weightedCoverage(['蜂农'], 'x', { idf: () => 0, unknownWeight: 0 })).toBe(1);
  });
});

describe('unknownShare', () => {
  const idf = (w: string) => ({ 凯永: 2, 集团: 1 })[w] ?? 0;

  it('is the share of focus weight on unknown words the text does not resemble', () => {
    // 董事长 unknown (weight 4) with no character in the text; 凯永 known (weight 2)
    expect(unknownShare(['凯永', '董事长'], '凯永集团发展', { idf, unknownWeight: 4 })).toBeCloseTo(4 / 6, 12);
  });

  it('does not count an unknown word with at least half its characters in the text (a typo)', () => {
    expect(unknownShare(['山渣'], '泽州山楂', { idf, unknownWeight: 4 })).toBe(0);
  });

  it('does not count known words, and counts a lone unknown character at half weight', () => {
    expect(unknownShare(['凯永'], '无关的文字', { idf, unknownWeight: 4 })).toBe(0);
    expect(unknownShare(['好', '凯永'], '无关的文字', { idf, unknownWeight: 4 })).toBeCloseTo(2 / (4 + idf('凯永')), 10);
  });

  it('is 0 without focus words', () => {
    expect(unknownShare([], 'x', { idf, unknownWeight: 4 })).toBe(0);
  });
});

describe('numberShare', () => {
  it('is the share of the question numbers present in the text', () => {
    expect(numberShare(['2022', '85'], '2022年，生猪出栏85万头')).toBe(1);
    expect(numberShare(['2023', '85'], '2022年，生猪出栏85万头')).toBe(0.5);
  });

  it('is 0 when the question has no numbers', () => {
    expect(numberShare([], '2022年')).toBe(0);
  });
});

describe('answersType', () => {
  it('for a quantity question, accepts a sentence with a quantity but not one with only a year', () => {
    const t = termsOf('阳城蚕桑综合产值是多少？');
    expect(t.asksNumber).toBe(true);
    expect(answersType('蚕桑综合产值3亿元', t)).toBe(true);
    expect(answersType('吉利尔潞绸集团创始于1958年', t)).toBe(false);
  });

  it('for a count of items (几大类, 几种), accepts an enumeration without a figure too, but not a count of a measure', () => {
    const t = termsOf('产业格局由几大类产品构成？');
    expect(t.countsItems).toBe(true);
    expect(answersType('已形成了以建筑瓷、日用瓷、工业瓷、琉璃制品为主体的产业格局', t)).toBe(true);
    expect(answersType('饲料加工——核心育种——种猪扩繁——生猪繁育', termsOf('全产业链有几个环节？'))).toBe(true);
    expect(answersType('阳城陶瓷产业达到极盛', t)).toBe(false);
    expect(answersType('建筑瓷、日用瓷、工业瓷', termsOf('蜂农有多少户？'))).toBe(false);
  });

  it('for a year question, accepts a sentence with a year but not one with only a quantity', () => {
    const t = termsOf('吉利尔潞绸集团是哪一年创办的？');
    expect(answersType('吉利尔潞绸集团创始于1958年', t)).toBe(true);
    expect(answersType('拥有铸造企业30家', t)).toBe(false);
  });

  it('for a question with a unit, needs a number with that unit', () => {
    const t = termsOf('高平出栏了多少头生猪？');
    expect(t.unit).toBe('头');
    expect(answersType('生猪出栏85万头，居全省第一', t)).toBe(true);
    expect(answersType('全县黑山羊饲养量达到20万只', t)).toBe(false);
  });

  it('accepts 300多年 for a 多少年 question', () => {
    expect(answersType('泽州山楂栽培历史已有300多年', termsOf('泽州山楂种了多少年？'))).toBe(true);
  });

  it('accepts any sentence when no quantity or time is asked for', () => {
    expect(answersType('被称为“山楂王”', termsOf('泽州红被称为什么？'))).toBe(true);
  });
});

describe('scoreSentences', () => {
  const hits = [
    hit('a', '沁水蜂蜜', '沁水县是千年古县。目前，全县蜂农达1500户，专业合作社30余家。'),
    hit('b', '沁水蜂蜜', '目前，全县蜂农达1500户，专业合作社30余家。蜂农扫描二维码就能看到数据。'),
  ];
  const t = termsOf('沁水县的蜂农有多少户？');
  const scored = scoreSentences(hits, t, options([['沁水蜂蜜', 1.5]]));

  it('scores a sentence shared by overlapping chunks once, under the first hit', () => {
    expect(scored.map((s) => [s.text, s.hit])).toEqual([
      ['目前，全县蜂农达1500户，专业合作社30余家。', 0],
      ['蜂农扫描二维码就能看到数据。', 1],
      ['沁水县是千年古县。', 0],
    ]);
  });

  it('ranks the sentence with the asked unit first and pins its score', () => {
    // 0.6 × coverage 0.5 (沁水县 is known, so no partial credit) + 0.4 × focus 1 + 0.12 / rank 1 + 0.1 town fit
    expect(scored[0]).toMatchObject({ coverage: 0.5, focus: 1, numbersFound: true, typeFound: true });
    expect(scored[0]!.score).toBeCloseTo(0.3 + 0.4 + 0.12 + 0.1, 10);
  });

  it('penalises a sentence without the asked kind of answer by 0.5', () => {
    const noUnit = scored.find((s) => s.text.startsWith('蜂农扫描'))!;
    expect(noUnit.typeFound).toBe(false);
    // 0.6 × 0.5 + 0.4 × 1 + 0.12 / 2 − 0.5 + 0.1
    expect(noUnit.score).toBeCloseTo(0.3 + 0.4 + 0.06 - 0.5 + 0.1, 10);
  });

  it('credits a focus word found only elsewhere in the paragraph at half weight, keeping focus sentence-only', () => {
    const third = scored.find((s) => s.text === '沁水县是千年古县。')!;
    expect(third.focus).toBe(0);
    // 0.6 × coverage 0.5 + 0.4 × context 0.5 + 0.12 − 0.5 + 0.1
    expect(third.score).toBeCloseTo(0.3 + 0.2 + 0.12 - 0.5 + 0.1, 10);
  });

  it('uses the whole paragraph of a chunk as context', () => {
    const h = [hit('p', '高平生猪', '和山西大学进行产学研合作。')];
    const t = termsOf('凯永集团和哪所大学合作？');
    const alone = scoreSentences(h, t, options())[0]!;
    const withParagraph = scoreSentences(h, t, options([], () => '凯永集团不断进行技术革新；和山西大学进行产学研合作。'))[0]!;
    expect(withParagraph.focus).toBe(alone.focus);
    expect(withParagraph.score).toBeGreaterThan(alone.score);
  });

  it('prefers a sentence giving a reason for a 为什么 question', () => {
    const h = [hit('r', '沁水黑山羊', '沁水黑山羊肉质鲜美，深受欢迎。由于活动量大，黑山羊肉质鲜美。')];
    const t = termsOf('沁水黑山羊为什么肉质鲜美？');
    expect(t.asksWhy).toBe(true);
    const [first, second] = scoreSentences(h, t, options([['沁水黑山羊', 1.5]]));
    expect(first!.text).toBe('由于活动量大，黑山羊肉质鲜美。');
    expect(first!.score - second!.score).toBeGreaterThan(0);
  });

  it('penalises sentences of a passage that lacks a number of the question by 0.5', () => {
    const t2 = termsOf('沁水县2021年的蜂农有多少户？');
    const [best] = scoreSentences([hit('a', '沁水蜂蜜', '目前，全县蜂农达1500户。')], t2, options());
    expect(best!.numbersFound).toBe(false);
    const [withNumber] = scoreSentences([hit('a', '沁水蜂蜜', '2021年，全县蜂农达1500户。')], t2, options());
    expect(withNumber!.numbersFound).toBe(true);
    expect(withNumber!.score - best!.score).toBeGreaterThan(0.5);
  });

  it('skips sentences shorter than four characters', () => {
    expect(scoreSentences([hit('a', '沁水蜂蜜', '好。全县蜂农达1500户。')], t, options()).map((s) => s.text)).toEqual(['全县蜂农达1500户。']);
  });
});

describe('pickSentences', () => {
  it('picks only the best sentence when no other sentence adds a missing word', () => {
    const hits = [hit('a', '沁水蜂蜜', '沁水县是千年古县。目前，全县蜂农达1500户，专业合作社30余家。')];
    const t = termsOf('沁水县的蜂农有多少户？');
    const o = options([['沁水蜂蜜', 1.5]]);
    expect(pickSentences(scoreSentences(hits, t, o), hits, t, o).map((s) => s.text)).toEqual(['目前，全县蜂农达1500户，专业合作社30余家。']);
  });

  it('picks one sentence per town when the question names two towns equally', () => {
    const hits = [hit('c', '高平生猪', '2022年，生猪出栏85万头。'), hit('d', '阳城蚕桑', '2022年，实现蚕茧产量167.7万公斤。')];
    const t = termsOf('2022年高平生猪出栏和阳城蚕茧产量各是多少？');
    const o = options([
      ['高平生猪', 1.5],
      ['阳城蚕桑', 1.5],
    ]);
    const picked = pickSentences(scoreSentences(hits, t, o), hits, t, o);
    expect(picked.map((s) => s.text)).toEqual(['2022年，生猪出栏85万头。', '2022年，实现蚕茧产量167.7万公斤。']);
  });

  it('picks nothing from no sentences', () => {
    expect(pickSentences([], [], termsOf('蜂农'), options())).toEqual([]);
  });
});

describe('measureEvidence', () => {
  it('measures the picked sentences together with their titles', () => {
    const hits = [hit('c', '高平生猪', '2022年，生猪出栏85万头。'), hit('d', '阳城蚕桑', '2022年，实现蚕茧产量167.7万公斤。')];
    const t = termsOf('2022年高平生猪出栏和阳城蚕茧产量各是多少？');
    const o = options([
      ['高平生猪', 1.5],
      ['阳城蚕桑', 1.5],
    ]);
    const picked = pickSentences(scoreSentences(hits, t, o), hits, t, o);
    expect(measureEvidence(picked, hits, t, o)).toEqual({ coverage: 1, focus: 1, unknownShare: 0, numbersFound: true, typeFound: true });
  });
});

describe('refusalReason', () => {
  const picked: ScoredSentence[] = [{ text: '全县蜂农达1500户。', hit: 0, sentence: 0, score: 1, coverage: 1, focus: 1, numbersFound: true, typeFound: true }];
  const good: Evidence = { coverage: 0.9, focus: 0.9, unknownShare: 0, numbersFound: true, typeFound: true };
  const limits = { minCoverage: 0.4, minFocus: 0.4, maxUnknown: 0.45 };

  it('is null when the evidence suffices', () => {
    expect(refusalReason(picked, good, handTerms({}), limits)).toBeNull();
  });

  it('refuses when nothing was picked', () => {
    expect(refusalReason([], good, handTerms({}), limits)).toBe('no passages');
  });

  it('refuses a question with no content words and no numbers', () => {
    expect(refusalReason(picked, good, handTerms({ words: [] }), limits)).toBe('no content words');
  });

  it('answers a question made only of numbers', () => {
    expect(refusalReason(picked, good, handTerms({ words: [], numbers: ['1500'] }), limits)).toBeNull();
  });

  it('refuses when a number of the question is not in the evidence', () => {
    expect(refusalReason(picked, { ...good, numbersFound: false }, handTerms({ numbers: ['2023'] }), limits)).toBe(
      'a number in the question is not in the evidence',
    );
  });

  it('refuses when the evidence has no answer of the kind asked for', () => {
    expect(refusalReason(picked, { ...good, typeFound: false }, handTerms({ asksNumber: true }), limits)).toBe(
      'the evidence has no quantity or date of the kind asked for',
    );
  });

  it('refuses below the minimum coverage, naming both values', () => {
    expect(refusalReason(picked, { ...good, coverage: 0.3 }, handTerms({}), limits)).toBe('coverage 0.30 below 0.4');
  });

  it('refuses below the minimum focus when no unit was asked for', () => {
    expect(refusalReason(picked, { ...good, focus: 0.2 }, handTerms({}), limits)).toBe('focus coverage 0.20 below 0.4');
  });

  it('accepts a low focus when the asked unit was found', () => {
    expect(refusalReason(picked, { ...good, focus: 0.2 }, handTerms({ unit: '户', asksNumber: true }), limits)).toBeNull();
  });

  it('refuses when too much of the focus is on words the articles never use', () => {
    expect(refusalReason(picked, { ...good, unknownShare: 0.6 }, handTerms({}), limits)).toBe('asks about words the articles never use (0.60 of the focus)');
  });

  it('accepts an unknown share at the limit', () => {
    expect(refusalReason(picked, { ...good, unknownShare: 0.45 }, handTerms({}), limits)).toBeNull();
  });

  it('checks unknown words first, then numbers, before the answer type and coverage', () => {
    const bad: Evidence = { coverage: 0, focus: 0, unknownShare: 0, numbersFound: false, typeFound: false };
    expect(refusalReason(picked, bad, handTerms({ numbers: ['2023'] }), limits)).toBe('a number in the question is not in the evidence');
    expect(refusalReason(picked, { ...bad, unknownShare: 1 }, handTerms({ numbers: ['2023'] }), limits)).toMatch(/^asks about words the articles never use/);
  });
});
