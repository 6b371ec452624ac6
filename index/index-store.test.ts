// Tests for saving and loading the index folder: round trip, checksums, corrupt files, interrupted builds.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSettings, type Settings } from '../config.js';
import { testSettings } from '../test-support/test-index.js';
import { buildIndex } from './build-index.js';
import { IndexCorruptError, IndexMismatchError, IndexNotBuiltError, IndexPointerMissingError } from './errors.js';
import { fitDocumentFrequencies, HashEmbedder } from './hash-embedder.js';
import { fileCheckOf } from './binary-file.js';
import type { LexiconTable } from './lexicon/build-lexicon.js';
import { Lexicon } from './lexicon/lexicon.js';
import { encodeLexicon } from './lexicon/lexicon-file.js';
import { currentBuild } from './build-folders.js';
import { FILES, loadIndex, loadIndexInSlices, readManifest, saveIndex } from './index-store.js';
import { INDEX_FORMAT_VERSION } from './manifest.js';
import { openSearcher } from './open-index.js';
import { updateIndex } from './update-index.js';
import { useTempDirs } from '../test-support/temp-dirs.js';

/** Temp folders this file creates, removed after its tests. */
const { tempDir, made } = useTempDirs();

let settings: Settings;

beforeAll(async () => {
  settings = testSettings();
  made.push(settings.INDEX_DIR);
  await updateIndex(settings, [], { rebuild: true, warn: () => {} });
});

/** A copy of the built index in a fresh temp folder, to damage without touching the original. */
function copyOfIndex(): string {
  const dir = tempDir('jc-index-copy-');
  cpSync(settings.INDEX_DIR, dir, { recursive: true });
  return dir;
}

function settingsFor(dir: string, overrides: Record<string, string> = {}): Settings {
  return loadSettings({ INDEX_DIR: dir, EMBEDDER: 'hash', LOG_LEVEL: 'silent', ...overrides });
}

function failure(run: () => unknown): Error {
  try {
    run();
  } catch (err) {
    if (err instanceof Error) return err;
  }
  throw new Error('expected an error');
}

