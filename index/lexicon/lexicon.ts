// Lookups over a lexicon table: paraphrases of Chinese words, English question translation, short English glosses.
import type { LexiconTable } from './build-lexicon.js';
import type { Dictionary } from './dictionary.js';
import { MAX_CORPUS_WORDS, MAX_ENGLISH_WORDS, MAX_OTHER_WORDS } from './english-index.js';
import { baseForms, englishWords, ENGLISH_STOPWORDS } from './english-words.js';
import type { LexiconOverrides } from './lexicon-overrides.js';
import { VERBAL } from './lexicon-digest.js';
import { findString, stringAt } from './string-table.js';

/** A corpus word that paraphrases the asked word; weight in (0, 1], higher is closer. */
export type RelatedWord = { word: string; weight: number };
/** An English word or phrase of a question and the Chinese words it stands for. */
export type Translation = { term: string; chinese: string[] };

type Scored = { target: number; weight: number };
/** One English phrase's Chinese words (see translatePhrase); shared between questions: read only. */
type PhraseTranslation = { readonly chinese: string[]; readonly sure: boolean; readonly own: boolean; readonly phrase: boolean };

/** Results kept per word, phrase or question (relatedWords, the dictionary's English, a question's translations); each cache is cleared when it grows past this. */
const CACHE_LIMIT = 10_000;

/** `compute(key)`, kept in `cache` (cleared when full): for lookups that are pure over the lexicon. */
function cached<T>(cache: Map<string, T>, key: string, compute: (key: string) => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    value = compute(key);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, value);
  }
  return value;
}

/**
 * The lexicon of one index: its corpus table (see buildLexicon), the dictionary it was built
 * with, and the hand-kept overrides. Every lookup is a binary search over them (nothing decoded at load).
 */
/** English words that qualify an amount without naming what it is of (total output value is an output value). */
const AMOUNT_MODIFIERS = new Set(['total', 'overall', 'gross', 'combined', 'annual', 'yearly', 'whole', 'entire']);

export class Lexicon {
  /** Per dictionary word: 1 for a corpus word (built on the first English question). */
  private corpusMark: Uint8Array | null = null;
  /** relatedWords' results: answer scoring asks for the same word's paraphrases once per sentence. */
  private readonly relatedCache = new Map<string, readonly RelatedWord[]>();
  /** dictionaryEnglish's results: a common phrase ranks hundreds of dictionary words. */
  private readonly englishCache = new Map<string, string[]>();
  /** translatePhrase's results by phrase: questions share their phrases (how many, a county's name, a unit), and a phrase's translation tries every combination of its words' forms. */
  private readonly phraseCache = new Map<string, PhraseTranslation>();
  /** translations' results: retrieval, the answer's terms and its town check each expand the same question. */
  private readonly translationCache = new Map<string, readonly (Translation & { own: boolean })[]>();
  /** Word -> its antonyms (see antonymsOf), built on the first call. */
  private antonymMap: Map<string, string[]> | null = null;

  constructor(
    private readonly table: LexiconTable,
    private readonly dictionary: Dictionary,
    private readonly overrides: LexiconOverrides,
  ) {}

  private target(word: string): number {
    return findString(this.table.targets, word);
  }

  private related(word: string): Scored[] {
    const key = findString(this.table.keys, word);
    if (key < 0) return [];
    const out: Scored[] = [];
    for (let i = this.table.relOffsets[key]!; i < this.table.relOffsets[key + 1]!; i++) out.push({ target: this.table.relTargets[i]!, weight: this.table.relWeights[i]! / 255 });
    return out;
  }

  /**
   * Corpus words that paraphrase `word` (folded, Simplified), best first, weight in (0, 1]: gloss
   * overlap and WordNet links from CC-CEDICT (see relateWords). A word the dictionary does not
   * relate but whose two parts it knows is matched part by part against corpus words (卖到 -> 销往:
   * 卖~销, 到~往), weight the geometric mean of the parts' weights. The word itself is never returned; unknown words give [].
   * Kept per word (answer scoring asks once per sentence), so the list is shared: read only.
   */
  relatedWords(word: string): readonly RelatedWord[] {
    return cached(this.relatedCache, word, (w) => Object.freeze(this.findRelated(w)));
  }

  private findRelated(word: string): RelatedWord[] {
    const direct = this.related(word).filter((r) => this.table.corpus[r.target] === 1);
    const found = direct.length || word.length < 2 ? direct : this.composedRelated(word);
    return found.map((r) => ({ word: stringAt(this.table.targets, r.target), weight: r.weight }));
  }

