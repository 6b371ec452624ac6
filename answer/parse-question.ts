// A typed parse of a question: what operation it asks for, what kind of answer, and about which attribute.
import { foldForMatch, unitScale } from '../ingest/index.js';
import { ATTRIBUTE_FAMILIES, type AttributeFamily } from './attribute-families.js';
import { familyPhrasesIn } from './family-phrases.js';
import { cutWords, measureWords } from '../index/index.js';
import { ASKS_AUTHOR, asListWording, CONVERTS_TO, countedHead, MEASURE_UNITS, POLITE_REQUEST, REASON } from './question-terms.js';
import { englishUnit } from './claimed-figures.js';

export const operations = ['lookup', 'list', 'count', 'compare', 'superlative', 'difference', 'sum', 'yesno', 'reason', 'author'] as const;
export type Operation = (typeof operations)[number];

/** The kind of answer wanted: a quantity, a point in time, a duration, names (titles, honours), or free text. */
export type AnswerType = 'quantity' | 'time' | 'duration' | 'names' | 'text';

export type ParsedQuestion = {
  operation: Operation;
  answerType: AnswerType;
  /** Unit family of the quantity asked for (animals, area, money…), null when any quantity will do. */
  unitFamily: string | null;
  /** A unit of measure the answer is asked in (多少万斤 -> 万斤, 多多少吨 -> 吨), "" when none. */
  unit: string;
  /** Attribute families the question's words belong to (output value, area, founding…). */
  attributes: AttributeFamily[];
  /** For superlatives and comparisons: whether the larger/older (max) or smaller/younger (min) wins. */
  direction: 'max' | 'min';
  /** Compared or ranked by time (older, earliest) rather than by amount. */
  byTime: boolean;
  /** The superlative word asked (最高, 最早), "" when none. */
  superlative: string;
  /** The comparative adjective asked (哪个更高, 比…早 -> 高, 早), "" when none. */
  comparative: string;
  /** A difference asked as a ratio (A是B的几倍): the first side's figure over the second's. */
  ratio: boolean;
  /** The question claims something and asks whether it holds (A比B多吗, 是不是超过…): no wh-word. */
  claims: boolean;
  english: boolean;
};

/** Measure words after 多少/几 and the unit family they ask for. */
const ASKED_UNITS: [RegExp, string][] = [
  [/(?:多少|(?<!第)几)(?:万|亿)?(?:头|只)|[头只]数|牲畜|家畜|畜禽|\b(?:pig|hog|goat|sheep|animal|livestock)s? (?:numbers?|counts?|figures?)\b|\bnumber of (?:pigs|hogs|goats|sheep|animals|head)\b/i, 'animals'],
  [/(?:多少|(?<!第)几)(?:万|千)?(?:亩|公顷|平方)|亩数|多大面积|面积|多大一?片|占地多大|how (?:big|large) an area|how much land/i, 'area'],
  [/(?:多少|(?<!第)几)(?:万|千)?(?:公斤|吨|斤|千克)|(?:公斤|吨|斤)数|按(?:万)?(?:公斤|吨|斤|千克)(?:算|计)/, 'weight'],
  [/多少钱|的钱(?=[，,？?。]|$)|钱数|数额|(?:多少|(?<!第)几)(?:万|亿)?元|价格|价钱|售价|金额|额(?:有|是|为|达到?)?多少|经济(?:数据|指标|数字)|how much money|price|\bcost\b|revenue|turnover/, 'money'],
  [/(?:多少|(?<!第)几)(?:万)?(?:(?![钱元个])[\u4e00-\u9fff]){0,2}户|(?:多少|(?<!第)几)人家|户数|户(?:有|是|共有|一共有)?多少(?![钱元])|哪一?[类种]户/, 'households'],
  [/(?:多少|(?<!第)几)(?:万|千|百)?(?:人|名|位)(?!员|家)|人数|(?:老百姓|百姓|乡亲|群众|村民|居民|农民)[^，,。？?]{0,3}(?:有|是)?多少/, 'people'],
  [/(?:多少|(?<!第)几)家|家数/, 'organisations'],
  [/(?:多少|(?<!第)几)大?(?:种|类)/, 'kinds'],
  [/(?:多少|(?<!第)几)张/, 'sheets'],
  [/(?:多少|(?<!第)几)台/, 'machines'],
  [/百分之(?:几|多少)|百分点|(?:多少|(?<!第)几)成(?![本立绩果员功交为])|占[^，,。？?]{1,24}的多少|占(?!地)[^，,。？?的]{0,12}多少(?![亩万元头只户人吨斤公个家钱])|百分数|百分比|比例|占比|多少%|率|percent|what share|which share|proportion/, 'percent'],
  [/(?:多少|(?<!第)几)度|度数|酒精度|how strong|alcohol content|\babv\b|\bin degrees\b|\bdegrees? apart\b|how many degrees|(?:strongest|mildest|weakest) (?:drink|wine|liquor|brandy|spirit)/i, 'degrees'],
  [/多远|(?:多少|(?<!第)几)(?:公里|千米|里路)|距离|how far/i, 'distance'],
];

