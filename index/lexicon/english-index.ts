// English phrase -> Chinese headwords, from CC-CEDICT glosses: ranked once per dictionary (Lexicon puts corpus words first).

/** Headwords ranked per phrase in the digest; corpus words and others given per phrase by a lexicon. */
export const MAX_RANKED = 16;
export const MAX_CORPUS_WORDS = 4;
export const MAX_OTHER_WORDS = 2;

/** How well a headword renders a phrase; lower is better (compared field by field). */
type Rank = [viaHead: number, laterSense: number, rarity: number, length: number, word: number];

const compare = (a: Rank, b: Rank) => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
};

/**
 * For every phrase, the headwords that translate it (exactly, or as the head of a noun phrase:
 * "chinese hawthorn" -> "hawthorn"), best first: exact before head, a first sense before later
 * ones, the more frequent word (jieba's dictionary), the shorter word. At most MAX_RANKED.
 */
export function rankEnglish(d: { phrases: string[]; heads: number[]; words: string[]; freq: number[]; senses: number[][][] }): number[][] {
  const best: Map<number, Rank>[] = d.phrases.map(() => new Map());
  const offer = (phrase: number, rank: Rank) => {
    const had = best[phrase]!.get(rank[4]);
    if (!had || compare(rank, had) < 0) best[phrase]!.set(rank[4], rank);
  };
  d.senses.forEach((senses, w) => {
    senses.forEach(([flags, ...phrases], sense) => {
      for (const p of phrases) {
        const rank: Rank = [0, Math.min(sense, 1), -d.freq[w]!, d.words[w]!.length, w];
        offer(p, rank);
        // Heads of common nouns only: "the Forbidden City" does not translate "city".
        if (flags === 0 && d.heads[p]! >= 0) offer(d.heads[p]!, [1, ...rank.slice(1)] as Rank);
      }
    });
  });
  return best.map((words) => [...words.values()].sort(compare).slice(0, MAX_RANKED).map((r) => r[4]));
}

/** Longest English phrase kept, in words (Lexicon.translateEnglish looks up no longer ones). */
export const MAX_ENGLISH_WORDS = 3;
