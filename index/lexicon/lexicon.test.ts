// Tests for the lexicon over the real CC-CEDICT/WordNet digest and the bundled corpus's vocabulary.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSettings } from '../../config.js';
import { foldForMatch, loadGazetteer, readCorpus } from '../../ingest/index.js';
import { cutWords } from '../tokenize.js';
import { buildLexicon } from './build-lexicon.js';
import { loadDictionary } from './dictionary-cache.js';
import { Lexicon } from './lexicon.js';
import { loadOverrides } from './lexicon-overrides.js';

const pairs = JSON.parse(readFileSync(fileURLToPath(new URL('./related-pairs.json', import.meta.url)), 'utf8')) as { positive: [string, string][]; negative: [string, string][] };
/** Weight at and above which relatedWords is trusted (the precision/recall below are measured there). */
const CONFIDENT = 0.25;

let lexicon: Lexicon;

beforeAll(async () => {
  const settings = loadSettings({});
  const { chunks } = await readCorpus([settings.ARTICLES_DIR], loadGazetteer(settings.GAZETTEER_FILE), settings.CHUNK_MAX_CHARS);
  const vocabulary = chunks.flatMap((c) => cutWords(foldForMatch(c.text)));
  // The pairs' corpus-side words join the vocabulary: the value side is "any corpus word".
  const { dictionary } = loadDictionary();
  const table = buildLexicon(dictionary, [...vocabulary, ...pairs.positive.map((p) => p[1]), ...pairs.negative.map((p) => p[1]), '销往', '创办', '闻名', '收入']);
  lexicon = new Lexicon(table, dictionary, loadOverrides(settings.LEXICON_OVERRIDES_FILE));
}, 600_000);

const weight = (a: string, b: string) => lexicon.relatedWords(a).find((r) => r.word === b)?.weight ?? 0;

describe('relatedWords', () => {
  it('relates the founding, raising, fame and honour families', () => {
    expect(weight('创办', '创始')).toBeGreaterThan(0.5);
    expect(weight('创办', '创建')).toBeGreaterThan(0.5);
    expect(weight('创办', '成立')).toBeGreaterThan(0.2);
    expect(weight('饲养', '养殖')).toBeGreaterThan(0.3);
    expect(weight('有名', '著名')).toBeGreaterThan(0.5);
    expect(weight('闻名', '有名')).toBeGreaterThan(0.5);
    expect(weight('荣誉', '美誉')).toBeGreaterThan(0);
    expect(weight('美誉', '称号')).toBeGreaterThan(0);
  });

  it('links kill and slaughter through WordNet, and 卖到 to 销往 part by part', () => {
    expect(weight('杀', '屠宰')).toBeGreaterThan(0);
    expect(weight('卖到', '销往')).toBeGreaterThan(0);
  });

  it("relates two of the issue's colloquial pairs and, on the dictionary's data, not the other two", () => {
    expect(weight('有名', '闻名')).toBeCloseTo(0.72, 2);
    // 卖 ~ 销 ("sell", 0.13) and 到 ~ 往 ("to", 0.12).
    expect(weight('卖到', '销往')).toBeCloseTo(0.12, 2);
    // 赚 "earn" meets 收入 "take in" only through a low-ranked WordNet sense (about 0.04, under the 0.1 floor).
    expect(weight('赚', '收入')).toBe(0);
    // 开厂 is no headword, and 厂 "factory" has no counterpart in 创办.
    expect(weight('开厂', '创办')).toBe(0);
  });

  it('does not relate unrelated words, and returns only corpus words, never the word itself', () => {
    expect(weight('山楂', '蜂蜜')).toBe(0);
    expect(weight('产量', '产值')).toBe(0);
    expect(weight('出栏', '存栏')).toBe(0);
    const related = lexicon.relatedWords('创办');
    expect(related.map((r) => r.word)).not.toContain('创办');
    expect(related.every((r) => r.weight > 0 && r.weight <= 1)).toBe(true);
    expect(related.map((r) => r.weight)).toEqual([...related.map((r) => r.weight)].sort((a, b) => b - a));
    expect(lexicon.relatedWords('不是词语的字串')).toEqual([]);
    expect(lexicon.relatedWords('')).toEqual([]);
  });

  it(`keeps precision ≥ 0.85 with recall ≥ 0.6 on the hand-written pairs at weight ≥ ${CONFIDENT}`, () => {
    const tp = pairs.positive.filter(([a, b]) => weight(a, b) >= CONFIDENT).length;
    const fp = pairs.negative.filter(([a, b]) => weight(a, b) >= CONFIDENT).length;
    console.log(`relatedWords pairs at ≥ ${CONFIDENT}: precision ${(tp / (tp + fp)).toFixed(2)}, recall ${(tp / pairs.positive.length).toFixed(2)} (${tp} of ${pairs.positive.length} positives, ${fp} of ${pairs.negative.length} negatives)`);
    expect(tp / (tp + fp)).toBeGreaterThanOrEqual(0.85);
    expect(tp / pairs.positive.length).toBeGreaterThanOrEqual(0.6);
  });
});

