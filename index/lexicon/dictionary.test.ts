// Tests for the dictionary as flat arrays: words and phrases sorted, every id remapped, the inverse lists.
import { describe, expect, it } from 'vitest';
import { dictionaryFromDigest, NO_HEAD, phrasesOf } from './dictionary.js';
import { DIGEST_VERSION, PROPER, VERBAL, type LexiconDigest } from './lexicon-digest.js';
import { findString, stringAt } from './string-table.js';

/** Words and phrases deliberately out of order. */
const digest: LexiconDigest = {
  version: DIGEST_VERSION,
  sources: 'test',
  phrases: ['sell', 'good reputation', 'reputation', 'market'],
  df: [2, 1, 1, 1],
  heads: [-1, 2, -1, -1],
  english: [[2, 1], [0], [0], [1]],
  words: ['美誉', '销', '卖', '晋城'],
  freq: [10, 20, 30, 0],
  senses: [[[0, 1]], [[VERBAL, 0], [0, 3]], [[VERBAL, 0]], [[PROPER, 2]]],
  wordnet: { '0': [3, 450] },
  // Structural only: 销 and 晋城 (digest ids 1 and 3) as a pair, to follow their ids through the sort.
  antonyms: [1, 3],
};
const d = dictionaryFromDigest(digest);
const word = (w: string) => findString(d.words, w);
const phrase = (p: string) => findString(d.phrases, p);
const phraseNames = (s: number) => [...phrasesOf(d, s)].map((p) => stringAt(d.phrases, p));

describe('dictionaryFromDigest', () => {
  it('sorts words and phrases and keeps each word its senses, flags and phrases', () => {
    expect([0, 1, 2, 3].map((i) => stringAt(d.words, i))).toEqual(['卖', '晋城', '美誉', '销']);
    expect([0, 1, 2, 3].map((i) => stringAt(d.phrases, i))).toEqual(['good reputation', 'market', 'reputation', 'sell']);
    const xiao = word('销');
    expect([d.wordSenses[xiao], d.wordSenses[xiao + 1]]).toEqual([d.wordSenses[xiao]!, d.wordSenses[xiao]! + 2]);
    expect(d.senseFlags[d.wordSenses[xiao]!]).toBe(VERBAL);
    expect(phraseNames(d.wordSenses[xiao]!)).toEqual(['sell']);
    expect(phraseNames(d.wordSenses[xiao]! + 1)).toEqual(['market']);
    expect(d.senseFlags[d.wordSenses[word('晋城')]!]).toBe(PROPER);
  });

  it('remaps counts, heads, English rankings and WordNet links to the sorted ids', () => {
    expect(d.df[phrase('sell')]).toBe(2);
    expect(d.heads[phrase('good reputation')]).toBe(phrase('reputation'));
    expect(d.heads[phrase('sell')]).toBe(NO_HEAD);
    const ranked = (p: string) => [...d.englishWords.subarray(d.englishOffsets[phrase(p)], d.englishOffsets[phrase(p) + 1])].map((w) => stringAt(d.words, w));
    expect(ranked('sell')).toEqual(['卖', '销']);
    const near = phrase('sell');
    expect([...d.wordnetPhrases.subarray(d.wordnetOffsets[near], d.wordnetOffsets[near + 1])]).toEqual([phrase('market')]);
    expect([...d.wordnetWeights.subarray(d.wordnetOffsets[near], d.wordnetOffsets[near + 1])]).toEqual([450]);
    expect([...d.antonyms].map((w) => stringAt(d.words, w))).toEqual(['销', '晋城']);
  });

  it('lists, per phrase, the words using it and the phrases it is the head of', () => {
    const users = (p: string) => [...d.users.subarray(d.userOffsets[phrase(p)], d.userOffsets[phrase(p) + 1])].map((w) => stringAt(d.words, w));
    expect(users('sell')).toEqual(['卖', '销']);
    expect(users('reputation')).toEqual(['晋城']);
    const heads = [...d.headOf.subarray(d.headOfOffsets[phrase('reputation')], d.headOfOffsets[phrase('reputation') + 1])];
    expect(heads).toEqual([phrase('good reputation')]);
  });
});
