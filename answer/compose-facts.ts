// One composer per operation: lookups lead with the fact, lists and counts gather items, comparisons compute.
import { countedFamily, extractFacts, foldForMatch, parseNumber, splitClauses, unitScale, type Chunk, type Fact } from '../ingest/index.js';
import { cutWords, functionWords, indexedChunk, isPredicateWord, type ChunkFact, type SearchHit } from '../index/index.js';
import type { ScoredSentence } from './compose-extractive.js';
import { answersAsked, askedWords, otherMeasure, saysAttribute, scopeOf } from './asked-attribute.js';
import type { AttributeFamily } from './attribute-families.js';
import { attributeFit, dedupeFacts, figureWords, factsInSentence, foldedSentenceOf, namesQuestion, rankableChunks, rankFacts, sentenceOf, type FactSource, type LocatedFact } from './fact-evidence.js';
import { claimedFacts, claimFamilies, claimsHold, claimText } from './claimed-figures.js';
import { BODIES, COUNTED, compareFacts, inAskedUnit, startYear } from './compare-facts.js';
import { ASKS_TOWNS, attributeFamilies, boundBefore, comparisonSides, isBoundWord, isTimeNoun, KINDS_OF, type ParsedQuestion } from './parse-question.js';
import { asStatement, bestClause, CitationList, focusWeight, englishValue, factStatement, notStated, trimSentence } from './render-answer.js';
import { bestFormWeight, FAMILY_FORM_WEIGHT, sharesHead, type WordForm } from './word-forms.js';
import { actionsAsked, FRAME_NOUNS, quotedTerms } from './question-terms.js';
import { romanisedCounty } from './english-names.js';

/** What a composer works from. */
export type ComposeContext = {
  question: string;
  parsed: ParsedQuestion;
  /** Folded content words of the question that do not only name a town. */
  focus: string[];
  /** Towns the question names (strongest mentions), in the order they appear. */
  towns: string[];
  /** Strength of those mentions: 1 or more when the industry is named, below 1 for a county alone. */
  townStrength: number;
  scored: ScoredSentence[];
  /** The sentences the sentence scorer picked (the best, then ones adding missing words or towns). */
  picked: ScoredSentence[];
  hits: SearchHit[];
  source: FactSource & {
    chunksOfTown: (town: string) => Chunk[];
    /** The chunks of a town whose folded text has at least one of the words, in index order. */
    chunksOfTownWith: (town: string, words: string[]) => Chunk[];
    /** A town's first fact of each kind, family and founding role, in index order. */
    firstFactsOfTown: (town: string) => ChunkFact[];
    townNames: () => string[];
    /** Chunks whose folded text has a word (at most a few hundred). */
    chunksWith: (word: string) => Chunk[];
    /** Towns a piece of text names (strongest mentions). */
    townsIn: (text: string) => string[];
    /** An English piece of text's Chinese words (the dictionary's translations), [] for Chinese text. */
    chineseWords: (text: string) => string[];
    /** The latest calendar year the corpus mentions (durations reach back from it). */
    referenceYear: number;
    /** The whole paragraph a chunk belongs to, folded (foldForMatch). */
    foldedParagraphOf: (chunk: Chunk) => string;
    /** Authors of the corpus's articles, with the chunks of each article. */
    articlesByAuthor: () => Map<string, Chunk[][]>;
    /** The first author (in articlesByAuthor's order) whose name the question contains. */
    authorIn: (question: string) => string | undefined;
    /** Words of opposite meaning (短 -> 长), from the lexicon; [] when it knows none. */
    antonymsOf?: (word: string) => string[];
  };
  /** True when the question asks which towns (哪些专业镇, 哪几个县…) rather than about one. */
  asksTowns: boolean;
  /** Organisations of the corpus the question names (凯永, 彤康): a fact answers only from a passage naming them. */
  entities: string[];
};

/** True when a chunk's paragraph or title names every organisation the question names. */
export function namesEntities(ctx: ComposeContext, chunk: Chunk): boolean {
  if (ctx.entities.length === 0) return true;
  const text = `${indexedChunk(chunk).titleFolded} ${ctx.source.foldedParagraphOf(chunk)}`;
  return ctx.entities.every((e) => text.includes(e));
}

/** A composed answer: its text with [n] markers, the cited chunks in marker order, the facts used. */
export type Reply = { answer: string; citations: CitationList; refused: boolean; related: string[]; facts: LocatedFact[] };

export const reply = (answer: string, citations: CitationList, facts: LocatedFact[] = [], refused = false, related: string[] = []): Reply => ({
  answer,
  citations,
  refused,
  related,
  facts,
});

/**
 * The focus words that can describe the asked attribute. A named organisation (彤康公司: its name and
 * the word completing it) picks the passages (namesEntities), like a town; it says nothing of the attribute.
 */
export function attributeFocus(ctx: ComposeContext): string[] {
  const q = foldForMatch(ctx.question);
  return ctx.focus.filter((w) => !ctx.entities.some((e) => e.includes(w) || w.includes(e) || q.includes(e + w)));
}

/** Facts of the asked kind in the best sentences (within `margin` of the best score), best first. */
export function typedCandidates(ctx: ComposeContext, margin = 0.3): LocatedFact[] {
  const best = ctx.scored[0];
  if (!best) return [];
  const out: LocatedFact[] = [];
  const focus = attributeFocus(ctx);
  for (const s of ctx.scored.slice(0, 8)) {
    if (s.score < best.score - margin) break;
    const chunk = ctx.hits[s.hit]!.chunk;
    if (!namesEntities(ctx, chunk)) continue;
    // A town named by its industry (阳城陶瓷) is answered from its own article, not its county's other one.
    if (ctx.townStrength >= 1 && ctx.towns.length > 0 && !ctx.towns.includes(chunk.meta.town)) continue;
    for (const f of factsInSentence(chunk, s.sentence, focus, ctx.parsed, ctx.source)) {
      if (!namesQuestion(f.fact, ctx.question)) out.push({ ...f, score: f.fit + s.score });
    }
  }
  return dedupeFacts(out.sort((a, b) => b.score - a.score));
}

/** answeringCandidates' result per context (a lookup asks it, then the composer it falls to asks again; contexts are never changed). */
const candidatesOf = new WeakMap<ComposeContext, LocatedFact[]>();

/** typedCandidates whose sentence states the asked attribute, in the asked scope and measure (see answersAsked). Shared: do not change it. */
export function answeringCandidates(ctx: ComposeContext): LocatedFact[] {
  let found = candidatesOf.get(ctx);
  if (!found) candidatesOf.set(ctx, (found = findAnsweringCandidates(ctx)));
  return found;
}

/**
 * True when only the unit asked says what is asked (能整出多少吨), or the kind of answer (干了多少年: a duration): the
 * words by the question word are verbs the articles never use, saying how, not what, or lone characters (最 of 最多).
 */
export function askedByUnitOnly(ctx: ComposeContext): boolean {
  if (ctx.parsed.unitFamily === null && ctx.parsed.answerType !== 'duration') return false;
  let found = unitOnlyOf.get(ctx);
  if (found === undefined) {
    const near = askedWords(ctx.question, attributeFocus(ctx));
    unitOnlyOf.set(ctx, (found = near.every((w) => w.length < 2 || (ctx.source.idf(w) === 0 && isPredicateWord(w)))));
  }
  return found;
}

/** askedByUnitOnly's result per context (the lookup and the candidates it reads both ask it). */
const unitOnlyOf = new WeakMap<ComposeContext, boolean>();

function findAnsweringCandidates(ctx: ComposeContext): LocatedFact[] {
  const asked = askedByUnitOnly(ctx) ? [] : askedWords(ctx.question, attributeFocus(ctx)).filter((w) => !functionWords(w).has(w));
  const given = claimedFacts(claimText(ctx.question)).filter((f) => f.kind === 'quantity');
  // A figure given to be said in another unit (那20万吨换成斤) is the one asked about.
  const converts = (f: LocatedFact) => ctx.parsed.unit !== '' && !f.fact.text.includes(ctx.parsed.unit);
  // (English "how much" asks an amount, not a count: 四大名蜜 is no answer to how much honey.)
  const amount = ctx.parsed.english && /\bhow much\b/i.test(ctx.question);
  const found = typedCandidates(ctx).filter(
    (f) =>
      answersAsked(f.fact, sentenceOf(f.chunk, f.fact), asked, ctx.question, ctx.parsed.attributes, ctx.parsed.unitFamily) &&
      (converts(f) || !givenFigure(f.fact, given)) &&
      !narrowerGroup(ctx, f.fact) &&
      !(amount && COUNTED.includes(f.fact.family)),
  );
  // A place's figure asked (高平出了多少头猪): one an organisation states of itself (企业出栏…30多万头) comes after the place's own.
  if (ctx.entities.length > 0 || found.length < 2) return found;
  const q = foldForMatch(ctx.question);
  const own = (f: LocatedFact) => Number(organisationsOwnFigure(f.fact, q));
  return found.some((f) => own(f) === 1) ? [...found].sort((a, b) => own(a) - own(b)) : found;
}

/** Words before a figure that make it an organisation's own (企业出栏…, 该公司年产…). */
const ORGANISATION_SUBJECT = /^(?:该|这家)?(企业|公司|集团|合作社|协会|工厂|厂家?)/;

/** True when a figure is an organisation's own (its subject leads the words before it, as the articles write them) and the (folded) question does not say that word. */
function organisationsOwnFigure(fact: Fact, question: string): boolean {
  const subject = fact.kind === 'quantity' ? ORGANISATION_SUBJECT.exec(fact.before)?.[1] : undefined;
  return subject !== undefined && !question.includes(subject);
}

/** Idf from which a word before a count of households or people singles out part of them (脱贫 of 198户脱贫户). */
const GROUP_QUALIFIER_IDF = 2;

/**
 * A count of households or people whose counted noun has a rare word the question does not say (198户脱贫户 for 养蚕的乡亲有
 * 多少户): it counts a narrower group than asked. A word sharing its last morpheme with a question word (蜂农 of 养蜂) is the group.
 */
function narrowerGroup(ctx: ComposeContext, fact: Fact): boolean {
  if (fact.kind !== 'quantity' || (fact.family !== 'households' && fact.family !== 'people')) return false;
  // Only a noun of households or people after the figure is what it counts (198户脱贫户; not 蜂农达 of 蜂农达1500户,
  // nor 劳动就业问题 of 上千人); a word for people at large (群众) is no qualifier.
  if (countedFamily(fact.after) === null) return false;
  const q = foldForMatch(ctx.question);
  // (The counted noun phrase only, up to its noun: 农户 of 农户致富, whose verb qualifies nothing.)
  const phrase = figureWords(fact);
  const noun = /^[\u4e00-\u9fff]{0,3}?户/.exec(phrase)?.[0] ?? phrase;
  const qualifiers = cutWords(noun).filter((w) => w.length >= 2 && ctx.source.idf(w) >= GROUP_QUALIFIER_IDF && countedFamily(w) !== 'people' && w !== '农户');
  return qualifiers.some((w) => !q.includes(w) && !ctx.focus.some((x) => sharesHead(x, w) || w.includes(x)));
}

/** A figure the question itself gives (那30来家合作社有多少社员: 30余家) is what it asks about, not its answer. */
function givenFigure(fact: Fact, given: Fact[]): boolean {
  return fact.kind === 'quantity' && fact.value !== null && given.some((g) => g.family === fact.family && Math.abs(g.value! - fact.value!) <= 0.005 * Math.abs(g.value!));
}

/**
 * 都有多少度的 / list the strengths: every figure of the asked measure that the best one's sentence states, in
 * its order, then the clause (or sentence) saying them. Null when the sentence states fewer than two.
 */
export function composeFigureList(ctx: ComposeContext): Reply | null {
  if (ctx.parsed.answerType !== 'quantity' || ctx.parsed.unitFamily === null) return null;
  const top = answeringCandidates(ctx)[0];
  if (!top || top.fact.value === null) return null;
  let figures = ctx.source
    .factsOf(top.chunk)
    .filter((f) => f.sentence === top.fact.sentence && f.family === top.fact.family && f.value !== null)
    .sort((a, b) => a.clauseStart - b.clauseStart || a.clause.indexOf(a.text) - b.clause.indexOf(b.text));
  // (The figures of a thing the question names, 山楂白兰地有哪几种度数: those whose item says it, 42度和54度山楂白兰地.)
  const itemOf = (f: Fact) => f.clause.slice(f.clause.indexOf(f.text) + f.text.length).split(/[、，,；;]/)[0]!;
  const named = ctx.focus.filter((w) => figures.some((f) => itemOf(f).includes(w)) && !figures.every((f) => itemOf(f).includes(w)));
  if (named.length) figures = figures.filter((f) => named.some((w) => itemOf(f).includes(w)));
  const texts = [...new Set(figures.map((f) => f.text))];
  if (texts.length < 2) return null;
  const cites = new CitationList();
  const sentence = sentenceOf(top.chunk, top.fact);
  const clauses = [...new Set(figures.map((f) => f.clause))];
  const said = clauses.length === 1 ? factStatement(top.fact, sentence).replace(/。$/, '') : sentence.replace(/。$/, '');
  const lead = ctx.parsed.english ? `${figures.map(englishValue).filter((v, i, all) => all.indexOf(v) === i).join(', ')}. ` : `${texts.join('、')}：`;
  return reply(`${lead}${said}。${cites.mark(top.chunk)}`, cites, figures.map((fact) => ({ ...top, fact })));
}

