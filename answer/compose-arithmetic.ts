// Sums and gaps inside one passage: 还差 / 还剩 from the question's figure and a stated one, A加B一共 from two stated figures.
import { extractFacts, foldForMatch, parseNumber, type Fact } from '../ingest/index.js';
import { inAskedFamily, itemHeadedBy, reply, sharedWords, sideFact, typedCandidates, type ComposeContext, type Reply } from './compose-facts.js';
import { claimText } from './claimed-figures.js';
import { comparisonSides } from './parse-question.js';
import type { LocatedFact } from './fact-evidence.js';
import { formatChinese } from './compare-facts.js';
import { CitationList, factStatement } from './render-answer.js';
import { scopeOf } from './asked-attribute.js';

/** What is left once a part is taken away (扣除…还有, 除掉…还有). */
const LEFT_AFTER = /(?:除掉|除去|扣除|去掉|减去|刨去).{1,16}还有/;
/**
 * The part of a whole that is not something (还没拿到商标的, 不是阳城造的; 有几家没有取得商标): the whole less the part
 * that is.
 */
const NOT_PART = /(?:还没有?|没有?|尚未|未|不是|并非)[\u4e00-\u9fff]{1,10}的|(?:几|多少)[个家种户位座项]?(?:还|仍|仍然|依然)?(?:没有?|尚未|未)[\u4e00-\u9fff]{1,10}/;
/** A gap asked: what is left or missing between two figures (离目标还差, 除了…还剩, 还没…的有几家). */
const GAP = new RegExp(`还差|差了?多少|(?<!第)差了?几|还剩|剩多少|剩下|还缺|${LEFT_AFTER.source}|${NOT_PART.source}|\\bapart\\b|\\bgap\\b`, 'i');
/** A sum asked of two named things (脱贫户加监测户一共…, 加起来, 合计). */
const SUM = /加起来|加(?:在)?一(?:块|起)|合起来|合计|之和|总和|(?<![增参追])加上?(?=[\u4e00-\u9fff]{1,10}(?:一共|总共|共|合计))/;

/** A figure in the unit it is stated in (3万亩 -> 亩, 198户 -> 户), "" when it has none. */
function baseUnit(f: Fact): string {
  return f.unit.replace(/^[万亿](?=.)/, '');
}

/** A computed figure in plain digits with the unit (28950亩, 201户), in 万 / 亿 when its parts are all written so (5万亩). */
function figure(value: number, unit: string, parts: Fact[] = []): string {
  // Money in 万元 / 亿元 as the articles write it (2.117亿元, not 211700000元).
  const scaled = unit === '元' || (parts.length > 0 && parts.every((f) => /[万亿]/.test(f.text)));
  return scaled ? formatChinese(value, unit) : `${Math.round(value * 100) / 100}${unit}`;
}

/**
 * The answer computed from figures of one passage when the question asks a gap or a sum, each
 * figure cited; null when the question asks neither or the passage lacks the figures.
 */
export function composeArithmetic(ctx: ComposeContext): { reply: Reply; operation: 'difference' | 'sum' } | null {
  if (ctx.parsed.answerType !== 'quantity') return null;
  const q = foldForMatch(ctx.question);
  // A share: the rest of a stated one (除了阳城产的，别处的占百分之几), or one figure of another (A占B的百分之几).
  const share = ctx.parsed.unitFamily === 'percent' ? (OTHERS.test(q) ? composeRestShare(ctx) : SHARE_OF.test(q) ? composeShareOf(ctx, q) : null) : null;
  if (share) return { reply: share, operation: 'difference' };
  const gap = GAP.test(q) ? composeGap(ctx, q) : null;
  if (gap) return { reply: gap, operation: 'difference' };
  const sum = SUM.test(q) ? composeSum(ctx, q) : null;
  return sum ? { reply: sum, operation: 'sum' } : null;
}

