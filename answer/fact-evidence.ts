// Evidence from typed facts: which facts of which chunks answer a parsed question, best first.
import { foldForMatch, isHeadTime, type Chunk, type Fact } from '../ingest/index.js';
import { factFolds, indexedChunk, type ChunkFact } from '../index/index.js';
import type { ParsedQuestion } from './parse-question.js';
import { bestFormWeight, sharesHead, type WordForm } from './word-forms.js';
import { saysAttribute } from './asked-attribute.js';

/**
 * A fact with the chunk it was found in, how well its own words fit the question (`fit`, higher is
 * better) and its rank score (`score`: fit plus its sentence's score where one applies).
 */
export type LocatedFact = { fact: Fact; chunk: Chunk; fit: number; score: number };

/** What the evidence stage needs of the corpus. */
export type FactSource = {
  factsOf: (chunk: Chunk) => Fact[];
  /** idf of a folded word, 0 when the corpus never has it. */
  idf: (word: string) => number;
  /** Other forms of a question word (dictionary paraphrases, word families), as in sentence scoring. */
  forms?: (word: string) => WordForm[];
};

/** True when a fact is of the kind of answer asked for. */
export function factAnswers(fact: Fact, q: ParsedQuestion): boolean {
  switch (q.answerType) {
    case 'quantity':
      return fact.kind === 'quantity' && fact.family !== 'duration' && (q.unitFamily === null || fact.family === q.unitFamily || fact.unit === q.unitFamily.replace(/^measure:/, ''));
    case 'time':
      // A relative date (今年4月) answers when, though it cannot be compared or counted from.
      // Which is older compares start years: a duration (历史已有300多年) reaches back to one.
      if ((q.operation === 'compare' || q.operation === 'difference') && fact.family === 'duration') return true;
      return fact.kind === 'time' && (fact.family !== 'date' || q.operation === 'lookup');
    case 'duration':
      // "早多少年" compares the years things began, so dated facts answer it too.
      if (q.operation === 'difference' || q.operation === 'compare') return (fact.kind === 'time' && fact.family !== 'date') || fact.family === 'duration';
      return (fact.kind === 'quantity' && fact.family === 'duration') || (fact.kind === 'time' && fact.family === 'era');
    case 'names':
      return fact.kind === 'honour' || fact.kind === 'name';
    case 'text':
      return true;
  }
}

/**
 * How well a fact's own words (attribute before it, words after it, its clause) match the
 * question's focus words, weighted by idf: 0..1, plus 0.3 when the clause uses a word of an
 * attribute family the question asks about, plus 0.2 for a founding year asked as founding.
 * `foldedSentence` is the fact's sentence folded (foldedSentenceOf): words found only there count half.
 */
export function attributeFit(fact: Fact, focus: string[], q: ParsedQuestion, idf: (w: string) => number, foldedSentence = '', forms?: (w: string) => WordForm[]): number {
  const around = foldedSentence;
  const folded = factFolds(fact);
  // A time standing alone at the head of a sentence (明清时期，…达到极盛) dates the whole sentence.
  const ctx = isHeadTime(fact) ? `${folded.text}|${around}` : folded.words;
  let total = 0;
  let got = 0;
  for (const w of focus) {
    const weight = idf(w) || 1;
    total += weight;
    // A word of the fact's own clause counts whole; one elsewhere in its sentence, half.
    if (ctx.includes(w)) got += weight;
    else if (around.includes(w)) got += weight / 2;
    // A word said otherwise in the clause (蜜蜂 as 蜂 in 蜂农) counts by the form's weight.
    else got += weight * Math.max(bestFormWeight(forms?.(w), ctx), inAskedUnit(fact, q) && sharesHead(w, ctx) ? HEAD_MORPHEME_WEIGHT : 0);
  }
  // Words right next to the figure (6度清甜山楂甜酒, 占全省总量的86.8%) single it out among its clause's figures.
  const next = folded.next;
  const adjacent = total ? focus.reduce((sum, w) => sum + (next.includes(w) ? idf(w) || 1 : 0), 0) / total : 0;
  const family = saysAttribute(q.attributes, ctx) ? 0.3 : 0;
  // 增收多少 asks money although no unit follows 多少: a figure in the asked attribute's unit family fits better.
  const unit = q.unitFamily === null && fact.kind === 'quantity' && q.attributes.some((a) => a.unitFamily === fact.family) ? 0.3 : 0;
  const founding = fact.role === 'founding' && q.attributes.some((a) => a.name === 'founding') ? 0.2 : 0;
  const honour = fact.kind === 'honour' ? 0.2 : 0;
  return (total ? got / total : 0) + 0.5 * adjacent + family + unit + founding + honour;
}

