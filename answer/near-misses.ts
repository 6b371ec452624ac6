// Near misses: the question asks a detail the articles do not state about something they discuss (a person by a role,
// a township, one member of a set, a day, a growth, members of a named set); each refuses and shows what is stated.
import { foldForMatch, parseNumber, type Chunk } from '../ingest/index.js';
import { cutWords } from '../index/index.js';
import { answeringCandidates, attributeFocus, composeLookup, typedCandidates, type ComposeContext, type Reply } from './compose-facts.js';
import type { ParsedQuestion } from './parse-question.js';
import { CitationList, factStatement, notStated, trimSentence } from './render-answer.js';
import { askedWords, scopeOf, statesAsked } from './asked-attribute.js';
import { sentenceOf, type LocatedFact } from './fact-evidence.js';
import { namedPlaces } from './english-names.js';
import { ASKS_SPOT } from './question-terms.js';

/** What the asked answer is called in a near-miss statement. */
const ASKED: Record<ParsedQuestion['answerType'], string> = { quantity: '具体数字', time: '具体时间', duration: '具体年数', names: '具体名称', text: '这一点' };

/** What a near miss says is not stated: the asked attribute family's word in the question (产值), else the kind of answer (具体数字). */
export function askedAttributeName(ctx: ComposeContext): string {
  const asked = askedWords(ctx.question, attributeFocus(ctx));
  const families = [...ctx.parsed.attributes].sort((a, b) => Number(b.measure ?? false) - Number(a.measure ?? false));
  const word = families.flatMap((f) => f.questionWords).find((w) => /^[\u4e00-\u9fff]{2,}$/.test(w) && asked.some((a) => a.includes(w)));
  // Else an asked word the articles never use (出口, 董事长): that is what they do not state.
  // (Not a numeral with its measure word: 一瓶, 每斤 say how much of it, not what.)
  const unknown = asked.find((w) => /^[\u4e00-\u9fff]{2,}$/.test(w) && ctx.source.idf(w) === 0 && !/^[一每两几][\u4e00-\u9fff]$/.test(w));
  const price = /多少钱|价格|价钱|售价|单价/.test(ctx.question) ? '价格' : undefined;
  // A when-question asks a time whatever verb it uses (哪年拿到…).
  return word ?? (ctx.parsed.answerType === 'time' ? undefined : unknown) ?? price ?? ASKED[ctx.parsed.answerType];
}

/**
 * A near miss: the question names a town of the corpus and asks a typed detail its articles do not
 * state, though its best sentences relate to it. The reply refuses and shows the related facts.
 */
export function nearMiss(ctx: ComposeContext): Reply | null {
  const best = ctx.scored[0];
  if (!best || ctx.parsed.answerType === 'text' || (ctx.towns.length === 0 && ctx.entities.length === 0 && best.coverage < 0.5)) return null;
  // Related figures of the unit family asked (money for 多少钱) when there are any, else of any family.
  const ofFamily = (unitFamily: string | null) => typedCandidates({ ...ctx, parsed: { ...ctx.parsed, answerType: 'quantity', unitFamily } }, 0.3).slice(0, 2);
  const asked = ctx.parsed.unitFamily && !ctx.parsed.unitFamily.startsWith('measure:') ? ofFamily(ctx.parsed.unitFamily) : [];
  const related = asked.length ? asked : ofFamily(null);
  // What is said instead comes from the town named by its industry when it says anything.
  const own = ctx.townStrength >= 1 ? ctx.scored.filter((s) => ctx.towns.includes(ctx.hits[s.hit]!.chunk.meta.town)).slice(0, 1) : [];
  const reply = composeLookup({ ...ctx, parsed: { ...ctx.parsed, answerType: 'text' }, picked: own.length ? own : ctx.picked });
  if (!reply) return null;
  // The related facts, when there are any, stand for the sentence and are numbered on their own.
  const cites = related.length ? new CitationList() : reply.citations;
  const statements = related.length ? [...new Set(related.map((f) => `${factStatement(f.fact).replace(/。$/, '')}${cites.mark(f.chunk)}`))].join('；') + '。' : reply.answer;
  const subject = ctx.entities[0] ?? ((ctx.towns.length === 1 ? ctx.towns[0] : '') || (related[0] ?? { chunk: ctx.hits[best.hit]!.chunk }).chunk.meta.town);
  const answer = notStated(ctx.parsed.english, subject, askedAttributeName(ctx), statements);
  return { answer, citations: cites, refused: true, related: related.length ? related.map((f) => factStatement(f.fact)) : [reply.answer], facts: related };
}