/** A lookup: the best fact of the asked kind as a short statement; a trimmed sentence for free-text answers. */
export function composeLookup(ctx: ComposeContext): Reply | null {
  const cites = new CitationList();
  // (…and so is an organisation's name asked (龙头企业叫什么名字): the sentence with its organisation leading.)
  if (ctx.parsed.answerType === 'text' || (ctx.parsed.answerType === 'names' && ASKS_ORGANISATION.test(ctx.question))) {
    if (ctx.picked.length === 0) return null;
    const series = ['list', 'lookup'].includes(ctx.parsed.operation) && actionsAsked(foldForMatch(ctx.question)) !== '';
    const picked = ctx.parsed.operation === 'reason' ? causalPicked(ctx) : ctx.picked;
    const parts = picked.map((s) => {
      const text = ctx.parsed.operation === 'reason' ? reasonClauses(s.text) : trimSentence(s.text, ctx.focus, ctx.source.idf, series);
      return `${text}${cites.mark(ctx.hits[s.hit]!.chunk)}`;
    });
    // 是哪家: the organisation the best sentence is about leads (its subject may be said sentences before).
    // (…and asked who, where the sentence names its organisation only as 该集团 / 该公司: the one it refers back to.)
    const asksOrg = ASKS_ORGANISATION.test(ctx.question) || (/谁|\bwho\b/i.test(foldForMatch(ctx.question)) && picked[0] !== undefined && ANAPHOR_ORG.test(picked[0].text));
    const org = asksOrg && picked[0] ? subjectOrganisation(ctx.source.factsOf(ctx.hits[picked[0].hit]!.chunk), picked[0].sentence) : undefined;
    return reply(`${org && !parts[0]!.includes(org) ? `${org}：` : ''}${parts.join('')}`, cites);
  }
  if (ctx.towns.length >= 2 && ctx.townStrength >= 1) return composePerTown(ctx);
  const candidates = answeringCandidates(ctx);
  let top = candidates[0];
  if (!top) return null;
  // A name whose own clause holds a figure the question says (连续12年被确定为… for 12 years in a row) is the one asked.
  const figures = ctx.parsed.answerType === 'names' ? ctx.question.match(/\d+(?:\.\d+)?/g) ?? [] : [];
  if (figures.length) top = candidates.find((f) => f.chunk === top!.chunk && f.fact.sentence === top!.fact.sentence && figures.some((n) => f.fact.clause.includes(n))) ?? top;
  let picked = '';
  if (ctx.parsed.operation === 'superlative' && top.fact.value !== null) {
    // 最高 / 最多 within one passage: the extreme of the best sentence's figures of the same family.
    const peers = candidates.filter((f) => f.chunk === top!.chunk && f.fact.sentence === top!.fact.sentence && f.fact.family === top!.fact.family && f.fact.value !== null);
    top = peers.reduce((a, b) => ((ctx.parsed.direction === 'max' ? b.fact.value! > a.fact.value! : b.fact.value! < a.fact.value!) ? b : a), top);
    // The chosen figure leads (最低的是6度清甜山楂甜酒), the clause it was chosen from follows.
    if (peers.length > 1 && !ctx.parsed.english) picked = `${ctx.parsed.superlative}的是${top.fact.text}${top.fact.after.replace(/[、，,和及与等].*$/, '')}：`;
  }
  const statement = factStatement(top.fact, sentenceOf(top.chunk, top.fact)).replace(/。$/, '');
  // Asked in another unit of the figure's family (多少万斤 of 5000吨): the figure in that unit leads.
  const converted = top.fact.kind === 'quantity' && top.fact.value !== null && ctx.parsed.unit && !top.fact.text.includes(ctx.parsed.unit) ? inAskedUnit(top.fact.value, top.fact.family, ctx.parsed.unit) : null;
  if (converted && !ctx.parsed.english) picked = `${picked}合${converted}：`;
  const lead = ctx.parsed.english ? `${englishValue(top.fact)}. ` : picked;
  return reply(`${lead}${statement}。${cites.mark(top.chunk)}`, cites, [top]);
}

/** An English superlative as the articles write it (biggest -> 最大). */
const ENGLISH_SUPERLATIVE: Record<string, string> = {
  largest: '最大', biggest: '最大', greatest: '最大', highest: '最高', most: '最多', oldest: '最早', earliest: '最早',
  smallest: '最小', lowest: '最低', fewest: '最少', latest: '最晚', strongest: '最高', mildest: '最低', weakest: '最低',
};

/** A clause that ranks what the clause before it says (居全省第一, 位列全国前列). */
const RANKS_BACK = /^(?:居|位居|位列|排名|排在|名列|稳居)/;

/** A clause calling something the top one without a superlative word: the big county of an activity (养羊大县), first, at the head. */
const TOP_CLAIM = /[\u4e00-\u9fff]大(?:县|市|省|镇)|第一(?!方阵|批|届|次|期)|之首|首位/;

/** A clause saying something was the first to do it: 率先, 首个, 首家, 首创. */
const FIRST_CLAIM = /率先|首个|首家|首创|第一(?:个|家)/;

/** How many of the best sentences are looked through for one stating the superlative asked. */
const STATED_SUPERLATIVE_DEPTH = 3;

/** A superlative of size or amount (最大, 最高, 最多): what a top-one claim (第一) says in other words. */
const MOST = /最(?:大|高|多|强)/;

/**
 * A superlative the article states itself (“最早可以追溯到春秋战国时代” for 最早…什么时代): the best
 * sentence has the question's superlative word, so its fact answers as a lookup, no computing needed.
 */
export function composeStatedSuperlative(ctx: ComposeContext): Reply | null {
  const word = ENGLISH_SUPERLATIVE[ctx.parsed.superlative.toLowerCase()] ?? ctx.parsed.superlative;
  if (!word) return null;
  // The clause saying the superlative says it of something asked (面积最大, not 发挥到最大), in the scope the
  // question names (全省规模最大, not 华北地区规模最大): the best of the leading sentences with such a clause.
  const wanted = scopeOf(foldForMatch(ctx.question));
  // 华北最大的…是哪家 / 最大的是啥: the one the sentence says it of, with the clause that says so.
  // (最大的什么基地 asks which one too, where no amount is asked.)
  const which = WHICH_ONE.test(ctx.question) || (/什么|啥/.test(ctx.question) && !/多少|几|多大|多高|多长/.test(ctx.question));
  // Which one is said to be the top one in other words too (养羊最多的县: 沁水县是晋城市养羊大县; 第一, 之首).
  // (…and the first one to do something as 率先, 首个: 在全国率先开发 for 最早开发.)
  // (A top-one claim says the most, never the least.)
  const other = /^(?:最早|最先|率先|首先)$/.test(word) ? FIRST_CLAIM : ctx.parsed.direction === 'max' ? TOP_CLAIM : null;
  // (Which one is asked by 哪家 / 谁 even of the earliest: the one, not its time.)
  const one = which && (ctx.parsed.answerType !== 'time' || /哪一?[家个位]|谁|\bwhich\b|\bwho\b/i.test(ctx.question));
  // (…and a top-one claim asked, 排第一, is said as 最大 / 最高 / 最多 too.)
  const most = other === TOP_CLAIM && TOP_CLAIM.test(word) ? MOST : null;
  const claim = (folded: string) => (folded.includes(word) ? word : one && other ? (other.exec(folded)?.[0] ?? most?.exec(folded)?.[0] ?? '') : '');
  // (A clause that only ranks (居全省第一) says it of the clause before it: 生猪出栏85万头，居全省第一.)
  const saying = (x: ScoredSentence) =>
    splitClauses(x.text).find((c, i, all) => {
      const folded = foldForMatch(c);
      const about = RANKS_BACK.test(folded) && i > 0 ? `${foldForMatch(all[i - 1]!)}${folded}` : folded;
      const said = claim(folded);
      // (…of a focus word, or for a top-one claim of its last morpheme: 养猪 of 生猪调出大县.)
      const of = (w: string) => w !== word && w !== said && (about.includes(w) || (said !== word && sharesHead(w, about)));
      return said !== '' && ctx.focus.some(of) && (!wanted || !scopeOf(folded) || folded.includes(wanted));
    });
  const stated = ctx.scored
    .slice(0, STATED_SUPERLATIVE_DEPTH)
    .map((x) => ({ best: x, saidIn: saying(x) }))
    .find((x) => x.saidIn !== undefined);
  if (!stated?.saidIn) return null;
  const { best, saidIn } = stated;
  if (one) return statedOne(ctx, best, claim(foldForMatch(saidIn)));
  // The time or figure of the clause saying the superlative answers (最早可以追溯到春秋战国时代), not another of its sentence (近代).
  const chunk = ctx.hits[best.hit]!.chunk;
  const clause = saidIn.replace(/[，,；;。]$/, '');
  const kind = ctx.parsed.answerType === 'time' ? 'time' : ctx.parsed.answerType === 'quantity' ? 'quantity' : '';
  const own = kind ? ctx.source.factsOf(chunk).find((f) => f.sentence === best.sentence && f.kind === kind && clause.includes(f.text)) : undefined;
  if (own && !WHICH_ONE.test(ctx.question)) {
    const cites = new CitationList();
    return reply(`${ctx.parsed.english ? `${englishValue(own)}. ` : ''}${clause}。${cites.mark(chunk)}`, cites, [{ fact: own, chunk, fit: 1, score: 1 }]);
  }
  const found = composeLookup({ ...ctx, parsed: { ...ctx.parsed, operation: 'lookup' }, scored: [best] });
  // 哪个…最早 asks which one: the answer names the town the sentence is about.
  const town = ctx.hits[best.hit]!.chunk.meta.town;
  return found && /哪个|哪一个|哪项|哪种产业|which/i.test(ctx.question) && town && !found.answer.includes(town) ? { ...found, answer: `${town}：${found.answer}` } : found;
}

/**
 * 数额最大的收入 / 哪个项目的投资最大: the extreme figure the articles state for the one measured attribute the
 * question names (its family's words before the figure, its unit family), across the page.
 */
export function composeMeasureSuperlative(ctx: ComposeContext): Reply | null {
  const measures = ctx.parsed.attributes.filter((a) => a.measure && a.unitFamily);
  const measure = measures.length === 1 ? measures[0]! : undefined;
  // The unit family ranked: the named measure's, else the one the question asks (百分比, 按吨算).
  const family = measure?.unitFamily ?? ctx.parsed.unitFamily;
  if (!family || measures.length > 1) return null;
  // Inside the named organisation's or town's passages (彤康的几块地里面积最小), else across the page.
  const scoped = ctx.entities.length > 0 || ctx.towns.length === 1;
  const chunks = scoped
    ? scopeChunks(ctx)
    : [...new Set((measure?.factWords ?? []).flatMap((w) => ctx.source.chunksWith(w)))];
  const source = chunks.length || measure ? chunks : ctx.source.townNames().flatMap((t) => ctx.source.chunksOfTown(t));
  // (A rate asked per household or person, 人均收入, ranks the figures stated per unit.)
  const perUnit = perUnitWords(ctx.question);
  const found = source.flatMap((chunk) =>
    ctx.source
      .factsOf(chunk)
      .filter((f) => f.kind === 'quantity' && f.family === family && f.value !== null && (!measure || saysAttribute([measure], foldForMatch(`${f.before}${f.text}`))) && statedPerUnit(perUnit, f))
      .map((fact) => ({ fact, chunk })),
  );
  // (A measure the question quotes, 农户“增收”金额, ranks only the figures said with that word, when some are.)
  const quoted = quotedTerms(foldForMatch(ctx.question));
  const saysQuoted = (f: Fact) => quoted.length > 0 && quoted.every((q) => foldForMatch(f.before).includes(q));
  const ranked = found.some((f) => saysQuoted(f.fact)) ? found.filter((f) => saysQuoted(f.fact)) : found;
  if (ranked.length === 0) return null;
  const top = ranked.reduce((a, b) => ((ctx.parsed.direction === 'max' ? b.fact.value! > a.fact.value! : b.fact.value! < a.fact.value!) ? b : a));
  const cites = new CitationList();
  const located = { ...top, fit: 1, score: 1 };
  const word = ctx.parsed.superlative || (ctx.parsed.direction === 'max' ? '最高' : '最低');
  const statement = factStatement(top.fact, sentenceOf(top.chunk, top.fact)).replace(/。$/, '');
  // 哪家…最多: the organisation the figure's passage is about leads, else its town.
  const org = ASKS_ORGANISATION.test(ctx.question) ? subjectOrganisation(ctx.source.factsOf(top.chunk), top.fact.sentence) : undefined;
  if (!scoped) return reply(`${superlativeLead(ctx, word, org ?? top.chunk.meta.town)}${statement}${cites.mark(top.chunk)}。`, cites, [located]);
  // Inside one organisation or town the figure leads, as the item of its enumeration when it is one (6度清甜山楂甜酒).
  const { items, at } = itemHeadedBy(ctx, top);
  const item = items[at];
  const value = ctx.parsed.english ? `${englishValue(top.fact)}${item ? ` (${item})` : ''}` : (item ?? top.fact.text);
  return reply(`${superlativeLead(ctx, word, value)}${statement}${cites.mark(top.chunk)}`, cites, [located]);
}

/** The items of the enumerations of a figure's sentence, and the index of the first one the figure heads (-1 when none). */
export function itemHeadedBy(ctx: ComposeContext, f: { fact: Fact; chunk: Chunk }): { items: string[]; at: number } {
  const items = ctx.source.factsOf(f.chunk).filter((x) => x.kind === 'list' && x.sentence === f.fact.sentence).flatMap((x) => x.items);
  return { items, at: items.findIndex((i) => i.startsWith(f.fact.text)) };
}

/**
 * 凯永养白猪的那个育种场叫啥: the enumeration item of the best sentences that holds the most focus
 * weight (at least two focus words, not only words of the question's own names), with its clause.
 */
export function composeListedName(ctx: ComposeContext): { reply: Reply; weight: number } | null {
  const own = new Set(ctx.entities);
  const focus = ctx.focus.filter((w) => !own.has(w));
  let best: { item: string; weight: number; x: ScoredSentence } | undefined;
  for (const x of ctx.scored.slice(0, 5)) {
    const chunk = ctx.hits[x.hit]!.chunk;
    for (const f of ctx.source.factsOf(chunk)) {
      if (f.kind !== 'list' || f.sentence !== x.sentence) continue;
      for (const item of f.items) {
        const folded = foldForMatch(item);
        const words = focus.filter((w) => folded.includes(w));
        const weight = focusWeight(folded, words, ctx.source.idf);
        if (words.length >= 2 && (!best || weight > best.weight)) best = { item, weight, x };
      }
    }
  }
  if (!best) return null;
  const cites = new CitationList();
  const chunk = ctx.hits[best.x.hit]!.chunk;
  return { reply: reply(`${best.item}：${bestClause(best.x.text, ctx.focus, ctx.source.idf)}${cites.mark(chunk)}。`, cites), weight: best.weight };
}

/** The lead of a superlative's answer: 最低的是86.8%： / The lowest is 86.8%: . */
function superlativeLead(ctx: ComposeContext, word: string, value: string): string {
  return ctx.parsed.english ? `The ${word.toLowerCase()} is ${value}: ` : `${word}的是${value}：`;
}

/** The passages of the one town a question names, else of the organisations it names (each naming all of them). */
function scopeChunks(ctx: ComposeContext): Chunk[] {
  return (ctx.towns.length === 1 ? ctx.source.chunksOfTown(ctx.towns[0]!) : [...new Set(ctx.entities.flatMap((e) => ctx.source.chunksWith(e)))]).filter((c) => namesEntities(ctx, c));
}

/** Asks a year itself (哪一年, 年份), not an era or a period. */
const ASKS_YEAR = /哪一?年|年份|what year|which year/i;
/** Asks the time itself (哪一年, 哪个时期 / 朝代 / 年代, 什么时候), not which town or thing. */
const ASKS_TIME_ITSELF = /哪一?年|年份|哪个(?:时期|朝代|年代|时代)|什么(?:时期|朝代|年代|时代|时候)|(?:时期|朝代|年代|时代)是?(?:哪|什么)|what year|which year|when/i;

/**
 * 潞绸那篇里说到的年代最早是哪个朝代 / 这版报道里最早的年份: the earliest (or latest) time the named town's or
 * organisation's passages state, else the page's when no town is named; years only when a year is asked.
 */
