// Which chunks can hold a word: intersections of BM25's Han-bigram postings, so a question never scans the corpus for a word.
import type { Bm25Index } from './bm25.js';
import { BIGRAM_PREFIX } from './tokenize.js';

const HAN = /^[\u4e00-\u9fff]$/;

/** The bigram tokens (see hanBigrams) of every two adjacent Han characters of a folded word, distinct. */
export function wordBigrams(word: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i + 1 < word.length; i++) {
    if (HAN.test(word[i]!) && HAN.test(word[i + 1]!)) out.add(BIGRAM_PREFIX + word.slice(i, i + 2));
  }
  return [...out];
}

/** True when the ascending `docs` has `doc` (binary search). */
function hasDoc(docs: Uint32Array, doc: number): boolean {
  let lo = 0;
  let hi = docs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (docs[mid]! < doc) lo = mid + 1;
    else hi = mid;
  }
  return lo < docs.length && docs[lo] === doc;
}

/**
 * Labels (ascending) of the documents that have every Han bigram of a folded word: a superset of
 * the chunks whose folded text contains it (BM25 indexes each chunk's folded title and text with
 * all its Han bigrams), to be checked with `includes`. Null when the word has no two adjacent Han
 * characters, so the postings cannot narrow it (a digit, a Latin word, one character).
 */
export function candidateLabels(bm25: Bm25Index, word: string): Uint32Array | null {
  const bigrams = wordBigrams(word);
  if (bigrams.length === 0) return null;
  const lists = bigrams.map((b) => bm25.docsWith(b)).sort((a, b) => a.length - b.length);
  const [rarest, ...others] = lists;
  if (others.length === 0) return rarest!;
  return rarest!.filter((doc) => others.every((docs) => hasDoc(docs, doc)));
}
