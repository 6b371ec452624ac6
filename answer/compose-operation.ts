// Dispatches a parsed question to its composer, and says when the asked detail is missing (a near miss).
import { foldForMatch, splitClauses, type Fact } from '../ingest/index.js';
import { placeNames, type HybridSearcher, type SearchHit } from '../index/index.js';
import { toCitation } from './citations.js';
import type { ComposeOptions, ScoredSentence } from './compose-extractive.js';
import { answeringCandidates, askedByUnitOnly, composeBoundedCount, composeByAuthor, composeMeasureSuperlative, composeComparison, composeEach, composeFigureList, composeOrganisations, composeDurationSince, composeStatedSuperlative, composeTownsPerCounty, composeTimeSuperlative, composeListedName, composeCounty, ASKS_COUNTY, ASKS_ONE_COUNTY, ASKS_PRODUCTS, PER_COUNTY, organisationElsewhere, organisationNotNamed, composeTimeCount, composeQualities, composeList, composeLookup, composePerTown, composeYesNo, contrastedClaim, reply, type ComposeContext, type Reply } from './compose-facts.js';
import { ASKS_TOWNS, choosesOne, comparisonSides, parseQuestion, superlativeDescribes, type ParsedQuestion } from './parse-question.js';
import type { QuestionTerms } from './question-terms.js';
import { asStatement, CitationList, factStatement, focusWeight, trimSentence } from './render-answer.js';
import type { AnswerResult } from './types.js';
import { composeArithmetic, composeRange, composeRankPosition } from './compose-arithmetic.js';
import { composeNamedPlaces, composeQuotedMentions, composeSayingContinued } from './compose-mentions.js';
import { dayNotStated, growthNotStated, memberNotStated, membersNotListed, nearMiss, otherMembersNotListed, otherScopeNearMiss, personNotStated, placeNotStated } from './near-misses.js';


/** The corpus's organisation names a question names, longest first, none inside another found. */
export function namedEntities(question: string, names: string[]): string[] {
  const q = foldForMatch(question);
  const found: string[] = [];
  for (const n of [...names].sort((a, b) => b.length - a.length)) if (q.includes(n) && !found.some((f) => f.includes(n))) found.push(n);
  return found;
}

/** The towns with the strongest mention (none when nothing is named). */
export function strongestTowns(named: Map<string, number>): string[] {
  const strongest = Math.max(0, ...named.values());
  return [...named].filter(([, s]) => s === strongest && s > 0).map(([t]) => t);
}

/** The composed parts of an AnswerResult (everything but question, mode and retrieved). */
export type Composed = Pick<AnswerResult, 'answer' | 'refused' | 'citations' | 'operation' | 'facts' | 'related'>;

function toComposed(r: Reply, operation: string): Composed {
  const n = (chunk: unknown) => r.citations.chunks.indexOf(chunk as never) + 1;
  return {
    answer: r.answer,
    refused: r.refused,
    citations: r.citations.chunks.map((chunk, i) => toCitation({ chunk }, i + 1)),
    operation,
    facts: r.facts.map((f) => ({ n: n(f.chunk), kind: f.fact.kind, text: f.fact.text, value: f.fact.value, unit: f.fact.unit, attribute: f.fact.before, chunkId: f.chunk.id })),
    related: r.related,
  };
}

/** A claim that something is the only one (光做琉璃, 只养黑山羊, 仅有一家): the thing claimed. */
const ONLY_CLAIM = /(?:只|光|仅|单单|单)(?:是|做|生产|产|有|种|养|卖|搞|烧|酿|织)?([\u4e00-\u9fff]{2,4}?)(?:了|吗|吧|呢|而已|[？?。，,]|$)/;

/**
 * 是不是就光做琉璃了: the claimed thing is one item of an enumeration of two or more in the named towns' passages
 * (以建筑瓷、日用瓷、工业瓷、琉璃制品为主体): no, it is one of them. Null when no such enumeration is found.
 */