/**
 * A question about one geographic scope (在全国排第几) whose best sentence speaks only of another
 * (居全省第一): the detail is not stated; refuse and show what is.
 */
export function otherScopeNearMiss(ctx: ComposeContext): Reply | null {
  const best = ctx.picked[0];
  const wanted = scopeOf(foldForMatch(ctx.question));
  if (!best || !wanted || statesAsked(best.text, [], ctx.question)) return null;
  const chunk = ctx.hits[best.hit]!.chunk;
  const cites = new CitationList();
  const statement = trimSentence(best.text, ctx.focus, ctx.source.idf);
  const answer = ctx.parsed.english
    ? `The articles do not state that for ${wanted}. What they say: ${statement.replace(/。$/, '')}${cites.mark(chunk)}。`
    : `文章没有提到${chunk.meta.town}在${wanted}的情况；提到的是：${statement.replace(/。$/, '')}${cites.mark(chunk)}。`;
  return { answer, citations: cites, refused: true, related: [statement], facts: [] };
}

/** Who or what a near miss is about: the organisation the question names, else its one town, else the sentence's town. */
function subjectOf(ctx: ComposeContext, chunk: Chunk): string {
  return ctx.entities[0] ?? (ctx.towns.length === 1 ? ctx.towns[0]! : chunk.meta.town);
}

/**
 * A near miss shown by one sentence: "the articles do not state <subject>'s <attribute>; they say: <sentence>[1]",
 * refused, the sentence (trimmed to the focus words and `extra`) as the related fact.
 */
export function sentenceNotStated(ctx: ComposeContext, subject: string, attribute: string, sentence: string, chunk: Chunk, extra: string[] = [], facts: LocatedFact[] = []): Reply {
  const cites = new CitationList();
  const said = trimSentence(sentence, [...ctx.focus, ...extra], ctx.source.idf).replace(/。$/, '');
  return { answer: notStated(ctx.parsed.english, subject, attribute, `${said}${cites.mark(chunk)}。`), citations: cites, refused: true, related: [`${said}。`], facts };
}

/** A question asking the day something happened (哪天, 几月几号, on what date), not only its month or year. */
const ASKS_DAY = /哪一?天|几号|几月几[日号]|具体日期|什么日子|哪个日子|what date|which day|on what day|exact date/i;
/** A question asking the month (几月份, 哪个月, in what month). */
const ASKS_MONTH = /几月|哪个月|哪一个月|什么月份|what month|which month/i;
/** A time that names a month (今年4月, 4月份). */
const NAMES_MONTH = /\d月|[一二三四五六七八九十]+月/;
/** A time that names a day (4月18日, 18号). */
const NAMES_DAY = /\d[日号]|[一二三四五六七八九十]+[日号]/;

/**
 * 哪天投产 / 几月份列入: asked the day (or the month), where the time the articles state is only a month or a year
 * (今年4月, 2014年): it is not stated; refuse and show the time they give.
 */
export function dayNotStated(ctx: ComposeContext, top: LocatedFact): Reply | null {
  // (…or asked the month, 2014年几月份, where it states only the year.)
  const day = ASKS_DAY.test(ctx.question) && !NAMES_DAY.test(top.fact.text);
  const month = !day && ASKS_MONTH.test(ctx.question) && !NAMES_MONTH.test(top.fact.text);
  if (!day && !month) return null;
  return sentenceNotStated(ctx, ctx.entities[0] ?? top.chunk.meta.town, day ? '具体日期' : '具体月份', sentenceOf(top.chunk, top.fact), top.chunk, [top.fact.text], [top]);
}

