// Joins the dictionary digest with a corpus vocabulary into the compact lexicon table the index stores.
import { selectEnglish } from './english-index.js';
import type { LexiconDigest } from './lexicon-digest.js';
import { relateWords } from './relate-words.js';
import { packStrings, sortedUnique, type StringTable } from './string-table.js';

/**
 * The lexicon of one corpus. Targets are the corpus words and the dictionary words they are made
 * of (销往 -> 销 + 往); keys are any CC-CEDICT headword with related targets.
 */
export type LexiconTable = {
  /** Sorted. */
  targets: StringTable;
  /** 1 when the target is a corpus word (0: only a part of one). */
  corpus: Uint8Array;
  /** Short English gloss per target ('' when the dictionary has none). */
  glosses: StringTable;
  /** Sorted headwords; related targets of key i: relTargets[relOffsets[i] .. relOffsets[i+1]], best first. */
  keys: StringTable;
  relOffsets: Uint32Array;
  relTargets: Uint32Array;
  /** Weight × 255. */
  relWeights: Uint8Array;
  /** Corpus words made of two targets, by first part: pairs [second part, word] in compounds[compoundOffsets[first] ..]. */
  compoundOffsets: Uint32Array;
  compounds: Uint32Array;
  /** Sorted English phrases; their Chinese words: englishWords[englishOffsets[i] .. englishOffsets[i+1]]. */
  english: StringTable;
  englishOffsets: Uint32Array;
  englishWords: StringTable;
};

const HAN_WORD = /^[\u3400-\u9fff]+$/;
/** Longest corpus word split into two dictionary parts. */
const MAX_COMPOUND_CHARS = 4;

/** Two-part splits of corpus words whose parts are both dictionary headwords: [first, second, word]. */
function compoundSplits(corpusWords: string[], headwords: Set<string>): [string, string, string][] {
  const out: [string, string, string][] = [];
  for (const w of corpusWords) {
    if (w.length < 2 || w.length > MAX_COMPOUND_CHARS) continue;
    for (let k = 1; k < w.length; k++) if (headwords.has(w.slice(0, k)) && headwords.has(w.slice(k))) out.push([w.slice(0, k), w.slice(k), w]);
  }
  return out;
}

/** Offsets and flat values of lists laid out in key order. */
function flatten<T>(lists: T[][]): { offsets: Uint32Array; values: T[] } {
  const offsets = new Uint32Array(lists.length + 1);
  lists.forEach((l, i) => (offsets[i + 1] = offsets[i]! + l.length));
  return { offsets, values: lists.flat() };
}

/**
 * Builds the table from the digest and the corpus words (the index's jieba vocabulary; non-Han
 * words are ignored). Pure; about a second for a few thousand words.
 */
export function buildLexicon(digest: LexiconDigest, vocabulary: Iterable<string>): LexiconTable {
  const corpusWords = [...new Set(vocabulary)].filter((w) => HAN_WORD.test(w));
  const corpusSet = new Set(corpusWords);
  const headwords = new Set(digest.words);
  const splits = compoundSplits(corpusWords, headwords);
  const targets = sortedUnique([...corpusWords, ...splits.flatMap(([a, b]) => [a, b])]);
  const targetAt = new Map(targets.map((t, i) => [t, i]));
  const wordAt = new Map(digest.words.map((w, i) => [w, i]));
  const glosses = targets.map((t) => digest.phrases[digest.senses[wordAt.get(t) ?? -1]?.[0]?.[1] ?? -1] ?? '');
  const related = relateWords(digest, targets);
  const keyOrder = sortedUnique([...related.keys()].map((w) => digest.words[w]!));
  const rel = flatten(keyOrder.map((k) => related.get(wordAt.get(k)!)!));
  const byFirst: [number, number][][] = targets.map(() => []);
  for (const [a, b, w] of splits) byFirst[targetAt.get(a)!]!.push([targetAt.get(b)!, targetAt.get(w)!]);
  const comp = flatten(byFirst);
  const english = selectEnglish(digest, corpusSet);
  const phrases = sortedUnique(english.keys());
  const eng = flatten(phrases.map((p) => english.get(p)!));
  return {
    targets: packStrings(targets),
    corpus: Uint8Array.from(targets, (t) => (corpusSet.has(t) ? 1 : 0)),
    glosses: packStrings(glosses),
    keys: packStrings(keyOrder),
    relOffsets: rel.offsets,
    relTargets: Uint32Array.from(rel.values, ([t]) => t),
    relWeights: Uint8Array.from(rel.values, ([, w]) => Math.round(w * 255)),
    compoundOffsets: comp.offsets.map((o) => o * 2),
    compounds: Uint32Array.from(comp.values.flat()),
    english: packStrings(phrases),
    englishOffsets: eng.offsets,
    englishWords: packStrings(eng.values),
  };
}