export function onlyOneClaimed(ctx: ComposeContext): Reply | null {
  const thing = ONLY_CLAIM.exec(foldForMatch(ctx.question))?.[1];
  if (!thing || ctx.towns.length === 0) return null;
  // (Alternatives: one item is the thing claimed, the others are not it: 琉璃制品 among 建筑瓷、日用瓷、工业瓷, not
  // 黑山羊种羊场 beside 黑山羊繁育中心.)
  const alternatives = (f: Fact) => f.kind === 'list' && f.items.length >= 2 && f.items.filter((i) => foldForMatch(i).includes(thing)).length === 1;
  // The best sentences of the named towns first, then their passages in order.
  const best = ctx.scored.filter((x) => ctx.towns.includes(ctx.hits[x.hit]!.chunk.meta.town)).map((x) => ({ chunk: ctx.hits[x.hit]!.chunk, sentence: x.sentence as number | null }));
  const rest = ctx.towns.flatMap((t) => ctx.source.chunksOfTown(t)).map((chunk) => ({ chunk, sentence: null as number | null }));
  for (const { chunk, sentence } of [...best, ...rest]) {
    const list = ctx.source.factsOf(chunk).find((f) => (sentence === null || f.sentence === sentence) && alternatives(f));
    if (!list) continue;
    const cites = new CitationList();
    const statement = factStatement(list).replace(/。$/, '');
    return reply(`${ctx.parsed.english ? 'No. ' : '不是。'}${statement}${cites.mark(chunk)}。`, cites, [{ fact: list, chunk, fit: 1, score: 1 }]);
  }
  return null;
}

/** Asks the full name of something (全称, 全名, full name): the thing asked before it. */
const ASKS_FULL_NAME = /([\u4e00-\u9fff]{2,10}?)(?:的|[，,])?(?:全称|全名|完整(?:的)?名(?:称|字))|full name/i;

/**
 * 那个陶瓷博览会全称叫什么: the name in a leading sentence that ends with the thing asked (陶瓷博览会) and starts at
 * the place it is named after (山西阳城(国际)陶瓷博览会), with the sentence; null when none is found.
 */
export function composeFullName(ctx: ComposeContext): Reply | null {
  // (The thing after the last demonstrative: 好几届的那个陶瓷博览会 -> 陶瓷博览会, 那个中加的育种场 -> 中加的育种场; and after
  // a clause describing it, whose verb has an aspect particle: 办了好几届的陶瓷博览会 -> 陶瓷博览会.)
  const asked = ASKS_FULL_NAME.exec(foldForMatch(ctx.question))?.[1]?.split(/那个|这个|该/).pop()?.replace(/^.*[了过着][^的]*的/, '');
  if (!asked) return null;
  for (const x of ctx.scored.slice(0, 5)) {
    const text = foldForMatch(x.text);
    // The longest end of the asked words the sentence says (陶瓷博览会, else 博览会).
    const tail = [...Array(asked.length - 1).keys()].map((i) => asked.slice(i)).find((t) => text.includes(t));
    if (!tail) continue;
    // (What the question says before that end (中加 of 中加的育种场) must be in the name found.)
    const before = asked.slice(0, asked.length - tail.length).replace(/的$/, '');
    const end = text.indexOf(tail) + tail.length;
    const chunk = ctx.hits[x.hit]!.chunk;
    // A name listed among others is its whole item (晋裕泽晋汾白猪育种场 of 凯永's projects)…
    const item = ctx.source
      .factsOf(chunk)
      .filter((f) => f.kind === 'list' && f.sentence === x.sentence)
      .flatMap((f) => f.items)
      .find((i) => i.endsWith(tail) && i.length > tail.length);
    // …else it runs from the first place name before the end (山西阳城(国际)陶瓷博览会).
    const run = /[\u4e00-\u9fff()（）]{0,20}$/.exec(text.slice(0, end - tail.length))![0];
    const place = [...placeNames(run)].map((p) => run.indexOf(p)).filter((i) => i >= 0).sort((a, b) => a - b)[0];
    if (item === undefined && place === undefined) continue;
    // (An event held jointly with another is named with both: …陶瓷博览会暨陶瓷产业发展高峰论坛.)
    const joint = /^暨[\u4e00-\u9fff()（）]{2,20}/.exec(text.slice(end))?.[0] ?? '';
    const name = item ?? `${run.slice(place)}${tail}${joint}`;
    if (before && !name.includes(before)) continue;
    const cites = new CitationList();
    // (Said with the clause naming it.)
    const clause = splitClauses(x.text).find((c) => foldForMatch(c).includes(tail)) ?? x.text;
    return reply(`${name}：${asStatement(clause).replace(/。$/, '')}${cites.mark(chunk)}。`, cites);
  }
  return null;
}

