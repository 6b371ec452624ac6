// Query understanding for retrieval: English→Chinese expansion through the lexicon, and town mentions.
import { foldForMatch } from '../ingest/normalize-text.js';
import type { Lexicon } from './lexicon/lexicon.js';
import { cutWords } from './tokenize.js';

/**
 * Adds the Chinese words standing for the question's English (Lexicon.expansionWords: the
 * overrides' and the corpus words among the translations), each once, to the question. A question
 * without Latin words, or whose English translates to none, is returned unchanged.
 */
export function expandQuery(question: string, lexicon: Pick<Lexicon, 'expansionWords'>): string {
  if (!/[a-z]/i.test(question)) return question;
  const added = lexicon.expansionWords(question);
  return added.length ? `${question} ${added.join(' ')}` : question;
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
