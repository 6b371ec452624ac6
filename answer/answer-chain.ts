// The answer chain: retrieve, compose an extractive answer with citations, or refuse. A LangChain Runnable.
import { RunnableLambda } from '@langchain/core/runnables';
import type { Settings } from '../config.js';
import { cutWords, indexedChunk, isIdiomWord, isIndefiniteAmount, isLocativeWord, isModifierWord, isTimeWord, placeNames, type HybridSearcher, type SearchHit } from '../index/index.js';
import { measureEvidence, pickSentences, refusalReason, scoreSentences, UNKNOWN_PREDICATE_SHARE, type ComposeOptions } from './compose-extractive.js';
import { composeFacts, namedEntities, questionOperation, questionParse, strongestTowns } from './compose-operation.js';
import { askedUnit, askedUnitFamily, attributeFamilies, isBoundWord, KINDS_OF, parseOperation } from './parse-question.js';
import { englishUnit } from './claimed-figures.js';
import { askedRightAfter } from './asked-right-after.js';
import { actionsAsked, isCountingVerb, askedOrganisationKind, namesOtherOfKind, asListWording, isStopword, FRAME_NOUNS, whichTypos, severalAsMany, withoutPoliteness, asClaimAsked, scopeAsArticlesSay, isMostlyLatin, knownCore, LIST_VERBS, listCategory, questionTerms, type QuestionTerms } from './question-terms.js';
import { withEnglishPlaces } from './english-names.js';
import { askedByPhrase, contractions, FAMILY_FORM_WEIGHT, familyForms, type WordForm } from './word-forms.js';
import { familyPhrasesIn } from './family-phrases.js';
import { ATTRIBUTE_FAMILIES } from './attribute-families.js';
import { arabicFigures, foldForMatch, unitScale } from '../ingest/index.js';
import { toCitation, toRetrieved } from './citations.js';
import { notStated } from './render-answer.js';
import { joinAnswers, splitQuestions, withSubject } from './compound-question.js';
import type { AnswerResult } from './types.js';

export { toCitation, toRetrieved };

export type AnswerInput = { question: string; k?: number };
export type AnswerOptions = { k: number; minCoverage: number; minFocus: number; maxUnknown: number };

/** Answer options from settings (TOP_K, MIN_COVERAGE, MIN_FOCUS, MAX_UNKNOWN), `k` overriding TOP_K. */
export function answerOptions(s: Pick<Settings, 'TOP_K' | 'MIN_COVERAGE' | 'MIN_FOCUS' | 'MAX_UNKNOWN'>, k?: number): AnswerOptions {
  return { k: k ?? s.TOP_K, minCoverage: s.MIN_COVERAGE, minFocus: s.MIN_FOCUS, maxUnknown: s.MAX_UNKNOWN };
}

/** A superlative or comparative word (最低, 更多, 较早). */
const OPERATION_WORD = /^(?:[最更较][多少高低大小早晚长久短老烈淡强弱贵]|相差|差距|相隔|间隔|多出|差)$/;

export const REFUSAL_ZH = '抱歉，现有文章中没有找到与这个问题相关的信息。';
export const REFUSAL_EN = 'Sorry, the articles contain no information about this question.';

/** Weight from which a dictionary paraphrase counts as the question's word (precision 0.88 on index/lexicon/related-pairs.json). */
const MIN_RELATED = 0.25;