/** A unit of measure after 多少 / 几 or a word converting to it (公斤, 万斤, 吨, 亩, 亿元; 换成公斤): the answer is given in it. */
const MEASURE_UNIT = new RegExp(`(?:多少|(?<!第)几|${CONVERTS_TO}|合多少)(${MEASURE_UNITS})`);

/** The unit of measure the answer is asked in (多少万斤 -> 万斤, 换成公斤 -> 公斤), "" when none. */
export function askedUnit(folded: string): string {
  return MEASURE_UNIT.exec(folded)?.[1] ?? MEASURE_BY.exec(folded)?.[1] ?? '';
}

/** 按吨算 / 按万斤计: the unit an amount is reckoned in. */
const MEASURE_BY = new RegExp(`按(${MEASURE_UNITS})来?(?:算|计)`);

/** Questions about which towns / counties / places (not about one of them). */
export const ASKS_TOWNS = /哪些(?:专业)?镇|(?:什么|啥)(?:专业)?镇|哪几个(?:专业)?镇|哪些县|哪几个县|哪些地方|哪些地区|哪些产业|哪里|哪儿|几个(?:专业)?镇|多少个(?:专业)?镇|哪些专业|专业镇.{0,4}(?:哪些|哪几|有?几个|有?多少个)|专业镇[^，,？?]{0,12}(?:几|多少)个[？?。]?$|(?:列出来|列给|列举|列一下)[^，,？?]{0,12}专业镇|专业镇[^？?]{0,16}(?:列出来|列给|列举|列一下)|(?:几|多少)个[^，,？?]{0,16}(?:专业镇|产业)[？?。]?$|几个县|多少个县|哪几篇(?:报道|文章|稿子)?|哪些(?:报道|文章|稿子)|几篇(?:报道|文章|稿子)|which (?:specialty )?towns|which (?:articles|stories|reports)|which counties|which places|how many (?:of (?:the )?)?(?:specialty )?towns|how many counties/i;

/** Asks where: a county, a place (在哪个县市, 在哪里). */
const ASKS_PLACE = /(?:哪|哪一)个(?:县|县市|县区|区县|市县|市|地方|村|乡镇?)|在哪里|在哪儿|在哪(?![个些])/;

