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
