// Test support: builds a real index of the bundled corpus (offline hash embedder) in a temp folder.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSettings, type Settings } from '../config.js';
import { openSearcher, updateIndex, type HybridSearcher } from '../index/index.js';

/** Settings for tests: a fresh temp INDEX_DIR, the hash embedder, plus any overrides. */
export function testSettings(overrides: Record<string, string> = {}): Settings {
  const dir = mkdtempSync(join(tmpdir(), 'jc-index-'));
  return loadSettings({ INDEX_DIR: dir, EMBEDDER: 'hash', LOG_LEVEL: 'silent', ...overrides });
}

/** Ingests the bundled articles into a temp index and opens a searcher over it. */
export async function buildTestIndex(overrides: Record<string, string> = {}): Promise<{ settings: Settings; searcher: HybridSearcher }> {
  const settings = testSettings(overrides);
  await updateIndex(settings, [], { rebuild: true, warn: () => {} });
  return { settings, searcher: await openSearcher(settings) };
}
