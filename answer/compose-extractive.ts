// Extractive answers: score the retrieved passages' sentences against the question, pick the best, cite.
import { foldForMatch } from '../ingest/index.js';
import { indexedChunk, isPredicateWord, type SearchHit } from '../index/index.js';
import { ENUMERATION, hasDate, hasNumberWithUnit, hasQuantity, type QuestionTerms } from './question-terms.js';
import { bestFormWeight, FAMILY_FORM_WEIGHT, type WordForm } from './word-forms.js';
import { namedPlaces } from './english-names.js';

/** How much a word weighs as evidence: its idf, the weight of words the corpus lacks, its other forms. */
export type WordWeights = {
  /** idf of a folded word in the corpus, 0 when the corpus never has it. */
  idf: (word: string) => number;
  /** Weight given to words the corpus never has (the corpus's largest idf). */
  unknownWeight: number;
  /**
   * Share of unknownWeight a verb or adjective the corpus never has carries (see UNKNOWN_PREDICATE_SHARE); 1, the
   * default, for a yes/no question, whose predicate is what it claims (倒闭了吗), and a list.
   */
  predicateShare?: number;
  /** Forms an article may use for a question word (an attribute family's wording), none by default. */
  forms?: (word: string) => WordForm[];
};

/** How the composer weighs evidence. */
export type ComposeOptions = WordWeights & {
  /** True for words that only name a town or county (the question's topic, not its focus). */
  isTopicWord: (word: string) => boolean;
  /** The whole paragraph a chunk belongs to (its sentences' context), folded (foldForMatch). */
  foldedParagraphOf: (chunk: SearchHit['chunk']) => string;
  /** Towns the question names, with strength. */
  namedTowns: Map<string, number>;
  /** Organisations the question names (彤康): a sentence whose paragraph names one speaks of it (该公司…). */
  entities: string[];
  maxSentences: number;
  /** Fact words of what the question asks by a phrase alone (什么地方 -> 位于): a sentence saying one is preferred. */
  askedByPhrase?: string[];
  /** True for a (folded) sentence naming an organisation of the kind the question asks which one of (哪所大学: 山西大学). */
  namesAskedKind?: (folded: string) => boolean;
};

export type ScoredSentence = {
  text: string;
  hit: number;
  /** Position of the sentence in its chunk (see splitSentences), the key of its facts. */
  sentence: number;
  score: number;
  /** Share of the question's weighted words found in the sentence or its article title. */
  coverage: number;
  /** The same over focus words (not naming a town), in the sentence alone; 1 when none. */
  focus: number;
  /** Every number of the question occurs in the sentence's passage. */
  numbersFound: boolean;
  /** The sentence has the kind of answer asked for (a quantity, a date), or none was asked for. */
  typeFound: boolean;
};

/** Whether a sentence can answer the kind of question asked (quantity or time). */
export function answersType(text: string, terms: QuestionTerms): boolean {
  if (terms.asksWhen) return hasDate(text);
  if (terms.unit) return hasNumberWithUnit(text, terms.unit);
  // (几类 / 几种 counts items, which an enumeration gives without a figure.)
  if (terms.asksNumber) return hasQuantity(text) || (terms.countsItems && ENUMERATION.test(text));
  return true;
}

/**
 * 1 when the word occurs in the text, else the weight of its best form that does. A word the corpus
 * does not know (`known` false: a typo, a colloquial form) earns at least half the share of its
 * characters that occur; a known word earns 0.
 */
export function wordMatch(word: string, text: string, known = false, forms: WordForm[] = []): number {
  if (text.includes(word)) return 1;
  // Loops, not filter/map/spread: scoring calls this for every word of every sentence.
  const byForm = bestFormWeight(forms, text);
  if (known || !/^[\u4e00-\u9fff]{2,}$/.test(word)) return byForm;
  let found = 0;
  for (const c of word) if (text.includes(c)) found++;
  return Math.max(byForm, (0.5 * found) / word.length);
}

/** Credit for a word found only in the sentence's passage, not in the sentence (its subject said before). */
export const CONTEXT_CREDIT = 0.5;

