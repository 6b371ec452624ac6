// Names the corpus writes in Chinese, as an English question writes them in pinyin (彤康 -> Tongkang, 陈云华 -> Chen Yunhua).
import { pinyin } from 'pinyin-pro';

/** Shortest romanised key kept: shorter ones (Li, Wang) would match ordinary English words or other names. */
const MIN_KEY_LETTERS = 4;
/** Most Latin words one name is written in (Chen Yunhua, Ji Li Er). */
const MAX_WORDS = 3;

/** The toneless pinyin of a Chinese name, lower case, without spaces (彤康 -> tongkang); "" when it has no Han character. */
export function romanisedKey(name: string): string {
  if (!/[\u4e00-\u9fff]/.test(name)) return '';
  return pinyin(name, { toneType: 'none', type: 'array', nonZh: 'removed' }).join('').toLowerCase().replace(/[^a-z]/g, '');
}

/** Romanised key -> name, for names with a key of at least MIN_KEY_LETTERS letters; the first name of a key wins. */
export function romanisedNames(names: Iterable<string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of names) {
    const key = romanisedKey(name);
    if (key.length >= MIN_KEY_LETTERS && !out.has(key)) out.set(key, name);
  }
  return out;
}

/**
 * The question with every run of one to MAX_WORDS Latin words that spells a known name in pinyin
 * replaced by the name ("Was Tongkang founded before Jilier?" -> "Was 彤康 founded before 吉利尔?").
 * Longer runs are tried first; a question without Latin letters is returned as it is.
 */
export function withNativeNames(question: string, names: Map<string, string>): string {
  if (names.size === 0 || !/[a-z]/i.test(question)) return question;
  const words = [...question.matchAll(/[A-Za-z]+/g)];
  let out = '';
  let from = 0;
  for (let i = 0; i < words.length; ) {
    let matched = 0;
    for (let n = Math.min(MAX_WORDS, words.length - i); n >= 1 && !matched; n--) {
      const run = words.slice(i, i + n);
      // The words of one name stand next to each other, separated by spaces or hyphens only.
      const joined = run.every((w, j) => j === 0 || /^[\s-]*$/.test(question.slice(run[j - 1]!.index! + run[j - 1]![0].length, w.index)));
      const name = joined ? names.get(run.map((w) => w[0].toLowerCase()).join('')) : undefined;
      if (name) {
        const start = run[0]!.index!;
        const last = run[n - 1]!;
        out += question.slice(from, start) + name;
        from = last.index! + last[0].length;
        matched = n;
      }
    }
    i += matched || 1;
  }
  return out + question.slice(from);
}

/** Closed-class characters (question words, classifiers, particles, degree words): written on purpose, never the typo (有几 is no 有机). */
const FUNCTION_CHARS = '几多少大小种个家位有是的了在和与及这那哪什么啥谁吗呢吧啊呀也都还就又很最更太比把被给从到对为';

/** Toneless pinyin of single characters, kept: a question's pairs are keyed per character, no pinyin-pro call per pair. */
const charKeys = new Map<string, string>();

/** The toneless pinyin of two characters, each read alone (路绸 -> luchou); the same reading for corpus words and questions. */
export function pairKey(pair: string): string {
  let key = '';
  for (const c of pair) {
    let k = charKeys.get(c);
    if (k === undefined) charKeys.set(c, (k = romanisedKey(c)));
    key += k;
  }
  return key;
}

/** Question words, read for their homophones whether or not the articles use them (神么 -> 什么). */
export const QUESTION_WORDS = ['什么', '怎么', '多少', '哪里', '怎样', '为何'];

/**
 * Two-character corpus words by their toneless pinyin (luchou -> [潞绸]), for reading typed homophones:
 * the segmenter's words and the character pairs of names (towns, organisations), not every pair of characters
 * (pairs across words would turn 董事长 into 董事场).
 */
export function homophoneIndex(words: Iterable<string>, names: Iterable<string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const pairs = [...names].flatMap((n) => [...n].slice(1).map((c, i) => n[i]! + c));
  for (const t of [...words, ...pairs]) {
    if (!/^[\u4e00-\u9fff]{2}$/.test(t)) continue;
    const key = pairKey(t);
    const same = out.get(key) ?? [];
    if (!same.includes(t)) out.set(key, [...same, t]);
  }
  return out;
}

/** First code unit of the Han range questions' runs are cut from (U+4E00–U+9FFF), and its size. */
const HAN_FIRST = 0x4e00;
const HAN_SPAN = 0x5200;
/** pairKey of Han pairs by their two code units ((a - HAN_FIRST) * HAN_SPAN + (b - HAN_FIRST), a small integer), cleared past PAIR_KEY_LIMIT. */
const pairKeysByCode = new Map<number, string>();
const PAIR_KEY_LIMIT = 200_000;