/** Evidence-scoring options for a searcher's corpus. */
export function composeOptions(searcher: HybridSearcher, question: string, words: string[] = [], alternatives = new Map<string, WordForm[]>()): ComposeOptions {
  const n = searcher.index.bm25.size;
  const family = familyForms(question, words);
  for (const [w, forms] of alternatives) family.set(w, [...forms, ...(family.get(w) ?? [])]);
  // A word the articles never use may still be said in their words: the dictionary's paraphrases (有名 -> 闻名).
  const related = (w: string): WordForm[] =>
    searcher.wordIdf(w) > 0 ? [] : searcher.lexicon.relatedWords(w).filter((r) => r.weight >= MIN_RELATED).map((r) => ({ form: r.word, weight: Math.min(FAMILY_FORM_WEIGHT, r.weight) }));
  // Two words said in full that an article writes contracted (主要经营 -> 主营): the contraction is the second one's form.
  // (An English question's terms side by side are its translations in order: main producing -> 主要生产 -> 主产.)
  const said = isMostlyLatin(question) ? searcher.lexicon.expansionGroups(question).map((g) => g.find((w) => !isStopword(w)) ?? g[0]).join('') : foldForMatch(question);
  const contracted = contractions(said, words, (w) => searcher.wordIdf(w) > 0);
  for (const [w, form] of contracted) family.set(w, [...(family.get(w) ?? []), { form, weight: 1 }]);
  // 哪所大学 / which university: the kind of organisation asked.
  const kind = askedOrganisationKind(question, (w) => searcher.lexicon.expansionWords(w));
  const foldedQuestion = foldForMatch(question);
  // Scoring asks for a word's forms once per sentence: each word's are put together once per question.
  const formsOf = new Map<string, WordForm[]>();
  const forms = (w: string): WordForm[] => {
    let found = formsOf.get(w);
    if (!found) formsOf.set(w, (found = [...(family.get(w) ?? []), ...related(w)]));
    return found;
  };
  return {
    idf: (w) => searcher.wordIdf(w),
    forms,
    unknownWeight: Math.log(1 + (n + 0.5) / 0.5),
    // A yes/no question claims its predicate; a list's (出口到哪些国家) picks what is listed: both keep its whole weight.
    predicateShare: ['yesno', 'list'].includes(parseOperation(asListWording(foldForMatch(question)), 0)) ? 1 : UNKNOWN_PREDICATE_SHARE,
    isTopicWord: (w) => searcher.isTopicWord(w),
    foldedParagraphOf: (chunk) => searcher.foldedParagraphOf(chunk),
    // An English question names a town by its county and industry (Yangcheng sericulture -> 阳城 蚕桑).
    namedTowns: searcher.namedTowns(isMostlyLatin(question) ? `${question} ${searcher.lexicon.expansionWords(question).join(' ')}` : question),
    entities: namedEntities(question, searcher.entityNames()),
    maxSentences: 3,
    askedByPhrase: askedByPhrase(question, words),
    namesAskedKind: kind ? (folded) => namesOtherOfKind(folded, kind, foldedQuestion) : undefined,
  };
}

/** Every "what kinds of" of a question (see KINDS_OF). */
const KINDS_OF_ANYWHERE = new RegExp(KINDS_OF.source, 'gi');

/**
 * An English question in Chinese terms: one word per translated term, its first translation the corpus
 * uses, with the others as its forms ("companies" is 公司, also matched as 企业), so a term with
 * several translations is one word to find, not several.
 */
export function translatedTerms(question: string, searcher: HybridSearcher): { expanded: string; alternatives: Map<string, WordForm[]> } {
  const alternatives = new Map<string, WordForm[]>();
  const heads: string[] = [];
  // "What kinds of" is the question word, as 哪几类 is: its kind word (类) is no term to find.
  for (const group of searcher.lexicon.expansionGroups(question.replace(KINDS_OF_ANYWHERE, '$1'))) {
    // The dictionary's first sense leads (County: 县, not the rarer 县域).
    // …unless it is a word a question's terms drop (做 of 做 / 生产 for produce): the next one stands for the term.
    const lead = Math.max(0, group.findIndex((w) => !isStopword(w)));
    const [head, ...others] = [group[lead]!, ...group.filter((_, i) => i !== lead)];
    heads.push(head);
    if (others.length) alternatives.set(head, [...(alternatives.get(head) ?? []), ...others.map((form) => ({ form, weight: 1 }))]);
  }
  // A question naming no town or organisation keeps the terms the corpus has no word for as words it
  // never uses (laptop -> 笔记本电脑); about a named town, a loose dictionary sense (share -> 股份) must not sink it.
  if (searcher.namedTowns(question).size === 0 && namedEntities(question, searcher.entityNames()).length === 0) heads.push(...searcher.lexicon.unknownTerms(question));
  // The thing asked of a named town or organisation (What's the phone number of 彤康…) is kept when the corpus has no word for it.
  else {
    heads.push(...searcher.lexicon.unknownTerms(englishAskedThing(question)));
    // (…and a translation the corpus writes though not as one of its words, 国家级非物质文化遗产 for intangible cultural heritage, is found as written.)
    heads.push(...searcher.lexicon.unknownTerms(question).filter((w) => w.length >= 2 && searcher.wordIdf(w) > 0 && !heads.includes(w)));
  }
  return { expanded: heads.length ? `${question} ${heads.join(' ')}` : question, alternatives };
}

