// Computed answers over several facts: which is more or older, by how much; refuses to compare unlike figures.
import { foldForMatch, unitScale, type Fact } from '../ingest/index.js';
import { ATTRIBUTE_FAMILIES } from './attribute-families.js';
import type { LocatedFact } from './fact-evidence.js';
import type { ParsedQuestion } from './parse-question.js';
import { englishValue, factStatement, formatNumber } from './render-answer.js';

/** A value in Chinese with 万 / 亿 scaling and the unit ("65万头", "3.2亿元", "12年"). */
export function formatChinese(value: number, unit: string): string {
  const base = unit.replace(/^[万亿](?=元)/, '');
  // Exact to six places: a computed difference of stated figures (4.397亿元) is not rounded away.
  const round = (x: number) => String(Math.round(x * 1e6) / 1e6);
  if (Math.abs(value) >= 1e8) return `${round(value / 1e8)}亿${base}`;
  if (Math.abs(value) >= 1e4 && base !== '%' && base !== '年') return `${round(value / 1e4)}万${base}`;
  return `${round(value)}${base}`;
}

/** A base-unit amount in the unit the question asks (1.98323亿公斤 asked in 吨: 198323吨), null when it asks none of the family. */
export function inAskedUnit(value: number, family: string, unit: string): string | null {
  const scale = unit ? unitScale(unit) : null;
  return scale && scale.family === family ? `${Math.round((value / scale.factor) * 1e6) / 1e6}${unit}` : null;
}

/** The attribute family a fact's own words name (产值, 出栏, 饲养量…), or null. */
export function factAttribute(fact: Fact): string | null {
  return attributeWord(fact)?.family ?? null;
}

/** The attribute word a fact's own words say (出栏 of 生猪出栏85万头) with its family, or undefined. */
function attributeWord(fact: Fact): { family: string; word: string } | undefined {
  const words = foldForMatch(`${fact.before}${fact.after}`);
  // A percentage is a share first (蚕茧产量占全市总量的90.7%: a share of the output, like 占全省总量的86.8%).
  const families = fact.family === 'percent' ? [...ATTRIBUTE_FAMILIES].sort((a, b) => Number(b.name === 'share') - Number(a.name === 'share')) : ATTRIBUTE_FAMILIES;
  for (const a of families) {
    const word = a.factWords.find((w) => words.includes(w));
    if (word) return { family: a.name, word };
  }
  return undefined;
}

/** The start year a time fact names (years and eras), or for a duration the year it reaches back to from `refYear`. */
export function startYear(fact: Fact, refYear: number): number | null {
  if (fact.value === null) return null;
  if (fact.kind === 'time') return fact.value;
  if (fact.family === 'duration') return refYear - fact.value;
  return null;
}

type Side = { f: LocatedFact; value: number };

/** Unit families that count things (households, firms, head of livestock…), not measure them. */
export const COUNTED = ['organisations', 'households', 'people', 'kinds', 'items', 'animals'];
/** Counts of bodies (firms, households, people), of items (31个商标) and of kinds (12大类): counts of different ones may be compared as numbers. */
export const BODIES = ['organisations', 'households', 'people', 'items', 'kinds'];

/** The comparative of an English answer: earlier / later by time, else higher / lower (more / fewer for counts). */
function englishComparative(q: ParsedQuestion, wantsLarger: boolean, byTime: boolean): string {
  const superlative = q.operation === 'superlative';
  // The question's own comparative when it has one (Which is higher…? -> higher).
  if (!superlative && /^[a-z]+$/.test(q.comparative)) return q.comparative;
  if (byTime) return wantsLarger ? (superlative ? 'latest' : 'later') : superlative ? 'earliest' : 'earlier';
  const counted = q.unitFamily === null || COUNTED.includes(q.unitFamily);
  const [up, down] = counted && !/[高低]/.test(q.comparative) ? (superlative ? ['most', 'fewest'] : ['more', 'fewer']) : superlative ? ['highest', 'lowest'] : ['higher', 'lower'];
  return wantsLarger ? up : down;
}

/**
 * The comparison of facts from different towns: the winner first with its cited figure, then the
 * others; for a difference the computed gap. Returns a "cannot compare" statement when the figures
 * are of different units or attributes (an output against a stock), never a silent comparison.
 */