/** The gap between the extremes of a set asked (最高和最低的差几度, the strongest and the mildest). */
const HIGH = '最(?:高|大|多|长|早|烈|强|贵)|highest|largest|biggest|most|strongest|oldest|earliest|longest';
const LOW = '最(?:低|小|少|短|晚|淡|弱|便宜)|lowest|smallest|least|fewest|weakest|mildest|newest|latest|shortest';
const RANGE = new RegExp(`(?:${HIGH})[^，,？?]{0,12}(?:和|与|跟|同|比|到|\\band\\b|\\bto\\b)[^，,？?]{0,16}(?:${LOW})|(?:${LOW})[^，,？?]{0,12}(?:和|与|跟|同|比|到|\\band\\b|\\bto\\b)[^，,？?]{0,16}(?:${HIGH})`, 'i');

/**
 * 度数最高和最低的差几度: the largest less the smallest figure of the asked family in the best sentence, both
 * cited; null when the question asks no such gap (its two extremes are not two sides to compare).
 */
export function composeRange(ctx: ComposeContext): Reply | null {
  if (ctx.parsed.answerType !== 'quantity' || !RANGE.test(foldForMatch(ctx.question))) return null;
  const peers = sentencePeers(figures(ctx, ctx.parsed.unitFamily));
  const top = peers[0];
  if (!top) return null;
  const high = peers.reduce((a, b) => (b.fact.value! > a.fact.value! ? b : a), top);
  const low = peers.reduce((a, b) => (b.fact.value! < a.fact.value! ? b : a), top);
  if (high.fact.value === low.fact.value) return null;
  const cites = new CitationList();
  const gap = figure(high.fact.value! - low.fact.value!, baseUnit(low.fact));
  return reply(`相差${gap}（最高${high.fact.text}减去最低${low.fact.text}）：${factStatement(high.fact).replace(/。$/, '')}${cites.mark(high.chunk)}。`, cites, [high, low]);
}

/** The best figure and the others of its sentence and unit family, in the order found; [] when there is none. */
function sentencePeers(found: LocatedFact[]): LocatedFact[] {
  const top = found[0];
  return top ? found.filter((f) => f.chunk === top.chunk && f.fact.sentence === top.fact.sentence && f.fact.family === top.fact.family) : [];
}

/** A place in a ranking asked: the middle one (排中间), or the second from the top (第二高, 次一档) or the bottom (第二低). */
const MIDDLE = /排(?:在)?中间|居中|中间(?:那|的)/;
const SECOND = /第二(?:高|大|多|烈|早|长|低|小|少|晚|淡)|次(?:高|大|多|烈|一档|之)/;

/**
 * 按度数排，排中间的是哪款 / 次一档的是几度: the figure at that place among the best sentence's figures of the asked
 * family, with the item it belongs to; null when none is asked or the middle of an even number is asked.
 */
export function composeRankPosition(ctx: ComposeContext): Reply | null {
  const q = foldForMatch(ctx.question);
  const middle = MIDDLE.test(q);
  const second = SECOND.exec(q)?.[0];
  if ((!middle && !second) || ctx.parsed.answerType !== 'quantity') return null;
  const peers = [...new Map(sentencePeers(figures(ctx, ctx.parsed.unitFamily)).map((f) => [f.fact.value, f])).values()];
  const low = second !== undefined && /[低小少晚淡]$/.test(second);
  peers.sort((a, b) => (low ? a.fact.value! - b.fact.value! : b.fact.value! - a.fact.value!));
  if (peers.length < 3 || (middle && peers.length % 2 === 0)) return null;
  const picked = middle ? peers[(peers.length - 1) / 2]! : peers[1]!;
  const cites = new CitationList();
  const item = listedItem(ctx, picked) ?? itemOf(picked.fact);
  const order = peers.map((f) => f.fact.text).join(low ? ' < ' : ' > ');
  return reply(`${middle ? '排中间' : second}的是${item}（${order}）：${factStatement(picked.fact).replace(/。$/, '')}${cites.mark(picked.chunk)}。`, cites, [picked]);
}

