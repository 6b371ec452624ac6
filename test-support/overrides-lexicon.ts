// Test support: a lexicon with an empty dictionary, only English overrides (a hand-written glossary for unit tests).
import { buildLexicon, Lexicon } from '../index/index.js';
import { dictionaryFromDigest } from '../index/lexicon/dictionary.js';
import { DIGEST_VERSION } from '../index/lexicon/lexicon-digest.js';

/** A Lexicon whose English translations are exactly `english` (word or phrase -> Chinese words). */
export function overridesLexicon(english: Record<string, string[]>): Lexicon {
  const empty = dictionaryFromDigest({ version: DIGEST_VERSION, sources: 'none', phrases: [], df: [], heads: [], english: [], words: [], freq: [], senses: [], wordnet: {}, antonyms: [] });
  return new Lexicon(buildLexicon(empty, []), empty, { english, gloss: {} });
}