export function compareFacts(facts: LocatedFact[], labels: string[], q: ParsedQuestion, mark: (f: LocatedFact) => string, refYear: number): string {
  const labelOf = (f: LocatedFact) => labels[facts.indexOf(f)] ?? f.chunk.meta.town;
  // Figures that share one clause are shown by themselves; others with their clause.
  const shared = (f: LocatedFact) => facts.some((g) => g !== f && g.fact.clause === f.fact.clause);
  // (The side's label goes unsaid where its statement names it already, 吉利尔潞绸集团创始于1958年, or the lead just did.)
  const shown = (f: LocatedFact, named = false) => {
    const statement = shared(f) ? f.fact.text : factStatement(f.fact).replace(/。$/, '');
    return `${named || statement.includes(labelOf(f)) ? '' : `${labelOf(f)}：`}${statement}${mark(f)}`;
  };
  const families = new Set(facts.map((f) => (f.fact.kind === 'time' || f.fact.family === 'duration' ? 'time' : f.fact.family)));
  const attributes = new Set(facts.map((f) => factAttribute(f.fact)));
  // Sides the question itself sets apart (出栏 和 屠宰) are meant to differ in attribute.
  const sidesDiffer = new Set(labels).size === labels.length && labels.every((l, i) => !facts.some((f, j) => j !== i && f.chunk.meta.town === l));
  const meant = sidesDiffer && labels.some((l) => !facts.some((f) => f.chunk.meta.town === l));
  // Counts of different bodies (1500户蜂农, 500余家经营主体) set apart by the question are compared as numbers.
  const counts = [...families].every((f) => BODIES.includes(f));
  if ((families.size > 1 && !(meant && counts)) || (attributes.size > 1 && !attributes.has(null) && !meant)) {
    return `这些数字口径不同，不能直接比较：${facts.map((f) => shown(f)).join('；')}。`;
  }
  const byTime = families.has('time');
  const sides: Side[] = facts
    .map((f) => ({ f, value: byTime ? startYear(f.fact, refYear) : f.fact.value }))
    .filter((s): s is Side => s.value !== null);
  if (sides.length < 2) return '';
  // Older means an earlier start year; "more" means a larger value.
  const wantsLarger = byTime ? q.direction === 'min' : q.direction === 'max';
  sides.sort((a, b) => (wantsLarger ? b.value - a.value : a.value - b.value));
  const [first, second] = sides as [Side, Side];
  const word = byTime ? (wantsLarger ? '晚' : '早') : wantsLarger ? '多' : '少';
  // A superlative says the question's own word (产值最高, 历史最早) when it has one.
  // …and a comparison the question's comparative (哪个更高 -> 更高, 历史哪个长 -> 更长).
  const lead = q.english
    ? `${labelOf(first.f)} is ${q.operation === 'superlative' ? 'the ' : ''}${englishComparative(q, wantsLarger, byTime)}`
    : q.operation === 'superlative' ? `${labelOf(first.f)}${/^最/.test(q.superlative) ? q.superlative : `最${word}`}` : `${labelOf(first.f)}更${q.comparative || word}`;
  const inferred = sides.some((s) => s.f.fact.family === 'duration' && byTime) && families.size === 1 && sides.some((s) => s.f.fact.kind === 'time')
    ? `（历史年数按文章中最晚的年份${refYear}年推算）`
    : '';
  // Sides the question set apart that measure different attributes (出栏 against 饲养量) are compared as asked, and said to differ.
  const measured = [...new Set(facts.map((f) => attributeWord(f.fact)?.word).filter(Boolean))];
  const unlike = attributes.size > 1 && !attributes.has(null) ? (q.english ? ` (they measure different things: ${measured.join(' / ')})` : `（口径不同：${measured.join('与')}）`) : '';
  const gap = Math.abs(first.value - second.value);
  const base: Record<string, string> = { weight: '公斤', area: '亩', money: '元' };
  const unit = byTime ? '年' : (base[first.f.fact.family] ?? first.f.fact.unit);
  // Shares differ by percentage points (90.7% and 86.8%: 3.9个百分点), not by a percentage.
  const amount = q.english
    ? byTime
      ? `${formatNumber(gap)} years`
      : first.f.fact.family === 'percent'
        ? `${formatNumber(Math.round(gap * 100) / 100)} percentage points`
        : englishValue({ ...first.f.fact, value: gap, approx: false })
    : byTime
      ? `${formatNumber(gap)}年`
      : first.f.fact.family === 'percent'
        ? `${formatChinese(gap, '')}个百分点`
        : inAskedUnit(gap, first.f.fact.family, q.unit) ?? formatChinese(gap, unit);
  const diff = q.operation === 'difference' ? (q.english ? `, by ${amount}` : `，相差${amount}`) : '';
  const [a, b] = facts.map((f) => sides.find((s) => s.f === f)) as [Side | undefined, Side | undefined];
  if (q.ratio && !byTime && a && b && b.value !== 0) {
    // A是B的几倍: the first side named over the second, both cited.
    const times = formatNumber(Math.round((a.value / b.value) * 100) / 100);
    const said = q.english ? `${labelOf(a.f)} is ${times} times ${labelOf(b.f)}` : `${labelOf(a.f)}是${labelOf(b.f)}的${times}倍`;
    return `${said}${q.english ? ': ' : '：'}${[a, b].map((s) => shown(s.f)).join('；')}。`;
  }
  // Equal figures: neither side wins (12大药养品牌 and 12个大类).
  if (gap === 0 && q.operation !== 'superlative') {
    // A round figure (30余家) against an exact one is about the same, not the same.
    const about = first.f.fact.approx || second.f.fact.approx;
    const same = q.english
      ? `${labelOf(first.f)} and ${labelOf(second.f)} are ${about ? 'about ' : ''}the same`
      : `${labelOf(first.f)}和${labelOf(second.f)}${about ? '大致相当' : `一样${byTime ? '早' : '多'}`}${q.operation === 'difference' && !about ? '，相差0' : ''}`;
    // Claimed more (多吗): no; claimed the same (一样多吗, no comparative): yes.
    const verdict = q.claims ? (q.comparative ? (q.english ? 'No. ' : '不是。') : q.english ? 'Yes. ' : '是的。') : '';
    return `${verdict}${same}${q.english ? ': ' : '：'}${sides.map((s) => shown(s.f)).join('；')}${inferred}。`;
  }
  // A比B多吗: the comparison claimed of the first side named is answered yes or no before the figures.
  const verdict = q.claims && q.operation !== 'superlative' ? (first.f === facts[0] ? (q.english ? 'Yes. ' : '是的。') : q.english ? 'No. ' : '不是。') : '';
  return `${verdict}${lead}${diff}${q.english ? ': ' : '：'}${sides.map((s, i) => shown(s.f, i === 0)).join('；')}${inferred}${unlike}。`;
}