describe('translateEnglish', () => {
  const chineseOf = (question: string) => lexicon.translateEnglish(question).flatMap((t) => t.chinese);

  it('translates places, a composed phrase and a verb of a full question', () => {
    const out = lexicon.translateEnglish('How many black goats does Qinshui raise?');
    expect(out.map((t) => t.term)).toEqual(['how many', 'black goats', 'qinshui', 'raise']);
    expect(out.find((t) => t.term === 'black goats')!.chinese).toEqual(['黑山羊']);
    expect(out.find((t) => t.term === 'qinshui')!.chinese).toEqual(['沁水']);
    expect(out.find((t) => t.term === 'raise')!.chinese).toEqual(expect.arrayContaining(['饲养', '养殖']));
  });

  it('prefers a dictionary phrase and corpus words: output value, hawthorn wine, pigs sold, founded', () => {
    expect(lexicon.translateEnglish('output value')).toEqual([{ term: 'output value', chinese: ['产值'] }]);
    expect(chineseOf('hawthorn wine')).toEqual(expect.arrayContaining(['山楂', '红酒']));
    expect(chineseOf('How many pigs were sold?')).toEqual(expect.arrayContaining(['多少', '生猪', '销售']));
    expect(chineseOf('When was it founded?')).toEqual(expect.arrayContaining(['创办', '创建']));
  });

  it('reads a phrase led by a function word (for free) by its content word when the corpus has no word for the whole', () => {
    expect(lexicon.expansionWords('What does Qinshui hand out to beekeepers for free?')).toEqual(expect.arrayContaining(['沁水', '免费']));
    // (A phrasal verb of working together, in any form, is 合作: not 劳动 of working.)
    expect(lexicon.expansionWords('Which university is Kaiyong working with?')).toContain('合作');
    expect(lexicon.expansionWords('Who did they team up with?')).toContain('合作');
  });

  it('expands retrieval with the overrides and corpus words only: markup adds nothing', () => {
    expect(lexicon.expansionWords('How many black goats does Qinshui raise?')).toEqual(expect.arrayContaining(['多少', '黑山羊', '沁水', '饲养']));
    expect(lexicon.translateEnglish('<img src=x onerror="window.__pwned=1">泽州山楂').map((t) => t.term)).toEqual(['window']);
    expect(lexicon.expansionWords('<img src=x onerror="window.__pwned=1">泽州山楂')).toEqual([]);
  });

  it('takes a corpus word only when it renders the phrase in its first sense, when some word does', () => {
    // 总体 (a corpus word) lists "population (statistics)" after "overall; total": no translation of "population".
    expect(lexicon.translateEnglish('population')).toEqual([{ term: 'population', chinese: ['人口', '人口数'] }]);
    expect(lexicon.expansionWords('What is the population of Mars?')).toEqual([]);
  });

  it('takes a corpus word with the phrase in its second sense when no first-sense word is a corpus word (ceramics -> 陶瓷)', () => {
    expect(lexicon.expansionGroups('Which town is known for ceramics?')).toContainEqual(['陶瓷']);
  });

  it('passes over an amount modifier (total) leading a phrase the corpus has no word for, reading the rest (output value)', () => {
    expect(lexicon.expansionGroups('What was the total output value of sericulture?')).toContainEqual(['产值']);
    expect(lexicon.unknownTerms('What was the total output value of sericulture?')).toEqual([]);
  });

  it('takes a dictionary phrase whole though the corpus never uses it, and names the terms it has no word for', () => {
    // "exchange" alone would be 交流, a corpus word; the phrase means 汇率.
    expect(lexicon.translateEnglish('What is the euro exchange rate this week?').map((t) => t.term)).toContain('exchange rate');
    expect(lexicon.unknownTerms('What is the euro exchange rate this week?')).toEqual(expect.arrayContaining(['欧元', '汇率']));
    expect(lexicon.unknownTerms('How many black goats does Qinshui raise?')).toEqual([]);
  });

  it('gives nothing for Chinese text or bare function words', () => {
    expect(lexicon.translateEnglish('高平生猪出栏多少头？')).toEqual([]);
    expect(lexicon.translateEnglish('what is it')).toEqual([]);
  });
});

describe('isVerbal', () => {
  it('reads a word as a verb when its first CC-CEDICT sense is', () => {
    for (const w of ['挣', '过日子', '吃饭']) expect(lexicon.isVerbal(w), w).toBe(true);
    for (const w of ['电话', '价格', '老百姓', '茧子']) expect(lexicon.isVerbal(w), w).toBe(false);
  });

  it('reads a word the dictionary lacks by its tail, else its start', () => {
    expect(lexicon.isVerbal('好卖')).toBe(true); // 卖
    expect(lexicon.isVerbal('撑起来')).toBe(true); // 起来
    expect(lexicon.isVerbal('注册资本')).toBe(false); // 资本, a noun
    expect(lexicon.isVerbal('𪚥𪚥')).toBe(false);
  });
});

describe('glossOf', () => {
  it('renders units from the overrides and corpus words from the dictionary', () => {
    expect(lexicon.glossOf('亩')).toBe('mu');
    expect(lexicon.glossOf('万')).toBe('10,000');
    expect(lexicon.glossOf('公斤')).toBe('kg');
    expect(lexicon.glossOf('蜂蜜')).toBe('honey');
    expect(lexicon.glossOf('不是词语')).toBeNull();
  });
});
