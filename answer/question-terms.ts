// What a question asks for: its content words (weighted), numbers, and the kind of answer wanted.
import { ERAS, foldForMatch, myriadFigures, ORGANISATION_KINDS } from '../ingest/index.js';
import { cutWords, functionWords } from '../index/index.js';

/** Function words and question words that carry no evidence of their own. */
const STOPWORDS = new Set(
  (
    '的 了 是 在 有 和 与 及 或 吗 呢 吧 啊 呀 么 嘛 哦 个 些 这 那 其 它 他 她 们 我 你 您 谁 什么 哪 哪些 哪个 哪里 哪儿 ' +
    '多少 几 几个 多久 多长 多长时间 多少年 多大 多高 多远 怎么 怎样 怎么样 如何 为什么 为何 是否 是不是 有没有 请问 请 问 一下 介绍 ' +
    '说说 讲讲 告诉 知道 想 想知道 能 能否 可以 会 要 都 也 还 就 又 被 把 对 从 到 给 让 由 以 为 于 上 下 中 里 ' +
    '一 一个 一共 共 总共 大概 大约 左右 情况 方面 具体 主要 现在 目前 当时 之 所 等 啥 咋 呗 嗯 该 该县 这个 那个 ' +
    '分别 各 各自 以及 并且 而且 还是 还有 哪年 哪一年 何时 什么时候 时候 相关 关于 有关 方面 内容 信息 多 少 ' +
    '叫 叫做 称 着 来着 来 啊 哇 啦 嘞 哈 呐 那边 这边 那里 这里 那块 这块 那块儿 这块儿 块儿 那一块 这一块 那家 这家 哪家 几家 那种 这种 跟 同 靠 搞 做 弄 算 用 才 ' +
    '名 只 位 种 家 项 条 件 次 头 张 亩 户 年 一年 每年 今年 去年 一下子 一共 到底 究竟 大家 人家 起来 一起 帮 帮着 能 可 得 地 过 ' +
    '吗 嘛 呗 么 叫啥 是啥 有啥 怎么回事 作为 属于 算是 所谓 特点 名字 名称 哪两个 两个 几个 ' +
    // Discourse words that frame a yes/no claim (听说…是真的吗).
    '听说 据说 真的 是真的 难道 确实 没错 对吧 干嘛 干吗 ' +
    // Degree adverbs (很有名, 挺好): how much, not what.
    '很 非常 十分 挺 蛮 特别 极其 ' +
    // Words for the page and its articles themselves (这一版里提到的…, 报道说…): where to look, not what.
    '版 版面 页面 页 一页 这一页 这页 整页 本页 这一版 整版 本版 报道 报导 文章 稿子 稿件 新闻 提到 提及 说到 讲到 谈到 写到 篇 里面 说 出现 年份 朝代 节点'
  ).split(/\s+/),
);

/**
 * Nouns that frame what is asked (its number, an example of it, the way it is done, its full name or
 * level, its amount of money, the county it is in, the people it counts), not a thing to find: dropped when the corpus never uses
 * them (铸造企业数量, 靠什么法子, 全称叫什么, 卖蚕茧的钱, 在哪个县市).
 */
export const FRAME_NOUNS = new Set('数量 数目 数值 数字 指标 个数 总数 总量 量 钱 例子 东西 货 玩意 玩意儿 主题 办法 法子 方法 做法 途径 全称 级别 年头 县市 县区 区县 市县 老百姓 百姓 乡亲 乡亲们 人家'.split(' '));

/**
 * The noun a list or count question asks the members of (哪几类产品 -> 产品, 包含几个环节 -> 环节): the kind of
 * answer, which an enumeration gives without naming; "" when there is none.
 */
export function listCategory(folded: string): string {
  // (由几类产品组成: the noun before a verb framing the members.)
  return /(?:哪些|哪几|(?<!第)几|多少)(?:个|种|类|大类|项|样|款|块|方面)?([\u4e00-\u9fff]{2})(?=(?:组成|构成)?(?:[？?。，,]|$))/.exec(folded)?.[1] ?? '';
}

