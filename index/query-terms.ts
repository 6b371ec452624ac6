// Query understanding for retrieval: English→Chinese glossary expansion and town mentions.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { foldForMatch } from '../ingest/normalize-text.js';
import { cutWords } from './tokenize.js';

export const glossarySchema = z.record(z.string(), z.union([z.array(z.string()), z.string()]));
export type Glossary = Map<string, string[]>;

/** Reads the glossary file (English word -> Chinese terms); keys starting with "_" are comments. */
export function loadGlossary(file: string): Glossary {
  const parsed = glossarySchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: invalid glossary: ${parsed.error.issues[0]!.message}`);
  const out: Glossary = new Map();
  for (const [k, v] of Object.entries(parsed.data)) if (!k.startsWith('_') && Array.isArray(v)) out.set(k, v);
  return out;
}

/** Singular-ish form of an English word: "pigs" -> "pig", "species" stays (listed in the glossary). */
function stem(word: string): string[] {
  const forms = [word];
  if (word.endsWith('ies')) forms.push(word.slice(0, -3) + 'y');
  if (word.endsWith('es')) forms.push(word.slice(0, -2));
  if (word.endsWith('s')) forms.push(word.slice(0, -1));
  return forms;
}

/**
 * Adds the Chinese terms of English words (and two-word phrases) found in the glossary to the
 * question. A question without Latin words is returned unchanged.
 */
export function expandQuery(question: string, glossary: Glossary): string {
  const words = question.toLowerCase().match(/[a-z]+/g) ?? [];
  if (words.length === 0) return question;
  const added = new Set<string>();
  words.forEach((w, i) => {
    const phrase = i + 1 < words.length ? `${w} ${words[i + 1]}` : '';
    for (const key of [phrase, ...stem(w)]) for (const term of glossary.get(key) ?? []) added.add(term);
  });
  return added.size ? `${question} ${[...added].join(' ')}` : question;
}

/** A town as the index knows it, with the words that name it in a question. */
export type TownKey = { town: string; county: string; words: string[] };

/** Naming words of a town: its industry's words of two or more characters, and the industry. */
export function townKey(town: string, county: string, industry: string): TownKey {
  const folded = foldForMatch(industry.replace(/[()（）]/g, ' '));
  const words = new Set(cutWords(folded).filter((w) => w.length >= 2));
  for (const part of folded.split(/\s+/)) if (part.length >= 2) words.add(part);
  return { town, county: foldForMatch(county), words: [...words] };
}

/**
 * How strongly a folded question names each town: 1 when it names the town's industry, plus 0.5
 * when it names the county too (0.5 for the county alone). Towns not named are left out.
 */
export function townMentions(foldedQuestion: string, towns: TownKey[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of towns) {
    const industry = t.words.some((w) => foldedQuestion.includes(w)) ? 1 : 0;
    const county = t.county && foldedQuestion.includes(t.county) ? 0.5 : 0;
    if (industry + county > 0) out.set(t.town, industry + county);
  }
  return out;
}
