// The attribute a question asks about: its words next to the question word, and whether a fact states it.
import { foldForMatch, isHeadTime, unitScale } from '../ingest/index.js';
import type { Fact } from '../ingest/index.js';
import { ATTRIBUTE_FAMILIES, type AttributeFamily } from './attribute-families.js';
import { isTimeNoun } from './parse-question.js';
import { sharesHead } from './word-forms.js';

/** Question words whose neighbours name the asked attribute. */
const WH = /什么时候|啥时候|什么时间|何时|哪一?年|多长时间|多少|几|什么|啥|哪|谁|何|怎么|怎样|如何|多久|多长|多大|多高|多远|吗/g;
/** Question words asking a time. */
const ASKS_TIME = /什么时候|啥时候|什么时间|何时|哪一?年/;
/** Geographic scopes news compares against: a figure for one is not a figure for another. */
const SCOPES = ['全国', '全省', '全市', '全县', '全球', '华北'];
/** The scopes said in English (a share of the province's total, nationwide): a county or a province named in passing is none. */
const ENGLISH_SCOPES: [RegExp, string][] = [
  [/\b(?:the|whole|entire) country\b|\bnationwide\b|\bnationally\b|\bChina's (?:total|output)/i, '全国'],
  [/\b(?:the|whole|entire) province\b|\bprovince's\b|\bprovincial (?:total|output|level)|\bShanxi(?: province)?'s (?:total|output)|\bin Shanxi\b/i, '全省'],
  [/\b(?:the|whole|entire) city\b|\bcity's\b|\bcity-wide\b|\bJincheng's (?:total|output)/i, '全市'],
  [/\b(?:the|whole|entire) county\b|\bcounty's (?:total|output)|\bcounty-wide\b/i, '全县'],
];

/**
 * Content words of the question starting within 8 characters before or 4 after a question word, in the
 * same clause ("生猪出栏了多少头" -> 出栏; "什么时候正式投产" -> 正式, 投产), but not the noun naming
 * the kind of time asked (哪个朝代 -> nothing). Topic words are given
 * by the caller already removed from `focus`.
 */
export function askedWords(question: string, focus: string[]): string[] {
  const q = foldForMatch(question);
  const near = new Set<string>();
  for (const m of q.matchAll(WH)) {
    const from = Math.max(0, q.lastIndexOf('，', m.index) + 1, m.index - 8);
    const to = Math.min(q.length, m.index + m[0].length + 4);
    // A word starting in the window counts whole (多少个养蜂合作社 -> 合作社).
    const inWindow = (w: string) => {
      const at = q.indexOf(w, from);
      return at >= 0 && at < to;
    };
    // A lone character right after the question word is its measure word (哪款, 几家), not an attribute; so are 人家 (多少人家:
    // households) and a unit (多少万斤).
    const measure = (w: string) => (w.length === 1 || w === '人家' || unitScale(w) !== null) && q.startsWith(w, m.index + m[0].length);
    const words = focus.filter((w) => inWindow(w) && !isTimeNoun(w) && !measure(w));
    // After 什么时候 / 哪年 the verb names the event asked about (什么时候正式投产): the words before are its subject.
    const after = ASKS_TIME.test(m[0]) ? words.filter((w) => q.indexOf(w, from) > m.index) : [];
    for (const w of after.length ? after : words) near.add(w);
  }
  return [...near];
}

/** The scope word (全国, 全省…) a text names first, or "". */
export function scopeOf(text: string): string {
  return SCOPES.find((s) => text.includes(s)) ?? ENGLISH_SCOPES.find(([words]) => words.test(text))?.[1] ?? '';
}

/**
 * True when a sentence states the asked attribute: one of the asked words occurs in it, or an
 * attribute family that a asked word belongs to has a fact word in it; and it does not name a
 * different geographic scope than the question. With no asked words, any sentence does.
 */
export function statesAsked(sentence: string, asked: string[], question: string): boolean {
  const s = foldForMatch(sentence);
  const wanted = scopeOf(foldForMatch(question));
  const stated = scopeOf(s);
  if (wanted && stated && !s.includes(wanted)) return false;
  if (asked.length === 0) return true;
  return asked.some(
    (w) => s.includes(w) || ATTRIBUTE_FAMILIES.some((f) => f.questionWords.some((q) => q.includes(w) || w.includes(q)) && f.factWords.some((x) => s.includes(x))),
  );
}

/** True when a fact's own words name another geographic scope than the question (占全市 for 全省). */
export function otherScope(factWords: string, question: string): boolean {
  const wanted = scopeOf(foldForMatch(question));
  const stated = scopeOf(foldForMatch(factWords));
  return wanted !== '' && stated !== '' && stated !== wanted;
}

/** True when a text has a fact word of one of the attribute families (年产值 of output value, 出栏 of 出栏量). */
export function saysAttribute(families: readonly AttributeFamily[], text: string): boolean {
  return families.some((f) => f.factWords.some((w) => text.includes(w)));
}

/**
 * True when a clause measures another amount than the one asked: the question asks a measured
 * attribute (产量, 面积…) and the clause has none of its words but another's (年产…生产能力).
 */
export function otherMeasure(clause: string, asked: AttributeFamily[]): boolean {
  const measures = asked.filter((f) => f.measure);
  if (measures.length === 0) return false;
  const c = foldForMatch(clause);
  if (saysAttribute(measures, c)) return false;
  return ATTRIBUTE_FAMILIES.some((f) => f.measure && !measures.includes(f) && f.factWords.some((w) => c.includes(w)));
}

/**
 * True when a quantity is in another unit family than every measured attribute asked (产值 asks
 * money: 30家 is not one) and than the unit family the question counts in; questions asking no measure pass.
 */
export function otherUnit(fact: Fact, asked: AttributeFamily[], unitFamily: string | null = null): boolean {
  const units = asked.filter((f) => f.measure && f.unitFamily).map((f) => f.unitFamily);
  // (A figure in the unit the question counts in, 多少农户, answers whatever measure it mentions: 一块儿赚钱.)
  return fact.kind === 'quantity' && units.length > 0 && !units.includes(fact.family) && fact.family !== unitFamily;
}

/** Asks a share, a rate or a percentage (琉璃瓦有多少是阳城生产的: how much of it). */
const ASKS_SHARE = /率|比例|比重|百分|占|几成|多少成|多少(?:是|为|来自)|%|percent|share|proportion|rate|how much of/i;

/** Asks a year (哪一年), which a decade or an era does not give. */
const ASKS_YEAR = /哪一?年(?!代)|what year|which year/i;

/**
 * The part of its sentence a time dates: all of it from the head; from a clause of its own inside the
 * sentence (…，2022年，企业出栏…), the rest of the sentence; inside a clause (…公司位于…，成立于2007年) or a
 * founding clause of its own, the sentence up to that clause's end. Other facts: the whole sentence.
 */
export function datedPart(fact: Fact, sentence: string): string {
  if (fact.kind !== 'time' || isHeadTime(fact)) return sentence;
  // A founding year (成立于2007年) dates the founding, not what the sentence goes on to say.
  return fact.clause === fact.text && fact.role !== 'founding' ? sentence.slice(fact.clauseStart) : sentence.slice(0, fact.clauseStart + fact.clause.length);
}

/**
 * True when a fact answers the asked attribute: its sentence states it (a time: the part it dates),
 * in the asked scope, it measures what is asked, and as precisely as asked (20世纪70年代 is no year).
 */
export function answersAsked(fact: Fact, sentence: string, asked: string[], question: string, attributes: AttributeFamily[], unitFamily: string | null = null): boolean {
  if (fact.kind === 'time' && ASKS_YEAR.test(question) && fact.family !== 'year' && fact.family !== 'date') return false;
  // A share (占全市总量的90.7%) answers only a question asking a share or a rate, not 产了多少茧.
  if (fact.kind === 'quantity' && fact.family === 'percent' && !attributes.some((a) => a.name === 'share') && !ASKS_SHARE.test(question)) return false;
  const states = datedPart(fact, sentence);
  // A figure in the asked unit whose clause has an asked word's last morpheme (养蜂 / 蜂农达1500户) states it.
  const byHead = fact.kind === 'quantity' && unitFamily !== null && fact.family === unitFamily && asked.some((w) => sharesHead(w, foldForMatch(fact.clause)));
  return (byHead || statesAsked(states, asked, question)) && !otherScope(`${fact.before}${fact.text}`, question) && !otherMeasure(fact.clause, attributes) && !otherUnit(fact, attributes, unitFamily);
}