/** Credit for a question word whose last morpheme the clause of a figure in the asked unit has (养蜂 for 蜂农达1500户). */
const HEAD_MORPHEME_WEIGHT = 0.5;

/** True when a quantity is in the unit family the question asks (多少户: households). */
export function inAskedUnit(fact: Fact, q: ParsedQuestion): boolean {
  return fact.kind === 'quantity' && q.unitFamily !== null && fact.family === q.unitFamily;
}

/** The folded text (foldForMatch, prepared at ingest) of the sentence a fact was found in: what attributeFit reads. */
export function foldedSentenceOf(chunk: Chunk, fact: Fact): string {
  return indexedChunk(chunk).sentences[fact.sentence]?.folded ?? '';
}

/**
 * The words a figure counts (folded): those after it up to the next figure or 和、，的 (8个乡镇45个行政村198户脱贫户:
 * 乡镇 for 8个, 行政村 for 45个, 脱贫户 for 198户); when none follow, those before it (蜂农达1500户: 蜂农达).
 */
export function figureWords(fact: Fact): string {
  // The words after the figure to the next figure or list mark of its clause (500亩山楂种植基地已通过了有机认证), not only
  // the few characters kept as its `after`.
  // (The figure's first occurrence in its clause, when what follows it there is its `after`.)
  const at = fact.clause.indexOf(fact.text);
  const tail = at >= 0 ? fact.clause.slice(at + fact.text.length) : '';
  const after = (tail && tail.startsWith(fact.after.slice(0, 4)) ? tail : fact.after).split(/[和、，,的及与；;。]|\d/)[0]!;
  return foldForMatch(/[\u4e00-\u9fff]/.test(after) ? after : fact.before.split(/[和、，,的及与；;。]|\d/).pop()!.slice(-6));
}

/** The text of the sentence a fact was found in. */
export function sentenceOf(chunk: Chunk, fact: Fact): string {
  return indexedChunk(chunk).sentences[fact.sentence]?.text ?? '';
}

/** A name the question itself gives is not its answer (“泽州红”被称为什么 asks for another name). */
export function namesQuestion(fact: Fact, question: string): boolean {
  return fact.kind === 'name' && fact.items.every((i) => question.includes(i));
}

/** Facts of the chunks that are of the asked kind, with their fit, best first (ties keep text order). */
export function rankFacts(chunks: Chunk[], focus: string[], q: ParsedQuestion, source: FactSource): LocatedFact[] {
  const out: LocatedFact[] = [];
  for (const chunk of chunks) {
    for (const fact of source.factsOf(chunk)) {
      if (!factAnswers(fact, q)) continue;
      const fit = attributeFit(fact, focus, q, source.idf, foldedSentenceOf(chunk, fact), source.forms);
      out.push({ fact, chunk, fit, score: fit });
    }
  }
  return out.sort((a, b) => b.score - a.score);
}

/**
 * The chunks of a town that can hold rankFacts' first fact, in index order: those in `withWords`
 * (the ones with a focus word or a word of an asked attribute family: there a fact's words can
 * fit), and the chunk of each answering fact of `firstFacts` (the town's first fact of each kind,
 * family and founding role). Any other fact has none of those words, so attributeFit gives it only
 * what its kind, family and role give (honour, unit family, founding); it ties with, and comes
 * after, the first fact of its sort. Keep it so: a bonus from anything else breaks this.
 */
export function rankableChunks(withWords: Chunk[], firstFacts: ChunkFact[], q: ParsedQuestion): Chunk[] {
  const keep = new Set(withWords);
  for (const { chunk, fact } of firstFacts) if (factAnswers(fact, q)) keep.add(chunk);
  return [...keep].sort((a, b) => indexedChunk(a).label - indexedChunk(b).label);
}

/** Facts in one sentence of a chunk that answer the question, best fitting first. */
export function factsInSentence(chunk: Chunk, sentence: number, focus: string[], q: ParsedQuestion, source: FactSource): LocatedFact[] {
  return source
    .factsOf(chunk)
    .filter((f) => f.sentence === sentence && factAnswers(f, q))
    .map((fact) => {
      const fit = attributeFit(fact, focus, q, source.idf, foldedSentenceOf(chunk, fact), source.forms);
      return { fact, chunk, fit, score: fit };
    })
    .sort((a, b) => b.fit - a.fit);
}

/** The same fact found twice (overlapping chunks repeat a sentence) is kept once. */
export function dedupeFacts(facts: LocatedFact[]): LocatedFact[] {
  const seen = new Set<string>();
  return facts.filter((f) => {
    const key = `${f.fact.kind}|${f.fact.clause}|${f.fact.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
