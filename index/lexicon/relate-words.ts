// Scores how well CC-CEDICT headwords paraphrase target words: shared gloss phrases, heads of noun phrases, WordNet links.
import { MAX_SENSES } from './cedict-source.js';
import type { Dictionary } from './dictionary.js';
import { PROPER, VERBAL } from './lexicon-digest.js';
import { findString, stringAt } from './string-table.js';
import { candidates, HEAD_LINK, headIn, linkIndex, type Links } from './target-links.js';

/**
 * Factor for two words that share no character. Chinese near-synonyms mostly share a morpheme
 * (创办/创建, 饲养/养殖, 美誉/荣誉); pairs that meet only through a polysemous English word
 * (面积 "area" / 地区 "area") mostly do not.
 */
export const NO_SHARED_CHAR = 0.7;
/** Relations below this weight are dropped; at most MAX_RELATED are kept per word, best first. */
export const MIN_WEIGHT = 0.1;
export const MAX_RELATED = 16;
/**
 * Factor for a link between a verbal sense ("to breed") and a nominal one ("breed; variety"): the
 * same English word names a different thing (养殖 / 品种, 销售 "to market" / 市场 "market").
 */
export const OTHER_PART_OF_SPEECH = 0.5;

/** True when the two words have a character in common. */
function sharesChar(a: string, b: string): boolean {
  for (const c of a) if (b.includes(c)) return true;
  return false;
}

const bits = (mask: number) => {
  let n = 0;
  for (let m = mask; m; m &= m - 1) n++;
  return n;
};

/** The MAX_RELATED best (target, weight) pairs offered since the last clear, by weight, then target (lower first). */
class TopRelated {
  private readonly targets = new Uint32Array(MAX_RELATED);
  private readonly weights = new Float64Array(MAX_RELATED);
  private count = 0;

  private before(weight: number, target: number, i: number): boolean {
    return weight > this.weights[i]! || (weight === this.weights[i] && target < this.targets[i]!);
  }

  /** False when a pair of this weight (or less) cannot enter. */
  admits(weight: number, target: number): boolean {
    return this.count < MAX_RELATED || this.before(weight, target, MAX_RELATED - 1);
  }

  add(weight: number, target: number): void {
    if (!this.admits(weight, target)) return;
    let at = Math.min(this.count, MAX_RELATED - 1);
    for (; at > 0 && this.before(weight, target, at - 1); at--) {
      this.targets[at] = this.targets[at - 1]!;
      this.weights[at] = this.weights[at - 1]!;
    }
    this.targets[at] = target;
    this.weights[at] = weight;
    this.count = Math.min(this.count + 1, MAX_RELATED);
  }

  /** Appends the pairs, best first, to flat lists, and clears; returns how many. */
  drainTo(targets: number[], weights: number[]): number {
    const n = this.count;
    for (let i = 0; i < n; i++) targets.push(this.targets[i]!), weights.push(this.weights[i]!);
    this.count = 0;
    return n;
  }
}

/**
 * Scores one word against the targets at a time, in scratch arrays reused from word to word: per
 * (target, sense of the word) and per target sense, the best link weight and which phrases were
 * linked (bit mask), and the entries touched, so that summing and clearing cost what was visited.
 */
class Scorer {
  private readonly ownBest: Float64Array;
  private readonly ownSlots: Uint32Array;
  private readonly theirBest: Float64Array;
  private readonly theirSlots: Uint32Array;
  /** Per target sense: its target and its phrase count. */
  private readonly senseTarget: Uint32Array;
  private readonly sensePhrases: Uint32Array;
  private readonly ownTouched: number[] = [];
  private readonly theirTouched: number[] = [];
  private readonly ownSum: Float64Array;
  private readonly theirSum: Float64Array;
  private readonly touched: number[] = [];
  private readonly top = new TopRelated();

  constructor(
    private readonly d: Dictionary,
    private readonly links: Links,
    private readonly targets: string[],
    private readonly targetWords: number[],
  ) {
    const senses = links.senseBase[targets.length]!;
    this.ownBest = new Float64Array(targets.length * MAX_SENSES);
    this.ownSlots = new Uint32Array(targets.length * MAX_SENSES);
    this.theirBest = new Float64Array(senses);
    this.theirSlots = new Uint32Array(senses);
    this.senseTarget = new Uint32Array(senses);
    this.sensePhrases = new Uint32Array(senses);
    targetWords.forEach((w, t) => {
      for (let at = links.senseBase[t]!; at < links.senseBase[t + 1]!; at++) {
        const sense = d.wordSenses[w]! + at - links.senseBase[t]!;
        this.senseTarget[at] = t;
        this.sensePhrases[at] = d.phraseStarts[sense + 1]! - d.phraseStarts[sense]!;
      }
    });
    this.ownSum = new Float64Array(targets.length);
    this.theirSum = new Float64Array(targets.length);
  }