  /** Corpus words made of two parts, each the same as or related to the matching part of `word`. */
  private composedRelated(word: string): Scored[] {
    const best = new Map<number, number>();
    const self = this.target(word);
    for (let k = 1; k < word.length; k++) {
      const first = this.alternatives(word.slice(0, k));
      const second = new Map(this.alternatives(word.slice(k)).map((r) => [r.target, r.weight]));
      for (const a of second.size ? first : []) {
        for (let i = this.table.compoundOffsets[a.target]!; i < this.table.compoundOffsets[a.target + 1]!; i += 2) {
          const weight = Math.sqrt(a.weight * (second.get(this.table.compounds[i]!) ?? 0));
          const target = this.table.compounds[i + 1]!;
          if (target !== self && weight > (best.get(target) ?? 0)) best.set(target, weight);
        }
      }
    }
    return [...best].map(([target, weight]) => ({ target, weight })).sort((a, b) => b.weight - a.weight || a.target - b.target);
  }

  /** A word part and its related targets (corpus words or parts of them), itself at weight 1. */
  private alternatives(part: string): Scored[] {
    const self = this.target(part);
    return [...(self >= 0 ? [{ target: self, weight: 1 }] : []), ...this.related(part)];
  }

  /**
   * Chinese words of one English phrase from the dictionary, in the dictionary's rank order, from
   * the words that have it in their first sense when there are any: up to MAX_CORPUS_WORDS corpus
   * words, then up to MAX_OTHER_WORDS others; [] for an unknown phrase.
   */
  private dictionaryEnglish(phrase: string): string[] {
    return cached(this.englishCache, phrase, (p) => this.rankEnglish(p));
  }

  private rankEnglish(phrase: string): string[] {
    const d = this.dictionary;
    const i = findString(d.phrases, phrase);
    if (i < 0) return [];
    const mark = (this.corpusMark ??= this.markCorpusWords());
    const all = d.englishWords.subarray(d.englishOffsets[i], d.englishOffsets[i + 1]);
    // Words that render the phrase in their first sense come first in rank; when there are any, a
    // word that has it only in a later sense is no translation (总体 "overall; …; population (statistics)").
    const main = all.filter((w) => this.inFirstSense(w, i));
    const ranked = main.length ? main : all;
    // (…but where no first-sense word is one the corpus uses, a corpus word with the phrase in its second sense
    // still renders it: 陶瓷 "pottery and porcelain / ceramics" for ceramics.)
    const ownCorpus = ranked.filter((w) => mark[w] === 1);
    const inCorpus = (ownCorpus.length ? ownCorpus : all.filter((w) => mark[w] === 1 && this.inSense(w, i, 1))).slice(0, MAX_CORPUS_WORDS);
    const others = ranked.filter((w) => mark[w] === 0).slice(0, MAX_OTHER_WORDS);
    return [...inCorpus, ...others].map((w) => stringAt(d.words, w));
  }

  /** True when phrase p is a phrase of word w's first sense, or the head of one of a noun sense ("red wine" -> "wine"). */
  private inFirstSense(w: number, p: number): boolean {
    return this.inSense(w, p, 0);
  }

  /** True when phrase p is a phrase of word w's sense number `nth` (0 = first), or the head of one of a noun sense. */
  private inSense(w: number, p: number, nth: number): boolean {
    const d = this.dictionary;
    const sense = d.wordSenses[w]! + nth;
    if (sense >= d.wordSenses[w + 1]!) return false;
    const noun = d.senseFlags[sense] === 0;
    for (let k = d.phraseStarts[sense]!; k < d.phraseStarts[sense + 1]!; k++) if (d.sensePhrases[k] === p || (noun && d.heads[d.sensePhrases[k]!] === p)) return true;
    return false;
  }

  /** Marks the dictionary words that are corpus words. */
  private markCorpusWords(): Uint8Array {
    const mark = new Uint8Array(this.dictionary.wordSenses.length - 1);
    for (let t = 0; t < this.table.corpus.length; t++) {
      const w = this.table.corpus[t] === 1 ? findString(this.dictionary.words, stringAt(this.table.targets, t)) : -1;
      if (w >= 0) mark[w] = 1;
    }
    return mark;
  }

