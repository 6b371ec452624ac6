// Drops antonym pairs that the related-words scoring also relates: a pair cannot be both opposites and paraphrases.
import type { Dictionary } from './dictionary.js';
import { relateWords } from './relate-words.js';
import { findString, sortedUnique, stringAt } from './string-table.js';

/**
 * Weight from which a relation reads as a paraphrase: the answerer trusts relatedWords from 0.25
 * (answer-chain's MIN_RELATED). Weaker relations are shared heads and hypernyms, which opposites have
 * (坏人/好人 "bad/good person", 有效/无效 through "validity"): they stay antonyms.
 */
export const SYNONYM_WEIGHT = 0.25;

/**
 * The dictionary without the antonym pairs whose two words relateWords relates at SYNONYM_WEIGHT or
 * more (either way), and the pairs dropped with that weight. The relation is scored with the pairs'
 * words as the only targets, as a corpus holding both words would score it.
 */
export function withoutRelatedAntonyms(d: Dictionary): { dictionary: Dictionary; dropped: [string, string, number][] } {
  const pairs: [string, string][] = [];
  for (let i = 0; i + 1 < d.antonyms.length; i += 2) pairs.push([stringAt(d.words, d.antonyms[i]!), stringAt(d.words, d.antonyms[i + 1]!)]);
  const targets = sortedUnique(pairs.flat());
  const related = relateWords(d, targets);
  const weight = (from: string, to: string) => {
    const key = related.keys.indexOf(from);
    const t = targets.indexOf(to);
    for (let i = key < 0 ? 0 : related.offsets[key]!; key >= 0 && i < related.offsets[key + 1]!; i++) if (related.targets[i] === t) return related.weights[i]!;
    return 0;
  };
  const kept: number[] = [];
  const dropped: [string, string, number][] = [];
  for (const [a, b] of pairs) {
    const w = Math.max(weight(a, b), weight(b, a));
    if (w >= SYNONYM_WEIGHT) dropped.push([a, b, w]);
    else kept.push(findString(d.words, a), findString(d.words, b));
  }
  return { dictionary: { ...d, antonyms: Uint32Array.from(kept) }, dropped };
}
