// Tests for the build thread: index changes written in a real worker thread, its errors, its death, the lock, parses relayed.
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Settings } from '../config.js';
import { DOCUMENT_PARSED } from '../ingest/index.js';
import { SAMPLE_ARTICLES, savedNewsPage } from '../test-support/make-documents.js';
import { useTempDirs } from '../test-support/temp-dirs.js';
import { buildTestIndex } from '../test-support/test-index.js';
import { createBuildThread } from './build-thread.js';
import { LOCK_FILE } from './index-lock.js';
import { loadIndex } from './index-store.js';

const { tempDir } = useTempDirs();
const thread = createBuildThread();
let settings: Settings;
let page: string;

beforeAll(async () => {
  settings = (await buildTestIndex()).settings;
  page = join(tempDir('jc-build-thread-'), 'hongshu.html');
  writeFileSync(page, savedNewsPage(SAMPLE_ARTICLES.html));
});

afterAll(() => thread.close());

const chunkCount = () => loadIndex(settings.INDEX_DIR, settings.HNSW_EF_SEARCH).manifest.chunkCount;

describe('createBuildThread', () => {
  it('writes a change in the thread, relays the parses it makes to this thread, and releases the lock', async () => {
    const parses: unknown[] = [];
    const count = (message: unknown) => parses.push(message);
    subscribe(DOCUMENT_PARSED, count);
    try {
      const report = await thread.run(settings, { kind: 'add', paths: [page], rebuild: false, parsed: [] }, () => {});
      expect(report).toMatchObject({ added: 4, removed: 0, kept: 37, sources: [page], manifest: { chunkCount: 41 } });
      expect(chunkCount()).toBe(41);
      expect(parses).toEqual([{ source: page, type: 'html' }]);
    } finally {
      unsubscribe(DOCUMENT_PARSED, count);
    }
    expect(existsSync(join(settings.INDEX_DIR, LOCK_FILE))).toBe(false);
  }, 60_000);

  it("passes the build's warnings on as they come", async () => {
    const warnings: string[] = [];
    const auto = { ...settings, EMBEDDER: 'auto' as const, TRANSFORMERS_OFFLINE: true, MODEL_CACHE_DIR: tempDir('jc-no-model-') };
    await thread.run(auto, { kind: 'add', paths: [page], rebuild: false, parsed: [] }, (message) => warnings.push(message));
    expect(warnings).toEqual([expect.stringMatching(/^embedding model unavailable \(Xenova\/bge-small-zh-v1\.5: .*\); using the offline hash embedder/)]);
  }, 60_000);

  it("rejects with the build's own error, keeps the served index, and serves the next change", async () => {
    await expect(thread.run(settings, { kind: 'remove', sources: ['nope.txt'] }, () => {})).rejects.toThrow('no document nope.txt in the index');
    expect(chunkCount()).toBe(41);
    const report = await thread.run(settings, { kind: 'remove', sources: [page] }, () => {});
    expect(report).toMatchObject({ removed: 4, manifest: { chunkCount: 37 } });
  }, 60_000);

  it('refuses a change while the index folder is locked, naming the writer', async () => {
    const first = thread.run(settings, { kind: 'add', paths: [page], rebuild: false, parsed: [] }, () => {});
    await expect(thread.run(settings, { kind: 'remove', sources: [page] }, () => {})).rejects.toThrow(`being written by another ingest: pid ${process.pid}`);
    expect((await first).manifest.chunkCount).toBe(41);
  }, 60_000);

  it('rejects a change whose thread stops before saving, leaves the previous index and no lock, and starts a new thread for the next', async () => {
    const stopped = thread.run(settings, { kind: 'remove', sources: [page] }, () => {});
    await new Promise((r) => setTimeout(r, 20)); // posted to the thread, not yet saved
    const refused = expect(stopped).rejects.toThrow('the index build thread was closed before its build was saved');
    await thread.close();
    await refused;
    expect(chunkCount()).toBe(41);
    expect(existsSync(join(settings.INDEX_DIR, LOCK_FILE))).toBe(false);
    expect((await thread.run(settings, { kind: 'remove', sources: [page] }, () => {})).manifest.chunkCount).toBe(37);
  }, 60_000);

  it('stops a thread idle for idleMs, and starts a new one for the next change', async () => {
    const brief = createBuildThread(300);
    try {
      await brief.run(settings, { kind: 'add', paths: [page], rebuild: false, parsed: [] }, () => {});
      expect(brief.running()).toBe(true);
      await new Promise((r) => setTimeout(r, 600));
      expect(brief.running()).toBe(false);
      expect((await brief.run(settings, { kind: 'remove', sources: [page] }, () => {})).manifest.chunkCount).toBe(37);
      expect(brief.running()).toBe(true);
    } finally {
      await brief.close();
    }
    expect(brief.running()).toBe(false);
  }, 60_000);
});
