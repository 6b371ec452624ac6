// The corpus-independent part of the lexicon as flat arrays: headwords, senses, phrases, English rankings, WordNet links.
import type { LexiconDigest } from './lexicon-digest.js';
import { packStrings, type StringTable } from './string-table.js';

/** Marks "no head phrase" in Dictionary.heads. */
export const NO_HEAD = 0xffffffff;

/**
 * CC-CEDICT and WordNet as sorted string tables and offset/value arrays (ranges: values[offsets[i] ..
 * offsets[i+1]]), so a file of it is used as read. Word and phrase ids are their places in the
 * sorted tables, so both are found by binary search.
 */
export type Dictionary = {
  /** Sorted Han headwords; senses of word w: senseFlags/phraseStarts[wordSenses[w] .. wordSenses[w+1]]. */
  words: StringTable;
  wordSenses: Uint32Array;
  /** Per sense: VERBAL | PROPER; its phrase ids: sensePhrases[phraseStarts[s] .. phraseStarts[s+1]]. */
  senseFlags: Uint8Array;
  phraseStarts: Uint32Array;
  sensePhrases: Uint32Array;
  /** Sorted English phrases; per phrase the headwords using it (df), and its noun-phrase head or NO_HEAD. */
  phrases: StringTable;
  df: Uint32Array;
  heads: Uint32Array;
  /** Per phrase, headwords that translate it, best first (see rankEnglish). */
  englishOffsets: Uint32Array;
  englishWords: Uint32Array;
  /** Per phrase, WordNet neighbour phrases and weights × 1000. */
  wordnetOffsets: Uint32Array;
  wordnetPhrases: Uint32Array;
  wordnetWeights: Uint16Array;
  /** Per phrase, the words with a sense using it, and the phrases it is the head of (for finding related words from a phrase). */
  userOffsets: Uint32Array;
  users: Uint32Array;
  headOfOffsets: Uint32Array;
  headOf: Uint32Array;
  /** Antonym pairs of words, flat [word, word, …], best evidence first (see findAntonyms; Lexicon.antonymsOf). */
  antonyms: Uint32Array;
};

/** Offsets of lists laid out one after another (offsets.length = lists.length + 1). */
export function offsetsOf(lists: { length: number }[]): Uint32Array {
  const offsets = new Uint32Array(lists.length + 1);
  for (let i = 0; i < lists.length; i++) offsets[i + 1] = offsets[i]! + lists[i]!.length;
  return offsets;
}

/** Offsets and flat values of lists in order. */
export function flatten(lists: ArrayLike<number>[]): { offsets: Uint32Array; values: Uint32Array } {
  const offsets = offsetsOf(lists);
  const values = new Uint32Array(offsets[lists.length]!);
  for (let i = 0; i < lists.length; i++) values.set(lists[i]!, offsets[i]);
  return { offsets, values };
}

/** Ids in sorted order of a list of unique strings: sorted[i] = strings[order[i]], rank[order[i]] = i. */
function sortOrder(strings: string[]): { order: number[]; rank: Uint32Array } {
  const order = strings.map((_, i) => i).sort((a, b) => (strings[a]! < strings[b]! ? -1 : strings[a]! > strings[b]! ? 1 : 0));
  const rank = new Uint32Array(strings.length);
  order.forEach((old, i) => (rank[old] = i));
  return { order, rank };
}

/** Lists `per` (indexed by the new ids) of the values of `pairs` [key, value], values kept in first-seen order, without duplicates. */
function invert(size: number, pairs: Iterable<[number, number]>): number[][] {
  const out: number[][] = Array.from({ length: size }, () => []);
  for (const [k, v] of pairs) if (out[k]!.at(-1) !== v) out[k]!.push(v);
  return out;
}

/** The digest with words and phrases in sorted order and every id remapped. Pure. */
export function dictionaryFromDigest(d: LexiconDigest): Dictionary {
  const w = sortOrder(d.words);
  const p = sortOrder(d.phrases);
  const senses = w.order.flatMap((old) => d.senses[old]!);
  const wordSenses = offsetsOf(w.order.map((old) => d.senses[old]!));
  const phraseLists = senses.map(([, ...ids]) => ids.map((id) => p.rank[id]!));
  const sense = flatten(phraseLists);
  const byPhrase = (old: number) => ({
    english: d.english[old]!.map((word) => w.rank[word]!),
    wordnet: d.wordnet[old] ?? [],
  });
  const ordered = p.order.map(byPhrase);
  const wordnetNear = ordered.map((o) => o.wordnet.filter((_, i) => i % 2 === 0).map((id) => p.rank[id]!));
  const wn = flatten(wordnetNear);
  const english = flatten(ordered.map((o) => o.english));
  const heads = Uint32Array.from(p.order, (old) => (d.heads[old]! >= 0 ? p.rank[d.heads[old]!]! : NO_HEAD));
  const usesOf = function* (): Generator<[number, number]> {
    for (let word = 0; word < w.order.length; word++) for (let s = wordSenses[word]!; s < wordSenses[word + 1]!; s++) for (const id of phraseLists[s]!) yield [id, word];
  };
  const users = flatten(invert(p.order.length, usesOf()).map((l) => [...new Set(l)]));
  const headOf = flatten(invert(p.order.length, [...heads].flatMap((h, id): [number, number][] => (h === NO_HEAD ? [] : [[h, id]]))));
  return {
    words: packStrings(w.order.map((old) => d.words[old]!)),
    wordSenses,
    senseFlags: Uint8Array.from(senses, (s) => s[0]!),
    phraseStarts: sense.offsets,
    sensePhrases: sense.values,
    phrases: packStrings(p.order.map((old) => d.phrases[old]!)),
    df: Uint32Array.from(p.order, (old) => d.df[old]!),
    heads,
    englishOffsets: english.offsets,
    englishWords: english.values,
    wordnetOffsets: wn.offsets,
    wordnetPhrases: wn.values,
    wordnetWeights: Uint16Array.from(ordered.flatMap((o) => o.wordnet.filter((_, i) => i % 2 === 1))),
    userOffsets: users.offsets,
    users: users.values,
    headOfOffsets: headOf.offsets,
    headOf: headOf.values,
    antonyms: Uint32Array.from(d.antonyms, (old) => w.rank[old]!),
  };
}

/** The phrase ids of sense s. */
export const phrasesOf = (d: Dictionary, s: number) => d.sensePhrases.subarray(d.phraseStarts[s], d.phraseStarts[s + 1]);
