// Tests for updateIndex: adding, re-ingesting and replacing files in an existing index, and bad paths.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSettings, type Settings } from '../config.js';
import { CorpusError, loadGazetteer, readCorpus } from '../ingest/index.js';
import { testSettings } from '../test-support/test-index.js';
import { loadIndex, readManifest } from './index-store.js';
import { openSearcher } from './open-index.js';
import { removeSources, updateIndex } from './update-index.js';
import { useTempDirs } from '../test-support/temp-dirs.js';

const BUNDLED = 'data/articles/jincheng-specialty-towns-page1.txt';
const TEA_PAGE = [
  '示例专版',
  '',
  '云岭茶叶：一片叶子富了一方百姓',
  '',
  '云岭县地处山区，茶园面积达到3万亩。今年，云岭茶叶专业镇入选首批市级专业镇。',
  '',
  '近年来，该县大力推广绿色种植技术，茶农人均增收2000元。 李明远',
  '',
].join('\n');

/** Temp folders this file creates, removed after its tests. */
const { tempDir, made } = useTempDirs();

const quiet = { rebuild: false, warn: () => {} };
let base: Settings;
let files: string;

beforeAll(async () => {
  base = testSettings();
  made.push(base.INDEX_DIR);
  await updateIndex(base, [], { rebuild: true, warn: () => {} });
  files = tempDir('jc-articles-');
});

/** Settings over a private copy of the base index (the bundled page, 37 chunks). */
function copyOfBase(): Settings {
  const dir = tempDir('jc-index-update-');
  cpSync(base.INDEX_DIR, dir, { recursive: true });
  return loadSettings({ INDEX_DIR: dir, EMBEDDER: 'hash', LOG_LEVEL: 'silent' });
}

const readManifestOf = (s: Settings) => readManifest(s.INDEX_DIR);

function writeArticle(name: string, text: string): string {
  const path = join(files, name);
  writeFileSync(path, text);
  return path;
}

describe('updateIndex', () => {
  it('builds the bundled articles folder when no files are named', () => {
    expect(readManifest(base.INDEX_DIR)).toMatchObject({ chunkCount: 37, sources: [{ source: BUNDLED, chunks: 37 }] });
  });

  it('adds only the chunks of a new file to an existing index', async () => {
    const settings = copyOfBase();
    const tea = writeArticle('tea.txt', TEA_PAGE);
    const teaChunks = (await readCorpus([tea], loadGazetteer(settings.GAZETTEER_FILE), settings.CHUNK_MAX_CHARS)).chunks;
    expect(teaChunks.length).toBe(2);

    const report = await updateIndex(settings, [tea], quiet);
    expect(report).toMatchObject({ added: teaChunks.length, removed: 0, kept: 37, sources: [tea] });
    expect(report.manifest.chunkCount).toBe(39);
    const baseBuilt = readManifestOf(base).sources[0]!.addedAt;
    expect(report.manifest.sources).toEqual([
      { source: BUNDLED, chunks: 37, addedAt: baseBuilt },
      { source: tea, chunks: 2, addedAt: report.manifest.builtAt },
    ]);
    const index = loadIndex(settings.INDEX_DIR, 100);
    expect(index.chunks.slice(37).map((c) => c.id)).toEqual(teaChunks.map((c) => c.id));

    const [top] = await (await openSearcher(settings)).search('云岭茶叶的茶园面积有多大？', 3);
    expect(top!.chunk.text).toBe('云岭县地处山区，茶园面积达到3万亩。今年，云岭茶叶专业镇入选首批市级专业镇。');
    expect(top!.chunk.meta).toMatchObject({ title: '云岭茶叶：一片叶子富了一方百姓', author: '李明远', source: tea, section: '示例专版' });
  });

  it('adds nothing when the same files are ingested again', async () => {
    const settings = copyOfBase();
    const tea = writeArticle('tea-again.txt', TEA_PAGE);
    await updateIndex(settings, [tea], quiet);
    const before = loadIndex(settings.INDEX_DIR, 100);

    const report = await updateIndex(settings, [tea], quiet);
    expect(report).toMatchObject({ added: 0, removed: 0, kept: 39 });
    const again = await updateIndex(settings, [], quiet);
    expect(again).toMatchObject({ added: 0, removed: 0, kept: 39 });
    const after = loadIndex(settings.INDEX_DIR, 100);
    expect(after.chunks.map((c) => c.id).sort()).toEqual(before.chunks.map((c) => c.id).sort());
    expect(after.manifest.corpusHash).toBe(before.manifest.corpusHash);
  });

  it('replaces the chunks of an edited file', async () => {
    const settings = copyOfBase();
    const tea = writeArticle('tea-edited.txt', TEA_PAGE);
    await updateIndex(settings, [tea], quiet);
    writeFileSync(tea, TEA_PAGE.replace('人均增收2000元', '人均增收2500元'));

    const report = await updateIndex(settings, [tea], quiet);
    expect(report).toMatchObject({ added: 1, removed: 1, kept: 38 });
    const texts = loadIndex(settings.INDEX_DIR, 100).chunks.map((c) => c.text);
    expect(texts.length).toBe(39);
    expect(texts).toContain('近年来，该县大力推广绿色种植技术，茶农人均增收2500元。');
    expect(texts.some((t) => t.includes('2000元'))).toBe(false);
  });

  it('ingests a markdown file like a text file', async () => {
    const settings = copyOfBase();
    const md = writeArticle('tea.md', `# ${TEA_PAGE.replace('云岭茶叶：', '## 云岭茶叶：')}`);
    const report = await updateIndex(settings, [md], quiet);
    expect(report).toMatchObject({ added: 2, removed: 0, kept: 37 });
    const added = loadIndex(settings.INDEX_DIR, 100).chunks.slice(37);
    expect(added.map((c) => [c.meta.section, c.meta.title, c.meta.source, c.text])).toEqual([
      ['示例专版', '云岭茶叶：一片叶子富了一方百姓', md, '云岭县地处山区，茶园面积达到3万亩。今年，云岭茶叶专业镇入选首批市级专业镇。'],
      ['示例专版', '云岭茶叶：一片叶子富了一方百姓', md, '近年来，该县大力推广绿色种植技术，茶农人均增收2000元。'],
    ]);
  });

  it('with rebuild, holds exactly the named files', async () => {
    const settings = copyOfBase();
    const tea = writeArticle('tea-only.txt', TEA_PAGE);
    const report = await updateIndex(settings, [tea], { rebuild: true, warn: () => {} });
    expect(report).toMatchObject({ added: 2, removed: 0, kept: 0 });
    expect(readManifest(settings.INDEX_DIR).sources).toEqual([{ source: tea, chunks: 2, addedAt: report.manifest.builtAt }]);
  });

  it('rejects a missing path with a CorpusError naming it, leaving the index as it was', async () => {
    const settings = copyOfBase();
    const missing = join(files, 'no-such-file.txt');
    const err = await updateIndex(settings, [missing], quiet).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CorpusError);
    expect((err as Error).message).toBe(`no such file or folder: ${missing}`);
    expect(readManifest(settings.INDEX_DIR).chunkCount).toBe(37);
  });

  it('rejects a named file of no supported type (told by content) with a CorpusError naming it', async () => {
    const settings = copyOfBase();
    const png = writeArticle('photo.txt', '\x89PNG\r\n\x1a\n\x00\x00');
    const err = await updateIndex(settings, [png], quiet).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CorpusError);
    expect((err as Error).message).toBe(`not a PDF, Word (.docx), HTML or UTF-8 text document: ${png}`);
    expect(readManifest(settings.INDEX_DIR).chunkCount).toBe(37);
  });
});

