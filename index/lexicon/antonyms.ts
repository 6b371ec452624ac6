// Antonym pairs of Chinese headwords: WordNet antonym pointers between English lemmas, carried to the
// CC-CEDICT headwords those lemmas gloss, kept where the characters themselves bear the opposition out.
import type { CedictWord } from './cedict-source.js';
import { ENGLISH_STOPWORDS } from './english-words.js';
import { senseRank, type WordNet } from './wordnet-source.js';

/** Longest headword paired, in characters: antonyms are short common words (长/短, 成功/失败). */
export const MAX_ANTONYM_CHARS = 2;
/** Least frequency in jieba's dictionary of a paired headword: below it, pairs are mostly of rare or technical words (犹女/犹子, 伸肌/屈肌). */
export const MIN_ANTONYM_FREQ = 100;
/** A headword stands for a lemma when the lemma is the first phrase of one of its first senses (晚: evening; night; late). */
const GLOSS_SENSES = 3;
/** WordNet senses of a lemma past this rank (0 = its most frequent sense of that part of speech) are not followed. */
const MAX_LEMMA_RANK = 1;
/**
 * Most evidence cost kept, by length (see findAntonyms): single characters are polysemous, so theirs
 * must be close to first meanings; two-character words may reach one step further.
 */
const MAX_COST: Record<number, number> = { 1: 1, 2: 2 };
/** Words of a gloss that join two things: a compound glossed "X and Y", "X or Y" is coordinate. */
const JOINING = new Set(['and', 'or', 'versus']);

/** An English antonym link: to the other lemma, how far from first senses (WordNet ranks, +1 when not a direct pointer), and the scale it is on. */
type Link = { other: string; cost: number; scale: Set<string> };
/** A headword's gloss used as a lemma: the phrase, a verb or not, and 0 in its first sense, else 1. */
type Gloss = { lemma: string; verbal: boolean; late: number };
/** Why two headwords are opposites: the lemma pair, summed distance from first meanings, and the scale nouns. */
type Evidence = { a: number; b: number; lemma: string; other: string; cost: number; scale: Set<string> };

const partOf = (verbal: boolean) => (verbal ? 'v' : 'n');

/** Lower-case words of a text, space-padded, for whole-word tests. */
const wordsOf = (text: string) => ` ${text.toLowerCase().replace(/[^a-z0-9'-]+/g, ' ').trim()} `;
const mentions = (text: string, phrase: string) => text.includes(` ${phrase} `);

/**
 * Lemma -> antonym lemmas, per part of speech ("v" verbs, "n" anything else: CC-CEDICT tells verbs
 * only). From each WordNet antonym pointer between senses ranked at most MAX_LEMMA_RANK: the two
 * words it links (cost = their ranks), the other lemmas of the two synsets (+1), and the lemmas whose
 * first adjective sense is a satellite of a head with antonyms ("rapid" is similar to "fast", whose
 * antonym is "slow"; +1). Function words (some, all, no) are left out.
 */
export function antonymLinks(wn: WordNet): Map<string, Link[]> {
  const best = new Map<string, Map<string, Link>>();
  const scaleOf = (synset: string) => {
    const nouns = wn.attributes.get(synset) ?? [];
    return new Set([...nouns, ...nouns.flatMap((n) => wn.hypernyms.get(n) ?? [])].flatMap((n) => wn.lemmas.get(n) ?? []));
  };
  const add = (lemma: string, other: string, part: string, cost: number, scale: Set<string>) => {
    if (lemma === other || ENGLISH_STOPWORDS.has(lemma) || ENGLISH_STOPWORDS.has(other)) return;
    const key = `${lemma}\t${part}`;
    const links = best.get(key) ?? new Map<string, Link>();
    const had = links.get(other);
    if (!had) links.set(other, { other, cost, scale: new Set(scale) });
    else {
      had.cost = Math.min(had.cost, cost);
      for (const s of scale) had.scale.add(s);
    }
    best.set(key, links);
  };
  const ranked = (lemma: string, synset: string) => {
    const rank = senseRank(wn, lemma, synset);
    return rank >= 0 && rank <= MAX_LEMMA_RANK ? rank : -1;
  };
  /** Head adjective synset -> the antonyms of its words (for its satellites). */
  const byHead = new Map<string, { other: string; otherSynset: string }[]>();
  for (const p of wn.antonyms) {
    const lemmas = wn.lemmas.get(p.synset) ?? [];
    const others = wn.lemmas.get(p.other) ?? [];
    const [word, other] = [lemmas[p.word], others[p.otherWord]];
    if (word === undefined || other === undefined) continue;
    const part = p.synset[0] === 'v' ? 'v' : 'n';
    const scale = new Set([...scaleOf(p.synset), ...scaleOf(p.other)]);
    for (const x of lemmas) {
      for (const y of others) {
        const [rx, ry] = [ranked(x, p.synset), ranked(y, p.other)];
        if (rx >= 0 && ry >= 0) add(x, y, part, rx + ry + (x === word && y === other ? 0 : 1), scale);
      }
    }
    if (p.synset[0] === 'a') byHead.set(p.synset, [...(byHead.get(p.synset) ?? []), { other, otherSynset: p.other }]);
  }
  for (const [lemma, synsets] of wn.senses) {
    const first = synsets.find((s) => s[0] === 'a');
    const head = first && wn.satelliteHeads.get(first);
    for (const p of (head && byHead.get(head)) || []) {
      const rank = ranked(p.other, p.otherSynset);
      if (rank < 0) continue;
      const scale = new Set([...scaleOf(head!), ...scaleOf(p.otherSynset)]);
      add(lemma, p.other, 'n', rank + 1, scale);
      add(p.other, lemma, 'n', rank + 1, scale);
    }
  }
  return new Map([...best].map(([key, links]) => [key, [...links.values()]]));
}

