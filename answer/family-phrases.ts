// The attribute families' question words a text holds, found from each position's first character, not by scanning the text once per word.
import { ATTRIBUTE_FAMILIES } from './attribute-families.js';

/** The families' question words by their first code unit. */
const BY_FIRST = new Map<number, string[]>();
for (const family of ATTRIBUTE_FAMILIES) {
  for (const phrase of family.questionWords) {
    const first = phrase.charCodeAt(0);
    const list = BY_FIRST.get(first);
    if (!list) BY_FIRST.set(first, [phrase]);
    else if (!list.includes(phrase)) list.push(phrase);
  }
}

/**
 * The families' question words that occur in `text` (exactly those for which `text.includes(word)`
 * holds), with one map lookup per position and a startsWith per word beginning there.
 */
export function familyPhrasesIn(text: string): Set<string> {
  const found = new Set<string>();
  for (let at = 0; at < text.length; at++) {
    const phrases = BY_FIRST.get(text.charCodeAt(at));
    if (phrases) for (const phrase of phrases) if (text.startsWith(phrase, at)) found.add(phrase);
  }
  return found;
}