/**
 * The enumeration item a figure heads (13度山楂干红); a bare figure sharing the next item's noun (42度和54度山楂白兰地)
 * takes that noun (42度山楂白兰地). Undefined when the figure heads no item.
 */
function listedItem(ctx: ComposeContext, f: LocatedFact): string | undefined {
  const { items, at } = itemHeadedBy(ctx, f);
  if (at < 0) return undefined;
  const item = items[at]!;
  const next = items[at + 1];
  // (The next item less its own figure: 54度山楂白兰地 -> 山楂白兰地.)
  const noun = next?.slice(next.search(/[^\d.]/)).replace(f.fact.unit, '') ?? '';
  return item === f.fact.text && noun ? `${item}${noun}` : item;
}

/** The rest of a whole asked (除了…别处来的, 以外的县, 其余): 100% less the share stated. */
const OTHERS = new RegExp(`除了|除去|以外|之外|别处|别的地方|其他|其余|其它|外地|${NOT_PART.source}`);
/** One figure as a share of another: A占B的百分之几. */
const SHARE_OF = /^(.+?)占(.+?)的(?:百分之(?:几|多少)|多少%|比例|比重|几成)/;

/** A stated share of the asked scope (占全省总量的86.8% for 占全省多少, not 占全市总量的90.7% beside it), the best the passage has. */
function statedShare(ctx: ComposeContext): LocatedFact | undefined {
  const scope = scopeOf(foldForMatch(ctx.question));
  const found = figures(ctx, 'percent').filter((f) => f.fit > 0);
  return (scope ? found.find((f) => scopeOf(foldForMatch(f.fact.clause)) === scope) : undefined) ?? found[0];
}

/** 除了阳城，别处的占百分之几: 100% less the share the passage states, cited. */
function composeRestShare(ctx: ComposeContext): Reply | null {
  const stated = statedShare(ctx);
  if (!stated || stated.fact.value! > 100) return null;
  const cites = new CitationList();
  const rest = Math.round((100 - stated.fact.value!) * 100) / 100;
  return reply(`其余占${rest}%（100%减去${stated.fact.text}）：${factStatement(stated.fact).replace(/。$/, '')}${cites.mark(stated.chunk)}。`, cites, [stated]);
}

/** 彤康过了认证的山楂地占规划的山楂基地的百分之几: the first side's figure over the second's, both cited, when no share is stated. */
function composeShareOf(ctx: ComposeContext, q: string): Reply | null {
  if (statedShare(ctx)) return null;
  const [, part, whole] = SHARE_OF.exec(q)!;
  const shared = sharedWords(ctx, [part!, whole!]);
  // Each side is a figure of any unit (the question's unit is the share's).
  const sides = { ...ctx, parsed: { ...ctx.parsed, unitFamily: null } };
  const first = sideFact(sides, part!, shared);
  const second = first && sideFact(sides, whole!, shared, first.fact.family, first.fact);
  if (!first || !second || first.fact.family === 'percent') return null;
  // A part of a whole is the smaller figure: two sides read the other way round are set right.
  const [a, b] = first.fact.value! <= second.fact.value! ? [first, second] : [second, first];
  if (!b.fact.value) return null;
  const cites = new CitationList();
  const ratio = Math.round((a.fact.value! / b.fact.value!) * 10000) / 100;
  const parts = [a, b].map((f) => `${factStatement(f.fact).replace(/。$/, '')}${cites.mark(f.chunk)}`);
  return reply(`占${ratio}%（${a.fact.text}除以${b.fact.text}）：${[...new Set(parts)].join('；')}。`, cites, [a, b]);
}

/** The enumeration item or clause part holding a figure (开发产品有6度清甜山楂甜酒、42度和54度山楂白兰地 -> 42度和54度山楂白兰地). */
function itemOf(f: Fact): string {
  return foldForMatch(f.clause.split(/[、，,；;]/).find((part) => part.includes(f.text)) ?? f.clause);
}