/** The thing an English question asks of something (the phone number in "What's the phone number of X"; brew in "How do I brew…"), "" when none. */
export function englishAskedThing(question: string): string {
  // "How do I brew…": the way of doing is asked, said by its verb.
  const how = /^\s*how (?:do|can|should|would|could) (?:i|we|you|one) ([a-z]+)\b/i.exec(question)?.[1];
  if (how) return how;
  const thing = englishThingPhrase(question);
  // "How many" counts a plural noun: the thing ends with it (households of "how many households keep bees"), what follows says what they do.
  const words = /^\s*how many\b/i.test(question) ? thing.split(/[ -]/) : [];
  const plural = words.findIndex((w) => /[a-z]{2}s$/i.test(w));
  return plural >= 0 ? words.slice(0, plural + 1).join(' ') : thing;
}

/** Verbs standing for any doing (咋弄, 怎么办): a how-to with one asks the way, not a verb the articles must write. */
const PRO_VERBS = '干做搞弄办整';

/** The verb a Chinese how-to question asks the way of (炖 of 怎么炖才不膻, 咋腌), "" when it asks none or a pro-verb (咋弄). */
export function chineseHowToVerb(folded: string): string {
  const verb = /(?:怎么|怎样|如何|咋)(?:样)?([\u4e00-\u9fff])(?:才|能|得|的|呢|好|[？?]|$)/.exec(folded)?.[1] ?? '';
  return PRO_VERBS.includes(verb) ? '' : verb;
}