/** A growth asked: against last year (比去年增长了多少), year on year (同比), a growth rate. */
const ASKS_GROWTH =
  /(?:比|较|相比|跟|和)(?:去年|上年|前年|上一年|往年)[^，,。？?]{0,8}(?:增|涨|多|提高|高)|同比|环比|增幅|涨幅|增长率|增速|增长了?(?:多少|几)|\b(?:grow(?:n|th)?|increase[ds]?|rise|rose)\b.{0,30}\b(?:over|than|from|compared|since)\b.{0,20}\b(?:last|previous|prior|the year before)\b|year[- ]on[- ]year|growth rate/i;
/** A sentence stating a growth with its figure (增长15%, 增收6653元, 提高了2个百分点). */
const STATES_GROWTH = /(?:增长|增加|提高|增幅|涨幅|同比|上涨|翻番|增收|翻了)[^，,。；]{0,6}\d/;

/**
 * 产值比去年增长了多少: a growth asked where none of the best sentences states one, only the amount itself
 * (年产值突破5.28亿元): the growth is not stated; refuse and show the amount.
 */
export function growthNotStated(ctx: ComposeContext): Reply | null {
  const best = ctx.picked[0] ?? ctx.scored[0];
  if (!best || !ASKS_GROWTH.test(foldForMatch(ctx.question))) return null;
  if (ctx.scored.slice(0, 3).some((x) => STATES_GROWTH.test(foldForMatch(x.text)))) return null;
  const chunk = ctx.hits[best.hit]!.chunk;
  return sentenceNotStated(ctx, subjectOf(ctx, chunk), '增长幅度', best.text, chunk);
}

/** One member asked by itself (光连翘一项, 光是陵川连翘这一种, 连翘单独的, 仅连翘): the member named. */
const ASKS_ALONE = /(?:光|单|仅|只)是?([\u4e00-\u9fff]{2,6}?)(?:这)?(?:一项|一种|一样|单独|本身)|([\u4e00-\u9fff]{2,6}?)(?:单独|一项)的|([\u4e00-\u9fff]{2,6}?)类的?(?:具体|单独|本身)?(?:有|是|占)?(?:多少|几)/;
/** A figure of a whole set (各类中药材, 所有乡镇, 总产值). */
const OF_ALL = /各类|各种|各项|所有|全部|总(?!部)|合计/;

/**
 * 光连翘一项的种植面积 / 机械设备类有几个: one member's figure asked, where the best figure is of the whole set it belongs to
 * (各类中药材…40.1万亩, 各类注册商标31个) and does not name it, or names it only among the set's items: the member's own
 * figure is not stated.
 */
export function memberNotStated(ctx: ComposeContext): Reply | null {
  const m = ASKS_ALONE.exec(foldForMatch(ctx.question));
  if (!m || ctx.parsed.answerType !== 'quantity') return null;
  const member = cutWords(m[1] ?? m[2] ?? m[3]!).filter((w) => w.length >= 2 && ctx.source.idf(w) > 0).pop();
  const [top] = answeringCandidates(ctx);
  if (!member || !top) return null;
  const sentence = sentenceOf(top.chunk, top.fact);
  // (A member the sentence names only as an item of its enumeration, 涉及金属制品、机械设备…等12大类, has no figure of its own there.)
  const onlyListed = ctx.source.factsOf(top.chunk).some((f) => f.kind === 'list' && f.sentence === top.fact.sentence && f.items.some((i) => i.includes(member)));
  if ((foldForMatch(sentence).includes(member) && !onlyListed) || !OF_ALL.test(foldForMatch(top.fact.clause))) return null;
  return sentenceNotStated(ctx, `${member}单独`, askedAttributeName(ctx), sentence, top.chunk, [], [top]);
}