export function composeTimeSuperlative(ctx: ComposeContext): Reply | null {
  // 哪一篇 / 哪个镇…年份最早 asks which article or town, not the year.
  if (ctx.parsed.answerType !== 'time' || !ASKS_TIME_ITSELF.test(ctx.question) || /哪一?(?:篇|个镇|家|个县)/.test(ctx.question)) return null;
  const scoped = ctx.entities.length > 0 || ctx.towns.length === 1;
  if (!scoped && ctx.towns.length > 1) return null;
  const chunks = scoped
    ? scopeChunks(ctx)
    : ctx.source.townNames().flatMap((t) => ctx.source.chunksOfTown(t));
  const yearsOnly = ASKS_YEAR.test(ctx.question);
  let found = chunks.flatMap((chunk) =>
    ctx.source
      .factsOf(chunk)
      .filter((f) => f.kind === 'time' && f.value !== null && (!yearsOnly || f.family === 'year'))
      .map((fact) => ({ fact, chunk })),
  );
  // A thing the question names that one passage mentions in passing (景德镇瓷器最早…): only the times said of it answer.
  // (Not the kind of time asked, 哪个时期 / 年代.)
  const named = scoped ? [] : ctx.focus.filter((w) => w.length >= 2 && !isTimeNoun(w) && !FRAME_NOUNS.has(w) && ctx.source.townsIn(w).length === 0 && ctx.source.chunksWith(w).length === 1);
  if (named.length) found = found.filter((f) => named.some((w) => foldedSentenceOf(f.chunk, f.fact).includes(w)));
  if (found.length === 0) return null;
  // Older (最早) is the smallest start year; 最晚 / 最近 the largest.
  const earliest = ctx.parsed.direction === 'max';
  const top = found.reduce((a, b) => ((earliest ? b.fact.value! < a.fact.value! : b.fact.value! > a.fact.value!) ? b : a));
  const cites = new CitationList();
  const word = ctx.parsed.superlative || (earliest ? '最早' : '最晚');
  const statement = factStatement(top.fact, sentenceOf(top.chunk, top.fact)).replace(/。$/, '');
  return reply(`${superlativeLead(ctx, word, ctx.parsed.english ? englishValue(top.fact) : top.fact.text)}${statement}${cites.mark(top.chunk)}。`, cites, [{ ...top, fit: 1, score: 1 }]);
}

/** Asks which county or city (哪个县, 在晋城哪个县市), not which town or organisation. */
export const ASKS_COUNTY = /(?:哪|哪一)个(?:县|县市|县区|区县|市县|市)(?![\u4e00-\u9fff]*(?:专业镇|镇))|^\s*(?:which|what) county\b(?!.*\btowns?\b)/i;

/** 山西第一养蜂大县是哪个县: the county of the best sentence's article leads, with the sentence. */
export function composeCounty(ctx: ComposeContext): Reply | null {
  const best = ctx.picked[0];
  const chunk = best && ctx.hits[best.hit]!.chunk;
  if (!best || !chunk?.meta.county) return null;
  const cites = new CitationList();
  // (Asked in English, the county leads in pinyin too: Qinshui (沁水).)
  const county = ctx.parsed.english ? `${romanisedCounty(chunk.meta.county)} (${chunk.meta.county})` : chunk.meta.county;
  return reply(`${county}${ctx.parsed.english ? ': ' : '：'}${trimSentence(best.text, ctx.focus, ctx.source.idf).replace(/。$/, '')}${cites.mark(chunk)}。`, cites);
}

/** The organisation a sentence is about: one it names, else the last one named before it in its passage. */
function subjectOrganisation(facts: Fact[], sentence: number): string | undefined {
  const named = facts.filter((f) => f.kind === 'org' && f.sentence <= sentence);
  const own = named.filter((f) => f.sentence === sentence);
  return (own[0] ?? named.at(-1))?.items[0];
}

/** An organisation named by reference back (该集团, 该公司). */
const ANAPHOR_ORG = /该(?:集团|公司|企业|厂|合作社)/;

/** Question words that ask which organisation. */
const ASKS_ORGANISATION = /哪一?家|哪一?个(?:企业|公司|集团|厂|部门|单位|机构)|(?:企业|公司|集团|厂家?|部门|单位|机构)(?:的)?(?:名字|名称)?(?:叫|是)(?:什么|啥|哪)|which (?:company|firm|enterprise|group|department|agency|body|organi[sz]ation)|name of (?:the |its |their )?(?:[a-z-]+ )?(?:company|firm|enterprise|group)/i;

/**
 * 是阳城哪家窑烧的: asked which organisation, where the best sentence's passage names none: a near miss showing
 * what the sentence says instead (琉璃瓦有90%为阳城制造).
 */
export function organisationNotNamed(ctx: ComposeContext): Reply | null {
  const best = ctx.picked[0];
  if (!best || !ASKS_ORGANISATION.test(ctx.question) || ctx.entities.length > 0) return null;
  const chunk = ctx.hits[best.hit]!.chunk;
  // (A maker the extractor does not type, 阳城陶瓷厂 or a family's 乔氏琉璃, is still named.)
  if (ctx.source.factsOf(chunk).some((f) => f.kind === 'org') || /[\u4e00-\u9fff]{2}(?:厂|公司|集团|合作社|协会|窑|坊|企业|中心|基地|局|厅|委员会|政府)|[\u4e00-\u9fff]氏[\u4e00-\u9fff]{2}/.test(best.text)) return null;
  const cites = new CitationList();
  const statement = `${trimSentence(best.text, ctx.focus, ctx.source.idf).replace(/。$/, '')}${cites.mark(chunk)}。`;
  return reply(notStated(ctx.parsed.english, chunk.meta.town, '具体单位', statement), cites, [], true, [statement]);
}

/** The organisation sentence `sentence` of `chunk` names as its subject (山西彤康食品有限公司), undefined when none. */
function organisationNamedIn(ctx: ComposeContext, chunk: Chunk, sentence: number): string | undefined {
  return ctx.source.factsOf(chunk).find((x) => x.kind === 'org' && x.sentence === sentence && !x.before)?.text;
}

/** Question words that ask which one (哪家, 是啥), not how much. */
const WHICH_ONE = /哪一?[家个项种位]|是啥|是什么|什么是|谁|which|what is/i;

/** The organisation a sentence names (else its town), and the sentence's clause holding the superlative asked. */
function statedOne(ctx: ComposeContext, best: ScoredSentence, word: string): Reply {
  const chunk = ctx.hits[best.hit]!.chunk;
  // (A sentence referring back to its organisation, 该公司在全国率先…, is about the one its passage named last.)
  const referred = ANAPHOR_ORG.test(best.text) ? subjectOrganisation(ctx.source.factsOf(chunk), best.sentence) : undefined;
  const subject = organisationNamedIn(ctx, chunk, best.sentence) ?? referred ?? chunk.meta.town;
  const clauses = splitClauses(best.text);
  const at = clauses.findIndex((c) => foldForMatch(c).includes(word));
  // (A clause that only ranks is said with the clause it ranks: 生猪出栏85万头，居全省第一.)
  const clause = at < 0 ? best.text : at > 0 && RANKS_BACK.test(foldForMatch(clauses[at]!)) ? `${clauses[at - 1]}${clauses[at]}` : clauses[at]!;
  const cites = new CitationList();
  const said = asStatement(clause).replace(/。$/, '');
  // An English question is answered in English first: which one it is.
  if (ctx.parsed.english) return reply(`It is ${subject}: ${said}。${cites.mark(chunk)}`, cites);
  return reply(`${said.includes(subject) ? '' : `${subject}：`}${said}。${cites.mark(chunk)}`, cites);
}

/**
 * 多久 / 多少年 when the article gives a start year instead of a duration (创始于1958年): the cited
 * year, and the years from it to the latest year the articles mention, said as computed.
 */
export function composeDurationSince(ctx: ComposeContext): Reply | null {
  const [top] = answeringCandidates({ ...ctx, parsed: { ...ctx.parsed, answerType: 'time' } })
    .filter((f) => f.fit > 0 && f.fact.value !== null)
    .sort((a, b) => Number(b.fact.role === 'founding') - Number(a.fact.role === 'founding'));
  const years = top ? ctx.source.referenceYear - top.fact.value! : 0;
  if (!top || years <= 0) return null;
  const cites = new CitationList();
  const statement = factStatement(top.fact, sentenceOf(top.chunk, top.fact)).replace(/。$/, '');
  const since = ctx.parsed.english
    ? `About ${years} years (from ${top.fact.value} to ${ctx.source.referenceYear}, the latest year the articles mention). `
    : `约${years}年：`;
  const note = ctx.parsed.english ? '' : `（按文章中最晚的年份${ctx.source.referenceYear}年推算）`;
  return reply(`${since}${statement}${cites.mark(top.chunk)}${note}。`, cites, [top]);
}

/** Words that give a cause. */
const CAUSAL = /由于|因为|得益于|依托|凭借|之所以/;

/**
 * For 为什么: the best sentence when it gives a cause; else a leading sentence that does, from the best sentence's own
 * passage or at least as well covered; the one right after the best sentence is said after it (…肉质鲜美，深受市场欢迎。
 * 由于…活动量大，生长周期长，其肉质纤维细长…).
 */
export function causalPicked(ctx: Pick<ComposeContext, 'picked' | 'scored'>): ScoredSentence[] {
  const best = ctx.picked[0];
  if (!best || CAUSAL.test(best.text)) return ctx.picked;
  const cause = ctx.scored.slice(0, 5).find((x) => x !== best && CAUSAL.test(x.text) && (x.hit === best.hit || x.coverage >= best.coverage));
  // (The sentence right after the best one gives its cause: both are said, the best first.)
  if (cause && cause.hit === best.hit && cause.sentence === best.sentence + 1) return [best, cause];
  return cause ? [cause] : ctx.picked;
}

/** For 为什么: the sentence from its first causal word on (由于…, 因为…), else the trimmed sentence. */
export function reasonClauses(sentence: string): string {
  const at = sentence.search(CAUSAL);
  return asStatement(at > 0 ? sentence.slice(at) : sentence);
}

/** A town's chunks that can hold its best fact for the words (see rankableChunks), without ranking all of them. */
function rankableChunksOfTown(ctx: ComposeContext, town: string, words: string[]): Chunk[] {
  const all = [...words, ...ctx.parsed.attributes.flatMap((a) => a.factWords)];
  return rankableChunks(ctx.source.chunksOfTownWith(town, all), ctx.source.firstFactsOfTown(town), ctx.parsed);
}

/** Every honour of a town's articles, names deduplicated, each cited. */
function honoursOf(ctx: ComposeContext, town: string): LocatedFact[] {
  const withHonours = ctx.source.chunksOfTown(town).filter((c) => ctx.source.factsOf(c).some((f) => f.kind === 'honour'));
  const facts = dedupeFacts(rankFacts(withHonours, [], { ...ctx.parsed, answerType: 'names' }, ctx.source).filter((f) => f.fact.kind === 'honour'));
  const seen = new Set<string>();
  return facts.filter((f) => {
    const fresh = f.fact.items.filter((i) => !seen.has(i));
    fresh.forEach((i) => seen.add(i));
    return fresh.length > 0;
  });
}

/** The best sentence of a town's articles for the focus words, with its weighted coverage (0..1). */
function bestSentenceOfTown(ctx: ComposeContext, town: string): { text: string; chunk: Chunk; coverage: number } | null {
  let best: { text: string; chunk: Chunk; coverage: number } | null = null;
  const total = ctx.focus.reduce((sum, w) => sum + (ctx.source.idf(w) || 1), 0);
  if (total === 0) return null;
  // Only a sentence with a focus word beats the town's first sentence (coverage 0 unless it has one).
  const first = ctx.source.chunksOfTown(town).slice(0, 1);
  const withWords = ctx.source.chunksOfTownWith(town, ctx.focus);
  for (const chunk of withWords[0] === first[0] ? withWords : [...first, ...withWords]) {
    for (const { text, folded } of indexedChunk(chunk).sentences) {
      const coverage = focusWeight(folded, ctx.focus, ctx.source.idf) / total;
      if (!best || coverage > best.coverage) best = { text, chunk, coverage };
    }
  }
  return best;
}

/** A calendar year as written (2022年), its digits captured. */
const CALENDAR_YEAR = /((?:1[89]|20)\d{2})年/;

/** Towns whose articles say what the question asks (a sentence with ≥ 3/4 of the focus weight). */
function matchingTowns(ctx: ComposeContext): { town: string; text: string; chunk: Chunk }[] {
  // 哪几篇给出了2022年的数据: the towns whose articles state that year, each with the sentence stating it.
  const year = CALENDAR_YEAR.exec(foldForMatch(ctx.question))?.[1];
  if (year) return yearTowns(ctx, Number(year));
  // The words of the asking phrase (哪些专业镇) say what is listed, not what the towns have in common.
  // (An English "how many specialty towns" / "how many counties" is asked with the translations of its phrase: 专业镇, 县.)
  const phrase = foldForMatch(ctx.question).match(ASKS_TOWNS)?.[0] ?? '';
  const asking = `${phrase}${ctx.parsed.english ? ` 专业镇 ${ctx.source.chineseWords(phrase).join(' ')}` : ''}`;
  const known = ctx.focus.filter((w) => ctx.source.idf(w) > 0 && !asking.includes(w));
  // (The verb of the count says how the towns are counted, 占了几个专业镇 / 涉及晋城几个县; a word every town's article
  // has, 晋城, tells none apart.)
  const folded = foldForMatch(ctx.question);
  const counting = (w: string) => isPredicateWord(w) && new RegExp(`${w}了?[\\u4e00-\\u9fff]{0,4}?(?:几|多少)`).test(folded);
  const inEveryTown = (w: string) => ctx.source.townNames().every((t) => ctx.source.chunksOfTownWith(t, [w]).length > 0);
  if (known.every((w) => counting(w) || inEveryTown(w))) {
    // Nothing but the towns themselves is asked about (这一版介绍了几个专业镇): every town, by its first passage.
    return ctx.source.townNames().map((town) => ({ town, text: '', chunk: ctx.source.chunksOfTown(town)[0]! }));
  }
  const scored = ctx.source.townNames().map((town) => ({ town, best: bestSentenceOfTown({ ...ctx, focus: known }, town) }));
  // Towns close to the best-matching one (the wording of each article differs: 获准…认证 / 是…地理标志).
  const top = Math.max(0, ...scored.map((t) => t.best?.coverage ?? 0));
  const matched = scored.filter((t) => t.best && t.best.coverage >= Math.max(0.5, 0.8 * top));
  // Asked which articles (哪几篇报道说到…): an article whose title says it is one of them (舞出乡村振兴“甜蜜曲”).
  const byTitle = /篇|报道|文章|稿|articles?|stor(?:y|ies)|reports?/i.test(asking)
    ? scored.filter((t) => !matched.includes(t)).flatMap((t) => {
        const chunk = ctx.source.chunksOfTown(t.town)[0];
        return chunk && known.every((w) => foldForMatch(chunk.meta.title).includes(w)) ? [{ town: t.town, text: chunk.meta.title, chunk }] : [];
      })
    : [];
  const found = [...matched.map((t) => ({ town: t.town, text: t.best!.text, chunk: t.best!.chunk })), ...byTitle];
  const order = ctx.source.townNames();
  return found.sort((a, b) => order.indexOf(a.town) - order.indexOf(b.town));
}

