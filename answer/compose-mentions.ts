// Mentions of a quoted term: 有哪些是“全省唯一”的, 带“国家”两个字的都有哪些, 哪些地方被叫做“XX之乡”.
import { foldForMatch, type Chunk } from '../ingest/index.js';
import { indexedChunk } from '../index/index.js';
import { reply, type ComposeContext, type Reply } from './compose-facts.js';
import { PROVINCES, QUOTED } from './question-terms.js';
import { namedPlaces, romanisedPlace } from './english-names.js';
import { CitationList } from './render-answer.js';


/**
 * After the term, the question ends asking which ones bear it (“唯一”都有哪些, “龙头”的企业都有谁, “国家”两个字的有哪些), or
 * how many (带“之乡”的名号一共出现了几个, 带“有限公司”的企业有几家).
 */
const WHICH_AFTER = /^(?:两个字|二字|字样|这个词|这个说法)?(?:的[\u4e00-\u9fff]{0,4}?)?(?:都|一共|总共|共)?(?:出现了?|有|是)?(?:哪些|哪几[个样家项处种]?|谁|(?:几|多少)([个家处次种样项条]))[？?]?$/;

/** Before the term, the question asks which ones are called it (有哪些是“全省唯一”的, 哪些地方被叫做“XX之乡”). */
const WHICH_BEFORE = /(?:哪些|哪几[个样家项处种]?)[\u4e00-\u9fff]{0,4}?(?:是|被|叫|称)[\u4e00-\u9fff]{0,3}$/;

/** Asks which places bear the term (哪些地方, 哪几个县): each is said under its county. */
const ASKS_PLACES = /哪些地方|哪些地区|哪几?个?县|哪些县|哪里|哪儿|哪些镇|哪几个镇/;

/** A placeholder in a quoted pattern (“XX之乡”): the name it stands for. */
const PLACEHOLDER = /XX|××|某某|[Xx]{2}/g;

/** Characters a name standing for a placeholder holds (no particle, quote or punctuation). */
const NAME_PART = '[^\\s的“”"、，,。；;：:（）()]';

/** Where a clause ends, and where an item of an enumeration does. */
const CLAUSE_MARK = /[，,；;。：:]/;
const ITEM_MARK = '、';

/** Characters before a term that tell one bearer from another (彤康食品 of 彤康食品有限公司). */
const BEARER_LEAD = 4;

/** The longest phrase shown for one mention (a long clause is cut around the term). */
const MAX_PHRASE = 40;

/**
 * The quoted term a question asks the bearers of, as a pattern over folded text (placeholders as names), or null when
 * the question quotes nothing or asks something else of what it quotes (“泽州红”有哪些特点).
 */
export function quotedMentionPattern(question: string): RegExp | null {
  return quotedMention(question)?.pattern ?? null;
}

/** quotedMentionPattern, with the classifier a count of the bearers is asked in ("" when they are listed). */
function quotedMention(question: string): { pattern: RegExp; counted: string } | null {
  const q = foldForMatch(question).trim();
  const m = QUOTED.exec(q);
  if (!m) return null;
  const before = q.slice(0, m.index);
  const after = q.slice(m.index + m[0].length).replace(/\s+/g, '');
  const which = WHICH_AFTER.exec(after);
  if (!which && !(WHICH_BEFORE.test(before) && /^的?[？?]?$|^(?:的|之)?(?:称号|名号|称呼|美誉)?[？?]?$/.test(after))) return null;
  const term = m[1]!.trim();
  const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const named = PLACEHOLDER.test(term) ? escaped.replace(PLACEHOLDER, `${NAME_PART}{1,4}?`) : escaped;
  PLACEHOLDER.lastIndex = 0;
  // (全省 is said of the province by its name too: 山西省唯一.)
  return { pattern: new RegExp(named.replace(/全省/g, `(?:全省|(?:${PROVINCES})省)`), 'g'), counted: which?.[1] ?? '' };
}

