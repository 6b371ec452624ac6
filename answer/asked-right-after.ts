// Whether a question word follows a word directly (占地多少亩, 赚了多少): a string scan, not a regex built per word.
/** Question words that, right after a verb, say the verb is what is asked. */
const QUESTION_WORDS = ['多少', '多大', '多长', '多久', '几', '哪', '什么', '啥'];
const QUESTION_WORDS_SOURCE = QUESTION_WORDS.join('|');
/** Characters that mean something in a regex source. */
const REGEX_SYNTAX = /[\\^$.|?*+()[\]{}]/;

/**
 * True when `word` occurs in `text` followed directly, or after one 了, by a question word: what
 * `new RegExp(word + '了?(?:多少|多大|多长|多久|几|哪|什么|啥)').test(text)` says, without compiling a
 * regex per word (a word holding regex syntax is still read as that regex).
 */
export function askedRightAfter(text: string, word: string): boolean {
  if (REGEX_SYNTAX.test(word)) return new RegExp(`${word}了?(?:${QUESTION_WORDS_SOURCE})`).test(text);
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
    const next = at + word.length;
    for (const q of QUESTION_WORDS) if (text.startsWith(q, next) || (text[next] === '了' && text.startsWith(q, next + 1))) return true;
  }
  return false;
}