/** Quantity facts of the best sentences in the family asked (or of the question's own figure). */
function figures(ctx: ComposeContext, family: string | null): LocatedFact[] {
  return typedCandidates(ctx, 0.5).filter((f) => f.fact.kind === 'quantity' && f.fact.value !== null && (family === null || f.fact.family === family));
}

/**
 * 离3万亩的目标还差多少亩: the question's figure less the stated one of the same family that matches
 * the question best (现已建成1050亩); with no figure in the question, the larger of the two best less the smaller.
 */
function composeGap(ctx: ComposeContext, q: string): Reply | null {
  // The question's own figure as the extractor reads it (一个亿 -> 1亿), a bare amount of the asked family.
  const asked = extractFacts(claimText(q), 0)
    .map((f) => inAskedFamily(f, ctx.parsed))
    .find((f) => f.kind === 'quantity' && f.value !== null && (ctx.parsed.unitFamily === null || f.family === ctx.parsed.unitFamily));
  const family = asked?.family ?? ctx.parsed.unitFamily;
  const found = figures(ctx, family);
  const stated = asked ? found.find((f) => f.fact.value === asked.value) : undefined;
  // The other figure is stated apart from the question's (not 3万亩 beside the 2万亩 target it is listed with).
  // Figures whose own item names more of the question (42度和54度山楂白兰地 for 白兰地的度数) come first.
  const names = (f: LocatedFact) => -ctx.focus.filter((w) => itemOf(f.fact).includes(w)).length;
  const others = found
    .filter((f) => f.fact.value !== (asked?.value ?? null) && f.fact.clause !== stated?.fact.clause)
    .sort((x, y) => names(x) - names(y));
  const pair = asked ? [stated ?? null, others[0]] : [others[0] ?? null, others.find((f) => f.fact.value !== others[0]?.fact.value)];
  // Two stated figures: the larger less the smaller.
  const [a, b] = !asked && pair[0] && pair[1] && pair[0].fact.value! < pair[1].fact.value! ? [pair[1], pair[0]] : pair;
  const whole = asked?.value ?? a?.fact.value;
  if (!b || whole === undefined || whole === null) return null;
  const gap = Math.abs(whole - b.fact.value!);
  const unit = baseUnit(b.fact);
  const word = /剩/.test(q) || LEFT_AFTER.test(q) ? '还剩' : NOT_PART.test(q) ? '其余' : /还差|还缺|差.{0,4}目标/.test(q) || asked ? '还差' : '相差';
  const cites = new CitationList();
  const wholeText = a ? `${factStatement(a.fact).replace(/。$/, '')}${cites.mark(a.chunk)}` : `问题所说的${asked!.text}`;
  const partText = `${factStatement(b.fact).replace(/。$/, '')}${cites.mark(b.chunk)}`;
  const facts = a ? [a, b] : [b];
  // Two figures of one sentence are shown with it once.
  const shown = wholeText === partText ? wholeText : `${wholeText}；${partText}`;
  const lead = ctx.parsed.english
    ? `The gap is ${figure(gap, unit)} (${a?.fact.text ?? asked!.text} minus ${b.fact.text}): `
    : `${word}${figure(gap, unit)}（${a?.fact.text ?? asked!.text}减去${b.fact.text}）：`;
  return reply(`${lead}${shown}。`, cites, facts);
}

/** 脱贫户加监测户一共多少户: the stated figure of each named thing, added. */
function composeSum(ctx: ComposeContext, q: string): Reply | null {
  const [left, right] = q.split(SUM) as [string, string | undefined];
  if (right === undefined) return null;
  const total = statedTotal(ctx);
  if (total) return total;
  const added = summands(ctx, left, right) ?? sideSummands(ctx) ?? clauseSummands(ctx, left);
  if (!added || new Set(added).size < added.length || added.some((f) => f.fact.family !== added[0]!.fact.family)) return null;
  // A sum asked of one named town adds that town's figures only.
  if (ctx.townStrength >= 1 && ctx.towns.length === 1 && added.some((f) => f.chunk.meta.town !== ctx.towns[0])) return null;
  const cites = new CitationList();
  const sum = added.reduce((total, f) => total + f.fact.value!, 0);
  const parts = added.map((f) => `${f.fact.text}${f.fact.after.slice(0, 3).replace(/[^\u4e00-\u9fff].*$/, '')}${cites.mark(f.chunk)}`);
  return reply(`一共${figure(sum, baseUnit(added[0]!.fact), added.map((f) => f.fact))}（${added.map((f) => f.fact.text).join('加')}）：${parts.join('、')}。`, cites, added);
}