/** The noun phrase (one to three words) after an English question's opening (or a request's: can you give me), up to the verb or preposition that follows it. */
function englishThingPhrase(question: string): string {
  return /^\s*(?:what(?:'s|’s| is| are| was| were)|how (?:many|much)|(?:can|could|would|will) (?:you|u) (?:please )?(?:give|show|send|recommend|suggest|share|provide|find)(?: me| us)?)\s+(?:the\s+|a\s+|an\s+)?((?!(?:did|does|do|is|are|was|were|has|have)\b)[a-z]+(?:[ -][a-z]+){0,2}?)\s+(?:of|for|does|do|did|is|are|was|were|in|at|has|have)\b/i.exec(question)?.[1] ?? '';
}

/**
 * A verb the articles never use and the dictionary relates to none of theirs (过日子, 挣, 好卖): how the
 * asker says it, not a thing to find. An unknown noun (电话, 价格) stays: it is what the question asks.
 */
export function isUnknownPredicate(word: string, searcher: HybridSearcher, question = ''): boolean {
  // An ordinal or a numeral with its classifier (第二批) is no verb, whatever the classifier's own sense.
  if (/^[第\d一二两三四五六七八九十百千万几]/.test(word)) return false;
  // (An idiom, 从头到尾 or 一天到晚, says how the asker puts it, whatever the dictionary makes of it; a set phrase
  // holding a word the articles use, 驰名商标, names a thing.)
  const idiom = isIdiomWord(word) && !cutWords(word).some((part) => part !== word && searcher.wordIdf(part) > 0);
  // (…and so does a locative before 有, 手里有 / 手上有: a loose way of saying has.)
  const having = isLocativeWord(word) && question.includes(`${word}有`);
  return searcher.wordIdf(word) === 0 && (idiom || having || searcher.lexicon.isVerbal(word) || (isModifierWord(word) && !word.startsWith('最'))) && !searcher.lexicon.relatedWords(word).some((r) => r.weight >= MIN_RELATED);
}

/**
 * The words without unknown predicates, when a known word beyond place names still says what is
 * asked (靠养蜜蜂过日子 keeps 蜜蜂); else all of them (今天晋城会下雨吗 is about nothing the articles have).
 */
function withoutUnknownPredicates(words: string[], searcher: HybridSearcher, question: string): string[] {
  // A verb right before the question word says what is asked (占地多少亩): it stays.
  const asking = (w: string) => askedRightAfter(question, w);
  const rest = words.filter((w) => !isUnknownPredicate(w, searcher, question) || asking(w));
  if (rest.length === words.length) return words;
  const places = placeNames(words.join(' '));
  // (An industry word names what is asked about too, a verbal one included: 靠药材吃饭 keeps 药材, 靠养蜂过日子 养蜂;
  // so does a word an attribute family asks by: 向来有个什么响亮的名号 keeps 名号.)
  const asksFamily = (w: string) => ATTRIBUTE_FAMILIES.some((f) => f.questionWords.includes(w));
  return rest.some((w) => (searcher.wordIdf(w) > 0 || asksFamily(w)) && !places.has(w)) ? rest : words;
}

/**
 * The question's words that are evidence to find, without those that say how it asks: 最低 / 更多 the articles
 * never write and bounds (超过, 不到) are the operation; a unit said (多少万斤, 换成公斤) is the answer's measure;
 * frame nouns (数量, 办法) frame it; unknown colloquial verbs (挣, 过日子) are how it is said; and a count's
 * kind of member (包含几个环节) when the passages looked at never say it (几个项目 still finds …等多个项目).
 */
function wordsToFind(searcher: HybridSearcher, question: string, parsed: string[], hits: SearchHit[]): string[] {
  const folded = foldForMatch(question);
  const unit = askedUnit(folded);
  const unknown = (w: string) => searcher.wordIdf(w) === 0;
  const kept = parsed
    .filter((w) => !(((OPERATION_WORD.test(w) || FRAME_NOUNS.has(w)) && unknown(w)) || isBoundWord(w) || (unitScale(w) !== null && (unknown(w) || w === unit))))
    .map((w) => knownCore(w, (x) => searcher.wordIdf(x), (x) => searcher.lexicon.glossOf(x) !== null))
    .map((w) => withoutDemonym(w, folded, unknown))
    .filter((w) => w && !(unknown(w) && framesTheAsking(w, searcher)));
  // 干了哪几件事 / 有啥好处: the pro-verb and pro-noun say the kind of answer (see actionsAsked).
  const actions = actionsAsked(folded);
  // (A word cut across the pro-verb, 能干 of 能干些什么, is the modal and the pro-verb: not a word to find.)
  const acrossAction = (w: string) => actions !== '' && w.endsWith(actions[0]!) && folded.includes(w + actions.slice(1));
  // (…nor is a verb counting what is asked, 数下来有几个.)
  const words = [...new Set(withoutUnknownPredicates(rejoinedByCorpus(kept, folded, unknown), searcher, folded))].filter(
    (w) => !actions.includes(w) && !acrossAction(w) && !namesTownAs(searcher, folded, w) && !isCountingVerb(w, folded),
  );
  const listing = asListWording(folded);
  const operation = parseOperation(listing, 0);
  const asksMembers = operation === 'count' || operation === 'list';
  // A verb framing the members asked (由几类产品组成, 包括哪些) is no evidence to find.
  const framed = asksMembers ? words.filter((w) => !LIST_VERBS.has(w)) : words;
  const category = asksMembers ? listCategory(listing) : '';
  if (!category) return framed.length ? framed : words;
  // The passages looked at: the named town's, else the best passage's town's.
  const strongest = strongestTowns(searcher.namedTowns(question));
  const towns = strongest.length === 1 ? strongest : hits.slice(0, 1).map((h) => h.chunk.meta.town);
  if (hits.some((h) => towns.includes(h.chunk.meta.town) && indexedChunk(h.chunk).folded.includes(category))) return words;
  const rest = words.filter((w) => w !== category && !LIST_VERBS.has(w));
  return rest.length ? rest : words;
}

/** Retrieved passages an abbreviation is looked for in (see abbreviatedWord). */
const ABBREVIATION_HITS = 3;

/**
 * True when the (folded) question writes `word` right after a town's name, as that town's articles write it (高平生猪专业镇):
 * the word is part of the name, not a word to find in a sentence.
 */
function namesTownAs(searcher: HybridSearcher, folded: string, word: string): boolean {
  return searcher.townNames().some((town) => {
    const named = foldForMatch(town) + word;
    return folded.includes(named) && searcher.chunksOfTown(town).some((c) => indexedChunk(c).folded.includes(named));
  });
}

/** A question's terms as composition reads them: its English translated, its content words. */
function readQuestion(searcher: HybridSearcher, question: string): { question: string; alternatives: Map<string, WordForm[]>; parsedTerms: QuestionTerms } {
  const { expanded, alternatives } = translatedTerms(question, searcher);
  // (A Chinese question's pinyin or English word the lexicon translates, qinshui蜂蜜, stands for its translation too.)
  const translated = /[a-z]{2}/i.test(question) ? new Set(searcher.lexicon.translatedWords(question)) : undefined;
  return { question, alternatives, parsedTerms: questionTerms(question, expanded, searcher.entityNames(), translated) };
}

/**
 * The question with each two-character word the articles never use, among its content `words` or inside a longer one
 * (劳力 of 剩余劳力), spelt out where it abbreviates a word of the best passages (see abbreviatedWord).
 */
function withAbbreviationsSpelt(question: string, words: readonly string[], hits: readonly SearchHit[], searcher: HybridSearcher): string {
  const unknown = (w: string) => searcher.wordIdf(w) === 0;
  const isCorpusWord = (w: string) => searcher.index.bm25.idf(w) > 0;
  const pairs = words.filter(unknown).flatMap((w) => [...Array(Math.max(0, w.length - 1)).keys()].map((i) => w.slice(i, i + 2)));
  let out = question;
  for (const w of new Set(pairs)) {
    const spelt = abbreviatedWord(w, hits, unknown, isCorpusWord);
    if (spelt !== w) out = out.split(w).join(spelt);
  }
  return out;
}

/**
 * A two-character word the articles never use that shortens a longer word of the best passages, keeping its first and
 * last characters (劳力 of 劳动力): that word. The segmenter's own words only (`isCorpusWord`); else the word itself.
 */
export function abbreviatedWord(word: string, hits: readonly SearchHit[], unknown: (w: string) => boolean, isCorpusWord: (w: string) => boolean): string {
  // (A unit, 万斤, is asked to be converted to, not spelt as another: 万公斤.)
  if (!/^[\u4e00-\u9fff]{2}$/.test(word) || !unknown(word) || unitScale(word) !== null) return word;
  const [first, last] = [word[0]!, word[1]!];
  for (const h of hits.slice(0, ABBREVIATION_HITS)) {
    const text = indexedChunk(h.chunk).folded;
    // (Scanned by the first character: most questions' unknown words shorten nothing.)
    for (let at = text.indexOf(first); at >= 0; at = text.indexOf(first, at + 1)) {
      for (const length of [3, 4]) {
        const candidate = text.slice(at, at + length);
        if (candidate.endsWith(last) && /^[\u4e00-\u9fff]+$/.test(candidate) && isCorpusWord(candidate)) return candidate;
      }
    }
  }
  return word;
}

/**
 * 泽州人种山楂 cut as 泽州 / 人种: a word the articles never use that starts with the 人 of a place's people
 * (泽州人, 高平人) is the rest of it (种), the people being the place already named.
 */
export function withoutDemonym(word: string, folded: string, unknown: (w: string) => boolean): string {
  if (word.length < 2 || !word.startsWith('人') || !unknown(word)) return word;
  const at = folded.indexOf(word);
  return at > 0 && [...placeNames(folded.slice(0, at))].some((p) => folded.slice(0, at).endsWith(p)) ? word.slice(1) : word;
}

/** A dictionary gloss saying the present or any ordinary time (nowadays, now, recently, ordinarily). */
const NOW_GLOSS = /\b(?:now|nowadays|present|presently|currently|recently|lately|these days|ordinarily|usually|normally|ordinary day)\b/i;

/** The whole gloss of a word saying "back then" (老早, 以前, 那会儿, 当时, 昔日): the time the question looks back to. */
const PAST_GLOSS = /^(?:(?:a )?long time ago|long ago|at that time|in those days|then|in the past|previously|formerly|before)$/i;

/**
 * A word (the articles never use) that frames the asking, not what is asked: a time word saying "now" or "usually"
 * (如今, 眼下, 近来, 平时: the dictionary's gloss), as 现在 / 目前 do; a word saying "back then" (老早, 以前, 那会儿);
 * an indefinite amount (好多, 许多), as 多 does.
 */
function framesTheAsking(word: string, searcher: HybridSearcher): boolean {
  const gloss = searcher.lexicon.glossOf(word) ?? '';
  return (isTimeWord(word) && NOW_GLOSS.test(gloss)) || PAST_GLOSS.test(gloss) || isIndefiniteAmount(word);
}

/** Characters jieba leaves on a noun's last character when the question adds a locative or particle (潞绸园里 -> 潞绸 / 园里). */
const TRAILING_PARTICLE = /^[\u4e00-\u9fff][里内中上外边的了]$/;

/**
 * 潞绸园里 cut as 潞绸 / 园里: where a word the corpus never uses is a character and a locative, and the word
 * before it joined with that character is a corpus word (潞绸园), the corpus word is found instead.
 */
export function rejoinedByCorpus(words: string[], folded: string, unknown: (w: string) => boolean): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const [w, next] = [words[i]!, words[i + 1]];
    const joined = next && TRAILING_PARTICLE.test(next) && unknown(next) && folded.includes(w + next) ? w + next[0] : '';
    if (joined && !unknown(joined)) {
      out.push(joined);
      i++;
    } else out.push(w);
  }
  return out;
}