/**
 * Share of the unknown-word weight a verb, an adjective or an idiom the articles never use carries (牵头, 跑, 一天到晚):
 * what a question says of a thing is often said otherwise in the article; a noun it never uses (董事长) is a thing not there.
 */
export const UNKNOWN_PREDICATE_SHARE = 0.5;

/** The weight of a question word the corpus does not know. */
function unknownWeightOf(w: string, o: WordWeights): number {
  const share = o.predicateShare ?? 1;
  return share < 1 && isPredicateWord(w) ? o.unknownWeight * share : o.unknownWeight;
}

/**
 * Weighted share of `words` matched in `text` (1 when there are no words). With a `context`
 * (the sentence's passage), a word found only there earns CONTEXT_CREDIT.
 */
export function weightedCoverage(words: string[], text: string, o: WordWeights, context = ''): number {
  let total = 0;
  let got = 0;
  for (const w of words) {
    const idf = o.idf(w);
    const known = idf > 0;
    const weight = known ? idf : unknownWeightOf(w, o);
    total += weight;
    // (The context is looked in only when the text earns less than it would.)
    const match = wordMatch(w, text, known, o.forms?.(w));
    got += weight * (match < CONTEXT_CREDIT && context.includes(w) ? CONTEXT_CREDIT : match);
  }
  return total === 0 ? 1 : got / total;
}

/**
 * weightedCoverage of `words` in `text`, without and with `context`, in one pass (each word matched once):
 * the same two numbers as the two calls.
 */
export function weightedCoverages(words: string[], text: string, o: WordWeights, context: string): { plain: number; inContext: number } {
  let total = 0;
  let got = 0;
  let gotInContext = 0;
  for (const w of words) {
    const idf = o.idf(w);
    const known = idf > 0;
    const weight = known ? idf : unknownWeightOf(w, o);
    total += weight;
    const match = wordMatch(w, text, known, o.forms?.(w));
    got += weight * match;
    gotInContext += weight * (match < CONTEXT_CREDIT && context.includes(w) ? CONTEXT_CREDIT : match);
  }
  return total === 0 ? { plain: 1, inContext: 1 } : { plain: got / total, inContext: gotInContext / total };
}

/**
 * A sentence's text with the organisations its paragraph names appended: a sentence that says 该公司
 * or 集团 speaks of the organisation its paragraph is about; with the question's `words` its paragraph names that
 * its 该… refers to by their last character (该园区: 潞绸园).
 */
export function withReferents(folded: string, paragraph: string, entities: string[], words: string[] = []): string {
  const referred = entities.filter((e) => !folded.includes(e) && paragraph.includes(e));
  // …and one that says 该园区 / 该项目 speaks of the thing its paragraph names with that head (潞绸园 for 该园区).
  const anaphor = /该([\u4e00-\u9fff]{1,2})/.exec(folded)?.[1] ?? '';
  const named = anaphor ? words.filter((w) => w.length >= 2 && !folded.includes(w) && !referred.includes(w) && anaphor.includes(w.slice(-1)) && paragraph.includes(w)) : [];
  return referred.length || named.length ? `${folded} ${[...referred, ...named].join(' ')}` : folded;
}

/** Share of the question's numbers that occur in the text, in the classifier the question counts them in (0 when it has none). */
export function numberShare(numbers: string[], text: string, counted: (RegExp | null)[] = []): number {
  // (A number the question counts in a classifier, 五百多种, is found only in that one: 500余家 is another count.)
  const found = (n: string, i: number) => text.includes(n) && (counted[i]?.test(text) ?? true);
  return numbers.length ? numbers.filter(found).length / numbers.length : 0;
}

/** Words that give a reason, preferred for 为什么 questions. */
const CAUSAL = /由于|因为|因此|所以|使得|得益于|原因|因而/;

/** Bonus for a sentence of a town the question names (more for the industry than the county alone). */
/** Score for a sentence naming an organisation of the kind asked (see ComposeOptions.namesAskedKind). */
const ASKED_KIND_BONUS = 0.5;

export function townFit(town: string, named: Map<string, number>): number {
  return 0.1 * Math.min(1, named.get(town) ?? 0);
}

