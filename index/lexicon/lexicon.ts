// Lookups over a lexicon table: paraphrases of Chinese words, English question translation, short English glosses.
import type { LexiconTable } from './build-lexicon.js';
import { MAX_ENGLISH_WORDS } from './english-index.js';
import { baseForms, englishWords, ENGLISH_STOPWORDS } from './english-words.js';
import type { LexiconOverrides } from './lexicon-overrides.js';
import { stringAt, stringCount, type StringTable } from './string-table.js';

/** A corpus word that paraphrases the asked word; weight in (0, 1], higher is closer. */
export type RelatedWord = { word: string; weight: number };
/** An English word or phrase of a question and the Chinese words it stands for. */
export type Translation = { term: string; chinese: string[] };

type Scored = { target: number; weight: number };

/** string -> position, decoded from a table on first use (tens of milliseconds for 100k strings). */
function indexOf(table: StringTable): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i < stringCount(table); i++) out.set(stringAt(table, i), i);
  return out;
}

/** The lexicon of one index (see buildLexicon) with the hand-kept overrides. Lookups are map hits. */
export class Lexicon {
  private keyIndex: Map<string, number> | null = null;
  private targetIndex: Map<string, number> | null = null;
  private englishIndex: Map<string, number> | null = null;

  constructor(
    private readonly table: LexiconTable,
    private readonly overrides: LexiconOverrides,
  ) {}

  private target(word: string): number {
    return (this.targetIndex ??= indexOf(this.table.targets)).get(word) ?? -1;
  }

  private related(word: string): Scored[] {
    const key = (this.keyIndex ??= indexOf(this.table.keys)).get(word);
    if (key === undefined) return [];
    const out: Scored[] = [];
    for (let i = this.table.relOffsets[key]!; i < this.table.relOffsets[key + 1]!; i++) out.push({ target: this.table.relTargets[i]!, weight: this.table.relWeights[i]! / 255 });
    return out;
  }

  /**
   * Corpus words that paraphrase `word` (folded, Simplified), best first, weight in (0, 1]: gloss
   * overlap and WordNet links from CC-CEDICT (see relateWords). A word the dictionary does not
   * relate but whose two parts it knows is matched part by part against corpus words (卖到 -> 销往:
   * 卖~销, 到~往), weight the geometric mean of the parts' weights. The word itself is never returned; unknown words give [].
   */
  relatedWords(word: string): RelatedWord[] {
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

  /** Chinese words of one English phrase from the dictionary (corpus words first), or []. */
  private dictionaryEnglish(phrase: string): string[] {
    const i = (this.englishIndex ??= indexOf(this.table.english)).get(phrase);
    const words: string[] = [];
    if (i !== undefined) for (let j = this.table.englishOffsets[i]!; j < this.table.englishOffsets[i + 1]!; j++) words.push(stringAt(this.table.englishWords, j));
    return words;
  }

  /**
   * Chinese words of words[at, at+n) (each word as written or in a base form): the overrides
   * (sure); else, unless all are function words, the dictionary's, corpus words first, then for two
   * words a corpus word spelled by their translations in order ("black goat" -> 黑 + 山羊 = 黑山羊).
   * `sure` when from the overrides or a corpus word.
   */
  private translatePhrase(words: string[], at: number, n: number): { chinese: string[]; sure: boolean } {
    let forms = [''];
    for (let i = at; i < at + n; i++) forms = forms.flatMap((f) => baseForms(words[i]!).map((w) => (f ? `${f} ${w}` : w)));
    const own = forms.map((f) => this.overrides.english[f]).find((c) => c !== undefined);
    if (own) return { chinese: own, sure: true };
    if (words.slice(at, at + n).every((w) => ENGLISH_STOPWORDS.has(w))) return { chinese: [], sure: false };
    const found = [...new Set(forms.flatMap((f) => this.dictionaryEnglish(f)))];
    const chinese = found.length ? this.preferCorpus(found) : n === 2 ? this.composed(words.slice(at, at + n)) : [];
    return { chinese, sure: chinese.some((w) => this.table.corpus[this.target(w)] === 1) };
  }

  /**
   * Translates the English words of a question, phrase by phrase: at each word, the longest phrase
   * (up to three words) with a sure translation (see translatePhrase), else the word alone, else
   * the longest phrase with any. Words that match nothing are skipped. A question without Latin words gives [].
   */
  translateEnglish(question: string): Translation[] {
    const words = englishWords(question);
    const out: Translation[] = [];
    for (let at = 0; at < words.length; ) {
      const options = [];
      for (let n = Math.min(MAX_ENGLISH_WORDS, words.length - at); n >= 1; n--) options.push({ n, ...this.translatePhrase(words, at, n) });
      const pick = options.find((o) => o.sure) ?? options.find((o) => o.n === 1 && o.chinese.length) ?? options.find((o) => o.chinese.length);
      if (pick) out.push({ term: words.slice(at, at + pick.n).join(' '), chinese: pick.chinese });
      at += pick?.n ?? 1;
    }
    return out;
  }

  /** Corpus words among the candidates when there are any, else the candidates. */
  private preferCorpus(words: string[]): string[] {
    const inCorpus = words.filter((w) => this.table.corpus[this.target(w)] === 1);
    return inCorpus.length ? inCorpus : words;
  }

  /** Corpus words spelled by one dictionary translation of each English word in order. */
  private composed(words: string[]): string[] {
    let spellings = [''];
    for (const w of words) {
      const options = [...new Set(baseForms(w).flatMap((f) => this.dictionaryEnglish(f)))];
      spellings = spellings.flatMap((s) => options.map((o) => s + o));
    }
    return spellings.filter((s) => this.table.corpus[this.target(s)] === 1);
  }

  /** A short English gloss of a Chinese word for English answers (亩 -> "mu"), or null when unknown. */
  glossOf(word: string): string | null {
    const own = this.overrides.gloss[word];
    if (own) return own;
    const i = this.target(word);
    return (i >= 0 && stringAt(this.table.glosses, i)) || null;
  }
}