/**
 * A list question asking what was done or what came of it (干了哪几件事, 做了些啥, 在哪些事上, 有啥好处, 采取了哪些措施):
 * its answer is a run of clauses (加大自主创新，培育龙头企业，…), not an enumeration of named things. The pro-verb
 * (干, 做, 搞) and the pro-noun (事, 好处, 措施) say what kind of answer is asked, not what to find.
 */
const ASKS_ACTIONS = /(?:[干做搞弄办](?:了|过|的)?(?:些|点)?(?:哪些|哪几件?|什么|啥|几件)?(?:事情|事|工作|活)|[干做搞弄办](?:了|过|的)?(?:些|点)?(?:哪些|哪几件?|什么|啥)(?=[？?。，,！!呢吧啊]|$)|(?:哪些|哪几件?|几件|什么|啥)(?:事情|事|工作|举措|措施|好处|成效|变化|实事))/;

/** The phrase of a question asking what was done or came of it, "" when it asks something else (see ASKS_ACTIONS). */
export function actionsAsked(folded: string): string {
  return ASKS_ACTIONS.exec(folded)?.[0] ?? '';
}

/**
 * A question with 哪 typed as its homophone 那 where it asks which one (A和B比，那个多 / 那边户数多): said with 哪.
 * Only before a comparative that ends the question, where "that one" would ask nothing.
 */
export function whichTypos(question: string): string {
  return question.replace(/那(个|一个|家|边|方|样)(?=[\u4e00-\u9fff]{0,4}?(?:更|比较|还)?[多少高低大小早晚长久老强](?:一些|些|一点|点)?[？?]?\s*$)/, '哪$1');
}

/** Classifiers a number in a question may be counted in (五百多种, 30家): a figure in another one is another count. */
const COUNTING_UNITS = '种家户头只亩吨元个项张人所座条款';

/**
 * A number counted in a classifier (500多种, 20万只): the number, 余 / 多 / 来, a magnitude, then `classifier` (one
 * character, or a character class), which is group 1; `whole`: not the tail of a longer number.
 */
function countedNumber(n: string, classifier: string, whole = false): RegExp {
  return new RegExp(`${whole ? '(?<![\\d.])' : ''}${n.replace('.', '\\.')}(?:余|多|来)?[万千百亿]?(?:余|多)?(${classifier})`);
}

