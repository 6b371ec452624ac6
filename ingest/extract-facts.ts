// Typed facts in a sentence: quantities, times, quoted names, honours, enumerations, organisations, ranks.
import { ERAS, parseNumber } from './chinese-numbers.js';
import type { Fact, FactKind } from './fact-types.js';

/** Units after a number, longest first, with their family and the factor to the family's base unit. */
const UNITS: [unit: string, family: string, factor: number][] = [
  ['平方公里', 'area', 1500],
  ['平方米', 'area', 0.0015],
  ['公顷', 'area', 15],
  ['亩', 'area', 1],
  ['公斤', 'weight', 1],
  ['千克', 'weight', 1],
  ['吨', 'weight', 1000],
  ['斤', 'weight', 0.5],
  ['克', 'weight', 0.001],
  ['亿元', 'money', 1e8],
  ['万元', 'money', 1e4],
  ['元', 'money', 1],
  ['头', 'animals', 1],
  ['只', 'animals', 1],
  ['户', 'households', 1],
  ['人', 'people', 1],
  ['名', 'people', 1],
  ['家', 'organisations', 1],
  ['个', 'items', 1],
  ['种', 'kinds', 1],
  ['类', 'kinds', 1],
  ['项', 'items', 1],
  ['座', 'items', 1],
  ['台', 'machines', 1],
  ['张', 'sheets', 1],
  ['株', 'plants', 1],
  ['%', 'percent', 1],
  ['％', 'percent', 1],
  ['倍', 'ratio', 1],
  ['度', 'degrees', 1],
  ['年', 'duration', 1],
];
/** A unit's family and factor to the family's base unit, with a 万 / 亿 before it (万斤 -> weight, 5000); null for other words. */
export function unitScale(unit: string): { family: string; factor: number } | null {
  const scale = unit.startsWith('万') ? 1e4 : unit.startsWith('亿') ? 1e8 : 1;
  const found = UNITS.find(([u]) => u === (scale === 1 ? unit : unit.slice(1)));
  return found ? { family: found[1], factor: found[2] * scale } : null;
}

const UNIT_ALT = UNITS.map(([u]) => u.replace('%', '%')).join('|');
const NUM = '\\d+(?:\\.\\d+)?|[零一二两三四五六七八九十百千]+|[上数][十百千万]';
const QUANTITY = new RegExp(
  `(近|约|超过|多达|达到|达|突破|逾|共)?(${NUM})([多余])?([万亿])?([多余])?(大)?(${UNIT_ALT})?(以上|左右|多)?`,
  'g',
);
const YEAR = /(?<![\d.])(1\d{3}|20\d{2})年(?!代)(?:(\d{1,2})月)?/g;
const RELATIVE_DATE = /(今年|去年|前年|明年)(\d{1,2})月|(?:截至|截止)?(今年|去年|前年)(?!\d)/g;
const CENTURY = /(上世纪|\d{2}世纪)(?:(\d{2})年代)?/g;
const ERA = new RegExp(`(${ERAS.map(([n]) => n).join('|')})(?:时期|时代)?`, 'g');
/** Quoted names and titles: “…” and book-title marks 《…》 (policies, documents, works). */
const QUOTED = /“([^”]{1,40})”|《([^》]{1,60})》/g;
/** The kinds of organisation a name ends with (…集团, …大学): what names one. */
export const ORGANISATION_KINDS = ['集团', '有限公司', '公司', '大学', '协会', '合作社', '博物馆', '研究院', '学院'] as const;
const ORG = new RegExp(`([\\u4e00-\\u9fff（）()]{2,16}?(?:${ORGANISATION_KINDS.join('|')}))`, 'g');
const RANK = /(?:居|位居|位列|排名|排)?(全国|全省|全市|华北地区|山西省|山西)([^，。；、“”]{0,10}?)(第[一二三四五六七八九十\d]+(?:方阵)?|唯一|最大|首个|首批|之一|领先)/g;
const FOUNDING = /(成立|创始|创建|创办|始建|建立|创立|建)于(\d{4})年/g;
/** Honour patterns: the name (quoted or not) and the frame around it. */
const HONOURS: RegExp[] = [
  /(?:素有|有|享有)((?:“[^”]+”[和、与及]?)+)(?:之称|的?美誉|之美?誉)/g,
  /(?:被誉为|被称为|誉为|称为|号称)((?:“[^”]+”[和、与及]?)+|[^，。；“”]{2,16})/g,
  /授予((?:“[^”]+”[和、与及]?)+)(?:等)?称号/g,
  // 是久负盛名的“太行药乡” / 是远近闻名的“…”: a quoted name praised as famous.
  /是[^，。；“”]{0,6}(?:盛名|闻名|著名|有名|知名|驰名)的((?:“[^”]+”[和、与及]?)+)/g,
  /被(?:确定|评|列|认定|命名)为((?:“[^”]+”[和、与及]?)+|[^，。；“”]{2,20})/g,
  /是(?:[^，。；“”]{0,8}的)?((?:“[^”]+之乡”|[^，。；“”、]{2,8}之乡)(?:、[^，。；“”、]{2,8}之乡)*)/g,
  /((?:“[^”]+”)+)(?:成为|获准)([^，。；]{2,20}?(?:商标|标志|认证|品牌))/g,
];
/** Another name said of a thing: （也称红果）, 又名…, 俗称… — the name, unquoted, up to a bracket or clause end. */
const ALIAS = /(?:也称|又称|又名|俗称|别称|也叫|又叫|亦称)[为作]?([\u4e00-\u9fff]{2,8}?)(?=[）)，,。；;、]|$)/g;
const CONNECTIVE = /^(?:其中|同时|目前|此外|另外|近年来|近两年|今年|去年|据统计|截至|截止|并且|而且|还|也|并|更|共|全县|该县|该市)+/;