/** The noun a question counts, closing it (有多少社员, 有几个是驰名商标): what is asked; "" when none. */
function countedNoun(folded: string): string {
  const noun = /(?:多少|(?<!第)几)(?:个|家|种|位|名|项|类|只|头|户)?(?:是)?([\u4e00-\u9fff]{2,4})[?？。]?$/.exec(folded)?.[1] ?? '';
  // (由几类产品构成: the noun before the verb framing the members.)
  const verb = [...LIST_VERBS].find((v) => noun.endsWith(v));
  return verb ? noun.slice(0, -verb.length) : noun;
}

/** Per searcher (one index version), whether its corpus says an attribute family's word. */
const CORPUS_SAYS = new WeakMap<HybridSearcher, Map<string, boolean>>();

/**
 * The question as retrieval reads it: with the fact words of each attribute family one of whose question phrases
 * it says where the articles never use that phrase (最牛 -> 龙头, 领军), so passages worded as the articles word it
 * are found. A question in English or with no such phrase is searched as it is.
 */
export function retrievalQuery(searcher: HybridSearcher, question: string): string {
  const q = foldForMatch(question);
  const present = familyPhrasesIn(q);
  if (present.size === 0) return question;
  // (Whether the corpus says a family's word is the same for every question: looked up once per searcher.)
  let said = CORPUS_SAYS.get(searcher);
  if (!said) CORPUS_SAYS.set(searcher, (said = new Map()));
  const known = said;
  const inCorpus = (w: string) => known.get(w) ?? known.set(w, searcher.chunksWith(w, 1).length > 0).get(w)!;
  const extra = new Set<string>();
  for (const family of ATTRIBUTE_FAMILIES) {
    // (A question already saying one of the family's fact words (多少户人家: 户) says it the articles' way.)
    if (family.factWords.some((w) => q.includes(w))) continue;
    if (!family.questionWords.some((p) => present.has(p) && /^[\u4e00-\u9fff]+$/.test(p) && !inCorpus(p))) continue;
    for (const w of family.factWords) if (w.length >= 2 && inCorpus(w)) extra.add(w);
  }
  return extra.size ? `${question} ${[...extra].join(' ')}` : question;
}