/** Asks who holds a role (创始人是谁, 董事长姓什么), not whose thing it is (是谁家的): the words before it. */
const ASKS_PERSON = /([\u4e00-\u9fff]{2,4}?)(?:是谁|是哪位|姓什么|姓啥)(?![家的])/;
/** Asks a name (叫什么名字, 姓名): a person's when the word before it is one for a person (see PERSON_WORD). */
const ASKS_PERSON_NAME = /([\u4e00-\u9fff]{2,4}?)的?(?:叫什么名字|叫啥名字|叫什么|叫啥|名字是什么|姓名是什么|的名字|的姓名)/;
/** A word for a person by role: 创始人, 董事长, 创办者, 技术员, 工程师, 老总. */
const PERSON_WORD = /[\u4e00-\u9fff](?:人|长|者|员|师|总)$/;

/**
 * 凯永集团的创始人是谁: a person asked by a role (the question's last word before 是谁) the articles never name
 * (创始人), about something they do discuss: the person is not stated; the best sentence is shown.
 */
export function personNotStated(ctx: ComposeContext): Reply | null {
  const q = foldForMatch(ctx.question);
  // (创始人叫什么名字: a name asked of a word for a person, one ending as they do: 人, 长, 者, 员, 师, 总.)
  const named = ASKS_PERSON_NAME.exec(q)?.[1];
  const before = ASKS_PERSON.exec(q)?.[1] ?? (named && PERSON_WORD.test(cutWords(named).pop() ?? '') ? named : undefined);
  const role = before ? cutWords(before).pop() : undefined;
  const best = ctx.picked[0] ?? ctx.scored[0];
  if (!role || role.length < 2 || !best || ctx.source.idf(role) > 0 || (ctx.entities.length === 0 && ctx.towns.length === 0)) return null;
  const chunk = ctx.hits[best.hit]!.chunk;
  return sentenceNotStated(ctx, subjectOf(ctx, chunk), role, best.text, chunk);
}

/** Where a sentence says something is (位于, 坐落). */
const LOCATED = /位于|坐落|地处|落户/;

/** True when a folded sentence places something: where it is, or a township or village it names. */
function placesSomething(folded: string): boolean {
  return LOCATED.test(folded) || namedPlaces(folded).length > 0;
}

/**
 * 孵化中心建在哪个乡镇: the place asked below the county, where the best sentence names none: not stated, with the
 * sentence. Questions about which towns or counties are answered elsewhere.
 */
export function placeNotStated(ctx: ComposeContext): Reply | null {
  const q = foldForMatch(ctx.question);
  const best = ctx.picked[0] ?? ctx.scored[0];
  if (!best || !ASKS_SPOT.test(q) || ctx.asksTowns || (ctx.entities.length === 0 && ctx.towns.length === 0)) return null;
  // (The leading sentences of the named towns: another town's village is no answer.)
  const own = ctx.scored.filter((x) => ctx.towns.length === 0 || ctx.towns.includes(ctx.hits[x.hit]!.chunk.meta.town));
  if (own.slice(0, 3).some((x) => placesSomething(foldForMatch(x.text)))) return null;
  const chunk = ctx.hits[best.hit]!.chunk;
  return sentenceNotStated(ctx, subjectOf(ctx, chunk), '具体地点', best.text, chunk);
}

/** 哪五味 / 哪三家: the number of members asked, with their classifier. */
const ASKS_MEMBERS = /哪([两二三四五六七八九十]|\d+)(?:个|种|味|家|项|样|类|位|款|条|大)?/;
/** 那8个乡镇具体是哪几个: a set counted in the question, its members asked right after. */
const ASKS_COUNTED_MEMBERS = /([两二三四五六七八九十]|\d+)(?:个|种|味|家|项|样|类|位|款|条|座|所)[\u4e00-\u9fff]{1,6}?[，,]?(?:具体|分别|都|到底)?(?:是|有|包括)?(?:哪几|哪些)/;
/** 第几届 / 第几批, 办过几届: an ordinal or a number of editions asked, with its classifier. */
const ASKS_ORDINAL = /第几([\u4e00-\u9fff])|(?<!第)几([届次回期])/;

/**
 * A number of members asked of a set named by that number (陵五味是哪五味, 那8个乡镇是哪几个) where none of the best sentences lists
 * that many (“陵五味”名物业内 names the set only), or an ordinal asked (第几届) where the best sentence says only "several" of that classifier
 * (连续举办了多届): not stated; refuse and show the sentence.
 */