/** The towns whose articles state a calendar year, each with the first sentence stating it, in page order. */
function yearTowns(ctx: ComposeContext, year: number): { town: string; text: string; chunk: Chunk }[] {
  return ctx.source.townNames().flatMap((town) => {
    for (const chunk of ctx.source.chunksOfTown(town)) {
      const fact = ctx.source.factsOf(chunk).find((f) => f.kind === 'time' && f.family === 'year' && f.value === year);
      if (fact) return [{ town, text: sentenceOf(chunk, fact), chunk }];
    }
    return [];
  });
}

/** Asks which one county (哪个县 / 哪一个县): with PER_COUNTY, the counties that have that many towns. */
export const ASKS_ONE_COUNTY = /哪一?个县|\bwhich county\b/i;

/** 各有两个专业镇 / 占了两个镇 / 各占了两个名额: a number of towns each county is asked to have (with 各, whatever the noun). */
export const PER_COUNTY =
  /(?:各(?:有|占了?)?(?=[一两二三四\d]个)|(?:占了?|有)(?=[一两二三四\d]个(?:专业)?镇))(一|两|二|三|四|\d)个|\b(?:ha(?:s|ve)|contributes?|with)\s+(?:only\s+)?(one|two|three|four|\d)\s+(?:of the (?:\w+ )?)?(?:specialty\s+)?towns?\b/i;

/** The number of towns a PER_COUNTY match asks, in Chinese or English. */
function perCountyNumber(per: RegExpExecArray): number | null {
  const english = per[2]?.toLowerCase();
  return english ? (['one', 'two', 'three', 'four'].indexOf(english) + 1 || Number(english)) : parseNumber(per[1]!);
}

/** 除了X(以外)，还有…: the thing set aside. */
const SET_ASIDE = /除了?([^，,？?]{2,12}?)(?:以外|之外)?[，,]?还/;

/**
 * 沁水除了黑山羊，还有啥专业镇: the other towns of the county of the town set aside, each cited by its first passage; null
 * when nothing set aside names a town.
 */
function townsBesides(ctx: ComposeContext): Reply | null {
  const aside = SET_ASIDE.exec(foldForMatch(ctx.question));
  const excluded = aside ? ctx.source.townsIn(aside[1]!) : [];
  if (excluded.length === 0) return null;
  const countyOf = (town: string) => ctx.source.chunksOfTown(town)[0]?.meta.county ?? '';
  const counties = new Set(excluded.map(countyOf));
  const others = ctx.source.townNames().filter((t) => counties.has(countyOf(t)) && !excluded.includes(t));
  if (others.length === 0) return null;
  const cites = new CitationList();
  const items = others.map((t) => `${t}${cites.mark(ctx.source.chunksOfTown(t)[0]!)}`);
  return reply(`${/几|多少|how many/i.test(ctx.question) ? `共${others.length}个：` : ''}${items.join('、')}。`, cites);
}

/** Asks which county by its specialty towns (哪个县的专业镇最多, which county has the most specialty towns). */
const COUNTIES_BY_TOWNS = /(?:哪|哪一)个县.*(?:专业镇|入选|上榜)|(?:专业镇|入选|上榜).*(?:哪|哪一)个县|^\s*(?:which|what) county\b.*\btowns?\b/i;

/**
 * 哪个县入选的专业镇最少: the counties ranked by how many of the page's towns each has, where what is asked is said of
 * every town alike (专业镇, 入选: no figure tells them apart); the extreme county or counties first, each with its towns cited.
 */
export function composeTownsPerCounty(ctx: ComposeContext): Reply | null {
  if (ctx.parsed.operation !== 'superlative' || !COUNTIES_BY_TOWNS.test(foldForMatch(ctx.question))) return null;
  // (Words of a kind of place, 县里 or 专业镇 cut as 镇最, say what is counted or asked, not what tells towns apart.)
  const towns = ctx.source.townNames();
  const known = ctx.focus.filter((w) => ctx.source.idf(w) > 0 && !/[县镇乡市]/.test(w));
  if (towns.length < 2 || !known.every((w) => towns.every((t) => ctx.source.chunksOfTownWith(t, [w]).length > 0))) return null;
  const byCounty = new Map<string, string[]>();
  for (const t of towns) {
    const county = ctx.source.chunksOfTown(t)[0]?.meta.county;
    if (county) byCounty.set(county, [...(byCounty.get(county) ?? []), t]);
  }
  const counts = [...byCounty.values()].map((ts) => ts.length);
  const extreme = ctx.parsed.direction === 'min' ? Math.min(...counts) : Math.max(...counts);
  if (byCounty.size < 2 || counts.every((n) => n === extreme)) return null;
  const ranked = [...byCounty].sort(([, a], [, b]) => Number(b.length === extreme) - Number(a.length === extreme));
  const cites = new CitationList();
  const said = ranked.map(([county, ts]) => `${county}${ts.length}个：${ts.map((t) => `${t}${cites.mark(ctx.source.chunksOfTown(t)[0]!)}`).join('、')}`);
  const winners = ranked.filter(([, ts]) => ts.length === extreme).map(([county]) => county);
  const word = ctx.parsed.superlative || (ctx.parsed.direction === 'min' ? '最少' : '最多');
  return reply(ctx.parsed.english ? `${winners.map((c) => `${romanisedCounty(c)} (${c})`).join(', ')}. ${said.join('；')}。` : `${winners.join('、')}${word}。${said.join('；')}。`, cites);
}

/** Asks which products (哪些特产, 哪几种产品): the towns answer, each with the names its sentence quotes. */
export const ASKS_PRODUCTS = /(?:哪些|哪几[个样种款])(?:特产|特色产品|产品|土特产)/;

/** Words for products (特产, 产品): a list of towns asked about them shows the names each sentence quotes. */
const PRODUCT_WORDS = /特产|产品/;

/** Words asking honours (美誉, 称号, 之乡, 之称). */
const HONOUR_WORDS = /美誉|称号|之乡|之称|荣誉|名号/;

/** 哪些 / 几个: the towns that match, a town's honours, or the enumeration that answers; with the count when asked. */
export function composeList(ctx: ComposeContext, count: boolean, allowEnumeration: boolean): Reply | null {
  const cites = new CitationList();
  const others = ctx.asksTowns ? townsBesides(ctx) : null;
  if (others) return others;
  if (ctx.asksTowns && (ctx.towns.length === 0 || ctx.townStrength < 1)) {
    const towns = matchingTowns(ctx).filter((t) => ctx.towns.length === 0 || ctx.towns.includes(t.town));
    if (towns.length === 0) return null;
    const per = PER_COUNTY.exec(foldForMatch(ctx.question));
    if (/几个县|多少个县|县市|区县|哪些县|哪几个县|counties/.test(ctx.question) || (per && ASKS_ONE_COUNTY.test(ctx.question))) {
      const all = new Map<string, typeof towns>();
      // (A number of towns per county counts every town of the page, not only those its sentences match.)
      const counted = per ? ctx.source.townNames().map((town) => ({ town, chunk: ctx.source.chunksOfTown(town)[0]!, text: '' })) : towns;
      for (const t of counted) all.set(t.chunk.meta.county, [...(all.get(t.chunk.meta.county) ?? []), t]);
      // 各有两个专业镇的县: only the counties with that many towns.
      const wanted = per ? perCountyNumber(per) : null;
      const counties = new Map([...all].filter(([, ts]) => wanted === null || ts.length === wanted));
      if (counties.size === 0) return null;
      // Marked in the order they are written, so the numbers read 1, 2, 3…
      const parts = [...counties].map(([county, ts]) => `${ctx.parsed.english ? `${romanisedCounty(county)} ${county}` : county}（${ts.map((t) => `${t.town}${cites.mark(t.chunk)}`).join('、')}）`);
      return reply(`${count ? (ctx.parsed.english ? `${counties.size} counties: ` : `共${counties.size}个：`) : ''}${parts.join('、')}。`, cites);
    }
    // Each town with the clause that says it (高平生猪：和山西大学进行产学研合作), so the list shows its grounds.
    // (Asked about products, the names its sentence quotes lead a clause quoting none: 泽州山楂红酒（“泽州红”…：是国家农产品地理标志）.)
    const products = PRODUCT_WORDS.test(ctx.question);
    const items = towns.map((t) => {
      const clause = t.text ? bestClause(t.text, ctx.focus, ctx.source.idf) : '';
      const names = products && quotedTerms(clause).length === 0 ? quotedTerms(t.text).map((n) => `“${n}”`) : [];
      const grounds = names.length && clause ? `${names.join('、')}：${clause}` : clause;
      return `${t.town}${grounds ? `（${grounds}）` : ''}${cites.mark(t.chunk)}`;
    });
    return reply(`${count ? (ctx.parsed.english ? `${towns.length} towns: ` : `共${towns.length}个：`) : ''}${items.join('、')}。`, cites);
  }
  // (Another name asked (还有什么别名) is not an honour: the names said with 也称 / 又名 answer it.)
  // (Honours asked of no town or organisation, 各地都有哪些“之乡”的美誉, are every town's.)
  const pageWide = ctx.towns.length === 0 && ctx.entities.length === 0 && HONOUR_WORDS.test(foldForMatch(ctx.question));
  if (ctx.parsed.answerType === 'names' && (ctx.towns.length >= 1 || pageWide) && !ctx.parsed.attributes.some((a) => a.name === 'alias')) {
    // A county's towns (高平有什么称号) each with their own honours, named.
    // (哪些“之乡”: only the honours of that form, when there are any; of an honour fact, only its names of that form.)
    const ofFormName = /之乡/.test(foldForMatch(ctx.question)) ? (name: string) => name.endsWith('之乡') : () => true;
    const form = (h: LocatedFact) => h.fact.items.some(ofFormName);
    const ofForm = (hs: LocatedFact[]) => (hs.some(form) || pageWide ? hs.filter(form) : hs);
    const byTown = (pageWide ? ctx.source.townNames() : ctx.towns).map((town) => ({ town, honours: ofForm(honoursOf(ctx, town)) })).filter((t) => t.honours.length > 0);
    const honours = byTown.flatMap((t) => t.honours);
    if (honours.length === 0) return null;
    const shown = (h: LocatedFact) => (form(h) ? h.fact.items.filter(ofFormName) : h.fact.items);
    const names = [...new Set(honours.flatMap(shown))];
    // (An honour given to a named thing says what it is: “沁水黑山羊”（国家农产品地理标志）.)
    const said = (hs: LocatedFact[]) => hs.map((h) => `${shown(h).map((i) => `“${i}”`).join('、')}${h.fact.role ? `（${h.fact.role}）` : ''}${cites.mark(h.chunk)}`).join('；');
    const parts = byTown.length > 1 ? byTown.map((t) => `${t.town}：${said(t.honours)}`) : [said(honours)];
    return reply(`${count ? `共${names.length}个：` : ''}${parts.join('；')}。`, cites, honours);
  }
  // Asked what was done (干了哪几件事), the run of clauses answers, not an enumeration in it (省、市两级).
  const actions = !count && actionsAsked(foldForMatch(ctx.question)) !== '';
  // 哪些媒体: an enumeration that names its own kind (广播、电视、报纸等多种传媒手段) answers, whatever else the
  // question says (点了名的药材: words the passage does not use), when it is one of the named towns' and no
  // enumeration's own clause says what is asked.
  const kindList = () => {
    const named = actions || !(allowEnumeration || ctx.towns.length > 0) ? undefined : listOfKind(ctx);
    if (!named) return null;
    const statement = `${factStatement(named.fact).replace(/。$/, '')}。${cites.mark(named.chunk)}`;
    return reply(count ? `共${named.fact.items.length}${countClassifier(ctx.question) || '个'}：${statement}` : statement, cites, [named]);
  };
  if (!allowEnumeration || actions) return kindList();
  // A count over a county's two towns (沁水有几个…) counts within the passage that answers, not per town.
  if (ctx.towns.length >= 2 && (ctx.townStrength >= 1 || !count)) return kindList() ?? composePerTown(ctx);
  // An enumeration answers when its own clause says what is asked (开发产品有…), not one that only shares its sentence.
  // …and no other clause of its sentence says clearly more of it (组织…专家…定期深入到养羊户中做现场指导 for 哪些人定期下到
  // 养羊户家里做指导, not 产前、产中、产后 of the clause before).
  // (A word counts in the form an article writes it too: 主营 for 主要经营.)
  const says = (text: string) => focusWeight(foldForMatch(text), ctx.focus, ctx.source.idf, ctx.source.forms);
  const ownClause = (f: LocatedFact) => {
    const own = says(f.fact.clause);
    return own > 0 && splitClauses(sentenceOf(f.chunk, f.fact)).every((c) => says(c) <= 2 * own);
  };
  const lists = typedCandidates({ ...ctx, parsed: { ...ctx.parsed, answerType: 'text' } }, 0.5)
    .filter((f) => (f.fact.kind === 'list' || (f.fact.kind === 'honour' && f.fact.items.length >= 2)) && ownClause(f))
    // Of two lists in one clause (在A、B等地建立C、D等项目), the one whose own span says what is asked.
    .map((f) => ({ f, says: says(f.fact.text) }))
    .sort((a, b) => b.f.fit * 2 + b.f.score + 0.1 * b.says - (a.f.fit * 2 + a.f.score + 0.1 * a.says))
    .map((x) => x.f);
  const top = lists[0];
  if (!top) return kindList();
  // An enumeration naming the kind asked after its items beats one that only shares the question's other words
  // (几种传媒: 广播、电视、报纸等多种传媒手段, not 产前、产中、产后 of the 肉羊 sentence), unless this one names the kind too.
  if (!namesAskedKind(ctx.question, top.fact)) {
    const better = kindList();
    if (better) return better;
  }
  const statement = factStatement(top.fact).replace(/。$/, '');
  if (!count) return reply(`${statement}。${cites.mark(top.chunk)}`, cites, [top]);
  // 几个育种场 counts the items that are 育种场, when only some are; said in the question's classifier.
  const items = top.fact.items;
  const kind = countedKind(ctx.question);
  const ofKind = kind ? items.filter((i) => i.includes(kind)) : [];
  const counted = ofKind.length ? ofKind : items;
  return reply(`共${counted.length}${countClassifier(ctx.question)}：${statement}。${cites.mark(top.chunk)}`, cites, [top]);
}

/** The phrase naming what a list question asks the members of: after 哪些 (哪些媒体发出去的) or before 有哪几种 (药材有哪几种). */
const ASKED_KIND = /(?:哪些|哪几[个种类项样款家]?|有什么|有啥|(?<!第)几[个种类项样款家]|多少[个种类项样款家])([\u4e00-\u9fff]{2,12})|([\u4e00-\u9fff]{2})(?:都|一共|共)?(?:有|是|包括)?(?:哪些|哪几[个种类项样款家]?)[？?]?$/;