/** A quoted term of up to ten characters (“增收”, 「之乡」); group 1 is the term. */
export const QUOTED = /[“"「『]([^”"」』]{1,10})[”"」』]/;
const QUOTED_ALL = new RegExp(QUOTED.source, 'g');

/** The terms a text quotes, in order (农户“增收”金额 -> [增收]). */
export function quotedTerms(text: string): string[] {
  return [...text.matchAll(QUOTED_ALL)].map((m) => m[1]!);
}

/** A request put politely (能不能列给我, 可不可以告诉我, 麻烦说说): group 1 is how it is put, before the request's verb. */
export const POLITE_REQUEST = /(能不能|可不可以|能否|可否|麻烦(?:你|您)?)(?=[^，,？?。]{0,12}?(?:列|说|讲|告诉|介绍|给我|帮我))/;
const POLITE_REQUESTS = new RegExp(POLITE_REQUEST.source, 'g');

/** 能不能列给我 / 可以告诉我 / 麻烦说说: how a request is put, no word to find (the request's verb stays: 列给我 asks a list). */
export function withoutPoliteness(question: string): string {
  return question.replace(POLITE_REQUESTS, '');
}

/** A claim put for confirmation (…，没说错吧？ / …？是真的不 / …，对不对？) as the yes/no question it is (…吗？); 对吗 / 是真的吗 already are. */
export function asClaimAsked(question: string): string {
  return question.replace(/[，,？?\s]*(?:(?:我)?(?:说|讲)?得?(?:没错|对)(?:吧|不|嘛|呀)?|(?:我)?没(?:说|讲|记)错(?:吧|嘛|呀)?|对不对|是不是(?:这样|真的)?|(?:是)?真的(?:不|吧|假的)|是吧)[？?。!！]*\s*$/, '吗？');
}

/** 好几届 / 好些年 say "several", as the articles write 多届 / 多年: no question word 几. */
export function severalAsMany(question: string): string {
  return question.replace(/好几|好些/g, '多');
}

/** Asks the township or village of something (建在哪个乡镇, 在哪个村, which township), not which towns or counties. */
export const ASKS_SPOT = /哪一?个(?:乡镇|镇|乡|村)|\b(?:which|what) (?:township|village)s?\b|\b(?:which|what) town (?:in|of) [a-z]+ county\b/i;

/** The directional complements of Chinese grammar (趋向补语: 出来, 下去, 起来…), a closed class. */
const DIRECTIONAL_COMPLEMENT = /^[上下进出回过起开][来去]$/;
/** Result complements (结果补语) a light verb takes: 做成, 搞好, 弄完. */
const RESULT_COMPLEMENT = '成好完出到';

/** True for a word a question's terms never keep (的, 做, 多少). */
export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

/** China's provinces and regions by their short names: the scope an article about one of them calls 全省. */
export const PROVINCES = '河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆';

/** A ranking, within a few characters after its scope (在山西排第几, 在国内数一数二). */
const RANKING_AFTER = '(?=[^，,？?]{0,8}?(?:排|第[一二三四五几]|名列|位居|位列|居|数一数二|领先|前列|前几|最))';

/**
 * The scope of a ranking said as articles say it: a province named with 在 (在山西排第几, 在山西省内) is 全省,
 * the country (在国内, 在中国) is 全国. A name without 在 stays: 山西第一养蜂大县 is a title.
 */
export function scopeAsArticlesSay(question: string): string {
  return question
    .replace(new RegExp(`(?:在|于)(?:${PROVINCES})省?(?:内|里)?${RANKING_AFTER}`, 'g'), '在全省')
    .replace(new RegExp(`(?:在|于)(?:中国|国内|全中国)${RANKING_AFTER}`, 'g'), '在全国');
}

/** Verbs that frame a list (包括, 包含, 由…组成, 分为): what the members are part of, not evidence. */
export const LIST_VERBS = new Set(['包括', '包含', '囊括', '涵盖', '组成', '构成', '分为', '分成']);

/** A verb of counting said as such (数下来有几个, 算一算有多少, 数了数): the operation, not evidence. */
export function isCountingVerb(word: string, folded: string): boolean {
  return /^(?:数|算)$/.test(word) && new RegExp(`${word}(?:下来|一${word}|了?一下|了${word}|来${word}去)`).test(folded);
}

/** Multi-word question phrases, removed before segmentation. */
/** Words converting an amount to a unit (换成, 折合成), and the units of measure a question may ask it in (万斤, 亿元). */
export const CONVERTS_TO = '(?:换|换算|折算|转换|写|算|化|折)成|折合(?:成)?';
export const MEASURE_UNITS = '(?:万|亿)?(?:公斤|千克|吨|斤|亩|公顷|元)';

const QUESTION_PHRASES = new RegExp(
  `(?:${CONVERTS_TO})(?=${MEASURE_UNITS})|按(?=${MEASURE_UNITS}来?[算计])|(?<=${MEASURE_UNITS})来?[算计](?![划算])|折合成?|哪一?件事情?(?=在前|在先|先|更早|靠前)|在前(?![期面])|在先|靠前|百分之(?:几|多少)|多长时间|(?:什么|啥|哪个|哪一个)地方|点了?(?:个)?名|点到名|提到|提及|说到|讲到|写到|列出|多少个?年头|多大一?片|多大|多高|多远|多重|多宽|什么时候|啥时候|什么时间|有没有|是不是|对不对|是否|排名?第几[名位个]?|第几[名位个]?`,
  'g',
);

/** Numeral + classifier words such as 两个, 九个, 一批, 几家. */
/** …and amounts said with 个 before 万 / 亿 (一个亿, 两个亿). */
const NUMERAL_CLASSIFIER = /^(?:(?:[一二两三四五六七八九十百千万几多每哪这那]+|[上数近逾过][十百千万亿])[个批家种位名只项条年次篇座份块台头户张件所栋间款类届处片支套本场棵株]?|[一二两三四五六七八九十几]+个[万亿])$/;

const ASKS_NUMBER = /多少|(?<!第)几|多久|多长|多大|多高|多远|哪年|哪一年|何时|什么时候|how (many|much|long|old)|when|what year|number of/i;
/** Measure words whose presence after a number answers "多少<unit>"; generic classifiers (个, 名…) are not. */
const UNITS = '万公斤|公斤|万亩|亩|万头|头|万只|只|万张|张|万吨|吨|万元|亿元|元|种|家|户|年|株|斤|度';
const ASKS_UNIT = new RegExp(`(?:多少|(?<!第)几)(${UNITS})`);
const ASKS_LIST = /哪些|哪几|哪两|两个|几个|分别|各自|列举|which (?:specialty )?(ones|towns)\b|\blist/i;
/** Asks a reason (为什么, 为啥, 干嘛要, why), not a title (被誉为什么). */
export const REASON = /(?<![誉称成作认列评定视名选])为什么|(?<![誉称成作认列评定视名选])为啥|为何|原因|怎么会|咋会|(?:咋|怎么)就?(?:那么|这么)|何以|凭什么|凭啥|干嘛要?|干吗要?|why/i;
/** Asks who wrote an article (answered from bylines). */
export const ASKS_AUTHOR = /作者|记者|谁写|撰稿|执笔|署名|author|who wrote|written by|reporter|journalist|byline/i;
const ASKS_WHEN = /哪年|哪一年|何时|什么时候|when|what year/i;
const YEAR_OR_DATE = /(?:1[0-9]|20)\d\d年|\d+(?:世纪|年代|月|日|号)/g;
/** Questions about money ask for an amount in 元 (万元, 亿元 count too). */
const ASKS_PRICE = /多少钱|价格|价钱|售价|单价|卖多少|收购价|多少元|how much (?:does|do|is|are)? ?.*cost|price/i;
const UNIT_LIST = UNITS.split('|');

/** Chinese-numeral quantities: 上千人, 数百家, 三个, 千余户, 12大. */
const CHINESE_QUANTITY = /(?:上|数|近|逾)[十百千万]|[一二两三四五六七八九十百千万亿]+[多余]?[个名人户家只头种项类座亩吨元]|[百千万]余/;
const NUMERAL = '(?:\\d+(?:\\.\\d+)?|[一二两三四五六七八九十百千万亿]+|上[百千万]|数[十百千万])';

/** 几 with a classifier that counts items of any kind (几类, 几大类, 几种, 几个). */
const COUNTS_ITEMS = /(?<!第)几大?[个种类项样款]/;

/** An enumeration of three or more items (A、B、C / A、B和C / A——B——C): what a count of items may count. */
export const ENUMERATION = /[^、，。；]+、[^、，。；]+(?:、|和|及)[^、，。；]+|[^—，。；]+——[^—，。；]+——[^—，。；]+/;

/** True when the text has a number that is a quantity, not a year, century or date. */
export function hasQuantity(text: string): boolean {
  return /\d/.test(text.replace(YEAR_OR_DATE, '')) || CHINESE_QUANTITY.test(text);
}

/** True when the text has a number followed by the unit (万 / 多 / 余 may stand between). */
export function hasNumberWithUnit(text: string, unit: string): boolean {
  const bare = unit.replace(/^[万亿]/, '');
  const body = bare === '年' ? text.replace(YEAR_OR_DATE, '') : text;
  return numberWithUnit(bare).test(body);
}

/** A number followed by `bare`, built once per unit (scoring asks it of every sentence). */
const numbersWithUnit = new Map<string, RegExp>();
function numberWithUnit(bare: string): RegExp {
  let re = numbersWithUnit.get(bare);
  if (!re) numbersWithUnit.set(bare, (re = new RegExp(`${NUMERAL}[多余]?[万亿]?[多余]?${bare}`)));
  return re;
}

/** Historical eras (春秋战国, 唐代, 明清…), from the ingest's era table. */
const ERA_NAME = new RegExp(ERAS.map(([name]) => name).join('|'));

/** True when the text has a year, a date or a historical era. */
export function hasDate(text: string): boolean {
  return /(?:1[0-9]|20)\d\d年|\d+(?:世纪|月|日)/.test(text) || ERA_NAME.test(text);
}

/** A question's evidence terms: folded content words and the numbers it names. */
export type QuestionTerms = {
  words: string[];
  numbers: string[];
  /** Per number, the classifier the question counts it in (五百多种 -> 种), "" when none. */
  numberUnits?: string[];
  /** Per number, how a text counts it in that classifier (500余种), null when it has none: made once per question, tested per sentence. */
  numberCounted?: (RegExp | null)[];
  /** The question asks for a quantity (多少, 几, how many…). */
  asksNumber: boolean;
  /** The question counts items with 几 and a classifier of any kind (几类, 几大类, 几种): an enumeration may answer. */
  countsItems: boolean;
  /** The question asks for a time (哪年, 何时, when…). */
  asksWhen: boolean;
  /** The unit asked for after 多少/几 (种, 家, 万头, 亩…), "" when none. */
  unit: string;
  /** The question asks for several items (哪些, 哪几, 分别…). */
  asksList: boolean;
  /** The question asks who wrote an article (answered from bylines). */
  asksAuthor: boolean;
  /** The question asks for a reason (为什么, why). */
  asksWhy: boolean;
  /** The question asks the township or village of something (建在哪个乡镇, which village), not which towns or counties. */
  asksSpot: boolean;
  /** The question is written mostly in Latin letters (answer notices in English). */
  english: boolean;
};

/** True when most letters of the text are Latin. */
export function isMostlyLatin(text: string): boolean {
  // Counted by code unit, as /[A-Za-z]/g and /[\u4e00-\u9fff]/g match, without an array of matches.
  let latin = 0;
  let han = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) latin++;
    else if (c >= 0x4e00 && c <= 0x9fff) han++;
  }
  return latin > 2 * han;
}