/** Answers one question extractively from the searcher's index. */
export async function answerExtractive(searcher: HybridSearcher, input: AnswerInput, options: AnswerOptions): Promise<AnswerResult> {
  const k = input.k ?? options.k;
  return answerMessage(searcher, input.question, await searcher.search(retrievalQuery(searcher, input.question), k), { ...options, k });
}

/**
 * The extractive answer to a message from the hits retrieved for it. A message asking several
 * questions has each answered on its own (retrieved for again), a later one with the first one's
 * subject, and the answers joined.
 */
export async function answerMessage(searcher: HybridSearcher, message: string, hits: SearchHit[], options: AnswerOptions): Promise<AnswerResult> {
  const parts = splitQuestions(message);
  if (parts.length === 1) return composeExtractive(searcher, message, hits, options);
  const townsIn = (text: string) => strongestTowns(searcher.namedTowns(text));
  const answerOne = async (question: string) => composeExtractive(searcher, question, await searcher.search(retrievalQuery(searcher, question), options.k), options);
  const answers = await Promise.all(parts.map((p, i) => answerOne(i === 0 ? p : withSubject(p, parts[0]!, townsIn))));
  return joinAnswers(message, parts, answers);
}

/** The extractive answer to a question from already retrieved hits (pure over the searcher's corpus statistics). */
export function composeExtractive(searcher: HybridSearcher, asked: string, hits: SearchHit[], options: AnswerOptions): AnswerResult {
  // An English question's pinyin names (Tongkang) are read as the corpus writes them (彤康).
  // …and amounts in Chinese numerals as digits (超过三千元 -> 超过3000元), as the articles write them.
  // …and 那个多 as the 哪个多 it was typed for.
  // …and 好几届 as the 多届 the articles write, and 在山西排第几 as 在全省; 能不能列给我 as 列给我; …，没说错吧 as …吗.
  // …and an abbreviation of a word of the best passages (劳力) as that word (劳动力).
  const read = readQuestion(searcher, asClaimAsked(withoutPoliteness(scopeAsArticlesSay(severalAsMany(whichTypos(arabicFigures(searcher.nativeNames(asked))))))));
  // (Read again only when a word of it is spelt out: most questions have no abbreviation to look for.)
  const spelt = withAbbreviationsSpelt(read.question, read.parsedTerms.words, hits, searcher);
  const { question, alternatives, parsedTerms } = spelt === read.question ? read : readQuestion(searcher, spelt);
  const terms = { ...parsedTerms, words: wordsToFind(searcher, question, parsedTerms.words, hits) };
  const o = composeOptions(searcher, question, terms.words, alternatives);
  // 是陈云华写的吗: a yes/no question naming a byline is about authorship too.
  const operation = questionOperation(question, terms, o);
  const named = operation === 'yesno' ? searcher.authorIn(question) : undefined;
  // 几个记者写的 / how many reporters: the bylines of the page counted, each with the articles it signs.
  if (terms.asksAuthor && COUNTS_AUTHORS.test(foldForMatch(question))) return Object.assign(composeAuthorCount(question, searcher, hits, terms.english), { operation: 'count', facts: [], related: [] });
  // 陈云华是哪家报社的记者: a byline names the author, nothing else about them; what they wrote is said instead.
  const person = searcher.authorIn(question);
  if (person && !named && !WRITING.test(question)) return Object.assign(composeAboutAuthor(question, person, searcher, hits, terms.english), { operation: 'author', facts: [], related: [] });
  if ((terms.asksAuthor && (operation === 'author' || !person)) || named) return Object.assign(composeAuthors(question, hits, o.namedTowns, terms.english, named), { operation: 'author', facts: [], related: [] });
  const scored = scoreSentences(hits, terms, o);
  const picked = pickSentences(scored, hits, terms, o);
  // Every extractive answer says what it took the question to ask, and (possibly none) facts it used.
  const base = { question: asked, mode: 'extractive' as const, retrieved: toRetrieved(hits), operation, facts: [], related: [] };
  // An English question asking a thing the corpus has no word for (the phone number of 彤康) is not answered with another figure.
  // (A thing an attribute family words, alcohol content or income, is asked in the corpus's own terms.)
  const thing = terms.english ? englishAskedThing(question) : '';
  // A Chinese question's counted noun (多少社员, 几个是驰名商标) that the articles never use, nor a word the dictionary relates to theirs.
  // (A unit of measure counted, 多少个百分点, is no thing the articles must name.)
  const noun = terms.english ? '' : countedNoun(foldForMatch(question));
  const counted = noun && askedUnitFamily(`多少${noun}`) === null ? noun : '';
  // …or a how-to whose verb the articles never write (怎么炖才不膻: no character of theirs).
  const howTo = terms.english ? '' : chineseHowToVerb(foldForMatch(question));
  const askedUnknown =
    (howTo !== '' && searcher.wordIdf(howTo) === 0) ||
    (thing !== '' && !englishUnit(thing) && attributeFamilies(thing.toLowerCase()).length === 0 && searcher.lexicon.unknownTerms(thing).length > 0) ||
    (counted !== '' && terms.words.includes(counted) && searcher.wordIdf(counted) === 0 && !searcher.lexicon.relatedWords(counted).some((r) => r.weight >= MIN_RELATED));
  const refusal = refusalReason(picked, measureEvidence(picked, hits, terms, o), terms, options) ?? (askedUnknown ? 'asks about words the articles never use (the thing asked)' : null);
  const composed = composeFacts(searcher, question, terms, scored, picked, hits, o, refusal);
  if (composed) {
    // Lists and comparisons may cite passages of a town beyond the retrieved ones: report them too.
    const extra = composed.citations.filter((c) => !hits.some((h) => h.chunk.id === c.chunkId));
    const retrieved = [...base.retrieved, ...extra.map((c) => ({ chunkId: c.chunkId, title: c.title, town: c.town, text: c.snippet, score: 0, dense: null, bm25: null }))];
    // An English answer naming townships or villages gives them in pinyin too.
    const answer = terms.english && !composed.refused ? withEnglishPlaces(composed.answer) : composed.answer;
    // Object.assign, not { ...base, ...composed }: on Node 20 a spread followed by new keys builds new hidden classes on every call (µs each, and old-space garbage).
    return Object.assign({}, base, composed, { retrieved, answer });
  }
  // A measure asked (多远, 多少公里) that none of the sentences states a figure of is not answered with them.
  const family = questionParse(question, terms, o).unitFamily;
  const statesFamily = (s: (typeof picked)[number]) => searcher.factsOf(hits[s.hit]!.chunk).some((f) => f.sentence === s.sentence && f.family === family);
  if (refusal || (family && !family.startsWith('measure:') && !picked.some(statesFamily))) return Object.assign({}, base, { answer: terms.english ? REFUSAL_EN : REFUSAL_ZH, refused: true, citations: [] });
  const numberOf = new Map<number, number>();
  const parts = picked.map((s) => {
    if (!numberOf.has(s.hit)) numberOf.set(s.hit, numberOf.size + 1);
    return `${s.text}[${numberOf.get(s.hit)}]`;
  });
  const citations = [...numberOf].map(([hit, n]) => toCitation(hits[hit]!, n));
  return Object.assign({}, base, { answer: terms.english ? withEnglishPlaces(parts.join('')) : parts.join(''), refused: false, citations });
}