/**
 * The phrase around a mention: the item of an enumeration holding it (全省唯一国家核心育种场), or the whole enumeration when
 * the item closes it and names their kind (九州天润公司、山西兰花、山西国新能源等15家龙头企业), else its clause; cut to
 * MAX_PHRASE, before a quotation the cut would leave open.
 */
export function mentionPhrase(sentence: string, at: number, length: number): string {
  const isMark = (c: string, items: boolean) => CLAUSE_MARK.test(c) || (items && c === ITEM_MARK);
  let from = at;
  while (from > 0 && !isMark(sentence[from - 1]!, true)) from--;
  let to = at + length;
  while (to < sentence.length && !isMark(sentence[to]!, true)) to++;
  // (An item with 等 before the term closes an enumeration: the phrase is the enumeration.)
  if (sentence[from - 1] === ITEM_MARK && sentence.slice(from, at).includes('等')) while (from > 0 && !isMark(sentence[from - 1]!, false)) from--;
  if (to - from <= MAX_PHRASE) return sentence.slice(from, to);
  const end = Math.min(to, Math.max(at + length, from + MAX_PHRASE));
  const start = Math.max(from, end - MAX_PHRASE);
  const open = sentence.lastIndexOf('“', end - 1);
  const closes = sentence.indexOf('”', open);
  // (…or just after the quotation the term is in, when it closes right there: “中国建筑琉璃之乡”.)
  const cut = open >= at + length && closes >= end ? open : open >= 0 && open < at && closes >= end && closes - end <= 2 ? closes + 1 : end;
  return sentence.slice(start, cut);
}

/**
 * Every mention of the quoted term in the named towns' passages, else the page's: each phrase bearing it once, cited.
 * Null when the question asks no such thing or the term is not found.
 */
export function composeQuotedMentions(ctx: ComposeContext): Reply | null {
  const asked = quotedMention(ctx.question);
  if (!asked) return null;
  const { pattern, counted } = asked;
  const towns = ctx.towns.length ? ctx.towns : ctx.source.townNames();
  const chunks = towns.flatMap((t) => ctx.source.chunksOfTown(t));
  const cites = new CitationList();
  const seen = new Set<string>();
  // Asked which places (哪些地方, 哪几个县): the phrases under their counties.
  const byCounty = ASKS_PLACES.test(foldForMatch(ctx.question));
  const phrases = new Map<string, string[]>();
  const sentences = new Set<string>();
  for (const chunk of chunks) {
    for (const s of indexedChunk(chunk as Chunk).sentences) {
      // (Overlapping chunks hold a sentence twice: it is read once.)
      if (sentences.has(s.folded)) continue;
      sentences.add(s.folded);
      for (const m of s.folded.matchAll(pattern)) {
        // (Shown as the article writes it where folding kept the offsets, as it does character for character.)
        const phrase = mentionPhrase(s.text.length === s.folded.length ? s.text : s.folded, m.index!, m[0].length).trim();
        // (One bearer named twice, 山西彤康食品有限公司 in two sentences, is one: known by the term and what leads into it.)
        const bearer = s.folded.slice(Math.max(0, m.index! - BEARER_LEAD), m.index! + m[0].length);
        if (!phrase || seen.has(phrase) || seen.has(bearer)) continue;
        seen.add(phrase);
        seen.add(bearer);
        const group = byCounty ? chunk.meta.county : '';
        phrases.set(group, [...(phrases.get(group) ?? []), `${phrase}${cites.mark(chunk)}`]);
      }
    }
  }
  const n = [...phrases.values()].reduce((sum, ps) => sum + ps.length, 0);
  if (n === 0) return null;
  const said = [...phrases].map(([county, ps]) => `${county ? `${county}：` : ''}${ps.join('；')}`).join('；');
  return reply(`共${n}${counted || '处'}：${said}。`, cites);
}