const TIME = /哪年|哪一年|几月份?|哪个月|几号|哪一?天|何年|何时|什么时候|啥时候|几几年|什么年代|哪个年代|什么朝代|哪个朝代|哪朝|什么时代|什么时期|哪个时期|when|what year|which year|what period|which dynasty/i;
const DURATION = /多久|多长时间|多少年|几年|多少个年头|how long|how many (?:more |fewer |(?:[a-z]+ ){0,2})?years/i;
const NAMES = /称号|美誉|之称|叫什么|叫啥|名字|名称|什么品牌|哪些品牌|什么商标|荣誉|头衔|称作|誉为|称为|什么称|外号|别称|别名|叫法|称呼|又名|俗称|又称|也称|美称|another name|\bname of\b|also called|called|known as|(?:哪些|哪几个|什么|啥)[“"]?[^，。？?]{0,6}之乡|title|nickname|honou?r/i;
const QUANTITY = /多少|(?<!第)几[个家种位名头只亩户人张台万千百年期次批项座所条件款篇届轮场类样块]|多大|多高|多重|how (?:many|much)|number of|what is the (?:output|value|area)/i;

const DIFFERENCE = /(?:多|高|少|低|早|晚|大|长|久|重|轻|烈|贵|强)(?:出)?(?:了)?多少|(?:以后|之后|(?<=[\u4e00-\u9fff]{2})后)[，,]?(?:又|再)?(?:过了|隔了)?(?:多少|(?<!第)几)年|(?:多少|(?<!第)几)年(?:以?后|之后)(?:[，,]|[^，,？?]{1,16}(?:才|又|就))|how (?:long|many years) after|(?<!百分|占)比(?![重例率较]).{1,16}(?:多|少|高|低|早|晚|大|小|长|久|重|轻|烈|贵|强).{0,6}(?:多少|(?<!第)几)|相差|差了?(?:多少|几)|差距|多出|早了?几|晚了?几|(?:相|间)?隔了?(?:多少|(?<!第)几)|how (?:many|much) (?:\w+ )?(?:more|less|fewer|earlier|later|older|stronger|weaker|higher|lower|larger|bigger|smaller|longer)|by how (?:much|many)|how (?:many|much) \w+ apart|\bthe gap\b|\bgap (?:in|between|of)\b|difference/i;
const SUPERLATIVE = /最(?:多(?![能可])|大|高|早|久|长|少|低|小|晚|老|悠久|古老|烈|强|重|轻|贵|新)|(?:排名?|数|位居|居)第一.{0,6}(?:是)?哪|哪.{0,12}(?:排名?|数|位居|居)第一|most|largest|biggest|highest|oldest|earliest|smallest|lowest|fewest|latest|newest|most recent|strongest|mildest|weakest/i;
const COMPARE = /哪个.{0,12}(?:更|比较|较)|(?:哪个|哪一个|哪家|哪边|哪方|哪一方|哪件|哪项|哪样|谁).{0,8}(?:早|晚|多|少|高|低|大|小|久|长)|(?:哪个|哪一个|哪件|哪一件|哪项|谁)(?:事情?)?(?:发生)?(?:在前|在先|先|更早|靠前)|谁.{0,8}(?:更|比较|较)|更(?:多|大|高|早|久|长|少|低|小|晚|老|悠久|新)|(?<!百分|占)比(?!重|例|率).{1,16}(?:多|少|高|低|大|小|早|晚|久|长)|相比|对比|比较|[多少高低大小早晚久长](?:一些|些)?[，,]?还是.{1,16}[多少高低大小早晚久长]|哪个多|哪个大|哪个早|哪个高|哪个久|哪个长|(?:more|larger|bigger|higher|older|earlier|greater|lower|fewer|less|smaller|later|newer)(?: \w+)? than(?!\s*[\d,.]+)|which .{0,30}(?:more|larger|bigger|higher|older|earlier|greater|lower|fewer|less|smaller|later|newer|first|sooner)|who (?:is|has|had|was|have) (?:more|larger|bigger|higher|older|greater|lower|smaller|fewer|less)|(?:goes|dates|go|date) back (?:further|earlier|longer)|compare/i;
/** English comparatives, for an alternative question's sides (see ASKS_ALTERNATIVE). */
const ENGLISH_COMPARATIVES = 'larger|bigger|higher|greater|more|older|earlier|lower|smaller|fewer|less|later|newer';
/** An English alternative question: an auxiliary, "or" and a comparative (Are there more A or B? Is A or B larger?): a comparison, not a yes/no. */
const ASKS_ALTERNATIVE = new RegExp(`^(?:is|are|was|were|does|do|did|has|have)\\b(?=.*\\bor\\b).*\\b(?:${ENGLISH_COMPARATIVES})\\b`, 'i');
/** "What kinds of X" / "which types of X": a list asked by its kind, the kind word being the question word (as 哪几类); group 1 is what / which. */
export const KINDS_OF = /\b(what|which) (?:kinds?|types?|sorts?) of\b/i;
// (The plural only: "what kind of cooperation" asks one thing.)
const LIST = /哪些|哪几|有什么|有啥|都有|分别|依次|列举|列出来|列给|列一下|包括什么|包括哪|有哪|what are|what (?:kinds|types|sorts) of|which (?:specialty )?(?:towns|counties|ones|are|articles|stories|reports)\b|\blist/i;
const COUNT = /(?:多少|(?<!第)几)大?(?:个|家|种|位|篇|座|项|类|所|款|届|部|条|批|样|方|句|点(?!钟)|处|环|块(?!钱))|how many/i;
const YESNO = /([\u4e00-\u9fff])[不没]\1|是否|有没有|对吗|是吗|了没有|了没[？?]?\s*$|没有[？?]?\s*$|^真的|^(?:我)?(?:听说|据说|听人说|有人说)|真的(?:是|有)|[吗吧][？?]?\s*$|^(?:is|are|does|do|did|was|were|has|have|can)\b/i;
const WH = /什么|哪|谁|多少|几|怎么|怎样|如何|为什么|何|啥|what|which|who|how|when|where|why/i;
// 为 that ends a verb (被誉为什么, 成为什么) does not ask why.
const MIN_WORDS = /最(?:少|低|小|晚|轻|新|淡)|更(?:少|低|小|晚|新|淡)|比.{1,16}(?:(?<!多)少|低|小|晚)|fewest|least|smallest|lowest|latest|mildest|weakest/i;
const OLD_WORDS = /早|晚|久|老|悠久|古老|历史|年头|年份|最新|更新|在前|在先|之前|先后|成立|创办|创立|创建|older|oldest|earlier|earliest|later|latest|newest|longer history|founded/i;

/**
 * True for a noun that names the kind of time asked for after a question word (朝代, 时代, 年代,
 * 时期): it says what answer is wanted, not which attribute, so no fact need contain it.
 */
export function isTimeNoun(word: string): boolean {
  return TIME.test(`哪个${word}`) || TIME.test(`什么${word}`);
}

/** The superlative the question asks (最早, 最多, largest…), or "" when none. */
export function superlativeWord(question: string): string {
  const word = SUPERLATIVE.exec(foldForMatch(question))?.[0] ?? '';
  // A rank asked (排第一的是哪…, 哪…居第一) is said 第一, as the articles say it (居全省第一).
  return /第一/.test(word) ? '第一' : word;
}

/** A question word that picks one of several things (哪家, 哪个县, 谁, which): not 哪一年 or 哪个时期, which ask a time. */
const CHOICE = /哪(?:一)?(?:个|家|位|些|几|种|款|类|项|条|座|所|支|边|方|里|儿)([\u4e00-\u9fff]{0,2})|谁|\bwhich\b|\bwho\b/gi;

/**
 * True when the question picks one of several things (规模最大的是哪家, 哪个县最多, which town…),
 * false when it asks a time or an amount of what it names (乔氏琉璃最早是哪一年创办的, 最多能产多少).
 */
export function choosesOne(question: string): boolean {
  return [...foldForMatch(question).matchAll(CHOICE)].some((m) => !m[1] || (!isTimeNoun(m[1]) && !isTimeNoun(m[1].slice(0, 2))));
}

/**
 * True when the question's superlative only describes the name right after it (华北最大的丝绸企业吉利尔潞绸集团
 * 一年销售额有多少): the superlative phrase ends on 的 and a short noun before one of `names`, with no 是 between.
 */
export function superlativeDescribes(question: string, names: string[]): boolean {
  const q = foldForMatch(question);
  const m = SUPERLATIVE.exec(q);
  if (!m) return false;
  const after = q.slice(m.index + m[0].length);
  const de = after.indexOf('的');
  if (de < 0 || de > 4) return false;
  const rest = after.slice(de + 1, de + 12);
  return names.some((name) => {
    const at = rest.indexOf(name);
    return at >= 0 && at <= 6 && !/[是为叫]/.test(rest.slice(0, at));
  });
}

/** Asks how many times one figure is another (是…的几倍, how many times). */
const RATIO = /(?:几|多少)倍|倍数|how many times|times (?:as|larger|bigger|more)/i;

/** Words that set a bound on a figure (超过600种, 不到20万只): '>' or '<' of the figure after them. */
const BOUNDS: [RegExp, '>' | '<'][] = [
  [/超过|多于|高于|大于|不止|突破|破|逾|(?<![超经通度不越])过|more than|over|above|exceed|passed|surpassed|topped/i, '>'],
  [/不到|少于|低于|小于|不足|未满|less than|fewer than|under|below/i, '<'],
];

/** BOUNDS' words at the end of a text, and as a whole word (built once, not per call). */
// 超过了6000元: a 了 may stand between the bound and its figure.
const BOUNDS_AT_END = BOUNDS.map(([words, bound]) => [new RegExp(`(?:${words.source})了?\\s*$`, 'i'), bound] as const);
const BOUND_WORDS = BOUNDS.map(([words]) => new RegExp(`^(?:${words.source})$`, 'i'));

/** The bound a question sets on a figure right after it (超过600种 -> '>'), null when none. */
export function boundBefore(question: string, figureAt: number): '>' | '<' | null {
  const before = question.slice(Math.max(0, figureAt - 12), figureAt).trimEnd();
  for (const [words, bound] of BOUNDS_AT_END) {
    const m = words.exec(before);
    if (m) return bound;
  }
  return null;
}

/** True for a bound word (超过, 不到…): it sets a comparison, it is not evidence to find. */
export function isBoundWord(word: string): boolean {
  return BOUND_WORDS.some((words) => words.test(word));
}

/** The comparative adjective of a comparison (哪个更高 -> 高, 比彤康早成立 -> 早, 哪个成立得早 -> 早), not the 多/少 of 多少 nor the 重 of 比重. */
export function comparativeWord(question: string): string {
  const q = foldForMatch(question).replace(/多少/g, '');
  const english = /\b(higher|lower|larger|bigger|smaller|greater|more|fewer|less|earlier|later|older|newer)\b/i.exec(q)?.[1]?.toLowerCase();
  return /(?:更|(?<!百分|占)比(?![重例率])[^，,]{1,16}?|(?:哪[个家一件项样]|谁)[^，,]{0,10}?)(?<!比)([高低大小早晚长久多少重轻烈贵新])|([高低大小早晚长久多少重轻烈贵新])(?:一些|些)?[，,]?还是/.exec(q)?.slice(1).find(Boolean) ?? english ?? '';
}

/** Classifiers that count anything (几个, 多少种): they ask a number, not a measure. */
const GENERIC_CLASSIFIERS = '个种项类次批些大';

/**
 * A measure word after 多少 / 几 that no unit family covers (多少箱蜜蜂, 一年产多少件): "measure:箱",
 * so only a figure in that measure answers (几期: the segmenter's one word); null for a noun (多少茧, by jieba's part of speech) or a
 * character starting a longer word (多少农户).
 */
export function askedMeasure(folded: string, joined = true): string | null {
  const m = /(?:多少|(?<!第)几)(?:万|千|百|亿)?([\u4e00-\u9fff])/.exec(folded);
  if (!m) return null;
  const c = m[1]!;
  const at = m.index + m[0].length - 1;
  if (GENERIC_CLASSIFIERS.includes(c)) return null;
  const words = cutWords(folded);
  // The segmenter keeps a classifier with its question word (几期, 几届): that is a measure too, unless items are
  // counted (几款山楂酒: `joined` false), which the classifier only counts.
  if (!measureWords(folded).has(c) && !(joined && words.includes(m[0]))) return null;
  if (words.some((t) => t.length > 1 && t.startsWith(c) && folded.startsWith(t, at))) return null;
  return `measure:${c}`;
}

/** "how many [beekeeping] households" as 多少户: the first unit word among the three after how many / how much. */
function englishAsked(folded: string): string {
  const m = /how (?:many|much)((?:\s+[a-z-]+){1,3})/.exec(folded);
  const unit = m?.[1]!.trim().split(/\s+/).map(englishUnit).find(Boolean);
  return unit ? `${folded} 多少${unit}` : folded;
}

/** The unit family a question asks for, or null (any quantity, or none asked). */
export function askedUnitFamily(question: string): string | null {
  const folded = englishAsked(countedHead(question));
  // Only a unit right after the question word (多少户, 多少种) or a named measure (比例, 价格) counts:
  // "推广率达到多少" asks a rate whatever attribute words stand around it.
  for (const [re, family] of ASKED_UNITS) if (re.test(folded)) return family;
  return null;
}

/** Attribute families whose words occur in the question (folded); a year's 年 is not part of a word after it (22年产的 is not 年产). */
export function attributeFamilies(folded: string): AttributeFamily[] {
  const q = folded.replace(/(\d年)/g, '$1 ');
  const present = familyPhrasesIn(q);
  return ATTRIBUTE_FAMILIES.filter((f) => f.questionWords.some((w) => present.has(w)));
}

/** The operation a question asks for, from its question words (a yes/no question has no wh-word). */
/** True when a question sets things against each other: a comparison, a difference or a ratio (比…多吗, 差多少, 谁多). */
export function setsAgainst(q: string): boolean {
  return COMPARE.test(q) || DIFFERENCE.test(q) || RATIO.test(q);
}

export function parseOperation(q: string, townCount: number): Operation {
  // How many / which articles a named author wrote is a count or list over bylines, not who wrote one.
  // (…the byline named before or after 署名: 张彩峰署名的稿子, 署名张彩峰的文章; carry the byline X.)
  if (ASKS_AUTHOR.test(q) && !(/how many|which (?:articles|stories|reports|towns|specialty towns)|几篇|多少篇|哪几|哪些|(?:报道|文章|稿子?)(?:有|是)?哪些/i.test(q) && /[\u4e00-\u9fff]{2,4}(?:写|撰|署名)|署名[\u4e00-\u9fff]{2,4}|written by|wrote|\bbylines?\b/i.test(q))) return 'author';
  // Two sides: two towns named, or two things set against each other (A和B，哪个…; A比B…).
  // (Found only for a question worded as a difference or a comparison: most are neither.)
  const twoSides = () => townCount >= 2 || comparisonSides(q).length >= 2;
  if ((DIFFERENCE.test(q) || RATIO.test(q)) && twoSides()) return 'difference';
  // How far apart two of one thing are (两款白兰地相差几度, the two brandies… apart): a difference inside one passage.
  if (DIFFERENCE.test(q) && /两|\btwo\b|\bboth\b/i.test(q)) return 'difference';
  // A最早的年代和B最兴盛的时期，哪个更早: two sides set against each other, whatever superlatives name them.
  if (COMPARE.test(q) && /(?:哪个|哪一个|谁|哪边|哪方)[^，,]{0,4}更/.test(q) && twoSides()) return 'compare';
  // 是华北地区规模最大的企业吗: a claimed superlative is checked, not computed.
  if (SUPERLATIVE.test(q) && !(YESNO.test(q) && /是/.test(q) && !WH.test(q.replace(/([\u4e00-\u9fff])[不没]\1|是否|有没有|[吗吧]/g, '')))) return 'superlative';
  if ((COMPARE.test(q) || ASKS_ALTERNATIVE.test(q)) && twoSides()) return 'compare';
  if (REASON.test(q)) return 'reason';
  // (A list asked with its count, 哪几方面？一共几项 / 有几个，分别是啥, is a count: its answer names the items too.)
  if (LIST.test(q) && !(COUNT.test(q.replace(/哪几/g, '')) && !/多少(?:万|亿)/.test(q))) return 'list';
  if (COUNT.test(q) && !/多少(?:万|亿)/.test(q)) return 'count';
  if (asksYesNo(q)) return 'yesno';
  return 'lookup';
}

/** A question without a wh-word that asks whether something holds (吗, 是不是, 有没有, Is…). */
function asksYesNo(q: string): boolean {
  return YESNO.test(q) && !REQUEST.test(q) && !POLITE_REQUEST.test(q) && !WH.test(q.replace(/([\u4e00-\u9fff])[不没]\1|是否|有没有|[吗吧]/g, ''));
}

/** A request worded as a question (can you give me…, could you list…; 能不能列给我, POLITE_REQUEST): it asks for the thing, not yes or no. */
const REQUEST = /^\s*(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+)?(?:give|tell|show|list|explain|recommend|describe|share|provide|find|send|name|suggest)\b/i;

/** The latest parse: an answer asks for its question's operation, then the composers for the whole parse. */
let lastParse: { question: string; townCount: number; english: boolean; parsed: ParsedQuestion } | null = null;

/** Parses a question; `townCount` is how many towns it names (its topics, found by the searcher). The result is shared: do not change it. */
export function parseQuestion(question: string, townCount: number, english: boolean): ParsedQuestion {
  const last = lastParse;
  if (last && last.question === question && last.townCount === townCount && last.english === english) return last.parsed;
  const parsed = parseFresh(question, townCount, english);
  lastParse = { question, townCount, english, parsed };
  return parsed;
}

function parseFresh(question: string, townCount: number, english: boolean): ParsedQuestion {
  const q = asListWording(foldForMatch(question));
  const attributes = attributeFamilies(countedHead(q));
  const operation = parseOperation(q, townCount);
  // The answer type comes from the question words alone (成立了什么组织 asks a name, not a year).
  const time = TIME.test(q);
  const duration = !time && DURATION.test(q);
  const names = NAMES.test(q);
  const unit = askedUnit(q);
  const unitFamily = time || duration ? null : (askedUnitFamily(q) ?? askedMeasure(q, operation !== 'count') ?? (unit ? (unitScale(unit)?.family ?? null) : null));
  // 比例 / 价格 name a unit without 多少; they still ask for an amount.
  const answerType: AnswerType = time ? 'time' : duration ? 'duration' : QUANTITY.test(q) || unitFamily ? 'quantity' : names ? 'names' : 'text';
  // Comparisons and counts without a 多少 still ask for amounts (or times, when older / earlier is asked).
  // …but a place asked of a thing a superlative names (最大的基地在哪个县市) is answered by where, not by an
  // amount (哪个县入选的最少 still ranks amounts).
  const place = ASKS_PLACE.exec(q);
  const whereOfNamed = place !== null && (SUPERLATIVE.exec(q)?.index ?? Infinity) < place.index;
  const computed = ['count', 'compare', 'superlative', 'difference'].includes(operation) && answerType === 'text' && !whereOfNamed;
  // Amount words are read after 哪个 / 谁 (the sides before it may be names: 高平, 大兴村).
  const tail = q.split(/哪个|哪一个|哪家|哪件|哪项|哪样|哪边|哪方|谁/).pop() ?? q;
  const oldest = OLD_WORDS.test(q) && !/多|少|高|低|大|小/.test(tail.replace(/多少|最/g, ''));
  return {
    operation,
    answerType: computed ? (oldest ? 'time' : 'quantity') : answerType,
    unitFamily,
    unit,
    attributes,
    direction: MIN_WORDS.test(q) || /[少低小晚轻]|lower|fewer|less|smaller|later|newer/.test(comparativeWord(q)) ? 'min' : 'max',
    byTime: time || duration || (OLD_WORDS.test(q) && !QUANTITY.test(q)),
    superlative: superlativeWord(q),
    comparative: comparativeWord(q),
    ratio: RATIO.test(q),
    claims: asksYesNo(q) && !ASKS_ALTERNATIVE.test(q),
    english,
  };
}

/** A side without what frames it: 是A多 -> A, A相比 -> A, and trailing punctuation. */
function cleanSide(side: string): string {
  return side
    .trim()
    .replace(/[?？。!！，,]+$/, '')
    .replace(/^是(?=.{2})/, '')
    // A和B分别是多少 / 各是多少: the asking words are no part of B.
    .replace(/(?<=.{2})(?:分别|各自|各)(?:是|有|为)?$/, '')
    .replace(/(?<=.{2})[多少高低大小早晚长久](?:一些|些|一点)?$/, '')
    .replace(/(?<=.{2})(?:相比|(?<!占|百分)比)$/, '')
    // …nor the 还 / 要 / 更 of 还差多少, 要多多少.
    .replace(/(?<=.{2})(?:还|要|更)$/, '');
}

/**
 * The sides of a comparison: the question before its 哪个 / 谁 / which part, cut on 和 / 与 / 跟 /
 * 还是 / 比 / 、 ("吉利尔和彤康，哪个成立得早" -> ["吉利尔", "彤康"]); [] when there are not two.
 */
/** The two alternatives of an English question asked with an auxiliary (there more A or B / A or B larger). */
const ENGLISH_ALTERNATIVES = new RegExp(`^\\s*(?:there\\s+)?(?:(?:${ENGLISH_COMPARATIVES})\\s+)?(.+?)\\s+or\\s+(.+?)(?:\\s+(?:${ENGLISH_COMPARATIVES}))?\\s*[?？]?\\s*$`, 'i');

export function comparisonSides(question: string): string[] {
  // "Which is higher: A or B?" / "Which town has more X, A or B?": the sides follow the question.
  const offered = /[:：]\s*(.+?\bor\b.+?)[?？]?\s*$/i.exec(question) ?? /[,，]\s*([^:：,，?？]+?\bor\b[^:：,，?？]+)[?？]?\s*$/i.exec(question);
  if (/^\s*(?:which|who)\b/i.test(question) && offered) return offered[1]!.split(/,?\s*\bor\b/i).map((x) => x.trim().replace(/^(?:the|a)\s+/i, '')).filter(Boolean);
  // "the gap … between A and B", "A versus B: …": the two things named.
  const between = /\bbetween (.+?) and (.+?)[?？]?\s*$/i.exec(question) ?? /^\s*(.+?)\s+(?:versus|vs\.?)\s+(.+?)\s*[:：,，]/i.exec(question);
  if (between) return [between[1]!, between[2]!].map((x) => x.trim().replace(/^(?:the|a)\s+/i, ''));
  // A以后又过了几年B / A多少年后才B / how long after A did B: two events, the later one last.
  const after =
    /^(.+?)(?:以后|之后|(?<=[\u4e00-\u9fff]{2})后)[，,]?(?:又|再)?(?:过了|隔了)?(?:多少|(?<!第)几)年[，,]?(?:以?后|之后)?(?:才|又|就)?(.+?)[？?。]?$/.exec(question) ??
    /^(.+?)(?:多少|(?<!第)几)年(?:以?后|之后)[，,]?(?:才|又|就)?(.+?)[？?。]?$/.exec(question) ??
    /^(.+?)[;；,，.]\s*how (?:long|many years) after (?:that|this|it) (?:did|was|were|had)\s+(.+?)[?？]?\s*$/i.exec(question) ??
    /^\s*how (?:long|many years) after (.+) (?:did|was|were|had)\s+(.+?)[?？]?\s*$/i.exec(question);
  // (B's 才 / 又 says it came later: 潞绸才列入 is the side 潞绸列入.)
  if (after) return [cleanSide(after[1]!), cleanSide(after[2]!.replace(/(?<=[\u4e00-\u9fff]{2})(?:才|又|就)(?=[\u4e00-\u9fff])/, ''))].filter((x) => x.length > 0);
  // 从A到B中间隔了多少年: two events, the later one last.
  const span = /^(?:从)?([^，,]+?)到([^，,]+?)[，,]?(?:中间|之间|当中)?(?:相隔|间隔|隔|经过|过|相距|相差|差)了?(?:多少|(?<!第)几)年/.exec(question);
  if (span) return [cleanSide(span[1]!), cleanSide(span[2]!)].filter((x) => x.length > 0);
  // A是B的几倍: the two figures set against each other.
  const times = /^(.+?)是(.+?)的(?:几|多少)倍/.exec(question);
  if (times) return [times[1]!.trim(), times[2]!.trim()];
  // "How much more is A than B?": the question phrase before A is no part of it.
  question = question.replace(/^\s*how (?:much|many)\s+(?:(?:\w+\s+)?(?:more|less|fewer|higher|lower|bigger|smaller|larger|greater|earlier|later|older|stronger|weaker|longer)\s+(?:\w+\s+)?|\w+\s+apart\s+)(?:is|are|was|were|does|do|did|has|have)\s+/i, '');
  // "Did A … more X than B?": the auxiliary that asks is no part of A.
  const asksByAuxiliary = /^\s*(?:did|does|do|is|are|was|were|has|have)\s+/i.test(question);
  question = question.replace(/^\s*(?:did|does|do|is|are|was|were|has|have)\s+/i, '');
  // "Are there more A or B?" / "Is A or B larger?": the alternatives either side of "or", without the comparative.
  const alternatives = asksByAuxiliary && !/\bthan\b/i.test(question) ? ENGLISH_ALTERNATIVES.exec(question) : null;
  if (alternatives) return [alternatives[1]!, alternatives[2]!];
  // "By how much does A exceed B?": A and B on either side of the verb.
  const exceeds = /^\s*(?:by )?how (?:much|many)(?: \w+)? (?:does|do|did|is|are|was|were) (.+?) (?:exceed|outnumber|surpass|top|outstrip)s? (.+?)[?？]?\s*$/i.exec(question);
  if (exceeds) return [exceeds[1]!.trim(), exceeds[2]!.trim()];
  // 论村子个数，A…，还是B…: a leading clause naming the measure (论 / 按…算 / 就…而言) is no side.
  question = question.replace(/^\s*(?:单|只|光)?(?:论|按|就|以|看)[^，,]{1,12}?(?:来说|而言|来看|算|计)?[，,]/, '');
  // 甲…，乙…，谁在前: the clauses before the one asking are the sides.
  const clauses = question.split(/[，,]/).map((c) => c.trim()).filter(Boolean);
  // X，在A高还是在B高: the alternatives of the last clause, what comes before being their subject.
  const alternative = clauses.length >= 2 ? /^(.+?)还是(.+?)[？?]?$/.exec(clauses[clauses.length - 1]!) : null;
  if (alternative) {
    const offered = [cleanSide(alternative[1]!), cleanSide(alternative[2]!)].filter((x) => x.length > 0);
    if (offered.length === 2) return offered;
  }
  const asking = clauses.findIndex((c) => /^(?:那么|那)?(?:谁|哪个|哪一个|哪家|哪边|哪方|哪一方)/.test(c));
  // (…unless one of them joins two sides inside itself: 泽州铸造那块，A和B，哪个多; a clause opening with 和 joins the clauses.)
  const inside = (c: string) => c.replace(/^(?:和|与|跟|同)/, '');
  const joinsTwo = (c: string) => /和|与|跟|同|、/.test(inside(c));
  if (asking >= 2 && !/和|与|跟|同|还是|比(?![例重率较])/.test(clauses[0]!) && !clauses.slice(0, asking).some((c) => joinsTwo(c) || /还是|比(?![例重率较])/.test(c))) {
    return clauses.slice(0, asking).map((c) => cleanSide(c.replace(/^(?:和|与|跟|同)/, ''))).filter((c) => c.length > 0);
  }
  // (…or, when the clauses before name no two sides, the asking clause up to its question word: 泽州铸造这块，A和B哪个多.)
  const asked = question.split(/[，,？?](?=[^，,？?]*(?:哪|谁|which|more|less|older))|哪个|哪一个|哪家|哪边|哪方|哪一方|谁|which/i)[0] ?? '';
  // (…the last clause with a joiner, up to the asking clause, to its question word.)
  const joined = [...clauses.slice(0, asking >= 0 ? asking + 1 : clauses.length)].reverse().find(joinsTwo) ?? '';
  const inJoined = /^(.+?)(?:哪个|哪一个|哪家|哪边|哪方|哪一方|谁|$)/.exec(joined)?.[1] ?? '';
  const chosen = !/和|与|跟|同|还是|比|、|\band\b|\bor\b|\bvs\b|\bthan\b/i.test(asked) && inJoined ? inJoined : asked;
  // (A leading clause without the joiner only sets the scene: 泽州铸造那块，A和B.)
  const parts = chosen.split(/[，,]/);
  const withJoiner = parts.filter(joinsTwo);
  const head = parts.length > 1 && withJoiner.length === 1 && !/还是|比(?![例重率较])/.test(chosen) ? withJoiner[0]! : chosen;
  // A比B早成立多少年: the predicate after B (更/还 and its last comparative adjective onwards) is not part of B.
  const ADJ = '多少高低早晚大小长久强弱快慢重轻烈贵';
  const comparing = /(?<!百分|占)比(?![例重率较])/.test(head);
  const compared = comparing
    ? head
        .replace(/(?:相隔|间隔|相差|隔|差)?了?(?:多少|(?<!第)几).*$/, '')
        .replace(new RegExp(`(比(?![例重率较])[^，,]{2,}?)(?:更|还|要)?(?:[\\u4e00-\\u9fff]{1,3}得)?[${ADJ}][^${ADJ}]*$`), '$1')
    : head.replace(/(?:[，,]?中间)?(?:相隔|间隔|相差|隔|差)?(?:多|少|高|低|早|晚|大|小|长|久)?了?(?:多少|(?<!第)几).*$/, '');
  // A和B占全市的比重，比占全省的高: with something on both sides of 比, they are the two sides (和 joins a side's subjects).
  const aroundBi = comparing ? compared.split(/(?<!百分|占)比(?![例重率较])/).map(cleanSide) : [];
  if (aroundBi.length === 2 && aroundBi.every((x) => x.length >= 2) && /和|与|跟|同|、/.test(aroundBi[0]!) && !/[和与跟同、]$/.test(compared.split(/(?<!百分|占)比(?![例重率较])/)[0]!.trim())) return aroundBi;
  const sides = compared
    .split(/和|与|跟|同|还是|相比|(?<!百分|占)比(?![例重率较])|、|\band\b|\bor\b|\bvs\.?\b|\bthan\b/i)
    // "Is A larger than B": the comparative before "than" is no part of A.
    .map((x) => x.replace(/\s+(?:more|less|fewer|larger|bigger|higher|lower|greater|smaller|older|earlier|later|longer)(?:\s+[a-z]+)?\s*$/i, ''))
    .map(cleanSide)
    .filter((x) => x.length > 0);
  return sides.length >= 2 ? sides : [];
}