/** Asks what an author wrote (写了哪几篇, 稿子, wrote, articles), not something else about them. */
const WRITING = /写|撰|稿|篇|报道|文章|署名|作者|执笔|wrote|written|writ|articles?|stor(?:y|ies)|reports?|byline/i;

/** A question about an author the bylines name but do not describe: refused, with the articles they signed shown. */
export function composeAboutAuthor(question: string, author: string, searcher: HybridSearcher, hits: SearchHit[], english: boolean): AnswerResult {
  const articles = searcher.articlesByAuthor().get(author) ?? [];
  const titles = articles.map((chunks, i) => `《${chunks[0]!.meta.title || chunks[0]!.meta.town}》[${i + 1}]`);
  const said = english ? `${author} wrote ${titles.join(', ')}.` : `${author}写了${titles.join('、')}。`;
  const answer = notStated(english, author, '这一点', said);
  const citations = articles.map((chunks, i) => toCitation({ chunk: chunks[0]! }, i + 1));
  return Object.assign({ question, mode: 'extractive' as const, retrieved: toRetrieved(hits) }, { answer, refused: true, citations });
}

/** Asks how many people wrote the articles (几个记者, 几位作者, how many reporters). */
const COUNTS_AUTHORS = /(?:几|多少)(?:个|位|名)(?:记者|作者|人)|how many (?:reporters|journalists|authors|writers|people)/i;

