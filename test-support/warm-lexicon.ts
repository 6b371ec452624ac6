// Vitest global setup: builds the lexicon's dictionary cache once, before the test workers start (each would build it).
import { loadDictionary } from '../index/lexicon/dictionary-cache.js';

/** Reads the cached dictionary, or builds and caches it (once per machine and package version). */
export default function setup(): void {
  loadDictionary();
}