  private visit(phrase: number, k: number, slot: number, verbal: number, factor: number): void {
    const l = this.links;
    for (let i = l.start[phrase]!; i < l.start[phrase + 1]!; i++) {
      const weight = l.weight[i]! * factor * (l.verbal[i] === verbal ? 1 : OTHER_PART_OF_SPEECH);
      const own = l.target[i]! * MAX_SENSES + k;
      if (this.ownSlots[own] === 0) this.ownTouched.push(own);
      if (weight > this.ownBest[own]!) this.ownBest[own] = weight;
      this.ownSlots[own]! |= 1 << slot;
      const their = l.sense[i]!;
      if (this.theirSlots[their] === 0) this.theirTouched.push(their);
      if (weight > this.theirBest[their]!) this.theirBest[their] = weight;
      this.theirSlots[their]! |= 1 << l.slot[i]!;
    }
  }

  /**
   * Sums, per target, each touched sense's share of meaning covered (see relateWords): the best
   * link of the sense times (1 + the share of the sense's phrases linked) / 2 — "to raise; to
   * increase" linked by "raise" alone covers half as much as "to raise; to breed" linked by both.
   * Clears the hits.
   */
  private sumCoverage(w: number): void {
    const d = this.d;
    for (const own of this.ownTouched) {
      const t = (own / MAX_SENSES) | 0;
      const sense = d.wordSenses[w]! + (own % MAX_SENSES);
      if (this.ownSum[t] === 0 && this.theirSum[t] === 0) this.touched.push(t);
      this.ownSum[t]! += (this.ownBest[own]! * (1 + bits(this.ownSlots[own]!) / (d.phraseStarts[sense + 1]! - d.phraseStarts[sense]!))) / 2;
      this.ownBest[own] = 0;
      this.ownSlots[own] = 0;
    }
    for (const their of this.theirTouched) {
      const t = this.senseTarget[their]!;
      this.theirSum[t]! += (this.theirBest[their]! * (1 + bits(this.theirSlots[their]!) / this.sensePhrases[their]!)) / 2;
      this.theirBest[their] = 0;
      this.theirSlots[their] = 0;
    }
    this.ownTouched.length = 0;
    this.theirTouched.length = 0;
  }

  /** Targets that paraphrase word w, best first (see relateWords). */
  relate(w: number): TopRelated {
    const d = this.d;
    const first = d.wordSenses[w]!;
    const senses = d.wordSenses[w + 1]! - first;
    for (let k = 0; k < senses; k++) {
      const flags = d.senseFlags[first + k]!;
      if (flags & PROPER) continue;
      for (let i = d.phraseStarts[first + k]!, slot = 0; i < d.phraseStarts[first + k + 1]!; i++, slot++) {
        const p = d.sensePhrases[i]!;
        this.visit(p, k, slot, flags & VERBAL, 1);
        const head = headIn(d, p, flags);
        if (head >= 0) this.visit(head, k, slot, flags & VERBAL, HEAD_LINK);
      }
    }
    this.sumCoverage(w);
    let self: string | null = null;
    const top = this.top;
    for (const t of this.touched) {
      const raw = Math.sqrt((this.ownSum[t]! / senses) * (this.theirSum[t]! / (this.links.senseBase[t + 1]! - this.links.senseBase[t]!)));
      this.ownSum[t] = 0;
      this.theirSum[t] = 0;
      if (raw < MIN_WEIGHT || this.targetWords[t] === w || !top.admits(raw, t)) continue;
      self ??= stringAt(d.words, w);
      const weight = Math.min(1, raw * (sharesChar(this.targets[t]!, self) ? 1 : NO_SHARED_CHAR));
      if (weight >= MIN_WEIGHT) top.add(weight, t);
    }
    this.touched.length = 0;
    return top;
  }
}

/** Related targets per headword: keys in order, targets[offsets[i] .. offsets[i+1]] with their weights, best first. */
export type Relations = { keys: string[]; offsets: Uint32Array; targets: Uint32Array; weights: Float64Array };

/**
 * For every dictionary headword that relates to some target, the targets that paraphrase it:
 * weight = √(coverage of the word by the target × coverage of the target by the word) (see
 * Scorer.sumCoverage), so words whose main meanings meet score high and a stray sense of a
 * many-sense word scores low. Only words reached from the targets' phrases are visited. Keys come
 * in the dictionary's (sorted) order.
 */
export function relateWords(d: Dictionary, targets: string[]): Relations {
  const targetWords = targets.map((t) => findString(d.words, t));
  const links = linkIndex(d, targetWords);
  const scorer = new Scorer(d, links, targets, targetWords);
  const keys: string[] = [];
  const offsets = [0];
  const related: number[] = [];
  const weights: number[] = [];
  for (const w of candidates(d, links)) {
    if (!scorer.relate(w).drainTo(related, weights)) continue;
    keys.push(stringAt(d.words, w));
    offsets.push(related.length);
  }
  return { keys, offsets: Uint32Array.from(offsets), targets: Uint32Array.from(related), weights: Float64Array.from(weights) };
}