describe('removeSources', () => {
  it('removes every chunk of a source, keeping the others, their vectors and the time they were added', async () => {
    const settings = copyOfBase();
    const tea = writeArticle('tea-removed.txt', TEA_PAGE);
    const added = await updateIndex(settings, [tea], quiet);
    const report = await removeSources(settings, [tea], { warn: () => {} });
    expect(report).toMatchObject({ added: 0, removed: 2, kept: 37, sources: [tea] });
    expect(report.manifest.sources).toEqual([added.manifest.sources[0]]);
    const index = loadIndex(settings.INDEX_DIR, 100);
    expect(index.chunks.map((c) => c.id)).toEqual(loadIndex(base.INDEX_DIR, 100).chunks.map((c) => c.id));
    expect(index.hnsw.getPoint(0)).toEqual(loadIndex(base.INDEX_DIR, 100).hnsw.getPoint(0));
    // The facts and the text prepared at ingest, as a fresh ingest of the same articles made them.
    const fresh = loadIndex(base.INDEX_DIR, 100);
    expect(index.facts).toEqual(fresh.facts);
    expect(index.chunks.map((c) => [c.folded, c.sentences, c.wholeParagraph])).toEqual(fresh.chunks.map((c) => [c.folded, c.sentences, c.wholeParagraph]));
  });

  it('refuses a source the index does not hold, or removing the last one, leaving the index as it was', async () => {
    const settings = copyOfBase();
    await expect(removeSources(settings, ['nope.txt'], { warn: () => {} })).rejects.toThrow(new CorpusError('no document nope.txt in the index'));
    await expect(removeSources(settings, [BUNDLED], { warn: () => {} })).rejects.toThrow('cannot remove every document');
    expect(readManifest(settings.INDEX_DIR).chunkCount).toBe(37);
  });
});

describe('updateIndex without a usable index', () => {
  it('adds named files to the bundled articles when there is no index yet', async () => {
    const settings = loadSettings({ INDEX_DIR: tempDir('jc-index-empty-'), EMBEDDER: 'hash', LOG_LEVEL: 'silent' });
    const report = await updateIndex(settings, [writeArticle('tea-fresh.txt', TEA_PAGE)], quiet);
    expect(report.manifest.sources.map((s) => s.source).sort()).toEqual([BUNDLED, join(files, 'tea-fresh.txt')].sort());
    expect(report.manifest.chunkCount).toBe(37 + 2);
  });

  it('replaces an index of another format with a warning instead of failing', async () => {
    const settings = copyOfBase();
    const folder = join(settings.INDEX_DIR, readFileSync(join(settings.INDEX_DIR, 'CURRENT'), 'utf8').trim());
    const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8'));
    writeFileSync(join(folder, 'manifest.json'), JSON.stringify({ ...manifest, formatVersion: 0 }));
    const warnings: string[] = [];
    const report = await updateIndex(settings, [], { rebuild: false, warn: (m) => warnings.push(m) });
    expect(warnings.some((w) => w.includes('cannot be extended') && w.includes('index format 0'))).toBe(true);
    expect(report.manifest.chunkCount).toBe(37);
    expect(loadIndex(settings.INDEX_DIR, 50).chunks).toHaveLength(37);
  });
});
