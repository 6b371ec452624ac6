// Tests for word candidates from BM25's bigram postings: the bigrams of a word, and candidates that never miss a chunk.
import { describe, expect, it } from 'vitest';
import { Bm25Index, buildBm25 } from './bm25.js';
import { tokenizeFolded } from './tokenize.js';
import { candidateLabels, wordBigrams } from './word-postings.js';

const TEXTS = ['高平生猪出栏85万头。', '沁水县蜂农达1500户，蜂蜜产量高。', '阳城蚕桑，蚕茧产量167.7万公斤。', '生猪存栏和蜂农。'];
const bm25 = new Bm25Index(buildBm25(TEXTS.map(tokenizeFolded)));

describe('wordBigrams', () => {
  it('gives each pair of adjacent Han characters once, as BM25 bigram tokens', () => {
    expect(wordBigrams('蚕茧产量')).toEqual(['§蚕茧', '§茧产', '§产量']);
    expect(wordBigrams('2022年产值')).toEqual(['§年产', '§产值']);
    expect(wordBigrams('哈哈哈')).toEqual(['§哈哈']);
  });

  it('gives none for one character, digits or Latin letters', () => {
    expect([wordBigrams('猪'), wordBigrams('1500'), wordBigrams('ab'), wordBigrams('猪1猪')]).toEqual([[], [], [], []]);
  });
});

describe('candidateLabels', () => {
  it('narrows a word to the documents holding all its bigrams, ascending', () => {
    expect([...candidateLabels(bm25, '生猪')!]).toEqual([0, 3]);
    expect([...candidateLabels(bm25, '蜂农达')!]).toEqual([1]);
    expect([...candidateLabels(bm25, '产量')!]).toEqual([1, 2]);
    expect([...candidateLabels(bm25, '山楂')!]).toEqual([]);
  });

  it('is null when the postings cannot narrow the word', () => {
    expect([candidateLabels(bm25, '猪'), candidateLabels(bm25, '1500')]).toEqual([null, null]);
  });

  it('never misses a document whose text has the word (every substring of every text)', () => {
    for (const text of TEXTS) {
      for (let i = 0; i < text.length; i++) {
        for (let j = i + 1; j <= text.length; j++) {
          const word = text.slice(i, j);
          const labels = candidateLabels(bm25, word);
          const holding = TEXTS.flatMap((t, label) => (t.includes(word) ? [label] : []));
          if (labels) expect([...labels].filter((l) => holding.includes(l))).toEqual(holding);
        }
      }
    }
  });
});
