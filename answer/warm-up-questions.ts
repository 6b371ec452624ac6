// Synthetic questions made from an index (its towns, facts, organisations) that take every answer path, for the warm-up before a server reports ready.
import { cutWords, functionWords, type HybridSearcher } from '../index/index.js';
import { foldForMatch } from '../ingest/index.js';
import type { Turn } from './types.js';

/** One warm-up question and, for a follow-up, the earlier turns it leans on. */
export type WarmUpTurn = { question: string; history?: Turn[] };

/** What a town gives the templates: {t} the town, {t2} another town, {a}/{b} attribute words of its facts, {u} a unit, {o} an organisation, {y} a year, {e} an English gloss of {a}. */
type Slots = Record<'t' | 't2' | 'a' | 'b' | 'u' | 'o' | 'y' | 'e', string>;

/**
 * One template per question shape the answer path tells apart: each operation (lookup, list, count,
 * compare, superlative, difference, yes/no, reason, author), answer types (quantity in a unit, time,
 * names), Traditional characters and full-width digits (folding through OpenCC), English (the
 * lexicon's translation), small talk, and a follow-up carried over from an earlier turn.
 */
const TEMPLATES: string[] = [
  '{t}的{a}是多少？',
  '{t}{a}有多少{u}？',
  '{o}是哪一年成立的？',
  '{t}有什么称号？',
  '{t}有哪些{a}？',
  '哪些专业镇有{b}？',
  '{t}一共有几个{b}？',
  '{t}和{t2}，哪个的{a}更多？',
  '哪个专业镇的{a}最高？',
  '{t}的{a}比{t2}多多少？',
  '{t}的{b}是不是全省第一？',
  '为什么{t}的{b}发展得好？',
  '关于{t}的文章是谁写的？',
  '請問{t}的{a}是多少？這個數字是哪一年的？',
  '{t}{Y}年的{a}有多少？',
  'How many {e} does {t} have?',
  'Why is {t} famous for {e}?',
  '你好',
];

/** Towns whose questions are generated: the shapes matter, not the number of towns, and each question adds to the time before ready. */
export const MAX_TOWNS = 6;

/** Full-width digits (what some keyboards type). */
const fullWidth = (digits: string) => digits.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

/** The last Han content word of two or more characters in a fact's attribute words (生猪出栏 -> 出栏; not 连续), or "". */
function attributeWord(before: string): string {
  const folded = foldForMatch(before);
  const skip = functionWords(folded);
  return cutWords(folded).filter((w) => w.length >= 2 && /^[\u4e00-\u9fff]+$/.test(w) && !skip.has(w)).pop() ?? '';
}

/** The slots of one town, from its first facts (see HybridSearcher.firstFactsOfTown). */
function townSlots(searcher: HybridSearcher, town: string, other: string, org: string): Slots {
  const facts = searcher.firstFactsOfTown(town).map((f) => f.fact);
  // Quantities' attribute words first (出栏, 产值): the lookups, comparisons and superlatives that rank facts.
  const ordered = [...facts.filter((f) => f.kind === 'quantity'), ...facts.filter((f) => f.kind !== 'quantity')];
  const words = [...new Set(ordered.map((f) => attributeWord(f.before)).filter((w) => w !== ''))];
  const quantity = facts.find((f) => f.kind === 'quantity' && f.unit !== '');
  const year = facts.find((f) => f.kind === 'time' && f.family === 'year' && f.value !== null);
  const a = words[0] ?? '产值';
  return {
    t: town,
    t2: other,
    a,
    b: words[1] ?? a,
    u: quantity?.unit ?? '个',
    o: org || town,
    y: String(year?.value ?? 2020),
    e: searcher.lexicon.glossOf(a) ?? 'output',
  };
}

/**
 * A sum question over the first sentence of the index stating two quantities of one family, each
 * followed by what it counts (198户脱贫户、3户监测户 -> 阳城蚕桑的脱贫户加监测户一共有多少户？), or null when none does.
 */
function sumQuestion(searcher: HybridSearcher, towns: string[]): string | null {
  const counted = (after: string) => /^[\u4e00-\u9fff]{2,3}/.exec(after)?.[0] ?? '';
  for (const town of towns) {
    for (const chunk of searcher.chunksOfTown(town)) {
      const facts = searcher.factsOf(chunk).filter((f) => f.kind === 'quantity' && f.value !== null && counted(f.after) !== '');
      for (const [i, a] of facts.entries()) {
        const b = facts.slice(i + 1).find((f) => f.sentence === a.sentence && f.family === a.family && counted(f.after) !== counted(a.after));
        if (b) return `${town}的${counted(a.after)}加${counted(b.after)}一共有多少${a.unit.replace(/^[万亿](?=.)/, '')}？`;
      }
    }
  }
  return null;
}

/**
 * Warm-up questions for an index: every template for each of its towns (up to MAX_TOWNS, with the
 * next town as the other one and the organisations the corpus names in turn), then for each town a
 * follow-up that names no town after a question that did, and one sum of two figures a sentence
 * states (see sumQuestion). Deterministic for an index; an index
 * without towns still gets every template (with empty slots where a town would be).
 */
export function warmUpQuestions(searcher: HybridSearcher): WarmUpTurn[] {
  const towns = searcher.townNames().slice(0, MAX_TOWNS);
  const orgs = searcher.entityNames();
  const out: WarmUpTurn[] = [];
  (towns.length ? towns : ['']).forEach((town, i, all) => {
    const s = townSlots(searcher, town, all[(i + 1) % all.length]!, orgs[i % Math.max(1, orgs.length)] ?? '');
    const fill = (template: string) => template.replace(/\{(t2|[tabuoyeY])\}/g, (_, k: string) => (k === 'Y' ? fullWidth(s.y) : s[k as keyof Slots]));
    for (const template of TEMPLATES) out.push({ question: fill(template) });
    out.push({ question: fill('那{b}呢？'), history: [{ role: 'user', content: fill('{t}的{a}是多少？') }] });
  });
  const sum = sumQuestion(searcher, searcher.townNames());
  if (sum) out.push({ question: sum });
  return out;
}
