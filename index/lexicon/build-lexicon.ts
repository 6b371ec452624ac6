// Joins the dictionary with a corpus vocabulary into the compact lexicon table the index stores beside it.
import { flatten, type Dictionary } from './dictionary.js';
import { relateWords } from './relate-words.js';
import { findString, packStrings, sortedUnique, type StringTable } from './string-table.js';

/**
 * The corpus part of the lexicon. Targets are the corpus words and the dictionary words they are
 * made of (销往 -> 销 + 往); keys are any CC-CEDICT headword with related targets. English
 * translations and glosses come from the dictionary itself (see Lexicon).
 */
export type LexiconTable = {
  /** Sorted. */
  targets: StringTable;
  /** 1 when the target is a corpus word (0: only a part of one). */
  corpus: Uint8Array;
  /** Sorted headwords; related targets of key i: relTargets[relOffsets[i] .. relOffsets[i+1]], best first. */
  keys: StringTable;
  relOffsets: Uint32Array;
  relTargets: Uint32Array;
  /** Weight × 255. */
  relWeights: Uint8Array;
  /** Corpus words made of two targets, by first part: pairs [second part, word] in compounds[compoundOffsets[first] ..]. */
  compoundOffsets: Uint32Array;
  compounds: Uint32Array;
};

const HAN_WORD = /^[\u3400-\u9fff]+$/;
/** Longest corpus word split into two dictionary parts. */
const MAX_COMPOUND_CHARS = 4;

/** Two-part splits of corpus words whose parts are both dictionary headwords: [first, second, word]. */
function compoundSplits(corpusWords: string[], d: Dictionary): [string, string, string][] {
  const known = (w: string) => findString(d.words, w) >= 0;
  const out: [string, string, string][] = [];
  for (const w of corpusWords) {
    if (w.length < 2 || w.length > MAX_COMPOUND_CHARS) continue;
    for (let k = 1; k < w.length; k++) if (known(w.slice(0, k)) && known(w.slice(k))) out.push([w.slice(0, k), w.slice(k), w]);
  }
  return out;
}

/**
 * Builds the table from the dictionary and the corpus words (the index's jieba vocabulary; non-Han
 * words are ignored). Pure; well under a second for a few thousand words.
 */
export function buildLexicon(d: Dictionary, vocabulary: Iterable<string>): LexiconTable {
  const corpusWords = [...new Set(vocabulary)].filter((w) => HAN_WORD.test(w));
  const corpusSet = new Set(corpusWords);
  const splits = compoundSplits(corpusWords, d);
  const targets = sortedUnique([...corpusWords, ...splits.flatMap(([a, b]) => [a, b])]);
  const targetAt = new Map(targets.map((t, i) => [t, i]));
  const related = relateWords(d, targets);
  const byFirst: number[][] = targets.map(() => []);
  for (const [a, b, w] of splits) byFirst[targetAt.get(a)!]!.push(targetAt.get(b)!, targetAt.get(w)!);
  const comp = flatten(byFirst);
  return {
    targets: packStrings(targets),
    corpus: Uint8Array.from(targets, (t) => (corpusSet.has(t) ? 1 : 0)),
    keys: packStrings(related.keys),
    relOffsets: related.offsets,
    relTargets: related.targets,
    relWeights: Uint8Array.from(related.weights, (w) => Math.round(w * 255)),
    compoundOffsets: comp.offsets,
    compounds: comp.values,
  };
}