/**
 * 哪几 asks which ones (哪几种 = 哪些种) and 这几 / 那几 points at ones already named (这几个产业), not
 * how many: said as 哪些 / 这些 so no count is read into them.
 */
export function asListWording(question: string): string {
  return question.replace(/([哪这那])几/g, '$1些');
}

/** A phrase that starts with a measure word or a unit (台机器人, 万人). */
const MEASURE_FIRST = /^[个台家种类头只户人名位张件项条座所批次年月天块样篇万亿千百元吨斤亩]/;

/**
 * The head noun of the phrase a question word counts, said after it as 多少<head>: 多少养蜂的人家 -> 多少人家,
 * 多少养羊户 -> 多少户 (a compound read by its last character only when that is 户 or 人, heads of words for people, or by 人家).
 */
export function countedHead(folded: string): string {
  const m = /(?:多少|(?<!第)几)(?:个)?([\u4e00-\u9fff]{1,8})(?=[？?，,。！!]|$)/.exec(folded);
  if (!m) return folded;
  const phrase = m[1]!;
  const at = phrase.lastIndexOf('的');
  if (at > 0 && at < phrase.length - 1) return `${folded} 多少${phrase.slice(at + 1)}`;
  // A measure word after the question word (几台机器人) already says what is counted.
  // (…and so does a noun of households or people closing it, 养蜂户 / 养蜂人家.)
  const head = /人家$/.test(phrase) ? '人家' : /[户人]$/.test(phrase) ? phrase.slice(-1) : '';
  return head !== '' && phrase.length > head.length && !MEASURE_FIRST.test(phrase) ? `${folded} 多少${head}` : folded;
}

