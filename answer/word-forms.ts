// Other forms a question word may take in an article: the fact words of the attribute family it asks for.
import { foldForMatch } from '../ingest/index.js';
import { ATTRIBUTE_FAMILIES } from './attribute-families.js';
import { familyPhrasesIn } from './family-phrases.js';
import { cutWords } from '../index/index.js';

/** A form that counts as the question word when a sentence has it, with the credit it earns (0, 1]. */
export type WordForm = { form: string; weight: number };

/** Weight of the best of `forms` that `text` contains, 0 for none (a loop: scoring calls it for every word of every sentence). */
export function bestFormWeight(forms: readonly WordForm[] | undefined, text: string): number {
  let best = 0;
  for (const f of forms ?? []) if (f.weight > best && text.includes(f.form)) best = f.weight;
  return best;
}

/** Credit for an article's wording of the attribute a colloquial question word asks for (最火 -> 极盛). */
export const FAMILY_FORM_WEIGHT = 0.8;

/** Each attribute family's question phrase the folded question says, with where it first stands. */
function* familyPhrasesAt(q: string): Generator<{ family: (typeof ATTRIBUTE_FAMILIES)[number]; from: number; to: number }> {
  const present = familyPhrasesIn(q);
  if (present.size === 0) return;
  for (const family of ATTRIBUTE_FAMILIES) {
    for (const phrase of family.questionWords) {
      if (!present.has(phrase)) continue;
      const at = q.indexOf(phrase);
      if (at >= 0) yield { family, from: at, to: at + phrase.length };
    }
  }
}

/**
 * For each question word that lies inside a phrase of an attribute family (开 in 开起来, 最火, 酒厂
 * around 厂), the family's fact words as its forms. Words outside every family get none.
 */
export function familyForms(question: string, words: string[]): Map<string, WordForm[]> {
  const q = foldForMatch(question);
  const out = new Map<string, WordForm[]>();
  for (const { family, from, to } of familyPhrasesAt(q)) {
    for (const word of words) {
      if (!overlaps(q, word, from, to)) continue;
      const forms = out.get(word) ?? [];
      for (const form of family.factWords) if (form !== word && !forms.some((f) => f.form === form)) forms.push({ form, weight: FAMILY_FORM_WEIGHT });
      out.set(word, forms);
    }
  }
  return out;
}

/**
 * The fact words of the attribute families a question asks by a phrase alone, one no question word (of two characters or more) lies in (开在
 * 什么地方 -> 位于, 坐落; 在全省排第几 -> 第一, 位居): what the answering sentence says that no word of the question does.
 */
export function askedByPhrase(question: string, words: string[]): string[] {
  const q = foldForMatch(question);
  const out = new Set<string>();
  for (const { family, from, to } of familyPhrasesAt(q)) {
    // (A lone character inside the phrase, 卖 of 主要卖, says too little to be the word that asks it.)
    if (!words.some((w) => w.length >= 2 && overlaps(q, w, from, to))) for (const w of family.factWords) out.add(w);
  }
  return [...out];
}

/** Words standing between a verb and its counted object (发放了多少张蚕种): aspect, totals, the question word, a classifier. */
const COUNTED_GAP = /^(?:了|一共|总共|共|累计|多少|几|[\u4e00-\u9fff])$/;

/**
 * Two-character words side by side in a question whose contraction, the first character of each (主要经营 -> 主营,
 * 主要生产 -> 主产) or the last (一年平均 -> 年均), is a word of the corpus: the second word with the contraction it
 * may be written as. A verb and the object it counts (发放了多少张蚕种 -> 发种) are side by side too, and both get it.
 */
export function contractions(folded: string, words: string[], known: (w: string) => boolean): [string, string][] {
  const out: [string, string][] = [];
  // (The first word may be one the question's terms drop, 主要.)
  const cut = cutWords(folded);
  const add = (a: string, b: string, forBoth: boolean) => {
    if (a.length !== 2 || b.length !== 2 || !words.includes(b)) return;
    // (…or, a noun then its verb, as one verb–object word saying both: 蚕种发放 -> 发种.)
    const inverted = b[0]! + a[1]!;
    for (const c of [a[0]! + b[1]!, a[0]! + b[0]!, a[1]! + b[1]!, inverted]) {
      if (c === a || c === b || !known(c)) continue;
      out.push([b, c]);
      if ((forBoth || c === inverted) && words.includes(a)) out.push([a, c]);
    }
  };
  for (const a of cut) for (const b of words) if (folded.includes(a + b)) add(a, b, false);
  cut.forEach((a, i) => {
    let j = i + 1;
    const gap = (w: string | undefined) => w !== undefined && COUNTED_GAP.test(w) && (w.length > 1 || j === i + 1 || /多少|几/.test(cut[j - 1]!));
    while (gap(cut[j])) j++;
    if (j > i + 1 && cut.slice(i + 1, j).some((w) => /多少|几/.test(w))) add(a, cut[j] ?? '', true);
  });
  return out;
}

/** True when an occurrence of `word` in `q` overlaps the span [from, to). */
function overlaps(q: string, word: string, from: number, to: number): boolean {
  for (let i = q.indexOf(word); i >= 0; i = q.indexOf(word, i + 1)) if (i < to && i + word.length > from) return true;
  return false;
}

/**
 * The last morpheme of a Chinese word of two or more characters (蜜蜂, 养蜂, 养蜂业 -> 蜂; 养羊 -> 羊): the head of a noun
 * compound or the object of a verb-object one, which words for its people share (蜂农, 养羊户). "" otherwise.
 */
export function headMorpheme(word: string): string {
  if (!/^[\u4e00-\u9fff]{2,}$/.test(word)) return '';
  // An activity's industry (养蜂业, 养羊产业) is headed by the activity's: 蜂, 羊.
  const activity = /^([\u4e00-\u9fff]{2,}?)(?:产)?业$/.exec(word)?.[1];
  return (activity ?? word).slice(-1);
}

/** True when `text` has the last morpheme of `word` (see headMorpheme). */
export function sharesHead(word: string, text: string): boolean {
  const head = headMorpheme(word);
  return head !== '' && text.includes(head);
}
