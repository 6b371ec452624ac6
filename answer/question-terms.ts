// What a question asks for: its content words (weighted), numbers, and the kind of answer wanted.
import { foldForMatch } from '../ingest/index.js';
import { cutWords } from '../index/index.js';

/** Function words and question words that carry no evidence of their own. */
const STOPWORDS = new Set(
  (
    '的 了 是 在 有 和 与 及 或 吗 呢 吧 啊 呀 么 嘛 哦 个 些 这 那 其 它 他 她 们 我 你 您 谁 什么 哪 哪些 哪个 哪里 哪儿 ' +
    '多少 几 几个 多久 多长 多大 多高 多远 怎么 怎样 怎么样 如何 为什么 为何 是否 是不是 有没有 请问 请 问 一下 介绍 ' +
    '说说 讲讲 告诉 知道 想 想知道 能 能否 可以 会 要 都 也 还 就 又 被 把 对 从 到 给 让 由 以 为 于 上 下 中 里 ' +
    '一 一个 一共 共 总共 大概 大约 左右 情况 方面 具体 主要 现在 目前 当时 之 所 等 啥 咋 呗 嗯 该 该县 这个 那个 ' +
    '分别 各 各自 以及 并且 而且 还是 还有 哪年 哪一年 何时 什么时候 时候 相关 关于 有关 方面 内容 信息 多 少'
  ).split(/\s+/),
);

const ASKS_NUMBER = /多少|几|多久|多长|多大|多高|多远|哪年|哪一年|何时|什么时候|how (many|much|long|old)|when|what year|number of/i;

/** A question's evidence terms: folded content words and the numbers it names. */
export type QuestionTerms = {
  words: string[];
  numbers: string[];
  /** The question asks for a quantity or a date. */
  asksNumber: boolean;
  /** The question is written mostly in Latin letters (answer notices in English). */
  english: boolean;
};

/** True when most letters of the text are Latin. */
export function isMostlyLatin(text: string): boolean {
  const latin = text.match(/[A-Za-z]/g)?.length ?? 0;
  const han = text.match(/[\u4e00-\u9fff]/g)?.length ?? 0;
  return latin > 2 * han;
}

/**
 * Content words of a question (after glossary expansion): jieba words without stopwords,
 * punctuation or single Latin letters; numbers kept apart; Latin words dropped when the
 * question is English (their Chinese expansions stand for them).
 */
export function questionTerms(question: string, expanded: string): QuestionTerms {
  const english = isMostlyLatin(question);
  const folded = foldForMatch(expanded);
  const words = new Set<string>();
  const numbers = new Set<string>();
  for (const w of cutWords(folded)) {
    if (/^\d+(\.\d+)?$/.test(w)) numbers.add(w);
    else if (STOPWORDS.has(w) || (english && /^[a-z]+$/.test(w)) || /^[a-z]$/.test(w)) continue;
    else words.add(w);
  }
  // Drop words contained in a longer content word (search-mode cuts give both 中药材 and 中药).
  const list = [...words].filter((w) => ![...words].some((o) => o !== w && o.length > w.length && o.includes(w)));
  return { words: list, numbers: [...numbers], asksNumber: ASKS_NUMBER.test(question), english };
}