describe('saveIndex and readManifest', () => {
  it('points CURRENT at the one build folder holding the seven index files', () => {
    const entries = readdirSync(settings.INDEX_DIR).sort();
    expect(entries.length).toBe(2);
    expect(entries[0]).toBe('CURRENT');
    expect(entries[1]).toMatch(/^build-\d+-\d+-[0-9a-f]{8}$/);
    expect(readFileSync(join(settings.INDEX_DIR, 'CURRENT'), 'utf8')).toBe(entries[1]);
    expect(readdirSync(currentBuild(settings.INDEX_DIR)).sort()).toEqual(['bm25.bin', 'chunks.bin', 'dictionary.bin', 'embedder.bin', 'facts.json', 'hnsw.bin', 'lexicon.bin', 'manifest.json']);
  });

  it('describes the build in the manifest: embedder, HNSW settings, chunk count, sources and file checksums', () => {
    const manifest = readManifest(settings.INDEX_DIR);
    expect(manifest).toMatchObject({
      formatVersion: INDEX_FORMAT_VERSION,
      embedder: { id: 'hash', model: 'char-ngram-1-3-tfidf-hashed-512', dimension: 512 },
      hnsw: { space: 'cosine', m: 16, efConstruction: 200 },
      chunkCount: 37,
      sources: [{ source: 'data/articles/jincheng-specialty-towns-page1.txt', chunks: 37 }],
    });
    const folder = currentBuild(settings.INDEX_DIR);
    expect(Object.keys(manifest.files).sort()).toEqual(['bm25.bin', 'chunks.bin', 'dictionary.bin', 'embedder.bin', 'facts.json', 'hnsw.bin', 'lexicon.bin']);
    for (const [name, file] of Object.entries(manifest.files)) {
      expect(file.bytes).toBe(statSync(join(folder, name)).size);
      expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('keeps chunks, manifest and search results identical through a save and load round trip', async () => {
    const loaded = loadIndex(settings.INDEX_DIR, settings.HNSW_EF_SEARCH);
    const dir = tempDir('jc-index-roundtrip-');
    const written = saveIndex(dir, loaded);
    const reloaded = loadIndex(dir, settings.HNSW_EF_SEARCH);
    expect(reloaded.chunks).toEqual(loaded.chunks);
    expect(reloaded.manifest).toEqual(written);
    expect(written).toEqual(loaded.manifest);
    expect(reloaded.bm25.data).toEqual(loaded.bm25.data);
    expect(reloaded.embedderState).toEqual(loaded.embedderState);
    expect(reloaded.hnsw.getCurrentCount()).toBe(37);
    for (const label of [0, 18, 36]) expect(reloaded.hnsw.getPoint(label)).toEqual(loaded.hnsw.getPoint(label));

    const before = await openSearcher(settings);
    const after = await openSearcher(settingsFor(dir));
    for (const question of ['高平2022年生猪出栏多少头？', '陵川中药材种类有多少种？', 'How many pigs did Gaoping sell in 2022?']) {
      expect(await after.search(question, 5)).toEqual(await before.search(question, 5));
    }
  });

  it('removes older build folders once the new one is current', () => {
    const dir = copyOfIndex();
    const old = currentBuild(dir);
    saveIndex(dir, loadIndex(dir, settings.HNSW_EF_SEARCH));
    expect(currentBuild(dir)).not.toBe(old);
    expect(readdirSync(dir).filter((e) => e.startsWith('build-'))).toEqual([currentBuild(dir).slice(dir.length + 1)]);
  });
});

describe('loadIndex errors', () => {
  it('throws IndexNotBuiltError for a folder without an index, telling the user to ingest', () => {
    const empty = tempDir('jc-no-index-');
    const err = failure(() => loadIndex(empty, 100));
    expect(err).toBeInstanceOf(IndexNotBuiltError);
    expect((err as IndexNotBuiltError).code).toBe('index_not_built');
    expect(err.message).toBe(`no index in ${empty}: run \`npm run ingest\` first`);
    expect(failure(() => loadIndex(join(empty, 'never-created'), 100))).toBeInstanceOf(IndexNotBuiltError);
  });

  it.each([FILES.hnsw, FILES.chunks, FILES.bm25, FILES.lexicon, FILES.dictionary, FILES.embedder])('throws IndexCorruptError naming a truncated %s and advising re-ingest', (name) => {
    const dir = copyOfIndex();
    const path = join(currentBuild(dir), name);
    truncateSync(path, Math.floor(statSync(path).size / 2));
    const err = failure(() => loadIndex(dir, 100));
    expect(err).toBeInstanceOf(IndexCorruptError);
    expect((err as IndexCorruptError).code).toBe('index_corrupt');
    expect(err.message).toBe(`index file ${path} is truncated or corrupt (checksum mismatch); re-run \`npm run ingest\``);
  });

  it('throws IndexCorruptError for a file changed in place without changing its size', () => {
    const dir = copyOfIndex();
    const path = join(currentBuild(dir), FILES.chunks);
    const data = readFileSync(path);
    const size = data.length;
    data.write('生猪出栏86万头', data.indexOf('生猪出栏85万头'));
    writeFileSync(path, data);
    expect(statSync(path).size).toBe(size);
    expect(failure(() => loadIndex(dir, 100)).message).toContain('checksum mismatch');
  });

  it('round-trips the lexicon table: a reloaded index relates and translates the same', () => {
    const dir = copyOfIndex();
    const loaded = loadIndex(settings.INDEX_DIR, 100);
    saveIndex(dir, loaded);
    const reloaded = loadIndex(dir, 100);
    const bytes = (t: LexiconTable) => Buffer.concat(encodeLexicon(t));
    expect(Buffer.compare(bytes(reloaded.lexicon), bytes(loaded.lexicon))).toBe(0);
    const lexicon = new Lexicon(reloaded.lexicon, reloaded.dictionary, { english: {}, gloss: {} });
    expect(lexicon.relatedWords('创建').map((r) => r.word)).toContain('创始');
    expect(lexicon.translateEnglish('honey')).toEqual([{ term: 'honey', chinese: ['蜜', '蜂蜜'] }]);
  });

  it('throws IndexCorruptError for a lexicon table whose checksum matches but whose structure does not', () => {
    const dir = copyOfIndex();
    const folder = currentBuild(dir);
    const manifestPath = join(folder, FILES.manifest);
    const path = join(folder, FILES.lexicon);
    const data = readFileSync(path);
    // A header claiming one target more than the table holds, with the manifest updated to match.
    const head = data.toString('latin1', 16, 16 + Number(data.readBigUInt64LE(8)));
    const forged = head.replace(/"targets":(\d+)/, (_, n: string) => `"targets":${String(Number(n) + 1).padStart(n.length, '0')}`);
    expect(forged.length).toBe(head.length);
    data.write(forged, 16, 'latin1');
    writeFileSync(path, data);
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    manifest.files[FILES.lexicon] = fileCheckOf(path);
    writeFileSync(manifestPath, JSON.stringify(manifest));
    const err = failure(() => loadIndex(dir, 100));
    expect(err).toBeInstanceOf(IndexCorruptError);
    expect(err.message).toBe('lexicon table: target offsets do not match the header; re-run `npm run ingest`');
  });

  it('throws IndexCorruptError naming a deleted index file', () => {
    const dir = copyOfIndex();
    const path = join(currentBuild(dir), FILES.hnsw);
    rmSync(path);
    const err = failure(() => loadIndex(dir, 100));
    expect(err).toBeInstanceOf(IndexCorruptError);
    expect(err.message).toBe(`index file ${path} is missing; re-run \`npm run ingest\``);
  });

  it('throws IndexCorruptError for an unreadable manifest', () => {
    const dir = copyOfIndex();
    const path = join(currentBuild(dir), FILES.manifest);
    truncateSync(path, 20);
    const err = failure(() => loadIndex(dir, 100));
    expect(err).toBeInstanceOf(IndexCorruptError);
    expect(err.message).toBe(`unreadable manifest ${path}; re-run \`npm run ingest\``);
  });

  it('throws IndexCorruptError for a manifest that does not match its schema', () => {
    const dir = copyOfIndex();
    const path = join(currentBuild(dir), FILES.manifest);
    writeFileSync(path, JSON.stringify({ formatVersion: 1 }));
    const err = failure(() => loadIndex(dir, 100));
    expect(err).toBeInstanceOf(IndexCorruptError);
    expect(err.message).toMatch(new RegExp(`^invalid manifest ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: .*; re-run \`npm run ingest\`$`));
  });

  it('throws IndexMismatchError for an index of another format version', () => {
    const dir = copyOfIndex();
    const path = join(currentBuild(dir), FILES.manifest);
    writeFileSync(path, JSON.stringify({ ...JSON.parse(readFileSync(path, 'utf8')), formatVersion: 1 }));
    const err = failure(() => loadIndex(dir, 100));
    expect(err).toBeInstanceOf(IndexMismatchError);
    expect(err.message).toBe(`index format 1 is not the supported ${INDEX_FORMAT_VERSION}; re-run \`npm run ingest\``);
  });

  it('throws IndexCorruptError when CURRENT names a build folder that is gone', () => {
    const dir = copyOfIndex();
    rmSync(currentBuild(dir), { recursive: true });
    const err = failure(() => loadIndex(dir, 100));
    expect(err).toBeInstanceOf(IndexCorruptError);
    expect(err.message).toContain('re-run `npm run ingest`');
  });
});

describe('an interrupted ingest', () => {
  it('leaves the previous index loadable and searchable, and the next ingest clears the half-written build', async () => {
    const dir = copyOfIndex();
    const previous = currentBuild(dir);
    // Simulate a crash mid-save: a newer build folder with partial files, CURRENT never moved.
    const partial = join(dir, `build-${Date.now() + 60_000}-deadbeef`);
    mkdirSync(partial);
    writeFileSync(join(partial, FILES.chunks), '[{"id":"0123456789abcdef","te');
    writeFileSync(join(partial, FILES.bm25), '');

    expect(currentBuild(dir)).toBe(previous);
    expect(loadIndex(dir, 100).chunks.length).toBe(37);
    const searcher = await openSearcher(settingsFor(dir));
    const [top] = await searcher.search('高平2022年生猪出栏多少头？', 3);
    expect(top!.chunk.text).toContain('生猪出栏85万头');

    const report = await updateIndex(settingsFor(dir), [], { rebuild: false, warn: () => {} });
    expect(report).toMatchObject({ added: 0, removed: 0, kept: 37 });
    expect(readdirSync(dir).filter((e) => e.startsWith('build-'))).toEqual([currentBuild(dir).slice(dir.length + 1)]);
  });
});

describe('openSearcher', () => {
  it('refuses to open a hash-built index with EMBEDDER=transformers (IndexMismatchError)', async () => {
    const err = await openSearcher(settingsFor(settings.INDEX_DIR, { EMBEDDER: 'transformers' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IndexMismatchError);
    expect((err as IndexMismatchError).code).toBe('index_mismatch');
    expect((err as Error).message).toBe(
      'the index was built with the hash embedder (char-ngram-1-3-tfidf-hashed-512) but EMBEDDER=transformers; ' +
        're-run `npm run ingest` with EMBEDDER=transformers',
    );
  });

  it('opens a hash-built index with EMBEDDER=auto using the stored hash statistics', async () => {
    const searcher = await openSearcher(settingsFor(settings.INDEX_DIR, { EMBEDDER: 'auto' }));
    expect(searcher.embedder.id).toBe('hash');
    expect((searcher.embedder as { fingerprint?: string }).fingerprint).toBe(readManifest(settings.INDEX_DIR).embedder.fingerprint);
  });

  it('throws IndexNotBuiltError when there is no index', async () => {
    const empty = tempDir('jc-no-index-');
    await expect(openSearcher(settingsFor(empty))).rejects.toBeInstanceOf(IndexNotBuiltError);
  });
});

describe('a failed save (ENOSPC)', () => {
  it('removes its partial build, keeps the previous index current, and the next ingest works', async () => {
    const dir = copyOfIndex();
    const previous = currentBuild(dir);
    const loaded = loadIndex(dir, 100);
    // hnsw.bin is written half-way, then the disk is full (writes to /dev/full fail with ENOSPC).
    const hnsw = {
      writeIndexSync: (path: string) => {
        writeFileSync(path, 'partial');
        writeFileSync('/dev/full', 'more');
      },
    } as unknown as typeof loaded.hnsw;
    expect(() => saveIndex(dir, { ...loaded, hnsw })).toThrow(expect.objectContaining({ code: 'ENOSPC' }));
    expect(readdirSync(dir).sort()).toEqual(['CURRENT', previous.slice(dir.length + 1)]);
    expect(loadIndex(dir, 100).chunks.length).toBe(37);
    const report = await updateIndex(settingsFor(dir), [], { rebuild: false, warn: () => {} });
    expect(report.kept).toBe(37);
    expect(readdirSync(dir).sort()).toEqual(['CURRENT', currentBuild(dir).slice(dir.length + 1)]);
  });
});

describe('a save abandoned at its checkpoint (the build thread asked to stop)', () => {
  it('removes the new build and leaves the previous one current', () => {
    const dir = copyOfIndex();
    const previous = currentBuild(dir);
    const loaded = loadIndex(dir, 100);
    let reached = 0;
    const stop = () => {
      reached++;
      throw new Error('stopped');
    };
    expect(() => saveIndex(dir, loaded, undefined, stop)).toThrow('stopped');
    expect(reached).toBe(1);
    expect(readdirSync(dir).sort()).toEqual(['CURRENT', previous.slice(dir.length + 1)]);
    expect(loadIndex(dir, 100).chunks.length).toBe(37);
  });

  it('is reached by an ingest before each embedding batch, which then saves nothing', async () => {
    const dir = copyOfIndex();
    const previous = currentBuild(dir);
    let calls = 0;
    const checkpoint = () => {
      if (++calls === 3) throw new Error('stopped');
    };
    await expect(updateIndex({ ...settingsFor(dir), EMBED_BATCH: 8 }, [], { rebuild: true, warn: () => {}, checkpoint })).rejects.toThrow('stopped');
    expect(calls).toBe(3);
    expect(currentBuild(dir)).toBe(previous);
    expect(readdirSync(dir).sort()).toEqual(['CURRENT', previous.slice(dir.length + 1)]);
  });
});

describe('a missing CURRENT with builds present', () => {
  it('is a clear error for loading, ingesting and rebuilding, and the builds stay', async () => {
    const dir = copyOfIndex();
    const build = currentBuild(dir).slice(dir.length + 1);
    rmSync(join(dir, 'CURRENT'));
    expect(() => loadIndex(dir, 100)).toThrow(IndexPointerMissingError);
    expect(() => loadIndex(dir, 100)).toThrow(`index folder ${dir} holds a build (${build}) but no CURRENT pointer; to keep it, run \`echo ${build} > ${dir}/CURRENT\``);
    for (const rebuild of [false, true]) {
      await expect(updateIndex(settingsFor(dir), [], { rebuild, warn: () => {} })).rejects.toBeInstanceOf(IndexPointerMissingError);
    }
    expect(readdirSync(dir)).toEqual([build]);
    writeFileSync(join(dir, 'CURRENT'), build); // the recovery the message gives
    expect(loadIndex(dir, 100).chunks.length).toBe(37);
  });
});

describe('INDEX_VERIFY=sampled', () => {
  it('never serves a changed byte of the chunk store as text, even one outside every sampled block', async () => {
    // A chunk store of a few MB: sampled blocks (256 × 4 KiB) then leave most bytes unsampled.
    const base = loadIndex(settings.INDEX_DIR, 100).chunks;
    const chunks = Array.from({ length: 120 }, (_, copy) => base.map((c, i) => ({ ...c, id: (copy * 1000 + i).toString(16).padStart(16, '0') }))).flat();
    const texts = chunks.map((c) => c.text);
    const stats = fitDocumentFrequencies(texts);
    const built = await buildIndex(chunks, new HashEmbedder(32, stats), { m: 4, efConstruction: 10, efSearch: 10 }, { batchSize: 512, embedderState: stats });
    const dir = tempDir('jc-index-sampled-');
    saveIndex(dir, built);
    const path = join(currentBuild(dir), FILES.chunks);
    const data = readFileSync(path);
    const size = data.length;
    const last = size - 4096;
    const sampled = (at: number) => Array.from({ length: 256 }, (_, i) => Math.floor((last * i) / 255)).some((start) => at >= start && at < start + 4096);
    const at = data.indexOf('85万头', size / 2);
    let digit = at;
    while (sampled(digit) || data[digit]! < 0x30 || data[digit]! > 0x39) digit = data.indexOf('85万头', digit + 1);
    expect(digit).toBeGreaterThan(0);
    data[digit] = 0x39; // 85万头 → 95万头
    writeFileSync(path, data);
    expect(() => loadIndex(dir, 10, { verify: 'sampled' })).toThrow(IndexCorruptError);
    expect(() => loadIndex(dir, 10, { verify: 'sampled' })).toThrow(`index file ${path} is truncated or corrupt (checksum mismatch)`);
    expect(existsSync(path)).toBe(true);
  });
});

describe('loadIndexInSlices', () => {
  /** A pause that always yields, counting its calls. */
  const countingPause = () => {
    const pause = Object.assign(async () => {
      pause.calls++;
      await new Promise((r) => setImmediate(r));
    }, { calls: 0 });
    return pause;
  };

  it('loads what loadIndex loads, pausing between steps and between chunks\' facts', async () => {
    const pause = countingPause();
    const sliced = await loadIndexInSlices(settings.INDEX_DIR, 100, pause);
    const whole = loadIndex(settings.INDEX_DIR, 100);
    expect(sliced.manifest).toEqual(whole.manifest);
    expect(sliced.chunks.map((c) => [c.id, c.text, c.folded])).toEqual(whole.chunks.map((c) => [c.id, c.text, c.folded]));
    expect(sliced.facts).toEqual(whole.facts);
    expect(sliced.bm25.postings.terms).toEqual(whole.bm25.postings.terms);
    expect(sliced.embedderState).toEqual(whole.embedderState);
    expect(sliced.dictionarySources).toBe(whole.dictionarySources);
    expect(sliced.hnsw.getCurrentCount()).toBe(whole.chunks.length);
    expect(sliced.hnsw.getPoint(5)).toEqual(whole.hnsw.getPoint(5));
    expect(pause.calls).toBeGreaterThanOrEqual(whole.chunks.length + 4);
  });

  it.each([FILES.hnsw, FILES.chunks, FILES.bm25, FILES.lexicon, FILES.dictionary, FILES.embedder, FILES.facts])('throws the IndexCorruptError loadIndex throws for a truncated %s', async (name) => {
    const dir = copyOfIndex();
    const path = join(currentBuild(dir), name);
    truncateSync(path, Math.floor(statSync(path).size / 2));
    const err = await loadIndexInSlices(dir, 100, async () => {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IndexCorruptError);
    expect((err as Error).message).toBe(failure(() => loadIndex(dir, 100)).message);
  });

  it('throws the error loadIndex throws for a fact store whose checksum matches but whose facts do not fit the schema', async () => {
    const dir = copyOfIndex();
    const folder = currentBuild(dir);
    const path = join(folder, FILES.facts);
    const facts = JSON.parse(readFileSync(path, 'utf8')) as { chunks: unknown[][] };
    facts.chunks[3] = [{ kind: 'no-such-kind' }];
    writeFileSync(path, JSON.stringify(facts));
    const manifestPath = join(folder, FILES.manifest);
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    manifest.files[FILES.facts] = fileCheckOf(path);
    writeFileSync(manifestPath, JSON.stringify(manifest));
    const err = await loadIndexInSlices(dir, 100, async () => {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IndexCorruptError);
    expect((err as Error).message).toMatch(/^fact store: .*; re-run `npm run ingest`$/);
    expect((err as Error).message).toBe(failure(() => loadIndex(dir, 100)).message);
  });

  it('throws IndexNotBuiltError for a folder without an index', async () => {
    await expect(loadIndexInSlices(tempDir('jc-no-index-'), 100, async () => {})).rejects.toBeInstanceOf(IndexNotBuiltError);
  });
});
