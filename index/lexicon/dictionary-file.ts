// The dictionary on disk (cache and index folder): a JSON header with counts, then string blobs and typed arrays as sections.
import { z } from 'zod';
import { bytesOf, u16, u32 } from '../binary-file.js';
import { NO_HEAD, type Dictionary } from './dictionary.js';
import { monotone, openSections, within } from './lexicon-file.js';
import { stringCount, type StringTable } from './string-table.js';

/** v02: antonym pairs (the last section). */
export const DICTIONARY_MAGIC = 'JCDICv02';

const headerSchema = z.object({
  sources: z.string(),
  words: z.number().int().min(0),
  senses: z.number().int().min(0),
  phrases: z.number().int().min(0),
  antonyms: z.number().int().min(0),
});
type Header = z.infer<typeof headerSchema>;

const SECTIONS = 21;

/** Sections of a dictionary: header (with `sources`, the packages it was made from), then strings and arrays. */
export function encodeDictionary(d: Dictionary, sources: string): Uint8Array[] {
  const header: Header = { sources, words: stringCount(d.words), senses: d.senseFlags.length, phrases: stringCount(d.phrases), antonyms: d.antonyms.length / 2 };
  const strings = (s: StringTable) => [s.blob, bytesOf(s.offsets)];
  return [
    Buffer.from(JSON.stringify(header)),
    ...strings(d.words), bytesOf(d.wordSenses), d.senseFlags, bytesOf(d.phraseStarts), bytesOf(d.sensePhrases),
    ...strings(d.phrases), bytesOf(d.df), bytesOf(d.heads),
    bytesOf(d.englishOffsets), bytesOf(d.englishWords),
    bytesOf(d.wordnetOffsets), bytesOf(d.wordnetPhrases), bytesOf(d.wordnetWeights),
    bytesOf(d.userOffsets), bytesOf(d.users), bytesOf(d.headOfOffsets), bytesOf(d.headOf),
    bytesOf(d.antonyms),
  ];
}

/**
 * The dictionary from the sections of encodeDictionary, as views over the file's buffer, with
 * structural checks (counts, offsets, ids in range), and the `sources` it names. Throws IndexCorruptError.
 */
export function decodeDictionary(sections: Buffer[]): { dictionary: Dictionary; sources: string } {
  const { s, header: h, table, fail } = openSections(sections, SECTIONS, headerSchema, 'lexicon dictionary');
  const d: Dictionary = {
    words: table(1, h.words, 'word'),
    wordSenses: u32(s[3]!),
    senseFlags: s[4]!,
    phraseStarts: u32(s[5]!),
    sensePhrases: u32(s[6]!),
    phrases: table(7, h.phrases, 'phrase'),
    df: u32(s[9]!),
    heads: u32(s[10]!),
    englishOffsets: u32(s[11]!),
    englishWords: u32(s[12]!),
    wordnetOffsets: u32(s[13]!),
    wordnetPhrases: u32(s[14]!),
    wordnetWeights: u16(s[15]!),
    userOffsets: u32(s[16]!),
    users: u32(s[17]!),
    headOfOffsets: u32(s[18]!),
    headOf: u32(s[19]!),
    antonyms: u32(s[20]!),
  };
  checkRanges(d, h, fail);
  return { dictionary: d, sources: h.sources };
}

/** Every range list matches its counts and every id is in range. */
function checkRanges(d: Dictionary, h: Header, fail: (why: string) => Error): void {
  const lists: [string, Uint32Array, number, ArrayLike<number>, number][] = [
    ['senses', d.wordSenses, h.words, d.senseFlags, Infinity],
    ['sense phrases', d.phraseStarts, h.senses, d.sensePhrases, h.phrases],
    ['English words', d.englishOffsets, h.phrases, d.englishWords, h.words],
    ['WordNet links', d.wordnetOffsets, h.phrases, d.wordnetPhrases, h.phrases],
    ['phrase users', d.userOffsets, h.phrases, d.users, h.words],
    ['heads', d.headOfOffsets, h.phrases, d.headOf, h.phrases],
  ];
  for (const [name, offsets, count, values, limit] of lists) {
    if (!monotone(offsets, count, values.length)) throw fail(`${name} do not match the header`);
    if (values instanceof Uint32Array && !within(values, limit)) throw fail(`${name} point past their table`);
  }
  if (d.senseFlags.length !== h.senses || d.wordnetWeights.length !== d.wordnetPhrases.length) throw fail('sense flags or WordNet weights do not match');
  if (d.df.length !== h.phrases || d.heads.length !== h.phrases) throw fail('phrase counts do not match the header');
  if (d.antonyms.length !== 2 * h.antonyms || !within(d.antonyms, h.words)) throw fail('antonym pairs do not match the header or point past the words');
  for (let i = 0; i < d.heads.length; i++) if (d.heads[i] !== NO_HEAD && d.heads[i]! >= h.phrases) throw fail('a head points past the phrases');
}