/**
 * Scores every sentence of the hits (duplicates from overlapping chunks scored once). When the
 * question names towns, only their hits are considered.
 */
export function scoreSentences(hits: SearchHit[], terms: QuestionTerms, o: ComposeOptions): ScoredSentence[] {
  const focusWords = terms.words.filter((w) => !o.isTopicWord(w));
  const seen = new Set<string>();
  const out: ScoredSentence[] = [];
  hits.forEach((h, rank) => {
    // A question that names towns is answered from those towns' articles only.
    if (o.namedTowns.size > 0 && !o.namedTowns.has(h.chunk.meta.town)) return;
    const chunk = indexedChunk(h.chunk);
    const numbersFound = terms.numbers.every((n) => chunk.folded.includes(n));
    const title = `${chunk.titleFolded} ${chunk.townFolded}`;
    const context = o.foldedParagraphOf(h.chunk);
    chunk.sentences.forEach((s, sentence) => {
      const text = s.text.trim();
      if (text.length < 4 || seen.has(text)) return;
      seen.add(text);
      const folded = s.folded.trim();
      const referents = withReferents(folded, context, o.entities, focusWords);
      // Covered and focused also through the organisation it refers to; scored half on what it says itself.
      const literal = weightedCoverage(terms.words, chunk.titledSentence(sentence), o);
      const coverage = referents === folded ? literal : weightedCoverage(terms.words, `${title} ${referents}`, o);
      // (A sentence naming no organisation by reference is matched once for both.)
      const both = referents === folded ? weightedCoverages(focusWords, folded, o, context) : null;
      const focus = both ? both.plain : weightedCoverage(focusWords, referents, o);
      const inContext = both ? both.inContext : weightedCoverage(focusWords, folded, o, context);
      const typeFound = answersType(text, terms);
      const score =
        0.3 * (literal + coverage) +
        0.4 * inContext +
        0.12 / (rank + 1) +
        (terms.asksWhy && CAUSAL.test(text) ? 0.1 : 0) +
        (o.askedByPhrase?.some((w) => folded.includes(w)) ? 0.1 : 0) +
        // Which university: a sentence naming one answers in kind.
        (o.namesAskedKind?.(folded) ? ASKED_KIND_BONUS : 0) +
        // Which township: a sentence naming one answers in kind.
        (terms.asksSpot && namedPlaces(folded).length > 0 ? 0.1 : 0) +
        (typeFound ? 0 : -0.5) +
        0.2 * numberShare(terms.numbers, folded, terms.numberCounted) +
        townFit(h.chunk.meta.town, o.namedTowns) +
        (numbersFound ? 0 : -0.5);
      out.push({ text, hit: rank, sentence, score, coverage, focus, numbersFound, typeFound });
    });
  });
  return out.sort((a, b) => b.score - a.score);
}

/**
 * Picks the answer sentences: the best one, then (up to `maxSentences`) the best sentence of each
 * other named town, or further sentences that match question words the chosen ones miss.
 */
export function pickSentences(scored: ScoredSentence[], hits: SearchHit[], terms: QuestionTerms, o: ComposeOptions): ScoredSentence[] {
  const best = scored[0];
  if (!best) return [];
  const picked = [best];
  const townOf = (s: ScoredSentence) => hits[s.hit]!.chunk.meta.town;
  const strongest = Math.max(0, ...o.namedTowns.values());
  const towns = [...o.namedTowns].filter(([, strength]) => strength === strongest).map(([town]) => town);
  const hasFocus = terms.words.some((w) => !o.isTopicWord(w));
  if (towns.length >= 2 && (strongest >= 1 || terms.asksList)) {
    for (const town of towns) {
      if (picked.length >= o.maxSentences || picked.some((p) => townOf(p) === town)) continue;
      const s = scored.find((x) => townOf(x) === town && x.typeFound && (!hasFocus || x.focus > 0));
      if (s) picked.push(s);
    }
    return picked;
  }
  if (terms.asksList && towns.length === 0) {
    for (const s of scored.slice(1)) {
      if (picked.length >= o.maxSentences) break;
      const fresh = !picked.some((p) => townOf(p) === townOf(s));
      if (fresh && s.coverage >= best.coverage - 0.05 && s.focus >= best.focus - 0.05 && s.typeFound) picked.push(s);
    }
    return picked;
  }
  const text = () => picked.map((p) => foldForMatch(p.text)).join(' ');
  const article = (x: ScoredSentence) => hits[x.hit]!.chunk.meta.title;
  for (const s of scored.slice(1)) {
    if (picked.length >= o.maxSentences || s.score < best.score * 0.85) break;
    if (article(s) !== article(best)) continue;
    const missing = terms.words.filter((w) => w.length >= 2 && !o.isTopicWord(w) && !text().includes(w));
    if (missing.some((w) => foldForMatch(s.text).includes(w))) picked.push(s);
  }
  return picked;
}