/** The glosses a headword stands for: the first phrase of each of its first GLOSS_SENSES senses, proper-noun senses left out. */
function glossesOf(w: CedictWord): Gloss[] {
  return w.senses.slice(0, GLOSS_SENSES).flatMap((s, k) => (s.proper || !s.phrases[0] ? [] : [{ lemma: s.phrases[0], verbal: s.verbal, late: k === 0 ? 0 : 1 }]));
}

/**
 * Antonym pairs of CC-CEDICT headwords, as indexes into `cedict`, best evidence (lowest cost) first, then commonest.
 *
 * A headword of one or two characters, frequent in jieba's dictionary (`lexicon`, word -> frequency),
 * stands for the first phrase of each of its first senses; two such headwords of the same length
 * whose lemmas are WordNet antonyms (see antonymLinks; same part of speech) are candidates, unless
 * either also glosses the other's lemma. Cost: the link's cost plus 1 for each side whose lemma is
 * not in its first sense (MAX_COST). Glosses alone pair many stray senses (传/统 "spread/gather",
 * 左/权利 "left/right"), so a pair is kept only where its characters bear the opposition out:
 *  - two single characters form a coordinate compound (长短 "length", 大小 "large and small",
 *    早晚 "morning and evening"): the compound, in either order, is a CC-CEDICT headword glossed
 *    "X and/or Y", naming both lemmas or the scale they lie on (WordNet attribute: length, speed),
 *    or, when CC-CEDICT lacks it, a word of jieba's dictionary (新旧, 冷热);
 *  - two two-character words differ in one place only, and the two characters there form such a
 *    compound, glossed "X and/or Y" or known to jieba only (不便/方便: 不方; 出口/进口: 进出).
 */
export function findAntonyms(cedict: CedictWord[], wn: WordNet, lexicon: Map<string, number>): [number, number][] {
  const links = antonymLinks(wn);
  const word = (i: number) => cedict[i]!.word;
  // Paired headwords: their glosses, the phrases of their first senses, and the headwords per gloss.
  const glosses = new Map<number, Gloss[]>();
  const phrases = new Map<number, Set<string>>();
  const byLemma = new Map<string, { word: number; late: number }[]>();
  cedict.forEach((w, i) => {
    if (w.word.length > MAX_ANTONYM_CHARS || (lexicon.get(w.word) ?? 0) < MIN_ANTONYM_FREQ) return;
    glosses.set(i, glossesOf(w));
    phrases.set(i, new Set(w.senses.slice(0, GLOSS_SENSES).flatMap((s) => s.phrases)));
    for (const g of glosses.get(i)!) {
      const key = `${g.lemma}\t${partOf(g.verbal)}`;
      const list = byLemma.get(key);
      if (list) list.push({ word: i, late: g.late });
      else byLemma.set(key, [{ word: i, late: g.late }]);
    }
  });
  const evidence = new Map<string, Evidence>();
  for (const [a, list] of glosses) {
    for (const g of list) {
      for (const link of links.get(`${g.lemma}\t${partOf(g.verbal)}`) ?? []) {
        if (phrases.get(a)!.has(link.other)) continue;
        for (const { word: b, late } of byLemma.get(`${link.other}\t${partOf(g.verbal)}`) ?? []) {
          if (b === a || word(b).length !== word(a).length || phrases.get(b)!.has(g.lemma)) continue;
          const cost = g.late + late + link.cost;
          const key = a < b ? `${a} ${b}` : `${b} ${a}`;
          const had = evidence.get(key);
          if (!had || cost < had.cost) evidence.set(key, { a: Math.min(a, b), b: Math.max(a, b), lemma: g.lemma, other: link.other, cost, scale: link.scale });
        }
      }
    }
  }
  const at = new Map(cedict.map((w, i) => [w.word, i]));
  /** True when CC-CEDICT glosses one of the compounds as coordinate (see findAntonyms), else, when it has none of them, when jieba knows one. */
  const coordinate = (compounds: string[], e: Evidence | null) => {
    const glossed = compounds.map((c) => at.get(c)).filter((i): i is number => i !== undefined);
    if (glossed.length === 0) return compounds.some((c) => lexicon.has(c));
    return glossed.some((i) => {
      const list = cedict[i]!.senses.filter((s) => !s.proper).flatMap((s) => s.phrases);
      const text = wordsOf(list.join(' | '));
      if ([...JOINING].some((j) => mentions(text, j))) return true;
      return e !== null && ((mentions(text, e.lemma) && mentions(text, e.other)) || list.some((p) => e.scale.has(p)));
    });
  };
  const borneOut = (e: Evidence) => {
    const [a, b] = [word(e.a), word(e.b)];
    if (e.cost > MAX_COST[a.length]!) return false;
    if (a.length === 1) return coordinate([a + b, b + a], e);
    const place = a[0] === b[0] ? 1 : a[1] === b[1] ? 0 : -1;
    if (place < 0) return false;
    const [x, y] = [a[place]!, b[place]!];
    return coordinate([x + y, y + x].filter((c) => c !== a && c !== b), null);
  };
  // Best evidence first, then the commoner pair (多: 少 before 寡).
  const common = (e: Evidence) => Math.min(lexicon.get(word(e.a))!, lexicon.get(word(e.b))!);
  return [...evidence.values()]
    .filter(borneOut)
    .sort((x, y) => x.cost - y.cost || common(y) - common(x) || x.a - y.a || x.b - y.b)
    .map((e) => [e.a, e.b]);
}
