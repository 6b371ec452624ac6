// Scores how well CC-CEDICT headwords paraphrase target words: shared gloss phrases, heads of noun phrases, WordNet links.
import { PROPER, VERBAL, type LexiconDigest } from './lexicon-digest.js';

/** Link strength of a shared noun-phrase head ("good reputation" ~ "reputation"), relative to an exact phrase. */
export const HEAD_LINK = 0.5;
/**
 * Factor for two words that share no character. Chinese near-synonyms mostly share a morpheme
 * (创办/创建, 饲养/养殖, 美誉/荣誉); pairs that meet only through a polysemous English word
 * (面积 "area" / 地区 "area") mostly do not.
 */
export const NO_SHARED_CHAR = 0.7;
/** Relations below this weight are dropped; at most MAX_RELATED are kept per word, best first. */
export const MIN_WEIGHT = 0.1;
export const MAX_RELATED = 16;
/** Headwords per phrase at which a phrase starts to count less (see specificity). */
const SPECIFIC_DF = 8;

/** 1 for a phrase few headwords share, falling by 1/4 per doubling past SPECIFIC_DF ("establish", df 28: 0.69). */
export function specificity(df: number): number {
  return 1 / (1 + Math.max(0, Math.log2(df / SPECIFIC_DF)) / 4);
}

/**
 * Factor for a link between a verbal sense ("to breed") and a nominal one ("breed; variety"): the
 * same English word names a different thing (养殖 / 品种, 销售 "to market" / 市场 "market").
 */
export const OTHER_PART_OF_SPEECH = 0.5;

/** A target phrase reached from a phrase: target index, its sense, the phrase's place in that sense, whether the sense is verbal, the link weight. */
type Link = { target: number; sense: number; slot: number; verbal: number; weight: number };

/** The head phrase id of phrase `p` in a sense with these flags (-1 for verbal and proper senses, and phrases without one). */
const headIn = (digest: LexiconDigest, p: number, flags: number) => (flags === 0 ? digest.heads[p]! : -1);

/** phrase id -> links to target phrases that are it exactly, have it as a noun-phrase head, or reach it through WordNet. */
function linkIndex(digest: LexiconDigest, targets: string[]): (Link[] | undefined)[] {
  const wordAt = new Map(digest.words.map((w, i) => [w, i]));
  const spec = (id: number) => specificity(digest.df[id]!);
  const index: (Link[] | undefined)[] = new Array(digest.phrases.length);
  const add = (phrase: number, link: Link) => (index[phrase] ??= []).push(link);
  targets.forEach((t, target) => {
    const w = wordAt.get(t);
    if (w === undefined) return;
    digest.senses[w]!.forEach(([flags, ...phrases], sense) => {
      if (flags! & PROPER) return;
      const verbal = flags! & VERBAL;
      phrases.forEach((p, slot) => {
        add(p, { target, sense, slot, verbal, weight: spec(p) });
        const head = headIn(digest, p, flags!);
        if (head >= 0) add(head, { target, sense, slot, verbal, weight: HEAD_LINK * spec(head) });
        const near = digest.wordnet[p] ?? [];
        for (let k = 0; k < near.length; k += 2) add(near[k]!, { target, sense, slot, verbal, weight: (near[k + 1]! / 1000) * Math.min(spec(p), spec(near[k]!)) });
      });
    });
  });
  return index;
}

const bits = (mask: number) => {
  let n = 0;
  for (let m = mask; m; m &= m - 1) n++;
  return n;
};

/** Per sense of one side: the best link weight and which of its phrases were linked (bit mask). */
type SenseHits = Map<number, { best: number; slots: number }>;

function hit(hits: SenseHits, sense: number, slot: number, weight: number): void {
  const h = hits.get(sense) ?? { best: 0, slots: 0 };
  h.best = Math.max(h.best, weight);
  h.slots |= 1 << slot;
  hits.set(sense, h);
}

/**
 * Share of a word's meaning covered by links: over its senses (equal shares), the best link of the
 * sense times (1 + the share of the sense's phrases linked) / 2 — "to raise; to increase" linked by
 * "raise" alone covers half as much as "to raise; to breed" linked by both.
 */
function coverage(hits: SenseHits, senses: number[][]): number {
  let sum = 0;
  for (const [sense, h] of hits) sum += (h.best * (1 + bits(h.slots) / (senses[sense]!.length - 1))) / 2;
  return sum / senses.length;
}

/** True when some phrase of the senses (or its head) links to a target; most headwords share nothing with a corpus. */
function touches(digest: LexiconDigest, senses: number[][], index: (Link[] | undefined)[]): boolean {
  for (const sense of senses) {
    if (sense[0]! & PROPER) continue;
    for (let i = 1; i < sense.length; i++) if (index[sense[i]!] || index[headIn(digest, sense[i]!, sense[0]!)]) return true;
  }
  return false;
}

/**
 * For every digest headword, the targets that paraphrase it: weight = √(coverage of the word by the
 * target × coverage of the target by the word) (see coverage), so words whose main meanings meet
 * score high and a stray sense of a many-sense word scores low. Returns headword index -> [target, weight][].
 */
export function relateWords(digest: LexiconDigest, targets: string[]): Map<number, [number, number][]> {
  const index = linkIndex(digest, targets);
  const wordAt = new Map(digest.words.map((w, i) => [w, i]));
  const targetSenses = targets.map((t) => digest.senses[wordAt.get(t) ?? -1] ?? []);
  const out = new Map<number, [number, number][]>();
  digest.senses.forEach((senses, word) => {
    if (!touches(digest, senses, index)) return;
    const acc = new Map<number, { own: SenseHits; their: SenseHits }>();
    const visit = (phrase: number, sense: number, slot: number, verbal: number, factor: number) => {
      for (const link of index[phrase] ?? []) {
        const weight = link.weight * factor * (link.verbal === verbal ? 1 : OTHER_PART_OF_SPEECH);
        let a = acc.get(link.target);
        if (!a) acc.set(link.target, (a = { own: new Map(), their: new Map() }));
        hit(a.own, sense, slot, weight);
        hit(a.their, link.sense, link.slot, weight);
      }
    };
    senses.forEach((sense, s) => {
      if (sense[0]! & PROPER) return;
      for (let slot = 0; slot + 1 < sense.length; slot++) {
        const p = sense[slot + 1]!;
        visit(p, s, slot, sense[0]! & VERBAL, 1);
        const head = headIn(digest, p, sense[0]!);
        if (head >= 0) visit(head, s, slot, sense[0]! & VERBAL, HEAD_LINK);
      }
    });
    const self = digest.words[word]!;
    const scored: [number, number][] = [];
    for (const [target, a] of acc) {
      if (targets[target] === self) continue;
      const shared = [...targets[target]!].some((c) => self.includes(c));
      const weight = Math.sqrt(coverage(a.own, senses) * coverage(a.their, targetSenses[target]!)) * (shared ? 1 : NO_SHARED_CHAR);
      if (weight >= MIN_WEIGHT) scored.push([target, Math.min(1, weight)]);
    }
    if (scored.length) out.set(word, scored.sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, MAX_RELATED));
  });
  return out;
}