/**
 * The unit a question asks for: after 多少/几 (多少头 -> 头), 元 for prices, or for an English
 * "how many …" question the first unit among its glossary expansions (mu -> 亩).
 */
export function askedUnit(question: string, expansions: string): string {
  const folded = countedHead(asListWording(foldForMatch(question)));
  // 多少人家 asks households (户), not people.
  if (/(?:多少|(?<!第)几)户?人家/.test(folded)) return '户';
  const direct = ASKS_UNIT.exec(folded)?.[1];
  if (direct) return direct;
  if (ASKS_PRICE.test(folded)) return '元';
  if (/how (many|much)/i.test(question)) return expansions.split(/\s+/).find((t) => UNIT_LIST.includes(t)) ?? '';
  return '';
}

/**
 * Joins runs of single Han characters into one word: a name the dictionary does not know
 * (凯永, a typo like 山渣) is cut into characters, and together they are the word that was meant.
 */
export function mergeSingleChars(words: string[]): string[] {
  const out: string[] = [];
  let run = '';
  for (const w of words) {
    if (/^[\u4e00-\u9fff]$/.test(w) && !STOPWORDS.has(w)) {
      run += w;
      continue;
    }
    if (run) out.push(run);
    run = '';
    out.push(w);
  }
  if (run) out.push(run);
  return out;
}