/** The phrase after an enumeration's last item, up to ten characters (等多种传媒手段). */
function afterItems(fact: Fact): string {
  const last = fact.items[fact.items.length - 1] ?? '';
  return foldForMatch(fact.clause.slice(fact.clause.lastIndexOf(last) + last.length)).slice(0, 10);
}

/** True when an enumeration's phrase after its items shares a word with the phrase asking its kind (等深加工产品 for 哪些中药材深加工产品). */
function namesAskedKind(question: string, fact: Fact): boolean {
  const m = ASKED_KIND.exec(foldForMatch(question));
  const after = afterItems(fact);
  return cutWords(m?.[1] ?? m?.[2] ?? '').some((w) => w.length >= 2 && after.includes(w));
}

/** The kind a list question asks the members of: the word after 哪些 (哪些媒体 -> 媒体) or before 有哪几种 (药材有哪几种 -> 药材). */
export function askedKind(question: string): string {
  const m = ASKED_KIND.exec(foldForMatch(question));
  const kind = m?.[2] ?? cutWords(m?.[1] ?? '')[0] ?? '';
  return kind.length >= 2 && !FRAME_NOUNS.has(kind) ? kind : '';
}

/** Words that introduce an enumeration's items (产品有…, 包括…). */
const INTRODUCES_ITEMS = /(?:有|是|包括|包含|涵盖|主要有)[：:]?$/;

/** "What kinds of" and the thing after it (one or two words). */
const KINDS_OF_THING = new RegExp(`${KINDS_OF.source} ([a-z]+(?: [a-z]+)?)`, 'i');

/** The thing an English question asks the kinds of (what kinds of ceramics -> 陶瓷), "" when none. */
function englishKind(ctx: ComposeContext): string {
  const thing = KINDS_OF_THING.exec(ctx.question)?.[2] ?? '';
  return ctx.source.chineseWords(thing.replace(/ (?:does|do|did|is|are|can|has|have|will)$/i, ''))[0] ?? '';
}

/**
 * An enumeration of the named towns' passages (else of the retrieved ones) whose clause names the kind asked, or a
 * word the dictionary gives for it, in the phrase right after its items (等多种传媒手段 for 哪些媒体, 等中药材 for 哪几种药材).
 */
function listOfKind(ctx: ComposeContext): LocatedFact | undefined {
  const kind = ctx.parsed.english ? englishKind(ctx) : askedKind(ctx.question);
  if (!kind) return undefined;
  const names = [kind, ...(ctx.source.forms?.(kind) ?? []).filter((f) => f.weight >= 0.8).map((f) => f.form)];
  const chunks = ctx.towns.length ? ctx.towns.flatMap((t) => ctx.source.chunksOfTown(t)) : ctx.hits.map((h) => h.chunk);
  for (const chunk of chunks) {
    for (const fact of ctx.source.factsOf(chunk)) {
      if (fact.kind !== 'list' || fact.items.length < 2) continue;
      // (The noun phrase after 等, not a predicate further on: 等绿色创新产业将集聚融合发展 names no kind 发展.)
      const after = afterItems(fact);
      if (after.startsWith('等') && names.some((n) => after.includes(n))) return { fact, chunk, fit: 1, score: 1 };
      // (…or right before them, introducing them: 开发产品有6度清甜山楂甜酒、8度山楂情缘….)
      const lead = fact.clause.slice(0, Math.max(0, fact.clause.indexOf(fact.items[0]!)));
      if (INTRODUCES_ITEMS.test(lead) && names.some((n) => lead.includes(n)) && namesEntities(ctx, chunk)) return { fact, chunk, fit: 1, score: 1 };
    }
  }
  // 出了哪些山楂酒: an enumeration of the best sentences most of whose items say the kind's word (6度清甜山楂甜酒、
  // 8度山楂情缘、13度山楂干红…: 山楂).
  // (…else of the named organisation's passages, which retrieval may have missed.)
  const kindWords = cutWords(kind).filter((w) => w.length >= 2);
  const townChunks = () => ctx.towns.flatMap((t) => ctx.source.chunksOfTown(t));
  const ofKind = (f: Fact) => f.items.length >= 3 && kindWords.some((w) => f.items.filter((i) => i.includes(w)).length >= 0.75 * f.items.length);
  const kindList = firstList(ctx, ofKind, () => true, () => (ctx.entities.length ? townChunks().filter((c) => namesEntities(ctx, c)) : []));
  if (kindList || !MAIN_KINDS.test(foldForMatch(ctx.question))) return kindList;
  // 主要有哪几类产品 / 由几大类构成: the enumeration said to be the main ones (以建筑瓷、日用瓷、工业瓷、琉璃制品为主体的产业格局),
  // the first in the best sentences of the named towns, else in their passages.
  const main = (f: Fact) => f.items.length >= 2 && /^为主/.test(afterItems(f));
  return firstList(ctx, main, (c) => !ctx.towns.length || ctx.towns.includes(c.meta.town), townChunks);
}

/** Asks the main kinds of a thing (主要有哪些, 由几大类构成, 分几类): what an enumeration said to be the main body (为主体) answers. */
const MAIN_KINDS = new RegExp(`主要|主打|几大类|哪几大?类|哪些类|分为?几|[由以]几大?类|\\bmain(?:ly)?\\b|${KINDS_OF.source}`, 'i');

/** The first enumeration `matches` accepts in the best sentences (of chunks `inBest` keeps), else in `chunks()`. */
function firstList(ctx: ComposeContext, matches: (f: Fact) => boolean, inBest: (chunk: Chunk) => boolean, chunks: () => Chunk[]): LocatedFact | undefined {
  for (const x of ctx.scored.slice(0, 5)) {
    const chunk = ctx.hits[x.hit]!.chunk;
    const fact = inBest(chunk) ? ctx.source.factsOf(chunk).find((f) => f.kind === 'list' && f.sentence === x.sentence && matches(f)) : undefined;
    if (fact) return { fact, chunk, fit: 1, score: 1 };
  }
  for (const chunk of chunks()) {
    const fact = ctx.source.factsOf(chunk).find((f) => f.kind === 'list' && matches(f));
    if (fact) return { fact, chunk, fit: 1, score: 1 };
  }
  return undefined;
}

/** Asks the qualities of something (有什么特点, 几个优点, 品质如何). */
// (特色 asked, 有什么特色 / 特色是, not a 民族特色庄园酒 named.)
const ASKS_QUALITIES = /特点|优点|特色(?![\u4e00-\u9fff])|特色(?:是|有|在)|长处|优势在哪|有什么好|品质(?:如何|怎么样)|特征|characteristics|qualities|features/i;

/**
 * 有什么特点 / 夸了它几个优点: the run of three or more short descriptive clauses (果实个大，色泽鲜艳，酸甜适度，
 * 医用价值高) in the first of the best sentences that has one, preferring a sentence naming the question's words;
 * counted when asked.
 */
export function composeQualities(ctx: ComposeContext, count: boolean): Reply | null {
  const folded = foldForMatch(ctx.question);
  if (!ASKS_QUALITIES.test(folded)) return null;
  // A name the question quotes (「泽州红」) picks the sentence saying it first.
  const quoted = /[“「『"]([^”」』"]+)[”」』"]/.exec(folded)?.[1];
  const best = ctx.scored.slice(0, 5);
  const ordered = quoted ? [...best.filter((x) => foldForMatch(x.text).includes(quoted)), ...best.filter((x) => !foldForMatch(x.text).includes(quoted))] : best;
  for (const x of ordered) {
    const clauses = splitClauses(x.text).map((c) => c.replace(/[，,；;。！？]$/, ''));
    let run: string[] = [];
    let found: string[] = [];
    for (const c of clauses) {
      const bare = c.replace(/^(?:其|且|又|还|都|也)/, '');
      // A short clause of a noun and what it is like (色泽鲜艳, 脂肪含量低), no figure or name in it.
      const short = (t: string) => t.length >= 3 && t.length <= 8 && !/[\d“”《》]/.test(t);
      if (short(bare)) {
        run.push(c);
        continue;
      }
      if (run.length > found.length) found = run;
      // A run may open with the tail after a name (主要栽培品种“泽州红”果实个大: 果实个大).
      const tail = c.slice(c.lastIndexOf('”') + 1);
      run = c.includes('”') && short(tail) ? [tail] : [];
    }
    if (run.length > found.length) found = run;
    if (found.length < 3) continue;
    const chunk = ctx.hits[x.hit]!.chunk;
    const cites = new CitationList();
    const said = `${found.join('，')}${cites.mark(chunk)}。`;
    return reply(count ? `共${found.length}${countClassifier(ctx.question) || '个'}：${said}` : said, cites);
  }
  return null;
}

/** A count of times (几个历史时期, 几个朝代, 几个不同的年份): the kind of time counted. */
const COUNTS_TIMES = /(?:几|多少)个?(?:不同的?)?(?:具体的?)?(?:历史)?(?:时期|朝代|年代|时代|年份)/;
/** The whole page asked about (这版, 整版, 全版, 报道里一共). */
const PAGE_WIDE = /这一?版|整版|全版|版面|页面|这一?页|整页|整个版|this page|on the page/i;

/**
 * 提到了几个历史时期 / 出现了几个不同的年份: the distinct times of the best sentence (the whole page when asked of
 * it), counted and each cited; eras for 时期 / 朝代, calendar years for 年份.
 */
export function composeTimeCount(ctx: ComposeContext): Reply | null {
  const m = COUNTS_TIMES.exec(foldForMatch(ctx.question));
  if (!m) return null;
  const years = m[0].endsWith('年份');
  const chunks = PAGE_WIDE.test(ctx.question) ? ctx.source.townNames().flatMap((t) => ctx.source.chunksOfTown(t)) : [];
  const times: LocatedFact[] = [];
  const seen = new Set<string>();
  const take = (chunk: Chunk, sentence?: number) => {
    for (const fact of ctx.source.factsOf(chunk)) {
      if (fact.kind !== 'time' || fact.value === null || (sentence !== undefined && fact.sentence !== sentence)) continue;
      if (years ? fact.family !== 'year' : fact.family !== 'era') continue;
      const key = years ? String(fact.value) : fact.text;
      if (seen.has(key)) continue;
      seen.add(key);
      times.push({ fact, chunk, fit: 1, score: 1 });
    }
  };
  if (chunks.length) chunks.forEach((c) => take(c));
  // (Else the first of the best sentences that names two or more.)
  for (const x of chunks.length ? [] : ctx.scored.slice(0, 5)) {
    take(ctx.hits[x.hit]!.chunk, x.sentence);
    if (times.length >= 2) break;
    times.length = 0;
    seen.clear();
  }
  if (times.length < 2) return null;
  if (years) times.sort((a, b) => a.fact.value! - b.fact.value!);
  const cites = new CitationList();
  const parts = times.map((t) => `${years ? `${t.fact.value}年` : t.fact.text}${cites.mark(t.chunk)}`);
  return reply(`共${times.length}个：${parts.join('、')}。`, cites, times);
}

/** Classifiers a count question counts in (几个, 几款, 多少所…). */
const COUNTED_IN = '个种所位家项类条名篇座只头款届部批样方句点处环块';
const COUNTED_KIND = new RegExp(`(?:几|多少)(?:个方面|方面|[${COUNTED_IN}])?([\\u4e00-\\u9fff]{2,8})([、和与及][\\u4e00-\\u9fff])?`);
const COUNT_CLASSIFIER = new RegExp(`(?:几|多少)大?(个方面|方面|[${COUNTED_IN}])`);

/** The noun a count question counts (几个育种场 -> 育种场), "" when the classifier stands alone (一共几个, 几种的…). */
export function countedKind(question: string): string {
  const m = COUNTED_KIND.exec(foldForMatch(question));
  // Several kinds counted together (几个基地、场站) are every item of the list, not those of one kind.
  return m && !m[2] && !/^[的是在给了有]/.test(m[1]!) ? m[1]! : '';
}

/** The classifier a count question asks in (几个 -> 个, 几种 -> 种, 几个方面 -> 个方面), 项 by default. */
export function countClassifier(question: string): string {
  return COUNT_CLASSIFIER.exec(foldForMatch(question))?.[1] ?? '项';
}

/** 分别 / several towns: each named town's best fact (or sentence), one statement per town. */
export function composePerTown(ctx: ComposeContext): Reply | null {
  const cites = new CitationList();
  const facts: LocatedFact[] = [];
  const parts: string[] = [];
  // A measure asked of each (泽州和陵川的年产值) is each town's figure of that measure: a town without one has it not stated.
  // (…and so is a count in the unit asked: 阳城有多少家陶瓷企业.)
  const measured = ctx.parsed.answerType === 'quantity' && (ctx.parsed.attributes.some((a) => a.measure) || (ctx.parsed.unitFamily !== null && !ctx.parsed.unitFamily.startsWith('measure:')));
  const missing: string[] = [];
  for (const town of ctx.towns) {
    const [fact] = ctx.parsed.answerType === 'text' ? [] : dedupeFacts(rankFacts(rankableChunksOfTown(ctx, town, ctx.focus), ctx.focus, ctx.parsed, ctx.source)).filter((f) => ofAskedMeasure(ctx, f));
    if (!fact && measured) {
      missing.push(town);
      continue;
    }
    if (fact && fact.fit > 0) {
      facts.push(fact);
      parts.push(`${town}：${factStatement(fact.fact)}${cites.mark(fact.chunk)}`);
      continue;
    }
    const s = bestSentenceOfTown(ctx, town);
    if (s && s.coverage > 0) parts.push(`${town}：${trimSentence(s.text, ctx.focus, ctx.source.idf)}${cites.mark(s.chunk)}`);
  }
  // (Some towns state it, some do not: what is not stated is said, with the figures that are.)
  if (missing.length > 0 && facts.length > 0) return oneSideMissing(ctx, missing.join('、'), facts[0]!);
  return parts.length ? reply(parts.join(''), cites, facts) : null;
}

/** True when a figure is of the measure and unit family the question asks (年产值…5.28亿元, not 总投资3.5亿元; 30家 for 多少家), or none is asked. */
function ofAskedMeasure(ctx: ComposeContext, f: LocatedFact): boolean {
  const family = ctx.parsed.unitFamily;
  if (family !== null && !family.startsWith('measure:') && f.fact.kind === 'quantity' && f.fact.family !== family) return false;
  const measures = ctx.parsed.attributes.filter((a) => a.measure);
  if (measures.length === 0) return true;
  return saysAttribute(measures, foldForMatch(`${f.fact.before}${f.fact.text}`)) && !otherMeasure(f.fact.clause, measures);
}

/** Asks each of two things for its own figure (A和B分别是多少, 各是多少). */
const ASKS_EACH = /分别|各(?:是|有|为)多少|各自/;