export function membersNotListed(ctx: ComposeContext): Reply | null {
  const folded = foldForMatch(ctx.question);
  const counted = ASKS_COUNTED_MEMBERS.exec(folded);
  const members = counted ?? ASKS_MEMBERS.exec(folded);
  const ordinal = members ? null : ASKS_ORDINAL.exec(folded);
  let best = ctx.picked[0] ?? ctx.scored[0];
  if (!best || (!members && !ordinal)) return null;
  if (members) {
    const n = parseNumber(members[1]!);
    // The numeral names the set itself elsewhere in the question (陵五味, 四大药材), not a plain count (两个专业镇).
    const rest = folded.slice(0, members.index) + folded.slice(members.index + members[0].length);
    // (A count in digits, 哪8个乡镇, counts a set the articles name by that number, unless the towns themselves are asked.)
    const digits = /\d/.test(members[1]!) && !ctx.asksTowns;
    if (!counted && !digits && !new RegExp(`${members[1]}(?![个种家项位条只头])`).test(rest)) return null;
    const listed = ctx.scored.slice(0, 3).some((x) => ctx.source.factsOf(ctx.hits[x.hit]!.chunk).some((f) => (f.kind === 'list' || f.kind === 'honour' || f.kind === 'name') && f.sentence === x.sentence && f.items.length === n));
    if (n === null || n < 2 || listed) return null;
  } else {
    // (The leading sentence that says only "several" of the classifier: 连续举办了多届.)
    const several = new RegExp(`(?:多|数|几|若干)${ordinal![1] ?? ordinal![2]}`);
    const saying = ctx.scored.slice(0, 3).find((x) => several.test(foldForMatch(x.text)));
    if (!saying) return null;
    best = saying;
  }
  const chunk = ctx.hits[best.hit]!.chunk;
  const subject = /[“「『"]([^”」』"]+)[”」』"]/.exec(ctx.question)?.[1] ?? ctx.entities[0] ?? chunk.meta.town;
  const attribute = members ? '具体名称' : ordinal![1] ? `具体${ordinal![1]}次` : `具体${ordinal![2]}数`;
  return sentenceNotStated(ctx, subject, attribute, best.text, chunk);
}

/** A set named by its number (四大名蜜, 八大红果产地): the number and the set's name. */
const NUMBERED_SET = /([两二三四五六七八九十]|\d+)大([\u4e00-\u9fff]{2,6}?)(?=[，,。？?、]|除了|中|里|之|的|还有|另外|其[他余它]|有|是|$)/;
/** The other members of a set asked (除了荆条和刺槐，另外两种是啥; 还有哪几个). */
const ASKS_OTHER_MEMBERS = /除了|另外|其[他余它]|剩下|还有(?:哪|啥|什么)/;

/**
 * 四大名蜜除了荆条和刺槐，另外两种是啥 / 八大红果产地还有哪几个: the other members of a set named by its number, where the
 * sentence naming the set lists fewer members than that (中国四大名蜜中荆条蜂蜜、刺槐蜂蜜…; 全国八大红果产地之一): not stated.
 */
export function otherMembersNotListed(ctx: ComposeContext): Reply | null {
  const folded = foldForMatch(ctx.question);
  const set = NUMBERED_SET.exec(folded);
  if (!set || !ASKS_OTHER_MEMBERS.test(folded)) return null;
  const n = parseNumber(set[1]!);
  const name = `${set[1]}大${set[2]}`;
  const naming = ctx.scored.slice(0, 3).find((x) => foldForMatch(x.text).includes(name));
  if (!naming || n === null) return null;
  const chunk = ctx.hits[naming.hit]!.chunk;
  const listed = Math.max(0, ...ctx.source.factsOf(chunk).filter((f) => f.kind === 'list' && f.sentence === naming.sentence).map((f) => f.items.length));
  return listed >= n ? null : sentenceNotStated(ctx, name, '其他成员', naming.text, chunk, [name]);
}

