// Tests for antonyms: the rules on a hand-made dictionary, and Lexicon.antonymsOf over the real CC-CEDICT/WordNet dictionary.
import { beforeAll, describe, expect, it } from 'vitest';
import { findAntonyms } from './antonyms.js';
import { buildLexicon } from './build-lexicon.js';
import type { CedictWord } from './cedict-source.js';
import { loadDictionary } from './dictionary-cache.js';
import { Lexicon } from './lexicon.js';
import type { WordNet } from './wordnet-source.js';

/** A small WordNet: long/short on the scale "length", high/low, limited/unlimited, and "rapid", a satellite of "fast" (antonym "slow"). */
function wordNet(): WordNet {
  const synsets: Record<string, string[]> = { a1: ['long'], a2: ['short'], a3: ['high'], a4: ['low'], a5: ['limited'], a6: ['unlimited'], a7: ['fast'], a8: ['slow'], a9: ['rapid'], n1: ['length'] };
  const senses = new Map<string, string[]>();
  for (const [key, lemmas] of Object.entries(synsets)) for (const l of lemmas) senses.set(l, [...(senses.get(l) ?? []), key]);
  const pairs = [['a1', 'a2'], ['a3', 'a4'], ['a5', 'a6'], ['a7', 'a8']] as const;
  return {
    senses,
    lemmas: new Map(Object.entries(synsets)),
    hops: new Map(),
    antonyms: pairs.flatMap(([a, b]) => [{ synset: a, word: 0, other: b, otherWord: 0 }, { synset: b, word: 0, other: a, otherWord: 0 }]),
    satelliteHeads: new Map([['a9', 'a7']]),
    attributes: new Map([['a1', ['n1']], ['a2', ['n1']]]),
    hypernyms: new Map(),
  };
}

const word = (w: string, ...glosses: string[]): CedictWord => ({ word: w, senses: glosses.map((g) => ({ phrases: g.split('; '), verbal: false, proper: false })) });

/** The pairs findAntonyms keeps over these headwords, all frequent in `extra` (jieba's dictionary stand-in). */
function pairsOf(cedict: CedictWord[], extra: string[] = []): string[] {
  const lexicon = new Map([...cedict.map((w) => w.word), ...extra].map((w) => [w, 1000]));
  return findAntonyms(cedict, wordNet(), lexicon).map(([a, b]) => `${cedict[a]!.word}/${cedict[b]!.word}`);
}

describe('findAntonyms', () => {
  it('pairs single characters whose glosses are WordNet antonyms when they form a coordinate compound', () => {
    // 长短 "length" names the scale of long/short; 高 and 低 form no word here.
    expect(pairsOf([word('长', 'long'), word('短', 'short'), word('长短', 'length'), word('高', 'high'), word('低', 'low')])).toEqual(['长/短']);
    // A compound glossed "X and Y" also bears the pair out, and so does one only jieba's dictionary knows.
    expect(pairsOf([word('高', 'high'), word('低', 'low'), word('高低', 'high and low')])).toEqual(['高/低']);
    expect(pairsOf([word('高', 'high'), word('低', 'low')], ['高低'])).toEqual(['高/低']);
  });

  it('rejects a compound CC-CEDICT glosses as something else, and pairs across a satellite adjective', () => {
    expect(pairsOf([word('高', 'high'), word('低', 'low'), word('高低', 'pitch')])).toEqual([]);
    // 快 "rapid": "rapid" is similar to "fast", whose antonym is "slow".
    expect(pairsOf([word('快', 'rapid'), word('慢', 'slow'), word('快慢', 'fast or slow')])).toEqual(['快/慢']);
  });

  it('pairs two-character words that differ in one character when those two form a compound', () => {
    const cedict = [word('有限', 'limited'), word('无限', 'unlimited')];
    expect(pairsOf([...cedict, word('有无', 'to have or not have')])).toEqual(['有限/无限']);
    expect(pairsOf(cedict)).toEqual([]);
  });

  it('pairs only words of the same length whose lemma is an early sense, and never a word glossing both lemmas', () => {
    expect(pairsOf([word('长', 'long'), word('短小', 'short'), word('长短', 'length')])).toEqual([]);
    expect(pairsOf([word('长', 'chief', 'elder', 'grow', 'long'), word('短', 'short'), word('长短', 'length')])).toEqual([]);
    expect(pairsOf([word('长', 'long'), word('短', 'short; long'), word('长短', 'length')])).toEqual([]);
  });
});

describe('Lexicon.antonymsOf over the real dictionary', () => {
  let lexicon: Lexicon;

  beforeAll(() => {
    const { dictionary } = loadDictionary();
    lexicon = new Lexicon(buildLexicon(dictionary, []), dictionary, { english: {}, gloss: {} });
  }, 600_000);

  it('gives the common single-character opposites, both ways', () => {
    const pairs: [string, string][] = [['短', '长'], ['快', '慢'], ['早', '晚'], ['肥', '瘦'], ['高', '低'], ['多', '少'], ['大', '小'], ['新', '旧']];
    for (const [a, b] of pairs) {
      expect(lexicon.antonymsOf(a)).toContain(b);
      expect(lexicon.antonymsOf(b)).toContain(a);
    }
  });

  it('gives two-character opposites that differ in one character', () => {
    expect(lexicon.antonymsOf('有限')).toContain('无限');
    expect(lexicon.antonymsOf('进口')).toContain('出口');
  });

  it('gives [] for words without opposites and unknown words, and never the word itself', () => {
    for (const w of ['山楂', '蜂蜜', '产值', '晋城', 'xyz', '']) expect(lexicon.antonymsOf(w)).toEqual([]);
    for (const w of ['短', '大', '有限']) expect(lexicon.antonymsOf(w)).not.toContain(w);
  });

  it('returns a copy: changing it does not change the next answer', () => {
    lexicon.antonymsOf('短').push('山楂');
    expect(lexicon.antonymsOf('短')).not.toContain('山楂');
  });
});