/**
 * 高平生猪出栏量和阳城蚕茧产量分别是多少: each side's own figure, found by its own words (sideFact), side by side
 * and cited; null unless both are found.
 */
export function composeEach(ctx: ComposeContext): Reply | null {
  if (!ASKS_EACH.test(ctx.question) || ctx.parsed.answerType !== 'quantity') return null;
  const sides = comparisonSides(ctx.question);
  if (sides.length !== 2) return null;
  const shared = sharedWords(ctx, sides);
  const first = sideFact(ctx, sides[0]!, shared);
  const second = first && sideFact(ctx, sides[1]!, shared, undefined, first.fact);
  if (!first || !second) return null;
  // (A side whose figure is not of the measure asked of both has it not stated.)
  const [ofA, ofB] = [ofAskedMeasure(ctx, first), ofAskedMeasure(ctx, second)];
  if (ofA !== ofB) return oneSideMissing(ctx, sideLabel(sides[ofA ? 1 : 0]!), ofA ? first : second);
  const cites = new CitationList();
  // (Each labelled with its town, as per-town answers are: every other word of the answer is the snippet's own.)
  const said = (f: LocatedFact) => `${f.chunk.meta.town}：${factStatement(f.fact).replace(/。$/, '')}。${cites.mark(f.chunk)}`;
  return reply(`${said(first)}${said(second)}`, cites, [first, second]);
}

/** The question's focus words that no side names (产值 of 高平和阳城的产值): both sides' measure. */
export function sharedWords(ctx: ComposeContext, sides: string[]): string[] {
  return ctx.focus.filter((w) => !sides.some((s) => foldForMatch(s).includes(w)));
}

/** How a side is named in the answer: without what frames it (请问, 那, a trailing 的), in simplified characters when Chinese. */
function sideLabel(side: string): string {
  const label = side.replace(/^(?:请问|那|这)|的$/g, '');
  return /[a-z]/i.test(label) ? label : foldForMatch(label);
}

/** The attribute families a comparison asks of one side: named in the side, or in the question outside all its sides. */
function sideAttributes(question: string, side: string): AttributeFamily[] {
  const rest = comparisonSides(question).reduce((q, s) => q.split(s).join(' '), question);
  return attributeFamilies(foldForMatch(`${side} ${rest}`));
}

/** A question putting events in order (哪件事在前, 这两件事哪件早, 谁先, 以后又过了几年), not asking how old each thing is. */
const EVENT_ORDER = /哪一?件|[两这那]件事|在前|在先|先发生|(?:谁|哪个|哪一个|哪项)先|(?:以后|之后|后来|后)[^，,。？?]{0,4}(?:过了|隔了)|(?:多少|(?<!第)几)年(?:以?后|之后)|which (?:happened|came) first|how (?:long|many years) after|到[^，,。？?]{2,30}[，,]?(?:中间|之间|当中)?(?:相隔|间隔|隔|经过|相距)了?(?:多少|(?<!第)几)年/i;

/** The measure word a side counts itself in (注册商标的个数 -> 个, 企业的家数 -> 家, 涉及的大类数 -> 类), "" when it names none. */
function measureOfSide(side: string): string {
  return /([个家户头只人亩吨张类种])数$/.exec(foldForMatch(side).replace(/[？?。]$/, ''))?.[1] ?? '';
}

/** The best fact for one side of a comparison: its own words weigh fully, the shared question words half. */
export function sideFact(ctx: ComposeContext, side: string, shared: string[], family?: string, except?: Fact): LocatedFact | undefined {
  // An English side (Zezhou's foundries) is read through its translations.
  const folded = foldForMatch(/[a-z]/i.test(side) ? `${side} ${ctx.source.chineseWords(side).join(' ')}` : side);
  // A side without a word the articles use may still name an attribute (铸造厂: 企业, 公司), or only its town (高平织绸).
  const stated = ctx.focus.filter((w) => folded.includes(w) && ctx.source.idf(w) > 0);
  const own = stated.length ? stated : attributeFamilies(folded).flatMap((f) => f.factWords);
  const towns = ctx.source.townsIn(side);
  // A side naming an organisation (吉利尔的历史) is read only in passages about it.
  const ownEntities = ctx.entities.filter((e) => folded.includes(e));
  // A side naming neither is read in the one organisation the question names (彤康的基地，规划面积和认证的面积)…
  // (…unless it names a thing one other passage alone says: 玉柱茶具 of 吉利尔创办和玉柱茶具被选用.)
  // (Not in its one town: the other side may name a thing of another town by no town name, 晋城冶铸业.)
  const saidElsewhere = own.some((w) => {
    const [only, ...more] = ctx.source.chunksWith(w);
    return only !== undefined && more.length === 0 && !namesEntities(ctx, only);
  });
  const entities = towns.length === 0 && ownEntities.length === 0 && ctx.entities.length === 1 && !saidElsewhere ? ctx.entities : ownEntities;
  const about = (c: Chunk) => namesEntities({ ...ctx, entities }, c);
  const chunks = (towns.length ? towns.flatMap((t) => rankableChunksOfTown(ctx, t, [...own, ...shared])) : [...new Set([...ctx.hits.map((h) => h.chunk), ...own.flatMap((w) => ctx.source.chunksWith(w))])]).filter(about);
  // What the side names next to its figure, its town's industry words included (有机山楂地: 有机, 山楂).
  const named = [...own, ...cutWords(folded).filter((w) => w.length >= 2 && !own.includes(w) && ctx.source.idf(w) > 0)];
  const ranked = rankFacts(chunks, own.length ? own : shared, ctx.parsed, ctx.source).map((f) => {
    const extra = own.length ? attributeFit(f.fact, shared, ctx.parsed, ctx.source.idf, foldedSentenceOf(f.chunk, f.fact)) : 0;
    // The side's own words next to the figure (3万亩有机农作物种植基地 for 有机农作物基地, 铸造企业30家) say it is the side's figure.
    const near = figureWords(f.fact);
    const counted = own.length ? focusWeight(near, named, ctx.source.idf) / focusWeight(named.join(' '), named, ctx.source.idf) : 0;
    return { ...f, score: f.fit + extra / 2 + 0.6 * counted };
  });
  // A side is a figure: a quantity, or when ages are compared a time or a duration (not an enumeration or a name).
  const figure = (f: LocatedFact) => f.fact.value !== null && (f.fact.kind === 'quantity' || (ctx.parsed.byTime && f.fact.kind === 'time'));
  // Matched to the other side's figure: only figures of its unit family (户 against 户, not 四大板块).
  // …and of the measure asked of this side, by its own words or the question's outside every side (哪家投的钱多: 投资, not 增收).
  const measures = sideAttributes(ctx.question, side);
  const fitting = ranked
    .filter((f) => f.fit >= 0.3 && figure(f) && (family === undefined || f.fact.family === family) && f.fact !== except && !otherMeasure(f.fact.clause, measures))
    .sort((a, b) => b.score - a.score);
  // A side that says its own figure (42度那款白兰地) is that figure where the articles state it.
  const said = claimedFacts(claimText(side)).filter((c) => c.kind === 'quantity');
  const saying = fitting.find((f) => said.some((c) => c.family === f.fact.family && c.value === f.fact.value));
  if (saying) return saying;
  // Dated by the figure it says (the year Gaoping sold 850,000 hogs): the time of the sentence stating that figure.
  if (ctx.parsed.byTime && said.length) {
    for (const chunk of chunks) {
      const facts = ctx.source.factsOf(chunk);
      const stating = facts.find((f) => f.kind === 'quantity' && said.some((c) => c.family === f.family && c.value === f.value));
      const time = stating && facts.find((f) => f.kind === 'time' && f.sentence === stating.sentence && f.value !== null);
      if (time) return { fact: time, chunk, fit: 1, score: 1 };
    }
  }
  if (!ctx.parsed.byTime || !fitting[0]) return fitting[0];
  // How old a side is: the earliest time among the facts whose clause words the asked attribute
  // (追溯到春秋战国, 创始于…) or else among its nearly best facts.
  const mentionsSide = (f: LocatedFact) => own.length === 0 || own.some((w) => foldForMatch(sentenceOf(f.chunk, f.fact)).includes(w));
  const dated = fitting.filter((f) => startYear(f.fact, ctx.source.referenceYear) !== null && mentionsSide(f));
  // (…in its clause or a clause before it in its sentence: 高平丝绸历史悠久，唐代曾是潞绸的产地中心.)
  const upTo = (f: LocatedFact) => foldForMatch(sentenceOf(f.chunk, f.fact).slice(0, f.fact.clauseStart + f.fact.clause.length));
  // (The attribute asked of this side: 彤康成立 asks a founding, 潞绸列入非遗 of the same question does not.)
  const stating = dated.filter((f) => saysAttribute(measures, upTo(f)));
  const pool = stating.length ? stating : dated.filter((f) => f.score >= fitting[0]!.score - 0.3);
  const year = (f: LocatedFact) => startYear(f.fact, ctx.source.referenceYear)!;
  // Events put in order (哪件事在前) are each dated by their best fact, not by the earliest time near it.
  // (…by the side's own attribute when it names one: 彤康成立 is its founding.)
  // (…else by the fact whose sentence, up to the dated clause, says most of the side's own words: 潞绸手工织造…2014年被列为国家级…,
  // not 吉利尔潞绸集团创始于1958年 of a later clause's 织造.)
  if (EVENT_ORDER.test(ctx.question) && dated[0]) {
    const event = attributeFamilies(folded);
    const weight = (f: LocatedFact) => focusWeight(upTo(f), own, ctx.source.idf);
    return dated.find((f) => saysAttribute(event, upTo(f))) ?? dated.reduce((a, b) => (weight(b) > weight(a) ? b : a));
  }
  // (A year or era stated beats one counted back from a duration (创始于1958年, not 65年来 from 2022).)
  const exact = pool.filter((f) => f.fact.kind === 'time');
  return pool.length ? (exact.length ? exact : pool).reduce((a, b) => (year(b) < year(a) ? b : a)) : fitting[0];
}

/** A comparison with one side's figure not stated: refused, naming that side, with the other side's cited figure as related. */
function oneSideMissing(ctx: ComposeContext, missing: string, other: LocatedFact): Reply {
  const cites = new CitationList();
  const statement = `${factStatement(other.fact).replace(/。$/, '')}${cites.mark(other.chunk)}`;
  const what = ctx.parsed.byTime ? '具体时间' : '相应数字';
  const answer = notStated(ctx.parsed.english, missing, what, `${statement}。`, true);
  return reply(answer, cites, [other], true, [factStatement(other.fact)]);
}

/**
 * For a side whose own words found no figure: the first fact of the other side's kind and unit family (a year
 * when neither side found one and ages are compared) in the one town it names (of a county's towns, the one whose industry it says: 高平的猪 -> 高平生猪).
 */
function headlineFact(ctx: ComposeContext, side: string, other: LocatedFact | undefined): LocatedFact | undefined {
  const named = ctx.source.townsIn(side);
  const towns = named.length > 1 ? named.filter((t) => [...t.replace(/^[\u4e00-\u9fff]{2}/, '')].some((c) => side.includes(c))) : named;
  // Neither side found, ages compared (哪个的数据年份更新): each town's first year.
  const kind = other ? { kind: other.fact.kind, family: other.fact.family } : ctx.parsed.byTime ? { kind: 'time', family: 'year' } : undefined;
  if (!kind || towns.length !== 1) return undefined;
  const first = ctx.source.firstFactsOfTown(towns[0]!).find((x) => x.fact.kind === kind.kind && x.fact.family === kind.family && x.fact.value !== null);
  return first && { ...first, fit: 0.3, score: 0.3 };
}