/** The words a name fact says of what it names: a name set after a dash (国审白猪品种——晋汾白猪) with the words before the dash, else its own text. */
function namingWords(fact: Fact): string {
  return fact.kind === 'name' && fact.text.startsWith('——') ? `${fact.before}${fact.text}` : fact.text;
}

/** Focus coverage from which a sentence without a quoted name answers a name question. */
const NAMED_BY_SENTENCE = 0.6;

/** The typed lookup with its near-miss check: a fact whose own words match nothing the question asks about does not answer it. */
function lookupOrNearMiss(ctx: ComposeContext): Reply | null {
  if (ctx.parsed.answerType === 'text') return otherScopeNearMiss(ctx) ?? organisationNotNamed(ctx) ?? composeQualities(ctx, false) ?? composeLookup(ctx);
  const candidates = answeringCandidates(ctx);
  // (Asked by its unit alone, 能整出多少吨, the best figure in that unit fits.)
  const [top] = askedByUnitOnly(ctx) ? candidates : candidates.filter((f) => f.fit > 0);
  if (!top && ctx.parsed.answerType === 'duration') return composeDurationSince(ctx) ?? (ctx.focus.length > 0 ? nearMiss(ctx) : null);
  // A name listed among others (晋裕泽晋汾白猪育种场 of 凯永's projects) is the item that says most of what is asked,
  // unless a name fact says as much (its own text holding as many of the asked words).
  if (ctx.parsed.answerType === 'names') {
    const item = composeListedName(ctx);
    const named = top ? focusWeight(foldForMatch(namingWords(top.fact)), ctx.focus, ctx.source.idf) : 0;
    if (item && item.weight > named) return item.reply;
  }
  // A name not quoted (全省唯一国家核心育种场) is said by the sentence that covers what is asked.
  if (!top && ctx.parsed.answerType === 'names' && (ctx.picked[0]?.focus ?? 0) >= NAMED_BY_SENTENCE) return composeLookup({ ...ctx, parsed: { ...ctx.parsed, answerType: 'text' } });
  if (!top && ctx.focus.length > 0) return nearMiss(ctx);
  if (top && ctx.parsed.answerType === 'time') {
    const undated = dayNotStated(ctx, top);
    if (undated) return undated;
  }
  // A measure asked (多远) that no candidate states is not looked up in a sentence without it.
  if (candidates.length === 0 && ctx.parsed.answerType === 'quantity' && ctx.parsed.unitFamily && !ctx.parsed.unitFamily.startsWith('measure:')) return null;
  return composeLookup(ctx);
}

/** The operation a question asks for, as parsed against the towns it names. */
export function questionOperation(question: string, terms: QuestionTerms, o: ComposeOptions): string {
  return questionParse(question, terms, o).operation;
}

/** The typed parse of a question, with the towns it names counted as the composers count them. */
export function questionParse(question: string, terms: QuestionTerms, o: ComposeOptions): ParsedQuestion {
  const parsed = parseQuestion(question, strongestTowns(o.namedTowns).length, terms.english);
  // 华北最大的丝绸企业吉利尔潞绸集团一年销售额有多少: a superlative describing the name after it asks nothing to rank.
  return parsed.operation === 'superlative' && superlativeDescribes(question, o.entities) ? { ...parsed, operation: 'lookup', superlative: '' } : parsed;
}

/**
 * The answer computed from typed facts for the question's operation, or null when the plain
 * sentence answer (or its refusal) should stand. `refusal` is the sentence evidence's verdict.
 */