/** pairKey of the two Han characters at `at` in `run`, kept per pair: no string is cut or joined for a pair seen before. */
function pairKeyAt(run: string, at: number): string {
  const code = (run.charCodeAt(at) - HAN_FIRST) * HAN_SPAN + (run.charCodeAt(at + 1) - HAN_FIRST);
  let key = pairKeysByCode.get(code);
  if (key === undefined) {
    key = pairKey(run.slice(at, at + 2));
    if (pairKeysByCode.size >= PAIR_KEY_LIMIT) pairKeysByCode.clear();
    pairKeysByCode.set(code, key);
  }
  return key;
}

/**
 * The one corpus term of `index` that the typed pair at `at` in a Han run may stand for: same sound, the pair's character kept in its
 * place, the other one no closed-class character; undefined when none or more than one fits. Loops, no arrays:
 * asked of every pair of every question.
 */
function soundsLike(run: string, at: number, index: Map<string, string[]>): string | undefined {
  const same = index.get(pairKeyAt(run, at));
  if (same === undefined) return undefined;
  const pair = run.slice(at, at + 2);
  let fit: string | undefined;
  for (const t of same) {
    if (t === pair || !(t[0] === pair[0] ? !FUNCTION_CHARS.includes(pair[1]!) : t[1] === pair[1] && !FUNCTION_CHARS.includes(pair[0]!))) continue;
    if (fit !== undefined) return undefined;
    fit = t;
  }
  return fit;
}

/**
 * The question with each two characters the corpus never writes together (and neither of which belongs to a
 * segmenter word `isWord` next to them) read as the one corpus term
 * that sounds the same and shares a character with them (路绸 -> 潞绸, 凯勇 -> 凯永, 峰农 -> 蜂农): the
 * typo a pinyin keyboard makes. Left as written when no term, or more than one, fits.
 */
export function withHomophones(question: string, index: Map<string, string[]>, known: (word: string) => boolean, isWord: (word: string) => boolean = known): string {
  return question.replace(/[\u4e00-\u9fff]{2,}/g, (run) => {
    // The run is copied only where a pair is read as a term (most runs have none).
    let out = '';
    let from = 0;
    for (let i = 0; i + 1 < run.length; ) {
      // A character kept in its place (路绸 -> 潞绸), not the pair turned round (羊养 is no 养羊); a numeral,
      // demonstrative or question word starts a phrase (一部, 那边, 多远), not a typo.
      const fit = soundsLike(run, i, index);
      // A character that ends the known word before it (产值|能) or starts the one after it is no part of a typo
      // (checked only for the pairs that sound like one corpus term: most sound like none).
      if (fit !== undefined && !((i > 0 && isWord(run.slice(i - 1, i + 1))) || (i + 3 <= run.length && isWord(run.slice(i + 1, i + 3)))) && !/^[一二两三四五六七八九十几这那哪每多怎什啥]/.test(run[i]!) && !known(run.slice(i, i + 2))) {
        out += run.slice(from, i) + fit;
        i += 2;
        from = i;
      } else {
        i += 1;
      }
    }
    return from === 0 ? run : out + run.slice(from);
  });
}

/** Shortest capitalised word read as a two-character name in pinyin (Jinfen, Shanxi): shorter ones are mostly English. */
const MIN_PAIR_LETTERS = 5;

/** The corpus's two-character runs by their toneless pinyin (jinfen -> [晋汾]). */
export function romanisedPairs(pairs: Iterable<string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const pair of pairs) {
    if (!/^[\u4e00-\u9fff]{2}$/.test(pair)) continue;
    const key = pairKey(pair);
    if (key.length < MIN_PAIR_LETTERS) continue;
    const same = out.get(key);
    if (!same) out.set(key, [pair]);
    else if (!same.includes(pair)) same.push(pair);
  }
  return out;
}

/**
 * The question with each capitalised Latin word inside it (a name, not the word opening the question) that spells exactly
 * one two-character run of the corpus in pinyin read as that run (the Jinfen white pig -> the 晋汾 white pig): a name the
 * segmenter keeps in pieces, so no name list has it. A word the dictionary `translated` (Zezhou, Beijing) is read by it.
 */
export function withRomanisedPairs(question: string, pairs: Map<string, string[]>, translated: (word: string) => boolean): string {
  if (!/[A-Z]/.test(question)) return question;
  return question.replace(/(?<=\S\s+)[A-Z][a-z]+\b/g, (word) => {
    const same = word.length >= MIN_PAIR_LETTERS ? pairs.get(word.toLowerCase()) : undefined;
    return same?.length === 1 && !translated(word) ? same[0]! : word;
  });
}