/** Compare, difference or superlative over the question's sides (or the towns named, or every town): the facts side by side and the result. */
export function composeComparison(ctx: ComposeContext, question: string): Reply | null {
  if (ctx.parsed.answerType === 'text' || ctx.parsed.answerType === 'names') return null;
  const sides = ctx.parsed.operation === 'superlative' ? [] : comparisonSides(question);
  let pairs: { f: LocatedFact | undefined; label: string }[];
  if (sides.length >= 2) {
    const shared = sharedWords(ctx, sides);
    // The unit asked may be one side's own (蜂农户数 against 经营主体数): a side without a figure of it takes any.
    const anyUnit = { ...ctx, parsed: { ...ctx.parsed, unitFamily: null } };
    // A side that ends on what it counts (带动致富的农户: households) is read in that unit, whatever the question's (人数).
    // (…or names the measure it counts in: 注册商标的个数 is counted in 个, whatever 家数 the other side asks.)
    const ownUnit = (s: string) => {
      const measure = measureOfSide(s);
      const family = measure ? (unitScale(measure)?.family ?? null) : countedFamily(cutWords(foldForMatch(s)).pop() ?? '');
      // (A measure the side names is its unit even where the question asks none: 大类数, 哪个更多.)
      return family && (measure || ctx.parsed.unitFamily) && family !== ctx.parsed.unitFamily ? { ...ctx, parsed: { ...ctx.parsed, unitFamily: family } } : ctx;
    };
    pairs = sides.map((s) => ({ f: sideFact(ownUnit(s), s, shared) ?? (ctx.parsed.unitFamily ? sideFact(anyUnit, s, shared) : undefined), label: sideLabel(s) }));
    // Two sides on one figure: the side it fits less takes its next best (pig output and slaughter: 出栏, 屠宰).
    const [p, o] = pairs;
    if (pairs.length === 2 && p!.f && o!.f && p!.f.fact === o!.f.fact) {
      const weaker = p!.f.score <= o!.f.score ? 0 : 1;
      pairs[weaker] = { ...pairs[weaker]!, f: sideFact(ctx, sides[weaker]!, shared, undefined, pairs[weaker]!.f!.fact) };
    }
    // A side named only by its town (高平的猪) is the town's first figure of the other side's kind (生猪出栏85万头).
    pairs = pairs.map((p, i) => (p.f ? p : { ...p, f: headlineFact(ctx, sides[i]!, pairs.find((o) => o.f)?.f) }));
    // Two quantities of different unit families: each side is tried against the other's family, and the
    // pair whose figures fit their sides better stands (a side can have a figure of the other's kind).
    const [a, b] = pairs;
    // (Counts of different bodies, 群众 against 农户, are compared as they are.)
    // (…nor two sides that each name the measure they count in: 个数 against 家数.)
    const counts = [a?.f, b?.f].every((p) => p && BODIES.includes(p.fact.family)) || sides.every((x) => measureOfSide(x) !== '');
    if (pairs.length === 2 && a!.f && b!.f && a!.f.fact.kind === 'quantity' && b!.f.fact.kind === 'quantity' && a!.f.fact.family !== b!.f.fact.family && !counts) {
      // (A side naming the measure it counts in, 大类数, keeps it.)
      const aLikeB = measureOfSide(sides[0]!) ? undefined : sideFact(ctx, sides[0]!, shared, b!.f.fact.family);
      const bLikeA = measureOfSide(sides[1]!) ? undefined : sideFact(ctx, sides[1]!, shared, a!.f.fact.family);
      const options = [aLikeB && { a: aLikeB, b: b!.f }, bLikeA && { a: a!.f, b: bLikeA }].filter((o): o is { a: LocatedFact; b: LocatedFact } => !!o);
      const best = options.sort((x, y) => y.a.score + y.b.score - (x.a.score + x.b.score))[0];
      if (best) pairs = [{ ...a!, f: best.a }, { ...b!, f: best.b }];
    }
    // Ages compared by a duration (65年来) against a year (成立于2007年): the side with the duration states its own year
    // when it has one, so both are read alike.
    const families = pairs.map((p) => p.f?.fact.family);
    if (ctx.parsed.byTime && families.includes('duration') && families.includes('year')) {
      pairs = pairs.map((p, i) => (p.f?.fact.family === 'duration' ? { ...p, f: sideFact(ctx, sides[i]!, shared, 'year') ?? p.f } : p));
    }
    // A side the question dates (2022年沁水养的黑山羊) has no figure its article dates to another year (2021年…20万只).
    if (!ctx.parsed.byTime) {
      pairs = pairs.map((p, i) => {
        const asked = CALENDAR_YEAR.exec(sides[i]!)?.[1];
        const stated = p.f && statedYear(ctx, p.f);
        return asked && stated && stated !== asked ? { ...p, f: undefined } : p;
      });
    }
  } else {
    const towns = ctx.towns.length >= 2 ? ctx.towns : ctx.source.townNames();
    // Across towns, a town takes part only with a figure its article words as the asked measure (年产值 for 产值).
    const measures = ctx.parsed.attributes.filter((a) => a.measure);
    // (…and a rate asked per household or person (按户算, per household), with a figure stated per unit: 户均增收.)
    const perUnit = perUnitWords(ctx.question);
    const statesMeasure = (f: LocatedFact) =>
      (measures.length === 0 || saysAttribute(measures, foldForMatch(`${f.fact.before}${f.fact.text}${f.fact.after}`))) &&
      statedPerUnit(perUnit, f.fact);
    pairs = towns.map((town) => ({ f: dedupeFacts(rankFacts(rankableChunksOfTown(ctx, town, ctx.focus), ctx.focus, ctx.parsed, ctx.source)).filter(statesMeasure)[0], label: town }));
    pairs = pairs.filter((p) => p.f !== undefined && p.f.fit >= 0.3);
    // 哪家 asks which organisation: each figure is labelled by the one its sentence names.
    if (ASKS_ORGANISATION.test(question)) pairs = pairs.map((p) => ({ ...p, label: organisationNamedIn(ctx, p.f!.chunk, p.f!.fact.sentence) ?? '' })).filter((p) => p.label);
    // Across the page only figures of one kind compete: the asked unit family, else the commonest.
    const kindOf = (f: LocatedFact) => (f.fact.kind === 'time' || f.fact.family === 'duration' ? 'time' : f.fact.family);
    const kinds = pairs.map((p) => kindOf(p.f!));
    const wanted = ctx.parsed.unitFamily ?? [...kinds].sort((a, b) => kinds.filter((k) => k === b).length - kinds.filter((k) => k === a).length)[0];
    pairs = pairs.filter((p) => kindOf(p.f!) === wanted);
  }
  const found = pairs.filter((p): p is { f: LocatedFact; label: string } => p.f !== undefined);
  // Two sides asked, one found: what is not stated is said, with the other side's figure (a near miss).
  if (sides.length === 2 && found.length === 1) return oneSideMissing(ctx, pairs.find((p) => !p.f)!.label, found[0]!.f);
  const facts = found.map((p) => p.f);
  if (facts.length < 2 || new Set(facts.map((f) => f.fact)).size < facts.length) return null;
  const cites = new CitationList();
  const text = compareFacts(facts, found.map((p) => p.label), ctx.parsed, (f) => cites.mark(f.chunk), ctx.source.referenceYear);
  return text ? reply(text, cites, facts) : null;
}

/** The calendar year a figure's sentence dates it to (2021年，全县…20万只 -> "2021"), "" when it names none. */
function statedYear(ctx: ComposeContext, f: LocatedFact): string {
  const when = CALENDAR_YEAR.exec(f.fact.when)?.[1];
  if (when) return when;
  const time = ctx.source.factsOf(f.chunk).find((t) => t.sentence === f.fact.sentence && t.kind === 'time' && t.family === 'year');
  return time?.value ? String(time.value) : '';
}

/**
 * A figure the question bounds (超过600种, 不到30万只; see boundedFigure) checked against the sentence's figure of
 * the same unit family: whether the bound holds, null when the question sets none or the sentence has no such figure.
 */
export function boundHolds(asked: BoundedFigure | null, sentenceFacts: Fact[], weight: (f: Fact) => number = () => 0): boolean | null {
  const stated = boundedFact(asked, sentenceFacts, weight);
  if (!asked || !stated) return null;
  // A figure stated as passed (突破3000元, 5万多) holds a bound of its own value: more than 3000元.
  const passed = /(?:突破|超过|逾|多达)$/.test(stated.before) || /[多余]|以上/.test(stated.text);
  if (asked.bound === '>') return stated.value! > asked.fact.value! || (passed && stated.value === asked.fact.value);
  return stated.value! < asked.fact.value!;
}

/** The words of a rate the question asks per unit (一户 / 每户 -> 户均, 每户; 每人 -> 人均): how articles say "per". */
/** True when no rate is asked (`perUnit` empty), or the figure is stated per the unit asked (户均增收…). */
function statedPerUnit(perUnit: string[], fact: Fact): boolean {
  return perUnit.length === 0 || perUnit.some((w) => fact.before.includes(w));
}

export function perUnitWords(question: string): string[] {
  const q = foldForMatch(question);
  const units = [...q.matchAll(/(?<![哪第])[一每按]([户人亩头只家])(?![\u4e00-\u9fff]?[数口])|([户人亩])均/g)].map((m) => m[1] ?? m[2]!);
  // (…and in English: per household, per person, per capita.)
  for (const [, word] of q.matchAll(/\bper[- ](household|family|person|capita|head|farmer|mu)\b/g)) units.push(word === 'household' || word === 'family' ? '户' : word === 'mu' ? '亩' : '人');
  return [...new Set(units)].flatMap((unit) => [`${unit}均`, `每${unit}`]);
}

/** A bound said after its figure (10度以下, 40度以上, 5000元以内). */
const BOUND_AFTER: [RegExp, '>' | '<'][] = [
  [/^(?:以下|以内|之内|之下|不到)/, '<'],
  [/^(?:以上|之上|多)/, '>'],
];

/** The figure a count bounds (10度以下的有几款, how many are over 40 degrees), before or after it; null when none. */
export function countBound(question: string): BoundedFigure | null {
  const before = boundedFigure(question);
  if (before) return before;
  const q = claimText(question);
  for (const fact of claimedFacts(q).filter((f) => f.kind === 'quantity')) {
    const text = fact.text.replace(/以上$/, '');
    const rest = fact.text.endsWith('以上') ? '以上' : q.slice(q.indexOf(fact.text) + fact.text.length);
    const bound = BOUND_AFTER.find(([re]) => re.test(rest))?.[1];
    if (bound) return { fact: { ...fact, text }, bound };
  }
  return null;
}

/**
 * 10度以下的有几款: the figures of the bound's unit family in the best scored sentence that lists two or more of them
 * (6度清甜山楂甜酒、8度山楂情缘、13度…), counted where the bound holds, each said with the words it heads.
 */
export function composeBoundedCount(ctx: ComposeContext): Reply | null {
  const bound = countBound(ctx.question);
  if (!bound) return null;
  for (const s of ctx.scored) {
    const chunk = ctx.hits[s.hit]!.chunk;
    if (!namesEntities(ctx, chunk)) continue;
    const figures = ctx.source.factsOf(chunk).filter((f) => f.sentence === s.sentence && f.kind === 'quantity' && f.family === bound.fact.family && f.value !== null);
    if (figures.length < 2) continue;
    const held = figures.filter((f) => (bound.bound === '>' ? f.value! > bound.fact.value! : f.value! < bound.fact.value!));
    const cites = new CitationList();
    const mark = cites.mark(chunk);
    const named = held.map((f) => `${f.text}${f.after.split(/[、，,；;。和及与等]/)[0]}`);
    const located = held.map((fact) => ({ fact, chunk, fit: 1, score: 1 }));
    if (ctx.parsed.english) return reply(`${held.length}${held.length ? `: ${held.map(englishValue).join(', ')}` : ''}. ${figures[0]!.clause}。${mark}`, cites, located);
    return reply(held.length ? `共${held.length}${countClassifier(ctx.question)}：${named.join('、')}。${mark}` : `没有：${factStatement(figures[0]!, s.text).replace(/。$/, '')}。${mark}`, cites, located);
  }
  return null;
}

/** The sentence's figure a bound is checked against: of several of its unit family (收入131.7万元, 户均增收6653元), the one whose own words weigh most. */
function boundedFact(asked: BoundedFigure | null, sentenceFacts: Fact[], weight: (f: Fact) => number): Fact | undefined {
  const kind = asked ? sentenceFacts.filter((f) => f.kind === 'quantity' && f.family === asked.fact.family && f.value !== null) : [];
  return kind.reduce<Fact | undefined>((best, f) => (!best || weight(f) > weight(best) ? f : best), undefined);
}

type BoundedFigure = { fact: Fact; bound: '>' | '<' };

/** A bare amount (5亿, no unit) claimed of a measure (产值) or said against an asked kind (卖…的钱) is of that unit family (money). */
export function inAskedFamily(fact: Fact, parsed: ParsedQuestion): Fact {
  const asked = parsed.unitFamily?.startsWith('measure:') ? null : parsed.unitFamily;
  const family = asked ?? parsed.attributes.find((a) => a.unitFamily)?.unitFamily;
  return fact.kind === 'quantity' && fact.family === 'count' && /[万亿]$/.test(fact.text) && family ? { ...fact, family } : fact;
}

/** The figure a question bounds (超过600种 -> 600种, '>'), null when none. */
function boundedFigure(question: string): BoundedFigure | null {
  const q = claimText(question);
  for (const fact of extractFacts(q, 0)) {
    const bound = fact.kind === 'quantity' && fact.value !== null ? boundBefore(q, q.indexOf(fact.text)) : null;
    if (bound) return { fact, bound };
  }
  return null;
}

/**
 * A question word the sentence's enumeration leaves out: the enumeration has words of its kind (the
 * same last character, 蜜 of 荆条蜂蜜) but none sharing its other characters (枣花蜜 among 荆条蜂蜜、刺槐蜂蜜).
 */
export function outsideEnumeration(words: string[], sentenceFacts: Fact[], sentence: string, forms?: (w: string) => WordForm[]): string | null {
  for (const w of words) {
    // (A word said in another of its forms is no word left out: core -> 中心 or 核心.)
    if (w.length < 2 || sentence.includes(w) || bestFormWeight(forms?.(w), sentence) >= FAMILY_FORM_WEIGHT) continue;
    const head = w.at(-1)!;
    const modifier = [...w.slice(0, -1)];
    const lists = sentenceFacts.filter((f) => f.kind === 'list' && f.items.some((i) => i.includes(head)));
    if (lists.length && !lists.some((f) => f.items.some((i) => modifier.some((c) => i.includes(c))))) return w;
  }
  return null;
}

/**
 * 是不是 / 吗 / 吧: a figure the question bounds (超过…) is checked against the stated one; else yes when
 * the best sentence holds every number of the question and no word its enumeration leaves out, no with
 * what the article says otherwise.
 */
export function composeYesNo(ctx: ComposeContext, numbers: string[]): Reply | null {
  const elsewhere = organisationElsewhere(ctx) ?? otherOrganisation(ctx);
  if (elsewhere) return elsewhere;
  const factsOf = (x: ScoredSentence) => ctx.source.factsOf(ctx.hits[x.hit]!.chunk).filter((f) => f.sentence === x.sentence);
  const candidates = ctx.scored.filter((x) => namesEntities(ctx, ctx.hits[x.hit]!.chunk));
  // A bounded figure (超过30万只) or a claimed one (1958年, 唐代, 一半左右) is checked against the best
  // sentence stating a figure of its unit family (or a time of its kind).
  const claimed = claimText(ctx.question);
  const figure = countBound(claimed);
  const bounded = figure && { ...figure, fact: inAskedFamily(figure.fact, ctx.parsed) };
  // (A year that only sets the time of what is claimed, 2022年的屠宰量, is no claim to check a sentence for.)
  const frames = (f: Fact) => f.kind === 'time' && /^(?:的|，|,)/.test(claimed.slice(claimed.indexOf(f.text) + f.text.length));
  const claims = claimedFacts(claimed).filter((f) => f.text !== bounded?.fact.text && !frames(f)).map((f) => inAskedFamily(f, ctx.parsed));
  const families = new Set([bounded?.fact.family, ...claims.flatMap(claimFamilies)]);
  // A claimed amount is checked where its kind of amount is stated, not in a sentence that only dates the claim (in 2022).
  const amounts = new Set([bounded?.fact.family, ...claims.filter((f) => f.kind === 'quantity').flatMap(claimFamilies)].filter((f) => f !== undefined));
  const checkable = (x: ScoredSentence) => factsOf(x).some((f) => (f.kind === 'quantity' || f.kind === 'time') && (amounts.size ? amounts : families).has(f.family));
  const claimsFigure = families.size > 1 || bounded !== null;
  // The figure a bound was checked against is said (户均增收6653元 of 过一万了吗), wherever it stands in the sentence.
  // 一户 / 每户 asks the per-household figure (户均增收), as 每人 / 人均.
  const rateWords = perUnitWords(ctx.question);
  const boundWeight = (f: Fact) => focusWeight(foldForMatch(f.before), [...ctx.focus, ...rateWords], ctx.source.idf);
  // Of the leading sentences with a figure of the bound's kind, the one whose figure's own words the question says (宰 of 屠宰38.8万头, not 出栏85万头).
  const boundedWeight = (x: ScoredSentence) => { const f = boundedFact(bounded, factsOf(x), boundWeight); return f ? boundWeight(f) : 0; };
  const leading = candidates.slice(0, 5).filter(checkable);
  const byFigureWords = bounded ? leading.reduce<ScoredSentence | undefined>((best, x) => (!best || boundedWeight(x) > boundedWeight(best) ? x : best), undefined) : leading[0];
  const found = claimsFigure ? byFigureWords ?? candidates.find(checkable) : candidates[0];
  // Not among the retrieved passages: the named town's sentence with a figure of the kind and most of the question's words.
  const s = found ? { chunk: ctx.hits[found.hit]!.chunk, text: found.text, facts: factsOf(found) } : claimsFigure ? claimedFigureInTown(ctx, families) : undefined;
  // A claimed figure no passage states a figure of its kind for is not confirmed from an unrelated sentence.
  if (!s) return null;
  const cites = new CitationList();
  const { chunk, facts } = s;
  const folded = foldForMatch(s.text);
  const checked = boundedFact(bounded, facts, boundWeight);
  const statement = trimSentence(s.text, checked ? [...ctx.focus, checked.text] : ctx.focus, ctx.source.idf).replace(/。$/, '');
  // 有没有 / 有…吗 is answered 有 / 没有; other forms 是的 / 不是.
  const has = /有没有|^[^，,]*有[^，,]*吗/.test(ctx.question);
  const [yes, no] = ctx.parsed.english ? ['Yes. ', 'No. '] : has ? ['有。', '没有。'] : ['是的。', '不是。'];
  const bound = boundHolds(bounded, facts, boundWeight);
  const holds =
    bound ??
    ((claimsHold(claims, facts) ?? numbers.every((n) => folded.includes(n))) &&
      outsideEnumeration(ctx.focus, facts, folded, ctx.source.forms) === null &&
      !contrasts(ctx, s.text) &&
      !onlyPlanned(ctx.question, claims, facts) &&
      !onlyPart(ctx.question, facts) &&
      !onlyOnce(ctx.question, s.text) &&
      !saysOpposite(claimed, folded, ctx.source.antonymsOf));
  // A claim resting on a word the articles use elsewhere but this sentence does not (省级 where it says 国家级) is not borne out.
  if (holds && (bound !== null || !unstatedWord(ctx, folded))) return reply(`${yes}${statement}。${cites.mark(chunk)}`, cites);
  return reply(`${no}文章说：${statement}。${cites.mark(chunk)}`, cites);
}

