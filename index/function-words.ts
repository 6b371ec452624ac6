// Jieba's function words (adverbs, prepositions, conjunctions, particles, pronouns…): the words its dictionary tags so, shipped as a list so no question is tagged.
import words from './function-words.json' with { type: 'json' };

/** Parts of speech that carry no content: adverbs, prepositions, conjunctions, particles, pronouns, modals, interjections. */
export const FUNCTION_TAGS = /^(?:d|p|c|u[a-z]*|r[a-z]*|y|e|o)$/;

/**
 * The words of a jieba dictionary (lines "word frequency tag") whose tag is a FUNCTION_TAGS one, in
 * dictionary order; a word listed twice counts with its last tag, as jieba loads it.
 */
export function dictFunctionWords(dictText: string): string[] {
  const tags = new Map<string, string>();
  for (const line of dictText.split('\n')) {
    const [word, , tag] = line.trim().split(' ');
    if (word && tag) tags.set(word, tag);
  }
  return [...tags].filter(([, tag]) => FUNCTION_TAGS.test(tag)).map(([word]) => word);
}

/**
 * dictFunctionWords of @node-rs/jieba's dictionary, read from function-words.json (generated from it:
 * function-words.test.ts checks the file against the installed dictionary and says how to rewrite it).
 */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(words as string[]);