/**
 * Content words of a question (after glossary expansion): jieba words without stopwords,
 * punctuation or single Latin letters; numbers kept apart; Latin words dropped when the
 * question is English, or when `translated` holds them (their Chinese expansions stand for them).
 */
export function questionTerms(question: string, expanded: string, names: string[] = [], translated: ReadonlySet<string> = new Set()): QuestionTerms {
  const english = isMostlyLatin(question);
  let folded = foldForMatch(expanded);
  const words = new Set<string>();
  const numbers = new Set<string>();
  // Names the corpus knows (its organisations) stay whole: jieba would cut 吉利尔比彤康 into 吉利 / 尔比.
  for (const name of names) {
    if (!folded.includes(name)) continue;
    words.add(name);
    folded = folded.split(name).join(' ');
  }
  // Question phrases the segmenter would cut into content-looking pieces (多长时间 -> 多 / 长时间).
  folded = folded.replace(QUESTION_PHRASES, ' ');
  // A large figure in digits is found as the articles write it (200,000 -> 20万).
  folded = myriadFigures(folded);
  // A round figure (上万户, 数百家) is a claimed amount, not a word to find.
  folded = folded.replace(/[上数近逾过][十百千万亿]/g, ' ');
  // A decade or a century said (上世纪80年代, 20世纪) is a claimed time: its number is kept, its words are not to find.
  folded = folded.replace(/(?:上|\d{2})?世纪(?=\d0年代)|(?<=\d0)年代|(?:上|\d{2})世纪/g, ' ');
  // The 年 of a year is not the head of the next word (2022年产了 is 2022年 / 产了, not 年产).
  folded = folded.replace(/(\d{2,4}年)(?=[\u4e00-\u9fff])/g, '$1 ');
  const minor = functionWords(folded);
  // The kind of place a which-word asks (哪个县, 哪一个镇) is the kind of answer, not a word to find (全县 of every county's sentences).
  for (const m of folded.matchAll(/哪[一几]?个?([县镇市乡村省区])/g)) minor.add(m[1]!);
  // An English question's translations are words each (肉 好 is 肉 and 好, not a name cut into characters).
  const cut = english ? folded.split(/\s+/).flatMap((part) => mergeSingleChars(cutWords(part))) : mergeSingleChars(cutWords(folded));
  for (const [i, w] of cut.entries()) {
    if (minor.has(w)) continue;
    // A directional complement after its verb (酿出来, 拉出去, 发展起来) says which way, not what is asked; a light verb
    // with its result (做成, 搞好) says as little as the verb alone.
    if (DIRECTIONAL_COMPLEMENT.test(w) && /[\u4e00-\u9fff]$/.test(cut[i - 1] ?? '')) continue;
    if (w.length === 2 && STOPWORDS.has(w[0]!) && RESULT_COMPLEMENT.includes(w[1]!)) continue;
    // A placeholder (XX之乡, 某某) stands for what is asked, not a word to find.
    if (/^(?:x{2,}|某某)$/.test(w)) continue;
    // A lone 儿 after a word is its spoken suffix (名儿, 这儿), not a word of its own.
    if (w === '儿' && /[\u4e00-\u9fff]$/.test(cut[i - 1] ?? '')) continue;
    if (/^\d+(\.\d+)?$/.test(w)) numbers.add(w);
    else if (/^(多少|几)./.test(w)) continue; // 多少度, 几家: the question word with its unit (see ASKS_UNIT)
    else if (/^(?:哪些|哪个|哪几|什么)./.test(w)) continue; // 哪些项目: the dictionary's question phrase; its noun comes apart too
    else if (STOPWORDS.has(w) || NUMERAL_CLASSIFIER.test(w) || ((english || translated.has(w)) && /^[a-z]+$/.test(w)) || /^[a-z]$/.test(w)) continue;
    else words.add(w);
  }
  // Drop words contained in a longer content word (search-mode cuts give both 中药材 and 中药).
  const all = [...words];
  const list = all.filter((w) => !all.some((o) => o !== w && o.length > w.length && o.includes(w)));
  // What is asked is read in simplified characters (記者是誰 -> 记者是谁).
  const q = foldForMatch(question);
  const asksWhen = ASKS_WHEN.test(q);
  const unit = asksWhen ? '' : askedUnit(question, english ? expanded.slice(question.length) : '');
  const numberList = [...numbers];
  const numberUnits = numberList.map((n) => countedNumber(n, `[${COUNTING_UNITS}]`, true).exec(q)?.[1] ?? '');
  return {
    words: list,
    numbers: numberList,
    numberUnits,
    numberCounted: numberUnits.map((unit, i) => (unit ? countedNumber(numberList[i]!, unit) : null)),
    asksNumber: !asksWhen && ASKS_NUMBER.test(asListWording(q)),
    countsItems: !asksWhen && COUNTS_ITEMS.test(q),
    asksWhen,
    unit,
    asksList: ASKS_LIST.test(q),
    asksAuthor: ASKS_AUTHOR.test(q),
    asksWhy: REASON.test(q),
    asksSpot: ASKS_SPOT.test(q),
    english,
  };
}

