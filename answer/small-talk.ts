// Greetings, thanks and "who are you / what can you do / help": detected before retrieval and answered with a short intro.

/** What a small-talk message is: a greeting, thanks, a question about the assistant, or a request for help. */
export type SmallTalkKind = 'greeting' | 'thanks' | 'identity' | 'help';

/** Phrases, folded (lower case, no spaces or punctuation), longest first so "你好呀" is not read as "你好" + "呀". */
const PHRASES: [SmallTalkKind, string[]][] = [
  ['identity', ['你是谁', '您是谁', '你是什么', '你叫什么名字', '你叫什么', '你是机器人吗', '你是人吗', 'whoareyou', 'whatareyou']],
  [
    'help',
    ['你能做什么', '你可以做什么', '你会做什么', '你能干什么', '你会什么', '能做什么', '有什么功能', '怎么用', '如何使用', '使用说明', '帮助', '帮忙', '菜单', 'whatcanyoudo', 'help'],
  ],
  ['thanks', ['非常感谢', '谢谢你', '谢谢您', '谢谢', '多谢', '感谢', '辛苦了', 'thankyou', 'thanks', 'thx']],
  [
    'greeting',
    ['你好', '您好', '大家好', '早上好', '上午好', '中午好', '下午好', '晚上好', '早安', '晚安', '在吗', '在不在', '哈喽', '哈啰', '嗨', '喂', 'hello', 'hey', 'hi', 'hallo', '小助手', '助手'],
  ],
];

/** Particles and fillers that may surround small talk without making it a question. */
const FILLER = /^(啊|呀|呢|吧|哦|喔|噢|嗯|哈+|啦|呐|请问|那个|好的|好|ok|okay|there|assistant|bot|a|again|so|much|very)/;

const ORDERED = PHRASES.flatMap(([kind, list]) => list.map((p) => [kind, p] as const)).sort((a, b) => b[1].length - a[1].length);

/** Lower case without whitespace, punctuation, symbols or emoji. */
function fold(text: string): string {
  return text.toLowerCase().replace(/[\s\p{P}\p{S}\p{Extended_Pictographic}\u200d\ufe0f]/gu, '');
}

/**
 * The kind of small talk a message is, or null when it holds anything else (a real question that
 * merely starts with 你好 is null). A message mixing kinds ("你好，你能做什么？") takes the most
 * specific: identity, then help, then thanks, then greeting.
 */
export function detectSmallTalk(message: string): SmallTalkKind | null {
  let rest = fold(message);
  if (rest === '' || rest.length > 24) return null;
  const found = new Set<SmallTalkKind>();
  while (rest !== '') {
    const phrase = ORDERED.find(([, p]) => rest.startsWith(p));
    if (phrase) {
      found.add(phrase[0]);
      rest = rest.slice(phrase[1].length);
      continue;
    }
    const filler = FILLER.exec(rest);
    if (!filler) return null;
    rest = rest.slice(filler[0].length);
  }
  return PHRASES.map(([kind]) => kind).find((kind) => found.has(kind)) ?? null;
}

/** Example questions known to be answered from the bundled articles, by town; other towns get a generic one. */
const EXAMPLES: Record<string, string> = {
  泽州山楂红酒: '泽州山楂的栽培历史有多久？',
  高平生猪: '高平2022年生猪出栏多少头？',
  沁水蜂蜜: '沁水蜂蜜有哪些称号？',
  阳城蚕桑: '阳城2022年蚕茧产量是多少？',
  陵川中药材: '陵川中药材种类有多少种？',
};

/** Three example questions for the towns of an index: known good ones first, then one per remaining town. */
export function exampleQuestions(towns: string[], count = 3): string[] {
  const known = towns.filter((t) => EXAMPLES[t]).map((t) => EXAMPLES[t]!);
  const generic = towns.filter((t) => !EXAMPLES[t]).map((t) => `${t}的发展情况怎么样？`);
  return [...known, ...generic].slice(0, count);
}

const OPENERS: Record<SmallTalkKind, [zh: string, en: string]> = {
  greeting: ['您好！', 'Hello!'],
  thanks: ['不客气，很高兴能帮上忙！', "You're welcome!"],
  identity: ['我是晋城专业镇问答助手。', "I'm the Jincheng specialty-towns assistant."],
  help: ['我可以帮您查阅晋城专业镇的新闻报道。', 'I answer questions from news articles about the specialty towns of Jincheng.'],
};

/**
 * The reply to small talk: an opener, what the assistant covers (the index's `towns`), and the
 * example questions, numbered; short enough for one phone screen (about 200 characters for nine towns).
 */
export function smallTalkReply(kind: SmallTalkKind, towns: string[], examples: string[], english = false): string {
  const [zh, en] = OPENERS[kind];
  const list = examples.map((q, i) => `${i + 1}. ${q}`).join('\n');
  if (english) {
    const covers = towns.length ? ` It covers ${towns.length} specialty towns: ${towns.join('、')}.` : '';
    return `${en}${kind === 'identity' || kind === 'help' ? '' : ' I answer questions about the specialty towns of Jincheng from news articles, with the sources quoted.'}${covers}\n\nTry asking (in Chinese):\n${list}`;
  }
  const covers = towns.length ? `晋城${towns.length}个专业镇（${towns.join('、')}）` : '晋城的专业镇';
  return `${zh}我根据新闻报道回答关于${covers}的问题，并附上原文出处。\n\n您可以这样问：\n${list}`;
}

const LEADING_GREETING = /^\s*(?:你好|您好|哈喽|嗨|hi|hello|hey)(?:呀|啊)?(?:[\s,，!！。~～]+)(?=\S)/i;

/** The question without a leading greeting ("你好，沁水蜂蜜有哪些称号？" → "沁水蜂蜜有哪些称号？"); else unchanged. */
export function withoutGreeting(question: string): string {
  return question.replace(LEADING_GREETING, '');
}