  /**
   * Chinese words of the phrase of words[at, at+n), given each word's forms (as written, then base
   * forms): the overrides (sure); else, unless all are function words, the dictionary's, corpus
   * words first, then for two words a corpus word spelled by their translations in order ("black
   * goat" -> 黑 + 山羊 = 黑山羊). `sure` when from the overrides or a corpus word.
   */
  private translatePhrase(words: string[], forms: string[][], at: number, n: number): PhraseTranslation {
    // Pure over the phrase's words (forms are their baseForms): kept per phrase, as the dictionary's English is.
    return cached(this.phraseCache, words.slice(at, at + n).join(' '), () => Object.freeze(this.findPhrase(words, forms, at, n)));
  }

  private findPhrase(words: string[], forms: string[][], at: number, n: number): PhraseTranslation {
    let phrases = [''];
    for (let i = at; i < at + n; i++) phrases = phrases.flatMap((p) => forms[i]!.map((w) => (p ? `${p} ${w}` : w)));
    const own = phrases.map((f) => this.overrides.english[f]).find((c) => c !== undefined);
    if (own) return { chinese: own, sure: true, own: true, phrase: n >= 2 };
    if (words.slice(at, at + n).every((w) => ENGLISH_STOPWORDS.has(w))) return { chinese: [], sure: false, own: false, phrase: false };
    const found = [...new Set(phrases.flatMap((f) => this.dictionaryEnglish(f)))];
    const chinese = found.length ? this.preferCorpus(found) : n === 2 ? this.composed(forms[at]!, forms[at + 1]!) : [];
    const sure = chinese.some((w) => this.isCorpusWord(w));
    // A phrase led by a function word (for free, in fact) is an adverbial: its content word says it when the corpus has no word for the whole.
    if (n >= 2 && ENGLISH_STOPWORDS.has(words[at]!) && !sure) return { chinese: [], sure: false, own: false, phrase: false };
    return { chinese, sure, own: false, phrase: n >= 2 && found.length > 0 };
  }

  /**
   * Translates the English words of a question, phrase by phrase: at each word, the longest phrase
   * (up to three words) with a sure translation (see translatePhrase), else the word alone, else
   * the longest phrase with any. Words that match nothing are skipped. A question without Latin words gives [].
   */
  translateEnglish(question: string): Translation[] {
    return this.translations(question).map(({ term, chinese }) => ({ term, chinese }));
  }

  /**
   * The Chinese words that stand for a question's English in retrieval: the overrides' words and
   * the dictionary's corpus words (translations the corpus never uses match nothing, and stray
   * Latin such as markup must not read as unknown terms). [] for a question without Latin words.
   */
  expansionWords(question: string): string[] {
    return [...new Set(this.expansionGroups(question).flat())];
  }

  /**
   * A question's English terms the corpus has no word for (inventory -> 库存): each term's first
   * dictionary translation, so a question about them reads as asking about words the articles never use.
   */
  unknownTerms(question: string): string[] {
    return this.translations(question)
      .filter((t) => !t.own && t.chinese.length > 0 && !t.chinese.some((w) => this.isCorpusWord(w)))
      .map((t) => t.chinese[0]!);
  }

  /** The English words of a question that translate to words the corpus uses (qinshui of qinshui蜂蜜: 沁水). */
  translatedWords(question: string): string[] {
    return this.translations(question)
      .filter((t) => t.own || t.chinese.some((w) => this.isCorpusWord(w)))
      .flatMap((t) => t.term.split(/\s+/));
  }

  /** expansionWords per translated English term: each group holds one term's alternative Chinese words. */
  expansionGroups(question: string): string[][] {
    return this.translations(question)
      .map((t) => (t.own ? t.chinese : t.chinese.filter((w) => this.isCorpusWord(w))))
      .filter((g) => g.length > 0);
  }

  private translations(question: string): readonly (Translation & { own: boolean })[] {
    return cached(this.translationCache, question, (q) => Object.freeze(this.translate(q)));
  }

