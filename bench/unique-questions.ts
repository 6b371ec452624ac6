// Distinct, never-repeated bench questions: the QA set's questions varied, and templates over the corpus's towns and words.
import * as OpenCC from 'opencc-js';
import type { Chunk } from '../ingest/index.js';
import { prng } from '../test-support/prng.js';

/** Chinese templates: {t} a town, {c} a county, {c2} another county, {w}/{v} corpus words. */
const TEMPLATES_ZH = [
  '{t}的{w}是多少？', '{c}{w}有多少？', '{t}{w}是哪一年开始的？', '{t}有哪些{w}？', '{c}的{w}怎么样？',
  '为什么{t}的{w}能{v}？', '{t}的{w}和{v}有什么关系？', '{c}{t}的{w}情况如何', '{c}的{w}有多少{v}？',
  '{t}的{w}排在第几？', '{c}和{c2}哪个{w}更多？', '{t}靠什么{w}？', '请问{c}{w}{v}了吗', '{t}{w}的{v}有多大？',
  '{c}什么时候开始搞{w}的？', '说说{t}的{w}', '{t}赚了多少钱？{w}呢？', '{c}一共有几家{w}企业？',
];
/** English templates: {C} a county's English name, {e} an English word of the glossary. */
const TEMPLATES_EN = ['How many {e} does {C} have?', 'What is the {e} of {C}?', 'When did {C} start its {e}?', 'Which towns of {C} are known for {e}?', 'Why is {C} famous for {e}?'];
const PREFIXES = ['', '', '请问', '我想问下，', '想了解一下', '你好，', '麻烦问一下'];
const SUFFIXES = ['', '', '呢', '？谢谢', '啊', '，知道吗？', '?'];

/** Duplicates in a row after which the sources count as exhausted. */
const MAX_MISSES = 2000;

/** What the generator draws on: the corpus's towns and words, county English names, glossary words. */
export type QuestionSources = { qa: string[]; towns: string[]; counties: string[]; words: string[]; countyEnglish: string[]; englishWords: string[] };

/**
 * Towns, counties and Han words (2–4 characters, as the corpus writes them) of up to `sample`
 * evenly spaced chunks. Words come from a plain regex cut of Han runs, not from the tokenizer,
 * so generating questions warms no cache the measured path uses.
 */
export function corpusSources(chunks: Chunk[], sample = 400): Pick<QuestionSources, 'towns' | 'counties' | 'words'> {
  const towns = new Set<string>();
  const counties = new Set<string>();
  const words = new Set<string>();
  const step = Math.max(1, Math.floor(chunks.length / sample));
  for (let i = 0; i < chunks.length; i += step) {
    const c = chunks[i]!;
    if (c.meta.town) towns.add(c.meta.town);
    if (c.meta.county) counties.add(c.meta.county);
    for (const [run] of c.text.matchAll(/[\u4e00-\u9fff]{2,}/g)) for (let at = 0; at + 2 <= run.length; at += 2) words.add(run.slice(at, at + 2 + (at % 3 === 0 ? 1 : 0)));
  }
  return { towns: [...towns], counties: [...counties], words: [...words] };
}

/** Full-width forms of ASCII letters and digits (what some keyboards type). */
function toFullWidth(text: string): string {
  return text.replace(/[0-9A-Za-z]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
}

/**
 * `count` distinct questions, deterministic for a seed: about half are QA questions with a
 * prefix, a suffix, an extra corpus word, Traditional characters or full-width digits; the rest
 * fill Chinese and English templates with the corpus's towns, counties and words. No two are
 * equal, even after folding (Traditional→Simplified, full→half width, case), so nothing the
 * answer path memoises by question can hit. Throws when the sources cannot give `count`.
 */
export function uniqueQuestions(src: QuestionSources, count: number, seed = 7): string[] {
  const random = prng(seed);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
  const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
  const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
  const foldKey = (q: string) => toSimplified(q.replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))).toLowerCase();
  const fill = (template: string) =>
    template
      .replace('{t}', pick(src.towns.length ? src.towns : src.counties))
      .replace('{c2}', pick(src.counties))
      .replace('{c}', pick(src.counties))
      .replace('{w}', pick(src.words))
      .replace('{v}', pick(src.words))
      .replace('{C}', pick(src.countyEnglish))
      .replace('{e}', pick(src.englishWords));
  const varied = (q: string) => {
    let out = `${pick(PREFIXES)}${q.replace(/[？?]$/, '')}${random() < 0.5 ? pick(src.words) : ''}${pick(SUFFIXES) || '？'}`;
    if (random() < 0.2) out = toTraditional(out);
    if (random() < 0.2) out = toFullWidth(out);
    return out;
  };
  const seen = new Set<string>();
  const out: string[] = [];
  for (let misses = 0; out.length < count; ) {
    if (misses > MAX_MISSES) throw new Error(`only ${out.length} distinct questions from these sources, ${count} asked`);
    const r = random();
    const q = r < 0.5 && src.qa.length ? varied(pick(src.qa)) : r < 0.9 || !src.englishWords.length ? fill(pick(TEMPLATES_ZH)) : fill(pick(TEMPLATES_EN));
    const key = foldKey(q);
    if (seen.has(key)) {
      misses++;
      continue;
    }
    misses = 0;
    seen.add(key);
    out.push(q);
  }
  return out;
}
