// Links from English phrases to the senses of target words (exact, noun-phrase head, WordNet), and the headwords they can reach.
import { PROPER, VERBAL } from './lexicon-digest.js';
import { NO_HEAD, type Dictionary } from './dictionary.js';

/** Link strength of a shared noun-phrase head ("good reputation" ~ "reputation"), relative to an exact phrase. */
export const HEAD_LINK = 0.5;
/** Headwords per phrase at which a phrase starts to count less (see specificity). */
const SPECIFIC_DF = 8;

/** 1 for a phrase few headwords share, falling by 1/4 per doubling past SPECIFIC_DF ("establish", df 28: 0.69). */
export function specificity(df: number): number {
  return 1 / (1 + Math.max(0, Math.log2(df / SPECIFIC_DF)) / 4);
}

/** The head phrase id of phrase `p` in a sense with these flags (-1 for verbal and proper senses, and phrases without one). */
export const headIn = (d: Dictionary, p: number, flags: number) => (flags === 0 && d.heads[p] !== NO_HEAD ? d.heads[p]! : -1);

/**
 * Links from a phrase to the target phrases that are it exactly, have it as a noun-phrase head, or
 * reach it through WordNet, as flat arrays: links of phrase p are start[p] .. start[p+1]. A link
 * names its target, the target's sense (numbered over all targets' senses: senseBase[target] + k),
 * the phrase's place in that sense, whether the sense is verbal, and the link weight.
 */
export type Links = { start: Uint32Array; target: Uint32Array; sense: Uint32Array; slot: Uint8Array; verbal: Uint8Array; weight: Float64Array; senseBase: Uint32Array };

/** The links of the targets' phrases (targetWords: each target's word id, or -1 when it is no headword). */
export function linkIndex(d: Dictionary, targetWords: number[]): Links {
  const senseBase = new Uint32Array(targetWords.length + 1);
  targetWords.forEach((w, t) => (senseBase[t + 1] = senseBase[t]! + (w < 0 ? 0 : d.wordSenses[w + 1]! - d.wordSenses[w]!)));
  const start = new Uint32Array(d.df.length + 1);
  // Two passes over the targets' phrases: count the links per phrase, then fill them in.
  eachLink(d, targetWords, (phrase) => start[phrase + 1]!++);
  for (let p = 0; p + 1 < start.length; p++) start[p + 1]! += start[p]!;
  const size = start[start.length - 1]!;
  const next = start.slice(0, -1);
  const l: Links = { start, target: new Uint32Array(size), sense: new Uint32Array(size), slot: new Uint8Array(size), verbal: new Uint8Array(size), weight: new Float64Array(size), senseBase };
  eachLink(d, targetWords, (phrase, target, k, slot, verbal, weight) => {
    const i = next[phrase]!++;
    l.target[i] = target;
    l.sense[i] = senseBase[target]! + k;
    // Slots are bit positions, taken mod 32 as by `1 << slot`.
    l.slot[i] = slot & 31;
    l.verbal[i] = verbal;
    l.weight[i] = weight;
  });
  return l;
}

/** Calls `found` for every link of every target phrase (see Links), in target, sense and phrase order. */
function eachLink(d: Dictionary, targetWords: number[], found: (phrase: number, target: number, k: number, slot: number, verbal: number, weight: number) => void): void {
  const spec = (id: number) => specificity(d.df[id]!);
  targetWords.forEach((w, target) => {
    if (w < 0) return;
    for (let sense = d.wordSenses[w]!; sense < d.wordSenses[w + 1]!; sense++) {
      const flags = d.senseFlags[sense]!;
      if (flags & PROPER) continue;
      const k = sense - d.wordSenses[w]!;
      const verbal = flags & VERBAL;
      for (let i = d.phraseStarts[sense]!, slot = 0; i < d.phraseStarts[sense + 1]!; i++, slot++) {
        const p = d.sensePhrases[i]!;
        found(p, target, k, slot, verbal, spec(p));
        const head = headIn(d, p, flags);
        if (head >= 0) found(head, target, k, slot, verbal, HEAD_LINK * spec(head));
        for (let j = d.wordnetOffsets[p]!; j < d.wordnetOffsets[p + 1]!; j++) {
          const near = d.wordnetPhrases[j]!;
          found(near, target, k, slot, verbal, (d.wordnetWeights[j]! / 1000) * Math.min(spec(p), spec(near)));
        }
      }
    }
  });
}

/** Words that may relate to a target, in word order: those using a linked phrase, or a phrase whose head is one (a superset). */
export function candidates(d: Dictionary, links: Links): Uint32Array {
  const seen = new Uint8Array(d.wordSenses.length - 1);
  const usersOf = (p: number) => {
    for (let i = d.userOffsets[p]!; i < d.userOffsets[p + 1]!; i++) seen[d.users[i]!] = 1;
  };
  for (let p = 0; p + 1 < links.start.length; p++) {
    if (links.start[p] === links.start[p + 1]) continue;
    usersOf(p);
    for (let i = d.headOfOffsets[p]!; i < d.headOfOffsets[p + 1]!; i++) usersOf(d.headOf[i]!);
  }
  const out: number[] = [];
  seen.forEach((s, w) => s && out.push(w));
  return Uint32Array.from(out);
}

