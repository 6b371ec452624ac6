// Tests for lexical tokens: folding (full-width, Traditional, case), jieba words and prefixed Han bigrams.
import { describe, expect, it } from 'vitest';
import { foldForMatch, toHalfWidth } from '../ingest/normalize-text.js';
import { prng } from '../test-support/prng.js';
import { BIGRAM_PREFIX, cutWords, hanBigrams, queryTokens, tokenize, isIdiomWord, isIndefiniteAmount, isModifierWord, isPredicateWord, isTimeWord } from './tokenize.js';

describe('foldForMatch', () => {
  it('folds full-width letters, digits and the ideographic space, Traditional characters and case', () => {
    expect(foldForMatch('Ｈｅｌｌｏ　陵川中藥材２０２２')).toBe('hello 陵川中药材2022');
    expect(toHalfWidth('ＡＢＣ！１２３　')).toBe('ABC!123 ');
  });
});

describe('tokenize', () => {
  it('returns jieba words then prefixed Han bigrams', () => {
    expect(tokenize('高平生猪出栏85万头')).toEqual([
      '高平',
      '生猪',
      '出栏',
      '85',
      '万头',
      '§高平',
      '§平生',
      '§生猪',
      '§猪出',
      '§出栏',
      '§万头',
    ]);
  });

  it('gives Traditional and Simplified text the same tokens', () => {
    expect(tokenize('陽城蠶桑專業鎮')).toEqual(tokenize('阳城蚕桑专业镇'));
    expect(tokenize('阳城蚕桑专业镇')).toEqual(['阳城', '蚕桑', '专业', '镇', '§阳城', '§城蚕', '§蚕桑', '§桑专', '§专业', '§业镇']);
  });

  it('folds full-width characters and case before cutting', () => {
    expect(tokenize('ＧＡＰ基地　５Ｇ')).toEqual(['gap', '基地', '5g', '§基地']);
    expect(tokenize('GAP基地 5G')).toEqual(tokenize('ＧＡＰ基地　５Ｇ'));
    expect(tokenize('How Many PIGS?')).toEqual(['how', 'many', 'pigs']);
  });

  it('drops punctuation and spaces entirely', () => {
    expect(tokenize('，。！  “”')).toEqual([]);
  });
});

describe('cutWords and hanBigrams', () => {
  it('keeps bigram tokens apart from two-character words by a prefix', () => {
    expect(BIGRAM_PREFIX).toBe('§');
    expect(cutWords('蚕桑')).toEqual(['蚕桑']);
    expect(hanBigrams('蚕桑')).toEqual(['§蚕桑']);
  });

  it('makes bigrams within each Han run only, none from a one-character run', () => {
    expect(hanBigrams('阳城，蚕桑 猪')).toEqual(['§阳城', '§蚕桑']);
    expect(hanBigrams('abc 猪')).toEqual([]);
  });
});

describe('queryTokens', () => {
  it('keeps words and the bigrams no word repeats, once each', () => {
    const q = '泽州山楂山楂红酒';
    const all = tokenize(q);
    const kept = queryTokens(q);
    expect(kept).toContain('山楂');
    expect(kept).not.toContain(`${BIGRAM_PREFIX}山楂`);
    expect(all).toContain(`${BIGRAM_PREFIX}山楂`);
    expect(kept).toContain(`${BIGRAM_PREFIX}楂山`); // spans two words: no word repeats it
    expect(new Set(kept).size).toBe(kept.length);
    expect(kept.every((t) => all.includes(t))).toBe(true);
  });

  it("is tokenize's tokens deduplicated, less bigrams that repeat a word, in order (seeded texts)", () => {
    const random = prng(5);
    const pieces = ['沁水', '黑山羊', '出栏', '多少', '只', '蜂蜜', 'ABC', '２０２１', '年', '的', '，', ' ', '§', '潞绸', '阳城蚕桑', '陵川', '中药材', '？', 'tongkang', '園區'];
    for (let i = 0; i < 300; i++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 10) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
      const tokens = [...new Set(tokenize(text))];
      const words = new Set(tokens.filter((t) => !t.startsWith(BIGRAM_PREFIX)));
      expect(queryTokens(text), text).toEqual(tokens.filter((t) => !(t.startsWith(BIGRAM_PREFIX) && words.has(t.slice(BIGRAM_PREFIX.length)))));
    }
  });

  it('keeps the bigrams of a name jieba does not know', () => {
    expect(queryTokens('犁川镇')).toEqual(expect.arrayContaining([`${BIGRAM_PREFIX}犁川`, `${BIGRAM_PREFIX}川镇`]));
  });
});

describe('isPredicateWord', () => {
  it('tells verbs, adjectives, idioms and measure words (圈里) from nouns, by jieba\'s part of speech', () => {
    for (const w of ['牵头', '溜达', '适合', '一天到晚', '圈里']) expect(isPredicateWord(w), w).toBe(true);
    for (const w of ['董事长', '优惠政策', '屋顶', '第二批', '春天', '北方']) expect(isPredicateWord(w), w).toBe(false);
  });
});

describe('isIndefiniteAmount and isTimeWord', () => {
  it('tells an amount naming no number (好多, 许多) from numbers and units', () => {
    for (const w of ['好多', '许多', '很多']) expect(isIndefiniteAmount(w), w).toBe(true);
    for (const w of ['一年', '公吨', '三百', '多少年', '蜂蜜']) expect(isIndefiniteAmount(w), w).toBe(false);
  });

  it('tells an adjective or adverb (响亮, 一直) from nouns and verbs', () => {
    for (const w of ['响亮', '漂亮', '一直']) expect(isModifierWord(w), w).toBe(true);
    for (const w of ['名号', '养蜂', '驰名商标']) expect(isModifierWord(w), w).toBe(false);
  });

  it('tells a time word (如今, 清朝) from others', () => {
    for (const w of ['如今', '眼下', '清朝']) expect(isTimeWord(w), w).toBe(true);
    for (const w of ['产值', '阳城']) expect(isTimeWord(w), w).toBe(false);
  });
});

describe('isIdiomWord', () => {
  it('tells idioms and set phrases jieba knows whole from other words', () => {
    for (const w of ['从头到尾', '一天到晚', '驰名商标']) expect(isIdiomWord(w), w).toBe(true);
    for (const w of ['董事长', '牵头', '全产业链', '一天']) expect(isIdiomWord(w), w).toBe(false);
  });
});