/**
 * 生长周期短，是吧 against 生长周期长: the sentence says, after the same two characters as the claim, a word of opposite
 * meaning to the claim's (and not the claim's own word). The claim's words of one or two characters are looked up.
 */
export function saysOpposite(claim: string, sentence: string, antonymsOf: ((w: string) => string[]) | undefined): boolean {
  if (!antonymsOf) return false;
  for (let at = 2; at < claim.length; at++) {
    const before = claim.slice(at - 2, at);
    if (!/^[\u4e00-\u9fff]{2}$/.test(before) || !sentence.includes(before)) continue;
    for (const len of [2, 1]) {
      const word = claim.slice(at, at + len);
      if (word.length < len || sentence.includes(before + word)) continue;
      if (antonymsOf(word).some((a) => sentence.includes(before + a))) return true;
    }
  }
  return false;
}

/** A claim that something happened once (只办过一次, 就一回). */
const CLAIMS_ONCE = /(?:就|只|仅|才)[^，,。？?]{0,4}(?:一|1)(?:回|次|届|遍|期)|\bonly once\b|\bjust once\b/i;
/** A sentence saying it happened several times (连续举办了多届, 多次, 每年). */
const SAYS_SEVERAL = /多(?:届|次|回|遍|期)|连续|历届|每年|年年|屡次/;

/** 是不是就办过一回 against 连续举办了多届: a claim of once where the sentence says several times. */
export function onlyOnce(question: string, sentence: string): boolean {
  return CLAIMS_ONCE.test(foldForMatch(question)) && SAYS_SEVERAL.test(sentence);
}

/** A claim about the whole of something (全都是, 全部, 所有, all of). */
const CLAIMS_ALL = /全都|全部|全是|都是|所有的?|百分之百|100%|\ball (?:of )?the\b|\bevery\b|\bentirely\b/i;

/** 琉璃瓦全都是阳城造的吗 against …有90%为阳城制造: a claim about the whole where the sentence states a share under 100%. */
export function onlyPart(question: string, sentenceFacts: Fact[]): boolean {
  return CLAIMS_ALL.test(foldForMatch(question)) && sentenceFacts.some((f) => f.kind === 'quantity' && f.family === 'percent' && f.value !== null && f.value < 100);
}

/** A claim that something is done (建好了吗, 建成了吗, 完成了吗). */
const CLAIMS_DONE = /建好|建成|建起来|完成|落成|投产|投入运营|已经/;
/** Words saying a clause's figure is aimed at, not reached (正全力打造, 规划, 计划, 将). */
const PLANNED = /打造|规划|计划|(?<![即])将|拟|预计|力争|正在/;

/**
 * 3万亩基地已经建好了吗: the claimed figure is stated, but in a clause that plans it (正全力打造3万亩…) and does
 * not say it is done: the claim does not hold.
 */
export function onlyPlanned(question: string, claims: Fact[], sentenceFacts: Fact[]): boolean {
  if (!CLAIMS_DONE.test(question)) return false;
  const clauses = sentenceFacts.filter((f) => claims.some((c) => c.kind === f.kind && c.family === f.family && c.value === f.value)).map((f) => f.clause);
  return clauses.length > 0 && clauses.every((c) => PLANNED.test(c) && !/建成|完成|已/.test(c));
}

/** Least idf of a claimed word whose absence from the best sentence matters: a rare word, not a common one (进, 人). */
const CLAIMED_WORD_IDF = 2;

/**
 * A focus word of a claim that the articles use (rare enough to be specific), or a name of a place or
 * body they never use, that the sentence does not say in any form: what the claim adds to the sentence. Bounds (以上) and organisations named are checked apart.
 * Not for English claims.
 */
function unstatedWord(ctx: ComposeContext, folded: string): string | undefined {
  // An English claim's words are the dictionary's translations, several per word: one missing says nothing.
  if (ctx.parsed.english) return undefined;
  // A rare corpus word, or a name of a place or body the articles never mention (钓鱼台国宾馆).
  const claimed = (w: string) => (w.length >= 2 && ctx.source.idf(w) >= CLAIMED_WORD_IDF) || (w.length >= 3 && ctx.source.idf(w) === 0 && PLACE_OR_BODY.test(w));
  return ctx.focus.find((w) => claimed(w) && !isBoundWord(w) && !ctx.entities.includes(w) && !folded.includes(w) && bestFormWeight(ctx.source.forms?.(w), folded) === 0);
}

/** The kind word a name of a place or body ends in (…宾馆, …大会堂, …研究所, …公司). */
const PLACE_OR_BODY = /(?:[馆堂厅宫局厂院站所]|集团|公司|大学|学院|协会|合作社)$/;

/** The sentence of the named towns (a county's two at most three) stating a figure of one of the families, with the most focus weight (at least one focus word). */
function claimedFigureInTown(ctx: ComposeContext, families: Set<string | undefined>): { chunk: Chunk; text: string; facts: Fact[] } | undefined {
  if (ctx.towns.length === 0 || ctx.towns.length > 3) return undefined;
  let best: { chunk: Chunk; text: string; facts: Fact[]; weight: number } | undefined;
  for (const chunk of ctx.towns.flatMap((t) => rankableChunksOfTown(ctx, t, ctx.focus))) {
    const all = ctx.source.factsOf(chunk);
    indexedChunk(chunk).sentences.forEach((x, sentence) => {
      const facts = all.filter((f) => f.sentence === sentence);
      if (!facts.some((f) => (f.kind === 'quantity' || f.kind === 'time') && families.has(f.family))) return;
      const weight = focusWeight(x.folded, ctx.focus, ctx.source.idf);
      if (weight > 0 && (!best || weight > best.weight)) best = { chunk, text: x.text.trim(), facts, weight };
    });
  }
  return best;
}

/**
 * 彤康公司在阳城吗: the question names an organisation and a county, and the organisation's passage
 * belongs to another county's article: no, with the passage's sentence naming the organisation.
 */
export function organisationElsewhere(ctx: ComposeContext): Reply | null {
  const countyOf = (town: string) => ctx.source.chunksOfTown(town)[0]?.meta.county ?? '';
  const counties = new Set(ctx.source.townNames().map(countyOf));
  // Said in Chinese (在高平吗), or in pinyin the dictionary reads as a named town's county (in Gaoping).
  const named = ctx.parsed.english ? [...new Set(ctx.towns.map(countyOf))] : [...counties].filter((c) => c && ctx.question.includes(c));
  const [entity] = ctx.entities;
  if (named.length === 0 || !entity) return null;
  // The sentence saying where it is (位于…) first, else the first one naming it.
  const naming = ctx.source.chunksWith(entity).flatMap((chunk) => indexedChunk(chunk).sentences.filter((x) => x.folded.includes(entity)).map((x) => ({ chunk, text: x.text })));
  const found = naming.find((x) => /位于|地处|坐落/.test(x.text)) ?? naming[0];
  if (!found || named.includes(found.chunk.meta.county)) return null;
  const { chunk, text } = found;
  const sentence = { text: splitClauses(text).find((c) => /位于|地处|坐落/.test(c)) ?? text };
  const cites = new CitationList();
  return reply(`${ctx.parsed.english ? 'No. ' : '不是。'}文章说：${asStatement(sentence.text).replace(/。$/, '')}。${cites.mark(chunk)}`, cites);
}

/**
 * 凯永合作的是山西农业大学吗: the question names two organisations, no passage names both, and the best
 * sentence naming one names another organisation of the other's kind (山西大学): no, with that sentence.
 */
function otherOrganisation(ctx: ComposeContext): Reply | null {
  if (ctx.entities.length < 2 || ctx.scored.some((x) => namesEntities(ctx, ctx.hits[x.hit]!.chunk))) return null;
  for (const x of ctx.scored.slice(0, 5)) {
    const folded = foldForMatch(x.text);
    // Named in the sentence's passage (its subject may be said sentences before).
    const passage = ctx.source.foldedParagraphOf(ctx.hits[x.hit]!.chunk);
    const claimed = ctx.entities.filter((e) => !passage.includes(e));
    if (claimed.length === ctx.entities.length) continue;
    // Another organisation of the claimed one's kind: its kind word (大学, 集团) after other characters.
    if (!claimed.every((e) => ORG_SUFFIX.test(e) && new RegExp(`[\u4e00-\u9fff]${ORG_SUFFIX.exec(e)![0]}`).test(folded))) continue;
    return noWithSentence(ctx, x);
  }
  return null;
}

/**
 * 吉利尔是西北地区最大的…吗: a word of the question the articles never use where the best sentence says
 * another word that shares its head or its tail (华北地区 for 西北地区): no, with that sentence.
 */
export function contrastedClaim(ctx: ComposeContext): Reply | null {
  const x = ctx.scored.slice(0, 3).find((s) => contrasts(ctx, s.text));
  return x ? noWithSentence(ctx, x) : null;
}

/** 不是 / No, with the sentence the articles say instead (trimmed to the question's words), cited. */
function noWithSentence(ctx: ComposeContext, x: ScoredSentence): Reply {
  const cites = new CitationList();
  const statement = trimSentence(x.text, ctx.focus, ctx.source.idf).replace(/。$/, '');
  return reply(`${ctx.parsed.english ? 'No. ' : '不是。'}文章说：${statement}。${cites.mark(ctx.hits[x.hit]!.chunk)}`, cites);
}

/** True when a focus word the corpus lacks has, in the sentence, a word of its length sharing at least half of it (two characters or more) as head or tail. */
function contrasts(ctx: ComposeContext, sentence: string): boolean {
  const folded = foldForMatch(sentence);
  return ctx.focus.some((w) => {
    // Two shared characters at least: one (外地 / 地方) says nothing.
    if (ctx.source.idf(w) > 0 || !/^[\u4e00-\u9fff]{3,}$/.test(w)) return false;
    const half = Math.max(2, Math.ceil(w.length / 2));
    const rest = folded.replaceAll(w, '');
    for (let k = half; k < w.length; k++) {
      const [head, tail] = [w.slice(0, k), w.slice(w.length - k)];
      const n = w.length - k;
      if (new RegExp(`${head}[\u4e00-\u9fff]{${n}}`).test(rest) || new RegExp(`[\u4e00-\u9fff]{${n}}${tail}`).test(rest)) return true;
    }
    return false;
  });
}

/** The kind word an organisation's name ends in. */
const ORG_SUFFIX = /(?:集团|公司|大学|学院|协会|合作社|研究院|研究所)$/;

/** An organisation kind asked about across the articles (哪几家集团, 几所大学), the word organisations of it end in. */
const ORG_KIND = /(?:哪几|哪些|几|多少)(?:家|所|个)?[“"]?(集团|公司|大学|高校|协会|合作社|博物馆)/;

/**
 * 哪几家集团 / 几所大学: the organisations of that kind the articles name (of the named towns, else of
 * all), each cited where it is first named, counted when asked.
 */
export function composeOrganisations(ctx: ComposeContext, count: boolean): Reply | null {
  const m = ORG_KIND.exec(foldForMatch(ctx.question));
  if (!m) return null;
  const kind = m[1] === '高校' ? '大学' : m[1]!;
  const found = new Map<string, Chunk>();
  for (const town of ctx.towns.length ? ctx.towns : ctx.source.townNames()) {
    for (const chunk of ctx.source.chunksOfTownWith(town, [kind])) {
      for (const f of ctx.source.factsOf(chunk)) {
        if (f.kind !== 'org') continue;
        for (const name of f.items) if (name.endsWith(kind) && ![...found.keys()].some((k) => k.includes(name) || name.includes(k))) found.set(name, chunk);
      }
    }
  }
  if (found.size === 0) return null;
  const cites = new CitationList();
  const names = [...found].map(([name, chunk]) => `${name}${cites.mark(chunk)}`);
  if (ctx.parsed.english) return reply(`${count ? `${found.size}: ` : ''}${names.join(', ')}.`, cites);
  return reply(`${count ? `共${found.size}${m[0].includes('所') ? '所' : '家'}：` : ''}${names.join('、')}。`, cites);
}

/** The articles of an author the question names (陈云华写了哪些 / 几篇): each article's title, cited. */
export function composeByAuthor(ctx: ComposeContext, question: string, count: boolean): Reply | null {
  const author = ctx.source.authorIn(question);
  if (!author) return null;
  const articles = ctx.source.articlesByAuthor().get(author)!;
  const cites = new CitationList();
  // 陈云华的稿子涉及几个县: the counties of the author's articles, each with its articles.
  if (/(?:几|多少)个?(?:县|县市|县区|地方)|哪(?:几|些)个?(?:县|县市|地方)/.test(question)) {
    const counties = new Map<string, string[]>();
    for (const chunks of articles) counties.set(chunks[0]!.meta.county, [...(counties.get(chunks[0]!.meta.county) ?? []), `《${chunks[0]!.meta.title || chunks[0]!.meta.town}》${cites.mark(chunks[0]!)}`]);
    const parts = [...counties].map(([county, titles]) => `${county}（${titles.join('、')}）`);
    return reply(`${author}写了${count ? `${counties.size}个县市：` : ''}${parts.join('、')}。`, cites);
  }
  const titles = articles.map((chunks) => `《${chunks[0]!.meta.title || chunks[0]!.meta.town}》${cites.mark(chunks[0]!)}`);
  if (ctx.parsed.english) return reply(`${author} wrote ${count ? `${articles.length} articles: ` : ''}${titles.join(', ')}.`, cites);
  return reply(`${author}写了${count ? `${articles.length}篇：` : ''}${titles.join('、')}。`, cites);
}
