// Tests for the lexicon table on disk: round trip through the sections, structural checks with clear errors.
import { describe, expect, it } from 'vitest';
import { IndexCorruptError } from '../errors.js';
import { buildLexicon } from './build-lexicon.js';
import { dictionaryFromDigest } from './dictionary.js';
import { DIGEST_VERSION, VERBAL, type LexiconDigest } from './lexicon-digest.js';
import { decodeLexicon, encodeLexicon } from './lexicon-file.js';
import { Lexicon } from './lexicon.js';

/** A four-word dictionary: 创办/创建 share "establish", 卖/销 share "sell". */
const digest: LexiconDigest = {
  version: DIGEST_VERSION,
  sources: 'test',
  phrases: ['establish', 'found', 'sell', 'to'],
  df: [2, 2, 2, 1],
  heads: [-1, -1, -1, -1],
  english: [[0, 1], [0, 1], [3, 2], [4]],
  words: ['创办', '创建', '销', '卖', '往'],
  freq: [10, 10, 10, 10, 10],
  senses: [[[VERBAL, 0, 1]], [[VERBAL, 1, 0]], [[VERBAL, 2]], [[VERBAL, 2]], [[0, 3]]],
  wordnet: {},
  antonyms: [],
};
const dictionary = dictionaryFromDigest(digest);
const table = buildLexicon(dictionary, ['创建', '销往', '高平']);
const asBuffers = (sections: Uint8Array[]) => sections.map((x) => Buffer.from(x.buffer, x.byteOffset, x.length));

describe('encodeLexicon and decodeLexicon', () => {
  it('round-trips a table: same bytes, same lookups', () => {
    const decoded = decodeLexicon(asBuffers(encodeLexicon(table)));
    expect(Buffer.concat(encodeLexicon(decoded))).toEqual(Buffer.concat(encodeLexicon(table)));
    const lexicon = new Lexicon(decoded, dictionary, { english: {}, gloss: {} });
    expect(lexicon.relatedWords('创办')).toEqual([{ word: '创建', weight: expect.closeTo(1, 2) }]);
    expect(lexicon.translateEnglish('sell')).toEqual([{ term: 'sell', chinese: ['卖', '销'] }]);
    expect(lexicon.glossOf('创建')).toBe('found');
  });

  it('throws IndexCorruptError for a missing section, a bad header, or offsets past the data', () => {
    const sections = asBuffers(encodeLexicon(table));
    expect(() => decodeLexicon(sections.slice(1))).toThrow(new IndexCorruptError('lexicon table: 10 sections, expected 11; re-run `npm run ingest`'));
    expect(() => decodeLexicon([Buffer.from('{"targets":-1}'), ...sections.slice(1)])).toThrow('lexicon table: invalid header');
    const header = JSON.parse(sections[0]!.toString()) as Record<string, number>;
    expect(() => decodeLexicon([Buffer.from(JSON.stringify({ ...header, keys: header['keys']! + 1 })), ...sections.slice(1)])).toThrow('lexicon table: key offsets do not match the header');
    const farTargets = Buffer.from(new Uint32Array(sections[7]!.length / 4).fill(999).buffer);
    const broken = [...sections];
    broken[7] = farTargets;
    expect(() => decodeLexicon(broken)).toThrow('lexicon table: a relation points past the targets');
  });
});