/**
 * A three-character word the corpus never uses read as the corpus word it is made of plus one character
 * (养蜜蜂 -> 蜜蜂, 卖茧子 -> 茧子): the segmenter joined a known word with a classifier or a verb; a two-character
 * noun with a suffix the corpus drops read as its stem (茧子 -> 茧). The word itself when no such part is known;
 * the part before or after a comparison's particle (量比 -> 量).
 */
export function knownCore(word: string, idf: (w: string) => number, inDictionary: (w: string) => boolean = () => false): string {
  // 出栏量比屠宰量 cut as 出栏/量比/屠宰/量: a word the corpus never uses, joined across the particle that
  // sets two sides apart (比, 和, 与, 跟), a preposition (钱离一个亿 -> 钱离) or the comparative it is asked
  // by (哪件事早 -> 事早), is its other part; a dictionary word (县长) is a word.
  const particle = /^(?:比(?![例重率较])|[和与跟])|(?:(?<!对)比|(?<!总)和|[与跟])$|(?<=^[\u4e00-\u9fff])[离从给对早晚多少高低长久]$/.exec(word);
  if (particle && word.length <= 3 && idf(word) === 0 && !inDictionary(word)) {
    return word.replace(particle[0], '');
  }
  // A noun with a suffix (茧子, 个头) the corpus says without it: its stem (茧).
  if (word.length === 2 && /^[\u4e00-\u9fff][子儿头]$/.test(word) && idf(word) === 0 && idf(word[0]!) > 0) return word[0]!;
  // Three characters only: a longer unknown word (高新技术) is a term of its own, not a known one with a character added.
  if (word.length !== 3 || idf(word) > 0 || !/^[\u4e00-\u9fff]+$/.test(word)) return word;
  const [head, tail] = [word.slice(0, -1), word.slice(1)];
  const known = [head, tail].filter((w) => idf(w) > 0).sort((a, b) => idf(b) - idf(a));
  return known[0] ?? word;
}

/** The kind of organisation a question asks which one of (哪所大学, which university -> 大学), "" when none. */
export function askedOrganisationKind(question: string, translations: (word: string) => string[]): string {
  const kinds: readonly string[] = ORGANISATION_KINDS;
  const zh = new RegExp(`哪一?[所家个位座]?(${kinds.join('|')})`).exec(foldForMatch(question))?.[1];
  if (zh) return zh;
  const noun = /\b(?:which|what) ([a-z]+)/i.exec(question)?.[1];
  return noun ? (translations(noun).find((w) => kinds.includes(w)) ?? '') : '';
}

/** True when a (folded) sentence names an organisation of `kind` (山西大学 for 大学) that the (folded) question does not name. */
export function namesOtherOfKind(sentence: string, kind: string, question: string): boolean {
  // (The name by its last two characters before the kind: 西大学 of 和山西大学, whatever word comes before it.)
  for (let at = sentence.indexOf(kind, 2); at >= 0; at = sentence.indexOf(kind, at + 1)) {
    const name = sentence.slice(at - 2, at + kind.length);
    if (/^[\u4e00-\u9fff]{2}/.test(name) && !question.includes(name)) return true;
  }
  return false;
}