/** Evidence of the picked sentences taken together, the basis of the refusal decision. */
export type Evidence = {
  coverage: number;
  focus: number;
  /** Share of the focus weight carried by words the corpus never has and the sentences do not resemble. */
  unknownShare: number;
  numbersFound: boolean;
  typeFound: boolean;
};

/**
 * Share of focus weight on words unknown to the corpus with under half their characters in `text`
 * (a lone unknown character counts half).
 */
export function unknownShare(focusWords: string[], text: string, o: WordWeights): number {
  let total = 0;
  let unknown = 0;
  for (const w of focusWords) {
    const known = o.idf(w) > 0;
    const weight = known ? o.idf(w) : unknownWeightOf(w, o);
    total += weight;
    const match = wordMatch(w, text, false, o.forms?.(w));
    // A lone unknown character (钱, or a typo 洋 cut off its word) is weaker evidence: half weight; one the sentences
    // say in the article's words (挣 as 增收) is not unknown.
    if (!known && w.length === 1 && match < FAMILY_FORM_WEIGHT) unknown += weight / 2;
    else if (!known && match < 0.25) unknown += weight;
  }
  return total === 0 ? 0 : unknown / total;
}

/** Measures the picked sentences together: coverage with their titles, focus, numbers, answer type. */
export function measureEvidence(picked: ScoredSentence[], hits: SearchHit[], terms: QuestionTerms, o: ComposeOptions): Evidence {
  const chunks = [...new Set(picked.map((p) => hits[p.hit]!.chunk))];
  const focusWords = terms.words.filter((w) => !o.isTopicWord(w));
  const sentences = picked.map((p) => withReferents(foldForMatch(p.text), o.foldedParagraphOf(hits[p.hit]!.chunk), o.entities, focusWords)).join(' ');
  const titles = foldForMatch(chunks.map((c) => `${c.meta.title} ${c.meta.town}`).join(' '));
  const passages = foldForMatch(chunks.map((c) => c.text).join(' '));
  return {
    coverage: weightedCoverage(terms.words, `${titles} ${sentences}`, o),
    focus: weightedCoverage(focusWords, sentences, o),
    unknownShare: unknownShare(focusWords, sentences, o),
    numbersFound: terms.numbers.every((n) => passages.includes(n)),
    typeFound: picked[0]?.typeFound ?? false,
  };
}

/** Why an answer must be refused, or null when the evidence suffices. */
export function refusalReason(
  picked: ScoredSentence[],
  evidence: Evidence,
  terms: QuestionTerms,
  o: { minCoverage: number; minFocus: number; maxUnknown: number },
): string | null {
  if (picked.length === 0) return 'no passages';
  if (terms.words.length === 0 && terms.numbers.length === 0) return 'no content words';
  if (evidence.unknownShare > o.maxUnknown) return `asks about words the articles never use (${evidence.unknownShare.toFixed(2)} of the focus)`;
  if (!evidence.numbersFound) return 'a number in the question is not in the evidence';
  if (!evidence.typeFound) return 'the evidence has no quantity or date of the kind asked for';
  if (evidence.coverage < o.minCoverage) return `coverage ${evidence.coverage.toFixed(2)} below ${o.minCoverage}`;
  const unitFound = terms.unit !== '' && evidence.typeFound;
  if (!unitFound && evidence.focus < o.minFocus) return `focus coverage ${evidence.focus.toFixed(2)} below ${o.minFocus}`;
  return null;
}