/** The page's bylines counted: each author with the number of articles signed, the first of each cited. */
export function composeAuthorCount(question: string, searcher: HybridSearcher, hits: SearchHit[], english: boolean): AnswerResult {
  const authors = [...searcher.articlesByAuthor()];
  const base = { question, mode: 'extractive' as const, retrieved: toRetrieved(hits) };
  if (authors.length === 0) return Object.assign({}, base, { answer: english ? REFUSAL_EN : REFUSAL_ZH, refused: true, citations: [] });
  const parts = authors.map(([name, articles], i) => (english ? `${name} (${articles.length} articles)[${i + 1}]` : `${name}（${articles.length}篇）[${i + 1}]`));
  const answer = english ? `${authors.length} authors: ${parts.join(', ')}.` : `共${authors.length}位：${parts.join('、')}。`;
  const citations = authors.map(([, articles], i) => toCitation({ chunk: articles[0]![0]! }, i + 1));
  return Object.assign({}, base, { answer, refused: false, citations });
}

/**
 * Answers "who wrote …" from the articles' bylines (kept as metadata): one line per article of the
 * named towns (else of the best hit), citing that article's passage. Refuses when no byline is known.
 */
export function composeAuthors(question: string, hits: SearchHit[], named: Map<string, number>, english: boolean, claimed?: string): AnswerResult {
  const strongest = Math.max(0, ...named.values());
  const wanted = (h: SearchHit) => (strongest > 0 ? named.get(h.chunk.meta.town) === strongest : h === hits[0]);
  const articles = new Map<string, SearchHit>();
  for (const h of hits) if (wanted(h) && h.chunk.meta.author && !articles.has(h.chunk.meta.title)) articles.set(h.chunk.meta.title, h);
  const base = { question, mode: 'extractive' as const, retrieved: toRetrieved(hits) };
  if (articles.size === 0) return Object.assign({}, base, { answer: english ? REFUSAL_EN : REFUSAL_ZH, refused: true, citations: [] });
  const picked = [...articles.values()].slice(0, 3);
  const title = (h: SearchHit) => `《${h.chunk.meta.title || h.chunk.meta.town}》`;
  const lines = picked.map((h, i) => (english ? `${title(h)} was written by ${h.chunk.meta.author}.[${i + 1}]` : `${title(h)}的作者是${h.chunk.meta.author}。[${i + 1}]`)).join(english ? ' ' : '');
  // A claimed author (是陈云华写的吗) is confirmed or denied by the byline.
  const verdict = claimed === undefined ? '' : picked.every((h) => h.chunk.meta.author === claimed) ? (english ? 'Yes. ' : '是的。') : english ? 'No. ' : '不是。';
  const answer = verdict + lines;
  return Object.assign({}, base, { answer, refused: false, citations: picked.map((h, i) => toCitation(h, i + 1)) });
}

/** The answerer as a LangChain Runnable, so another composer (an LLM) can take its place. */
export function createAnswerChain(searcher: HybridSearcher, options: AnswerOptions) {
  return RunnableLambda.from((input: AnswerInput) => answerExtractive(searcher, input, options)).withConfig({ runName: 'ExtractiveAnswer' });
}