export function composeFacts(
  searcher: HybridSearcher,
  question: string,
  terms: QuestionTerms,
  scored: ScoredSentence[],
  picked: ScoredSentence[],
  hits: SearchHit[],
  o: ComposeOptions,
  refusal: string | null,
): Composed | null {
  const towns = strongestTowns(o.namedTowns);
  const parsed = questionParse(question, terms, o);
  const ctx: ComposeContext = {
    question,
    parsed,
    focus: terms.words.filter((w) => !o.isTopicWord(w)),
    towns,
    townStrength: Math.max(0, ...o.namedTowns.values()),
    scored,
    picked,
    hits,
    source: {
      factsOf: (c) => searcher.factsOf(c),
      idf: o.idf,
      forms: o.forms,
      chunksOfTown: (t) => searcher.chunksOfTown(t),
      chunksOfTownWith: (t, words) => searcher.chunksOfTownWith(t, words),
      firstFactsOfTown: (t) => searcher.firstFactsOfTown(t),
      townNames: () => searcher.townNames(),
      townsIn: (text) => strongestTowns(searcher.namedTowns(text)),
      chineseWords: (text) => (/[a-z]/i.test(text) ? searcher.lexicon.expansionWords(text) : []),
      chunksWith: (word) => searcher.chunksWith(word),
      referenceYear: searcher.referenceYear(),
      articlesByAuthor: () => searcher.articlesByAuthor(),
      authorIn: (question) => searcher.authorIn(question),
      foldedParagraphOf: (chunk) => searcher.foldedParagraphOf(chunk),
      antonymsOf: (word) => searcher.lexicon.antonymsOf(word),
    },
    // (…and so does 哪个县只有一个专业镇: the counties with that many towns.)
    // (…and so does 哪些特产 asked of no town or organisation: the page's towns whose articles say it.)
    asksTowns: ASKS_TOWNS.test(question) || (ASKS_ONE_COUNTY.test(question) && PER_COUNTY.test(foldForMatch(question))) || (ASKS_PRODUCTS.test(question) && towns.length === 0 && o.entities.length === 0),
    entities: o.entities,
  };
  const unknownWords = refusal?.startsWith('asks about words') ?? false;
  // 哪个县: the county of the passage that answers (a superlative's when its figures rank none).
  const asksCounty = !refusal && ASKS_COUNTY.test(question);
  if (asksCounty && parsed.operation === 'lookup') {
    const county = composeCounty(ctx);
    if (county) return toComposed(county, parsed.operation);
  }
  // 陵五味是哪五味 / 办到第几届了: a number of members or an ordinal asked, where the passage names the set but
  // lists no such members, or says only "several" (多届): the detail is not stated.
  // 哪个县的专业镇最多: counties ranked by their towns.
  const perCounty = composeTownsPerCounty(ctx);
  if (perCounty) return toComposed(perCounty, parsed.operation);
  const unlisted = ['lookup', 'list', 'count'].includes(parsed.operation) ? membersNotListed(ctx) : null;
  if (unlisted) return toComposed(unlisted, parsed.operation);
  // 四大名蜜除了荆条和刺槐，另外两种是啥: the other members of a set whose sentence lists fewer than its number.
  const others = otherMembersNotListed(ctx);
  if (others) return toComposed(others, parsed.operation);
  // 有哪些是“全省唯一”的: every phrase bearing the quoted term.
  // 说“一辈子只干好一件事”，到底是干好啥事: what the quotation goes on to say.
  const continued = composeSayingContinued(ctx);
  if (continued) return toComposed(continued, parsed.operation);
  // 报道里点到名的乡镇有哪些: the townships (villages) the articles name.
  const places = composeNamedPlaces(ctx);
  if (places) return toComposed(places, parsed.operation);
  const mentions = composeQuotedMentions(ctx);
  if (mentions) return toComposed(mentions, 'list');
  // 全称叫什么: the full name the passage gives.
  const full = composeFullName(ctx);
  if (full) return toComposed(full, parsed.operation);
  // 创始人是谁: a person by a role the articles never name.
  const person = personNotStated(ctx);
  if (person) return toComposed(person, parsed.operation);
  // 建在哪个乡镇: a place below the county that no leading sentence names.
  const place = placeNotStated(ctx);
  if (place) return toComposed(place, parsed.operation);
  // 光连翘一项的面积: one member's figure, where only the whole set's is stated.
  const member = memberNotStated(ctx);
  if (member) return toComposed(member, parsed.operation);
  // 比去年增长了多少: a growth the passages do not state.
  const growth = growthNotStated(ctx);
  if (growth) return toComposed(growth, parsed.operation);
  // A和B分别是多少: each side's own figure.
  const each = unknownWords ? null : composeEach(ctx);
  if (each) return toComposed(each, 'lookup');
  let reply: Reply | null = null;
  switch (parsed.operation) {
    case 'compare':
    case 'difference':
    case 'superlative':
    {
      const superlative = parsed.operation === 'superlative';
      // A superlative inside one named organisation or town ranks its own figures before the towns are compared.
      const inScope = superlative && (ctx.entities.length > 0 || towns.length === 1);
      // 乔氏琉璃最早是哪一年创办的: asked of one named thing, with no question word picking one of several, a
      // superlative is that thing's own fact (or a near miss), not the towns ranked.
      const ranks = !inScope || choosesOne(question);
      // The gap between a set's extremes (最高和最低的差几度) is one passage's figures, not two sides compared.
      if (!unknownWords && parsed.operation === 'difference') reply = composeRange(ctx);
      if (!unknownWords && parsed.operation === 'superlative') reply = composeRankPosition(ctx);
      // Two of one thing (两块基地差了多少亩, the two brandies… apart): the gap inside their passage, not towns compared.
      if (!reply && !unknownWords && parsed.operation === 'difference' && towns.length < 2 && comparisonSides(question).length < 2) {
        const computed = composeArithmetic(ctx);
        if (computed) return toComposed(computed.reply, computed.operation);
      }
      if (!unknownWords) reply ??= (superlative ? composeStatedSuperlative(ctx) ?? composeTimeSuperlative(ctx) : null) ?? (inScope ? composeMeasureSuperlative(ctx) : null) ?? (ranks ? composeComparison(ctx, question) : null);
      // Two sides set against each other are each found by their own words: a word the articles never use in one
      // side (列入 for 列为) does not sink the comparison when both sides' figures are found.
      else if (!superlative && comparisonSides(question).length >= 2) reply = composeComparison(ctx, question);
      // A superlative of a named measure (收入, 投资) is read off the facts of that measure, whatever else the wording says.
      if (superlative && (!inScope || unknownWords)) reply ??= composeMeasureSuperlative(ctx);
      // A gap to a figure the question gives (离一个亿还差多少) when no two sides are compared.
      if (!reply && !unknownWords && parsed.operation === 'difference') {
        const computed = composeArithmetic(ctx);
        if (computed) return toComposed(computed.reply, computed.operation);
      }
      reply ??= unknownWords || refusal ? null : towns.length >= 2 ? composePerTown(ctx) : lookupOrNearMiss(ctx);
      break;
    }
    case 'list':
      // (都有多少度的: the figures of the asked measure one sentence states.)
      reply = composeByAuthor(ctx, question, false) ?? (unknownWords ? null : composeOrganisations(ctx, false) ?? composeFigureList(ctx));
      if (reply) break;
      reply = unknownWords ? null : (composeQualities(ctx, false) ?? composeList(ctx, false, refusal === null) ?? (refusal ? null : lookupOrNearMiss(ctx)));
      break;
    case 'count':
      reply = composeByAuthor(ctx, question, true) ?? (unknownWords ? null : composeOrganisations(ctx, true));
      if (reply) break;
      // A count the article states (521种) first, then items counted, then what is related.
      // 几 presupposes a few items to count: "no quantity" does not stop an enumeration; 多少 expects a stated figure.
      // 几个专业镇 counts towns before any figure a sentence states (8个乡镇 is not the towns asked about).
      // 10度以下的有几款: the listed figures that hold the bound, counted.
      reply = composeBoundedCount(ctx) ?? composeTimeCount(ctx) ?? (unknownWords ? null : composeQualities(ctx, true));
      if (reply) break;
      if (!unknownWords) {
        // 还剩几家: a gap between two figures of the passage, before any count.
        const computed = composeArithmetic(ctx);
        if (computed) return toComposed(computed.reply, computed.operation);
        // (A measure asked with 多少, 多少户, that a sentence other than the best ones states of what is asked is looked up as
        // a lookup would; 几 and kinds presuppose members to count.)
        const statedElsewhere =
          refusal?.startsWith('the evidence has no quantity') === true && parsed.unitFamily !== null && parsed.unitFamily !== 'kinds' && !/(?<!第)几/.test(question) && answeringCandidates(ctx).some((f) => f.fit > 0);
        const stated = (refusal && !statedElsewhere) || ctx.asksTowns ? null : composeLookup(ctx);
        const counted = composeList(ctx, true, refusal === null || (refusal.startsWith('the evidence has no quantity') && /(?<!第)几/.test(question)));
        // A stated count answers unless the enumeration counted says more of what is asked (12大药养品牌 vs 开发出…等深加工产品).
        // A question asking a measure (多少户, households) wants the stated figure.
        const either = stated && counted ? (parsed.unitFamily === null && saysMore(ctx, counted, stated) ? counted : stated) : null;
        reply = either ?? stated ?? counted ?? (refusal ? null : nearMiss(ctx));
      }
      break;
    case 'yesno':
      // A number the question names but the article states differently is answered "no".
      // A claimed word the articles never use, where the best sentence says another in its place (西北地区 / 华北地区), is answered "no".
      // An organisation claimed to be in a county is checked against its own passage, whatever the best sentence.
      // 是不是就光做琉璃了: one of several things an enumeration lists is claimed to be the only one.
      reply = organisationElsewhere(ctx) ?? onlyOneClaimed(ctx) ?? (refusal && !refusal.startsWith('a number in the question') ? (unknownWords ? contrastedClaim(ctx) : null) : composeYesNo(ctx, terms.numbers));
      break;
    case 'author':
      return null;
    default:
    {
      // 张彩峰写的是哪个专业镇: what an author wrote is read from the bylines, whatever the question word.
      const written = /写|撰|wrote|written/i.test(question) ? composeByAuthor(ctx, question, false) : null;
      if (written) return toComposed(written, 'list');
      // 哪个县有两个专业镇: the counties with that many towns, whatever the sentences' evidence.
      const perCounty = ctx.asksTowns && ASKS_ONE_COUNTY.test(question) ? composeList(ctx, false, true) : null;
      if (perCounty) return toComposed(perCounty, 'list');
      // A place in a ranking (排中间的是哪款) is read off the passage's figures in order.
      const ranked = composeRankPosition(ctx);
      if (ranked) return toComposed(ranked, 'superlative');
      // A gap or a sum of the passage's figures (还差 / 加…一共) is computed before any single figure is looked up.
      const computed = unknownWords ? null : composeArithmetic(ctx);
      if (computed) return toComposed(computed.reply, computed.operation);
      reply = refusal ? (unknownWords ? null : nearMissAfterRefusal(ctx, refusal)) : lookupOrNearMiss(ctx);
    }
  }
  if (asksCounty && parsed.operation === 'superlative') reply = reply ? withCounty(reply) : composeCounty(ctx);
  // Refused about a town or organisation the question names: still show what the articles state there.
  if (!reply && refusal && (ctx.townStrength >= 1 || ctx.entities.length > 0)) reply = nearMiss(ctx);
  return reply ? toComposed(reply, parsed.operation) : null;
}

/** A reply that does not say the county of its first citation (吉利尔潞绸集团：…) led by it (高平市：…). */
function withCounty(r: Reply): Reply {
  const county = r.citations.chunks[0]?.meta.county;
  if (!county || r.answer.includes(county.replace(/[县市区]$/, ''))) return r;
  return { ...r, answer: `${county}：${r.answer}` };
}

/** True when the first reply's facts' clauses carry more of the question's focus weight than the second's. */
function saysMore(ctx: ComposeContext, a: Reply, b: Reply): boolean {
  const weight = (r: Reply) => Math.max(0, ...r.facts.map((f) => focusWeight(foldForMatch(f.fact.clause), ctx.focus, ctx.source.idf)));
  return weight(a) > weight(b);
}

/**
 * The best sentence lacking the asked kind of figure is not the end: a close sentence's typed fact
 * may state it (65年来 beside 创始于1958年); else a near miss when the town is named.
 */
function nearMissAfterRefusal(ctx: ComposeContext, refusal: string): Reply | null {
  return refusal.startsWith('the evidence has no quantity') ? lookupOrNearMiss(ctx) : null;
}