  private translate(question: string): (Translation & { own: boolean })[] {
    // Single letters ("x", "a") are no words worth translating.
    const words = englishWords(question).filter((w) => w.length > 1);
    const forms = words.map(baseForms);
    const out: (Translation & { own: boolean })[] = [];
    for (let at = 0; at < words.length; ) {
      let pick: { n: number; chinese: string[]; own: boolean } | null = null;
      let longest: { n: number; chinese: string[]; own: boolean } | null = null;
      for (let n = Math.min(MAX_ENGLISH_WORDS, words.length - at); n >= 1 && !pick; n--) {
        const t = this.translatePhrase(words, forms, at, n);
        // A dictionary phrase (exchange rate -> 汇率) means more than its words, whether or not the corpus uses it.
        if (t.sure || t.phrase || (n === 1 && t.chinese.length)) pick = { n, chinese: t.chinese, own: t.own };
        else if (t.chinese.length) longest ??= { n, chinese: t.chinese, own: t.own };
      }
      pick ??= longest;
      // A generic amount modifier (total, annual) leading a phrase the corpus has no word for (total output value ->
      // 总产值) is passed over, so the phrase after it (output value -> 产值) is read in the corpus's words.
      if (pick && pick.n > 1 && AMOUNT_MODIFIERS.has(words[at]!) && !pick.own && !pick.chinese.some((w) => this.isCorpusWord(w))) {
        at += 1;
        continue;
      }
      if (pick) out.push({ term: words.slice(at, at + pick.n).join(' '), chinese: pick.chinese, own: pick.own });
      at += pick?.n ?? 1;
    }
    return out;
  }

  /** True for a word of the corpus the lexicon was built over (not a mere part of one). */
  isCorpusWord(word: string): boolean {
    const i = this.target(word);
    return i >= 0 && this.table.corpus[i] === 1;
  }

  /** Corpus words among the candidates when there are any, else the candidates. */
  private preferCorpus(words: string[]): string[] {
    const inCorpus = words.filter((w) => this.isCorpusWord(w));
    return inCorpus.length ? inCorpus : words;
  }

  /** Corpus words spelled by a dictionary translation of the first word, then one of the second. */
  private composed(first: string[], second: string[]): string[] {
    const options = (forms: string[]) => [...new Set(forms.flatMap((f) => this.dictionaryEnglish(f)))];
    const seconds = options(second);
    return options(first).flatMap((a) => seconds.map((b) => a + b)).filter((w) => this.isCorpusWord(w));
  }

  /**
   * True when the dictionary reads `word` as a verb: its first sense is verbal ("to earn", 挣; "to get
   * along", 过日子). A word it lacks is read by its longest known tail, the head of a Chinese compound
   * (好卖: 卖; 注册资本: 资本, a noun), else its longest known start. False when the dictionary has no part of it.
   */
  isVerbal(word: string): boolean {
    const d = this.dictionary;
    const verbal = (w: number) => d.wordSenses[w]! < d.wordSenses[w + 1]! && (d.senseFlags[d.wordSenses[w]!]! & VERBAL) !== 0;
    const w = findString(d.words, word);
    if (w >= 0) return verbal(w);
    for (const part of [(n: number) => word.slice(word.length - n), (n: number) => word.slice(0, n)]) {
      for (let n = word.length - 1; n >= 1; n--) {
        const p = findString(d.words, part(n));
        if (p >= 0) return verbal(p);
      }
    }
    return false;
  }

  /**
   * Chinese words of opposite meaning (短 -> 长, 增加 -> 减少), best evidence first: the dictionary's
   * antonym pairs (WordNet antonyms through CC-CEDICT glosses, borne out by the characters; see
   * findAntonyms). [] for a word without any. A Map lookup (built from the pairs on the first call).
   */
  antonymsOf(word: string): string[] {
    const list = (this.antonymMap ??= this.mapAntonyms()).get(word);
    return list ? [...list] : [];
  }

  private mapAntonyms(): Map<string, string[]> {
    const d = this.dictionary;
    const map = new Map<string, string[]>();
    const add = (from: string, to: string) => {
      const list = map.get(from);
      if (!list) map.set(from, [to]);
      else if (!list.includes(to)) list.push(to);
    };
    for (let i = 0; i + 1 < d.antonyms.length; i += 2) {
      const [a, b] = [stringAt(d.words, d.antonyms[i]!), stringAt(d.words, d.antonyms[i + 1]!)];
      add(a, b);
      add(b, a);
    }
    return map;
  }

  /** A short English gloss of a Chinese word for English answers (亩 -> "mu"), or null when unknown. */
  glossOf(word: string): string | null {
    const own = this.overrides.gloss[word];
    if (own) return own;
    const d = this.dictionary;
    const w = findString(d.words, word);
    // The first phrase of the first sense: CC-CEDICT lists the usual meaning first.
    return w >= 0 ? stringAt(d.phrases, d.sensePhrases[d.phraseStarts[d.wordSenses[w]!]!]!) : null;
  }
}