const OPEN_QUOTE = '“'.charCodeAt(0);
const CLOSE_QUOTE = '”'.charCodeAt(0);
/** Where a clause ends: ，；： (full and half width) and sentence ends. */
const CLAUSE_ENDS = new Set([...'，,；;：:。！？!?'].map((c) => c.charCodeAt(0)));

/** Clauses of a sentence: cut after ，；：, and sentence ends, never inside “…”. Concatenation = input. */
export function splitClauses(sentence: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  // Character codes, not one-character strings: a Chinese character read as a string is a new string each time.
  for (let i = 0; i < sentence.length; i++) {
    const c = sentence.charCodeAt(i);
    if (c === OPEN_QUOTE) depth++;
    else if (c === CLOSE_QUOTE) depth = Math.max(0, depth - 1);
    else if (depth === 0 && CLAUSE_ENDS.has(c)) {
      out.push(sentence.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < sentence.length) out.push(sentence.slice(start));
  return out;
}

/** The time said at the head of a sentence (2022年, 今年4月, 截至今年4月, 明清时期), "" when none. */
export function sentenceTime(sentence: string): string {
  const head = /^[^，。；]{0,12}?((?:截至|截止)?(?:(?:1\d{3}|20\d{2})年(?:\d{1,2}月)?|今年\d{1,2}月|今年|去年|近年来|近两年|目前|\d{2}世纪\d{2}年代|明清时期|进入21世纪后))/.exec(sentence);
  return head?.[1] ?? '';
}

/** Words of the clause before a span, without leading connectives and time words (at most 16 chars). */
export function attributeBefore(clause: string, spanStart: number): string {
  const before = clause
    .slice(0, spanStart)
    .replace(/(?:1\d{3}|20\d{2})年(?:\d{1,2}月)?|今年\d{1,2}月|截至|截止/g, '')
    .replace(/[，,；;：:。“”、（）()\s]/g, '')
    .replace(CONNECTIVE, '');
  return before.slice(-16);
}

/** Nouns of people counted without a measure word (5万多群众, 上千名职工 has 名). */
const PEOPLE_NOUN = /^(?:群众|农民|村民|居民|人口|劳动力|农村剩余劳动力|员工|职工|工人|蜂农|药农|果农|茶农|蚕农|农牧民|游客)/;

/** The unit family of a bare count from the noun after it: a household noun (农户, 养蜂户) or one of people; null otherwise. */
export function countedFamily(after: string): string | null {
  if (/^[\u4e00-\u9fff]{0,3}户/.test(after)) return 'households';
  return PEOPLE_NOUN.test(after) ? 'people' : null;
}

type Span = { kind: FactKind; start: number; end: number; text: string; value: number | null; unit: string; family: string; approx: boolean; items: string[]; role: string };

function quantitySpans(clause: string): Span[] {
  const spans: Span[] = [];
  for (const m of clause.matchAll(QUANTITY)) {
    const [text, pre, num, a1, mult, a2, big, unit, post] = m;
    const base = parseNumber(num!);
    if (base === null) continue;
    // A bare number counts only with 万/亿 (5万多群众); otherwise it is part of a name or a word.
    if (!unit && !mult && !big) continue;
    // An ordinal (第一个, 第3批) ranks, it does not count.
    if (!pre && clause[m.index - 1] === '第') continue;
    // 12大“药养品牌”: a count of kinds without a measure word; 4万多农户, 5万多群众: the noun counted says the kind.
    const [, unitFamily, factor] = UNITS.find(([u]) => u === unit) ?? ['', big ? 'items' : (countedFamily(clause.slice(m.index + text.length)) ?? 'count'), 1];
    // 四大名蜜: after 大 a people classifier (名) is part of the noun, not a count of people.
    const family = big && unitFamily === 'people' ? 'items' : unitFamily;
    // A four-digit number before 年 is a calendar year, not a duration; 月/日 are dates.
    if (unit === '年' && (/^\d{4}$/.test(num!) || clause[m.index + text.length] === '代')) continue;
    const value = base * (mult === '万' ? 1e4 : mult === '亿' ? 1e8 : 1) * factor;
    const approx = Boolean(a1 || a2 || post || (pre && /近|约|超过|突破|逾/.test(pre)) || /^[上数]/.test(num!));
    const start = m.index + (pre?.length ?? 0);
    spans.push({ kind: 'quantity', start, end: m.index + text.length, text: text.slice(pre?.length ?? 0), value, unit: unit ?? '', family, approx, items: [], role: '' });
  }
  return spans;
}

function timeSpans(clause: string): Span[] {
  const spans: Span[] = [];
  const push = (m: RegExpMatchArray, value: number | null, family: string, role = '') =>
    spans.push({ kind: 'time', start: m.index!, end: m.index! + m[0].length, text: m[0], value, unit: '', family, approx: family !== 'year', items: [], role });
  for (const m of clause.matchAll(YEAR)) push(m, Number(m[1]), 'year');
  for (const m of clause.matchAll(RELATIVE_DATE)) push(m, null, 'date');
  for (const m of clause.matchAll(CENTURY)) {
    const century = m[1] === '上世纪' ? 20 : Number(m[1]!.slice(0, 2));
    push(m, (century - 1) * 100 + (m[2] ? Number(m[2]) : 0), 'era');
  }
  for (const m of clause.matchAll(ERA)) push(m, ERAS.find(([n]) => n === m[1])![1], 'era');
  for (const m of clause.matchAll(FOUNDING)) push(m, Number(m[2]), 'year', 'founding');
  return spans;
}

/** Names inside “…”, split on 和、与及 between quotes. */
function quotedNames(text: string): string[] {
  const names = [...text.matchAll(QUOTED)].map((m) => (m[1] ?? m[2])!);
  return names.length ? names : [text.replace(/[“”]/g, '').trim()];
}

function nameSpans(clause: string, sentence: string): Span[] {
  const spans: Span[] = [];
  const span = (kind: FactKind, m: RegExpMatchArray, items: string[], role = '') =>
    spans.push({ kind, start: m.index!, end: m.index! + m[0].length, text: m[0], value: null, unit: '', family: kind, approx: false, items, role });
  for (const m of clause.matchAll(QUOTED)) span('name', m, [(m[1] ?? m[2])!]);
  // A name set after a dash (国审白猪品种——晋汾白猪): the one dash of its clause, the name ending the clause.
  const dashed = clause.split('——').length === 2 ? /——([\u4e00-\u9fff]{2,12})[，,。；;]?$/.exec(clause) : null;
  if (dashed) span('name', dashed, [dashed[1]!]);
  // Another name of a thing: 山楂（也称红果）, 又名…, 俗称….
  for (const m of clause.matchAll(ALIAS)) span('name', m, [m[1]!]);
  for (const re of HONOURS) {
    for (const m of sentence.matchAll(re)) {
      if (!clause.includes(m[0]) && !m[0].includes(clause.replace(/[，。；]$/, ''))) continue;
      const at = clause.indexOf(m[0]);
      const items = m[1]!.includes('之乡') && !m[1]!.includes('“') ? m[1]!.split('、') : quotedNames(m[1]!);
      spans.push({ kind: 'honour', start: Math.max(0, at), end: at >= 0 ? at + m[0].length : clause.length, text: m[0], value: null, unit: '', family: 'honour', approx: false, items, role: m[2] ?? '' });
    }
  }
  for (const m of clause.matchAll(ORG)) span('org', m, [m[1]!.replace(/^.*[以由和与在的是为把被从对向同跟及将了]/, '')]);
  for (const m of clause.matchAll(RANK)) span('rank', m, [m[0]]);
  return spans;
}

/**
 * A clause with the 、 of administrative levels said together (省、市两级, 县、乡、村三级, 省、市级) masked by ·: one
 * modifier (省级和市级), not an enumeration of things. Same length, so offsets into the clause still hold.
 */
export function maskLevels(clause: string): string {
  return clause.replace(/(?<=[省市县乡镇区村])、(?=[省市县乡镇区村](?:、[省市县乡镇区村])*(?:两|三|四)?级)/g, '·');
}

/** Items of an enumeration in a clause (A、B、C等 / A、B和C / “A”“B”), or [] when it has none. */
export function enumerationItems(clause: string): string[] {
  const body = maskLevels(clause).replace(/[，,；;：:。！？]$/, '');
  const quotes = [...body.matchAll(/“[^”]+”/g)];
  if (quotes.length >= 2 && /^“[^”]+”(?:[、和与及]?“[^”]+”)+/.test(body.slice(quotes[0]!.index))) return quotes.map((m) => m[0].slice(1, -1));
  const chain = /“([^”]+(?:——[^”]+){2,})”/.exec(body);
  if (chain) return chain[1]!.split('——').map((x) => x.trim()).filter(Boolean);
  // One quotation listing its parts (“煤铁为基、承接转型、创新升级”, “公司+合作社+基地+农户+市场”): the parts.
  const quoted = /“([^”]*[、+＋][^”]*)”/.exec(body);
  const parts = quoted?.[1]!.split(/[、+＋]/).map((x) => x.trim()) ?? [];
  if (parts.length >= 2 && parts.every((x) => x.length > 0 && x.length <= 16)) return parts;
  if ((body.match(/、/g)?.length ?? 0) < 1) return [];
  const tail = body.slice(body.indexOf('、'));
  const head = body.slice(0, body.indexOf('、'));
  // 集A、B于一体 / 以A、B为主体: the frame around the items is not part of them.
  // (集A、B于一体: the items start right after 集, even when one holds a frame character, 技术研发.)
  const frame = /于一体|为一体/.test(tail) && head.includes('集') ? head.slice(head.lastIndexOf('集') + 1) : head.replace(/^.*(?:有|为|等|括|出|发|如|了|是|集|以|在|从)/, '');
  const first = /[\u4e00-\u9fff“”\w.()（）]{1,12}$/.exec(frame)?.[0] ?? '';
  // 从A、B到C / 以A、B到C: 到 joins the last item like 和.
  const joiners = /[从以]/.test(head) ? /[和及与到]/ : /[和及与]/;
  const rest = tail
    .slice(1)
    .split(/、/)
    .flatMap((x, i, all) => (i === all.length - 1 ? x.split(joiners) : [x]));
  const last = rest.pop()?.replace(/(?:等|于一体|为一体|为主体|为代表|为核心).*$/, '') ?? '';
  const items = [first, ...rest, last].map((x) => x.replace(/[“”]/g, '').trim()).filter((x) => x.length > 0 && x.length <= 16);
  return items.length >= 2 ? items : [];
}

/** 等 ending an enumeration inside a word run (推广等试验), not the 等 of a word (等级, 高等, 平等). */
const LIST_CLOSING_DENG = /(?<![高平中同均相对上下初一二三四五六七八九十头特优])等(?![级次同待候于])(?=[\u4e00-\u9fff])/;

/** A verb phrase opening the second of two enumerations (…等地建立A、B: 地建立). */
const SECOND_LIST_LEAD = /^[地处家类种]?[\u4e00-\u9fff]{0,2}?(?:建立|建设|建成|打造|开发|引进|形成|设立|成立|培育|发展)(?:了|起)?/;

/**
 * The enumerations of a clause with where each stands: two lists in one clause (在A、B、C等地建立D、E、F等项目)
 * are cut at the 等 that closes the first, each read by enumerationItems.
 */
export function enumerations(clause: string): { items: string[]; start: number; end: number }[] {
  const body = maskLevels(clause).replace(/[，,；;：:。！？]$/, '');
  const parts = body.split('、');
  // A middle item with 等 and a verb after it (北诗镇等地建立凯永养殖) ends one list and opens another.
  const at = parts.slice(0, -1).findIndex((x, i) => i > 0 && /等.+/.test(x) && SECOND_LIST_LEAD.test(x.slice(x.indexOf('等') + 1)));
  if (at < 0) {
    // A middle item with 等 and a kind after it (…技术推广等试验、示范项目) closes the list: what follows names its kind.
    const closing = parts.slice(0, -1).findIndex((x, i) => i > 0 && LIST_CLOSING_DENG.test(x));
    const end = closing < 0 ? clause.length : parts.slice(0, closing).join('、').length + 1 + LIST_CLOSING_DENG.exec(parts[closing]!)!.index + 1;
    const items = enumerationItems(clause.slice(0, end));
    return items.length ? [{ items, start: 0, end }] : [];
  }
  const cut = parts.slice(0, at).join('、').length + 1 + parts[at]!.indexOf('等') + 1;
  const first = enumerationItems(body.slice(0, cut));
  const lead = SECOND_LIST_LEAD.exec(body.slice(cut))?.[0].length ?? 0;
  const second = enumerationItems(`有${body.slice(cut + lead)}`);
  return [
    ...(first.length ? [{ items: first, start: 0, end: cut }] : []),
    ...(second.length ? [{ items: second, start: cut, end: clause.length }] : []),
  ];
}

/**
 * Facts of one sentence (position `sentence` in its chunk). Each fact records its clause, the
 * attribute words before it in the clause, the words right after it, and the sentence's time.
 */
export function extractFacts(sentenceText: string, sentence: number): Fact[] {
  return factsOfKinds(sentenceText, sentence, true);
}

/**
 * extractFacts's quantities and times only, the same facts in the same order, without looking for
 * names, honours, organisations, ranks and lists: what a question claims (see claimedFacts), read on every question.
 */
export function extractFigures(sentenceText: string, sentence: number): Fact[] {
  return factsOfKinds(sentenceText, sentence, false);
}

function factsOfKinds(sentenceText: string, sentence: number, all: boolean): Fact[] {
  const when = sentenceTime(sentenceText);
  const facts: Fact[] = [];
  let offset = 0;
  for (const clause of splitClauses(sentenceText)) {
    const spans = [...quantitySpans(clause), ...timeSpans(clause), ...(all ? nameSpans(clause, sentenceText) : [])];
    for (const e of all ? enumerations(clause) : []) {
      spans.push({ kind: 'list', start: e.start, end: e.end, text: e.start === 0 && e.end === clause.length ? clause : clause.slice(e.start, e.end), value: e.items.length, unit: '', family: 'list', approx: false, items: e.items, role: '' });
    }
    for (const s of spans) {
      // Built in factSchema's field order; validated where facts are read from disk (index/fact-file.ts), not here:
      // questions run this too (claimed figures), and zod's parse cost about a tenth of it.
      facts.push({
        kind: s.kind,
        text: s.text,
        value: s.value,
        unit: s.unit,
        family: s.family,
        approx: s.approx,
        items: s.items,
        role: s.role,
        before: attributeBefore(clause, s.start),
        after: clause.slice(s.end, s.end + 8).replace(/[，,；;：:。！？].*$/, ''),
        clause: clause.replace(/[，,；;：:]$/, ''),
        clauseStart: offset,
        sentence,
        when,
      });
    }
    offset += clause.length;
  }
  return facts;
}