/** Words before a figure that make it the total of all its kinds (各类…经营主体500余家, 共计, 总计). */
const TOTAL_OF_ALL = /各类|各种|所有|全部|共计|合计|总计|累计|总数/;

/**
 * 公司、合作社这些加起来有多少家: a total the passages state of the asked unit family (各类中药材经营主体多达500余家), said
 * as stated rather than computed from some of its parts; null when none is stated.
 */
function statedTotal(ctx: ComposeContext): Reply | null {
  // (Of a counted unit asked, 多少家: an attribute's sum, 产值加起来, is no count of kinds.)
  const family = ctx.parsed.unitFamily;
  const total = family === null ? undefined : figures(ctx, family).find((f) => TOTAL_OF_ALL.test(foldForMatch(f.fact.before)) && (ctx.towns.length === 0 || ctx.towns.includes(f.chunk.meta.town)));
  if (!total) return null;
  const cites = new CitationList();
  return reply(`${factStatement(total.fact)}${cites.mark(total.chunk)}`, cites, [total]);
}

/**
 * 两个基地加起来: the figures of the asked family in the clause of the best one (3万亩…和2万亩…), when the
 * question says how many there are and the clause has that many.
 */
function clauseSummands(ctx: ComposeContext, left: string): LocatedFact[] | null {
  const said = /([两二三四五六七八九2-9])[个块项家种类处座所批样]/.exec(left);
  const n = said ? parseNumber(said[1]!) : null;
  const [best, ...rest] = figures(ctx, ctx.parsed.unitFamily);
  if (!n || !best) return null;
  const inClause = [best, ...rest.filter((f) => f.chunk === best.chunk && f.fact.sentence === best.fact.sentence && f.fact.clause === best.fact.clause && f.fact.family === best.fact.family)];
  const distinct = inClause.filter((f, i) => inClause.findIndex((g) => g.fact.text === f.fact.text && g.fact.clauseStart === f.fact.clauseStart && g.fact.before === f.fact.before) === i);
  return distinct.length === n ? distinct : null;
}

/** A加B一共: the figures of one passage counting the things named on each side of the sum word. */
function summands(ctx: ComposeContext, left: string, right: string): LocatedFact[] | null {
  const found = figures(ctx, ctx.parsed.unitFamily);
  // The thing a figure counts is written right after it (198户脱贫户) or right before it (脱贫户198户).
  const named = (side: string, fromEnd: boolean) => {
    for (let n = Math.min(5, side.length); n >= 2; n--) {
      const noun = fromEnd ? side.slice(-n) : side.slice(0, n);
      const f = found.find((x) => x.fact.after.startsWith(noun) || x.fact.before.endsWith(noun));
      if (f) return f;
    }
    return undefined;
  };
  const a = named(left.replace(/[，,、和与及]$/, ''), true);
  const b = named(right, false);
  return a && b ? [a, b] : null;
}

/** A和B，加起来是多少: each side's figure, as a comparison finds it (its own words, its town). */
function sideSummands(ctx: ComposeContext): LocatedFact[] | null {
  const sides = comparisonSides(ctx.question).map((s) => s.split(/[，,]/)[0]!.trim()).filter(Boolean);
  if (sides.length !== 2) return null;
  const shared = sharedWords(ctx, sides);
  const [a, b] = sides.map((s) => sideFact(ctx, s, shared));
  return a && b ? [a, b] : null;
}