/** A quoted saying of at least four characters, and a question asking what it goes on to say (到底是干好啥事, 指的是什么). */
const SAYING = /[“"「『]([^”"」』]{4,24})[”"」』]/;
const ASKS_WHAT = /啥|什么|哪些|哪几|what/i;

/**
 * 凯永说“一辈子只干好一件事”，到底是干好啥事: a saying quoted from the articles where their quotation goes on
 * (“一辈子只干好一件事，养好每头猪、卖好每块肉”): what it goes on to say, with the clause quoting it.
 */
export function composeSayingContinued(ctx: ComposeContext): Reply | null {
  const quoted = SAYING.exec(ctx.question);
  if (!quoted || !ASKS_WHAT.test(ctx.question.slice(quoted.index + quoted[0].length))) return null;
  const saying = foldForMatch(quoted[1]!);
  for (const x of ctx.scored.slice(0, 5)) {
    const folded = foldForMatch(x.text);
    const at = folded.indexOf(saying);
    // (The quotation the saying opens, closed within the sentence, with more after the saying.)
    const close = at < 0 ? -1 : folded.indexOf('”', at);
    const rest = close < 0 ? '' : x.text.slice(at + saying.length, close).replace(/^[，,、：:；;]/, '').trim();
    if (at <= 0 || folded[at - 1] !== '“' || rest.length < 2) continue;
    // (Said with the clause around the quotation: 以“…”为发展理念.)
    const from = Math.max(...[...'，,；;。：:'].map((c) => x.text.lastIndexOf(c, at - 1))) + 1;
    const end = x.text.slice(close + 1).search(CLAUSE_MARK);
    const clause = x.text.slice(from, end < 0 ? undefined : close + 1 + end);
    const cites = new CitationList();
    return reply(`${rest}：${clause}${cites.mark(ctx.hits[x.hit]!.chunk)}。`, cites);
  }
  return null;
}

/** Asks which townships or villages the articles name (报道里点到名的乡镇有哪些, Which villages are named on the page?). */
// (The places themselves asked: 提到了哪些村, 点到名的乡镇有哪些; not 说到了乡村振兴, nor the specialty towns, 哪几个专业镇提到….)
const ASKS_NAMED_PLACES = /(?:点到名|点了名|点名|提到|提及|说到|写到|出现)(?:了|过)?(?:的|了)?(?:哪些|哪几个|几个)?(乡镇|镇|乡|村子?)(?=有|是|都|叫|一共|共|[？?，,]|$)|(?<!专业)(乡镇|镇|村子?)[^，,？?]{0,4}(?:点到名|点了名|点名|提到|提及|出现)|\bwhich (townships|villages|towns) (?:are|were) (?:named|mentioned)\b/i;

/**
 * 报道里点到名的乡镇有哪些: every township (or village) the named towns' articles name, else the page's, each cited
 * where it is first named; a name inside a quotation (“太行药乡”) is a title, not a place.
 */
export function composeNamedPlaces(ctx: ComposeContext): Reply | null {
  const m = ASKS_NAMED_PLACES.exec(ctx.question);
  if (!m) return null;
  const kind = (m[1] ?? m[2] ?? m[3]!).toLowerCase();
  const villages = /村|village/.test(kind);
  const towns = ctx.towns.length ? ctx.towns : ctx.source.townNames();
  const cites = new CitationList();
  const seen = new Set<string>();
  const named: string[] = [];
  for (const chunk of towns.flatMap((t) => ctx.source.chunksOfTown(t))) {
    for (const s of indexedChunk(chunk as Chunk).sentences) {
      for (const place of namedPlaces(s.folded.replace(/“[^”]*”/g, ''))) {
        if (villages !== place.endsWith('村') || seen.has(place)) continue;
        seen.add(place);
        named.push(`${ctx.parsed.english ? `${romanisedPlace(place)} (${place})` : place}${cites.mark(chunk)}`);
      }
    }
  }
  if (named.length === 0) return null;
  return reply(ctx.parsed.english ? `${named.length}: ${named.join(', ')}.` : `共${named.length}个：${named.join('、')}。`, cites);
}
