// Tokens for lexical matching: jieba words plus Han character bigrams, on folded text.
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { foldForMatch } from '../ingest/normalize-text.js';
import { FUNCTION_WORDS } from './function-words.js';

const jieba = Jieba.withDict(dict);
const WORDLIKE = /[\p{L}\p{N}]/u;
const HAN_RUN = /[\u4e00-\u9fff]+/g;
/** Prefix that keeps bigram tokens apart from two-character words. */
export const BIGRAM_PREFIX = '§';

/** Jieba search-mode words (dictionary only, no HMM guesses) of folded text, without punctuation and spaces. */
export function cutWords(folded: string): string[] {
  return jieba.cutForSearch(folded, false).filter((t) => WORDLIKE.test(t) && t.trim() === t);
}

/**
 * Words jieba tags as function words in a folded text (已经, 把, 因为…). jieba's tag is its HMM cut with
 * each word's dictionary tag (a word outside the dictionary is tagged x, m or eng, never a function
 * tag), so this is the HMM cut's words in the dictionary's function words, without a tag object per word.
 */
export function functionWords(folded: string): Set<string> {
  const out = new Set<string>();
  for (const word of jieba.cut(folded, true)) if (FUNCTION_WORDS.has(word)) out.add(word);
  return out;
}

/** Parts of speech of words that predicate or modify: verbs, adjectives, adverbs, idioms and set phrases, and measure words (圈里 of 陶瓷圈里). */
const PREDICATE_TAGS = /^(?:v[a-z]*|a[a-z]*|d|l|i|q)$/;

/**
 * Jieba's tag of a word alone; a word it cuts into several is tagged "+" and its first part's tag ("" for no text).
 * Kept by word (scoring asks it of a question's unknown words once per sentence), cleared past the limit.
 */
const wordTags = new Map<string, string>();
const TAG_CACHE_LIMIT = 10_000;

function tagOf(word: string): string {
  let tag = wordTags.get(word);
  if (tag === undefined) {
    const tags = jieba.tag(word, true);
    tag = tags.length === 1 ? tags[0]!.tag : tags.length > 1 ? `+${tags[0]!.tag}` : '';
    if (wordTags.size >= TAG_CACHE_LIMIT) wordTags.clear();
    wordTags.set(word, tag);
  }
  return tag;
}

/**
 * True when jieba tags a word, alone, as a verb, an adjective, an adverb or an idiom (牵头, 跑, 一天到晚), not as a
 * noun, a numeral or a word of time or place (董事长, 第二批, 春天, 北方): what a question says of a thing, not the thing.
 * (A word jieba cuts is read by its first part.)
 */
export function isPredicateWord(word: string): boolean {
  return PREDICATE_TAGS.test(tagOf(word).replace(/^\+/, ''));
}

/** True for a word jieba tags as a numeral that says "many" or "few" and names no number (好多, 许多, 大多): an indefinite amount. */
export function isIndefiniteAmount(word: string): boolean {
  return tagOf(word) === 'm' && /[多少许些]/.test(word) && !/[\d一二三四五六七八九十百千万亿两几半]/.test(word);
}

/** True when jieba tags a word as an adjective or an adverb (响亮, 一直): how a thing is, not what it is. */
export function isModifierWord(word: string): boolean {
  return /^(?:a|ad|an|d)$/.test(tagOf(word));
}

/** True when jieba tags a word as a time word (如今, 清朝, 眼下). */
export function isTimeWord(word: string): boolean {
  return tagOf(word) === 't';
}

/** True when jieba tags a word as a locative made of a noun and a position word (手里, 手上, 家里): where, said loosely. */
export function isLocativeWord(word: string): boolean {
  return tagOf(word) === 's' && /[里上头中内]$/.test(word);
}

/** True when jieba knows a word whole as an idiom or set phrase (从头到尾, 一天到晚): how something is said, never a thing. */
export function isIdiomWord(word: string): boolean {
  return /^[il]$/.test(tagOf(word));
}

/**
 * A character that, standing alone, jieba reads as neither an adjective nor a place: 猪, 蜂 can name a thing by
 * themselves, 红 (红火) and 华 (华北) say something else.
 */
export function namesAlone(char: string): boolean {
  return !/^(?:a|ns)$/.test(tagOf(char));
}

/** Parts of speech of measure words: quantifiers, numerals (吨, 辆 come tagged m), and bound morphemes like 件. */
const MEASURE_TAGS = /^(?:q|m|zg)$/;

/** Words jieba tags as measure words in a folded text (箱, 件, 株), in context. */
export function measureWords(folded: string): Set<string> {
  return new Set(jieba.tag(folded, true).filter((t) => MEASURE_TAGS.test(t.tag)).map((t) => t.word));
}

/** Words jieba tags as place names in a folded text (晋城, 山西). */
export function placeNames(folded: string): Set<string> {
  return new Set(jieba.tag(folded, true).filter((t) => t.tag === 'ns').map((t) => t.word));
}

/** Character bigrams of each Han run (a one-character run yields nothing). */
export function hanBigrams(folded: string): string[] {
  const out: string[] = [];
  for (const [run] of folded.matchAll(HAN_RUN)) {
    for (let i = 0; i + 1 < run.length; i++) out.push(BIGRAM_PREFIX + run.slice(i, i + 2));
  }
  return out;
}

/**
 * Lexical tokens of a document or query: folded (Traditional→Simplified, full→half width,
 * lower case), then jieba words and Han bigrams. Documents and queries go through the same path.
 */
export function tokenize(text: string): string[] {
  return tokenizeFolded(foldForMatch(text));
}

/** tokenize of text already folded with foldForMatch (the build folds each chunk once). */
export function tokenizeFolded(folded: string): string[] {
  return [...cutWords(folded), ...hanBigrams(folded)];
}

/**
 * Tokens of a search query: tokenize's, less each bigram that repeats a two-character word of the
 * query (their postings are nearly the same, and scoring both counts that word twice).
 */
export function queryTokens(text: string): string[] {
  const folded = foldForMatch(text);
  const cut = cutWords(folded);
  const words = new Set<string>();
  for (const t of cut) if (!t.startsWith(BIGRAM_PREFIX)) words.add(t);
  // tokenize's tokens, each once in first-seen order, without those bigrams (built only when kept).
  const out = new Set<string>();
  for (const t of cut) if (!(t.startsWith(BIGRAM_PREFIX) && words.has(t.slice(BIGRAM_PREFIX.length)))) out.add(t);
  forEachHanBigram(folded, (pair) => {
    if (!words.has(pair)) out.add(BIGRAM_PREFIX + pair);
  });
  return [...out];
}

/** Calls `visit` with each character bigram of each Han run (hanBigrams' pairs, unprefixed), without a regex match per run. */
function forEachHanBigram(folded: string, visit: (pair: string) => void): void {
  for (let i = 0; i + 1 < folded.length; i++) {
    const a = folded.charCodeAt(i);
    const b = folded.charCodeAt(i + 1);
    if (a >= 0x4e00 && a <= 0x9fff && b >= 0x4e00 && b <= 0x9fff) visit(folded.slice(i, i + 2));
  }
}
