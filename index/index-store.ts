// Saves and loads the index folder atomically: a new build folder, then a renamed CURRENT pointer, under the folder's lock.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import hnswlib from 'hnswlib-node';
import type { Fact } from '../ingest/index.js';
import { Bm25Index } from './bm25.js';
import { BM25_MAGIC, decodeBm25, encodeBm25 } from './bm25-file.js';
import { fileCheckOf, readSections, readSectionsAsync, readVerifiedFile, verifyFile, writeSections, type FileCheck, type VerifyMode } from './binary-file.js';
import { CHUNKS_MAGIC, decodeChunks, encodeChunks } from './chunk-file.js';
import { CURRENT, currentBuild, fsyncPath, newBuildName, pointerTempName, readPointer, removeDeadEntries } from './build-folders.js';
import { decodeFacts, decodeFactsInSlices, encodeFacts } from './fact-file.js';
import { lockIndexNow, type IndexLock } from './index-lock.js';
import type { LexiconTable } from './lexicon/build-lexicon.js';
import type { Dictionary } from './lexicon/dictionary.js';
import { decodeDictionary, DICTIONARY_MAGIC, encodeDictionary } from './lexicon/dictionary-file.js';
import { decodeLexicon, encodeLexicon, LEXICON_MAGIC } from './lexicon/lexicon-file.js';
import { IndexCorruptError, IndexMismatchError, IndexNotBuiltError } from './errors.js';
import type { IndexedChunk } from './indexed-chunk.js';
import { INDEX_FORMAT_VERSION, manifestSchema, type Manifest } from './manifest.js';
import type { Pause } from './slice-pause.js';

export const FILES = { chunks: 'chunks.bin', bm25: 'bm25.bin', lexicon: 'lexicon.bin', dictionary: 'dictionary.bin', hnsw: 'hnsw.bin', embedder: 'embedder.bin', facts: 'facts.json', manifest: 'manifest.json' } as const;

/** Everything a built index holds in memory. */
export type StoredIndex = {
  manifest: Manifest;
  /** Chunks by label, with the text prepared at ingest (see IndexedChunk). */
  chunks: IndexedChunk[];
  bm25: Bm25Index;
  /** Related words over this corpus's vocabulary. */
  lexicon: LexiconTable;
  /** The dictionary the lexicon was built with (English translations, glosses), and what it was made from. */
  dictionary: Dictionary;
  dictionarySources: string;
  hnsw: hnswlib.HierarchicalNSW;
  /** Hash embedder statistics (document count, hashed df table); null for model embedders. */
  embedderState: { docs: number; df: Uint32Array } | null;
  /** Typed facts of each chunk (by label), extracted at ingest. */
  facts: Fact[][];
};

function writeDurable(path: string, data: string | Uint8Array): void {
  writeFileSync(path, data);
  fsyncPath(path);
}

function encodeEmbedderState(state: { docs: number; df: Uint32Array }): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32LE(state.docs, 0);
  head.writeUInt32LE(state.df.length, 4);
  return Buffer.concat([head, Buffer.from(state.df.buffer, state.df.byteOffset, state.df.byteLength)]);
}

function decodeEmbedderState(buf: Buffer): { docs: number; df: Uint32Array } {
  const length = buf.readUInt32LE(4);
  if (buf.length !== 8 + length * 4) throw new IndexCorruptError(`embedder state has ${buf.length} bytes, expected ${8 + length * 4}`);
  const df = new Uint32Array(length);
  Buffer.from(df.buffer).set(buf.subarray(8));
  return { docs: buf.readUInt32LE(0), df };
}

/**
 * Writes a complete index into a fresh build folder under `dir` (chunks and BM25 in binary files
 * checksummed as they are written; every file, the folder, CURRENT and `dir` fsynced), then
 * atomically points `dir/CURRENT` at it and removes the builds it replaced. Holds the folder's
 * lock throughout: the caller's `lock`, else its own (throws IndexLockedError when another live
 * writer holds it). A failure (ENOSPC, a crash) leaves the previous index current; a failed build
 * is removed here, a killed one by the next writer. `checkpoint` runs just before CURRENT moves:
 * when it throws, the new build is removed and the previous one stays current. Returns the manifest written.
 */
export function saveIndex(
  dir: string,
  index: Omit<StoredIndex, 'manifest'> & { manifest: Omit<Manifest, 'files'> },
  lock?: IndexLock,
  checkpoint: () => void = () => {},
): Manifest {
  const held = lock ?? lockIndexNow(dir, () => {});
  try {
    const build = newBuildName();
    const folder = join(dir, build);
    const pointerTemp = join(dir, pointerTempName());
    let manifest: Manifest;
    try {
      mkdirSync(folder);
      manifest = writeBuild(folder, index);
      writeDurable(pointerTemp, build);
      checkpoint();
      held.assertHeld();
      renameSync(pointerTemp, join(dir, CURRENT));
    } catch (err) {
      rmSync(folder, { recursive: true, force: true });
      rmSync(pointerTemp, { force: true });
      throw err;
    }
    fsyncPath(dir);
    removeDeadEntries(dir);
    return manifest;
  } finally {
    if (!lock) held.release();
  }
}

/** Writes the index files and then the manifest (last: it marks the build complete) into `folder`, fsyncing all. */
function writeBuild(folder: string, index: Omit<StoredIndex, 'manifest'> & { manifest: Omit<Manifest, 'files'> }): Manifest {
  const files: Manifest['files'] = {};
  files[FILES.chunks] = writeSections(join(folder, FILES.chunks), CHUNKS_MAGIC, encodeChunks(index.chunks));
  files[FILES.bm25] = writeSections(join(folder, FILES.bm25), BM25_MAGIC, encodeBm25(index.bm25.postings));
  files[FILES.lexicon] = writeSections(join(folder, FILES.lexicon), LEXICON_MAGIC, encodeLexicon(index.lexicon));
  files[FILES.dictionary] = writeSections(join(folder, FILES.dictionary), DICTIONARY_MAGIC, encodeDictionary(index.dictionary, index.dictionarySources));
  index.hnsw.writeIndexSync(join(folder, FILES.hnsw));
  fsyncPath(join(folder, FILES.hnsw));
  files[FILES.hnsw] = fileCheckOf(join(folder, FILES.hnsw));
  if (index.embedderState) {
    writeDurable(join(folder, FILES.embedder), encodeEmbedderState(index.embedderState));
    files[FILES.embedder] = fileCheckOf(join(folder, FILES.embedder));
  }
  writeDurable(join(folder, FILES.facts), encodeFacts(index.facts));
  files[FILES.facts] = fileCheckOf(join(folder, FILES.facts));
  const manifest: Manifest = { ...index.manifest, files };
  fsyncPath(folder);
  writeDurable(join(folder, FILES.manifest), JSON.stringify(manifest, null, 2));
  fsyncPath(folder);
  return manifest;
}

/** Reads and validates the manifest of the current build. */
export function readManifest(dir: string): Manifest {
  return readManifestOf(currentBuild(dir));
}

function readManifestOf(folder: string): Manifest {
  const path = join(folder, FILES.manifest);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new IndexCorruptError(`unreadable manifest ${path}; re-run \`npm run ingest\``, { cause: err });
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) throw new IndexCorruptError(`invalid manifest ${path}: ${parsed.error.issues[0]!.message}; re-run \`npm run ingest\``);
  if (parsed.data.formatVersion !== INDEX_FORMAT_VERSION) {
    throw new IndexMismatchError(`index format ${parsed.data.formatVersion} is not the supported ${INDEX_FORMAT_VERSION}; re-run \`npm run ingest\``);
  }
  return parsed.data;
}

function expectedFile(folder: string, name: string, manifest: Manifest): { path: string; check: FileCheck } {
  const check = manifest.files[name];
  const path = join(folder, name);
  if (!check || !existsSync(path)) throw new IndexCorruptError(`index file ${path} is missing; re-run \`npm run ingest\``);
  return { path, check };
}

/** Options of loadIndex: `verify` 'full' hashes every byte (default), 'sampled' checks sizes and sampled blocks. */
export type LoadOptions = { verify?: VerifyMode };

/**
 * Loads the current index from `dir`, checking every file against the manifest (see
 * LoadOptions; the chunk store, served as text, is always checked in full) before parsing it.
 * Throws IndexNotBuiltError, IndexPointerMissingError, IndexCorruptError or IndexMismatchError
 * with a message that says what to do; never returns a partially loaded index. When a writer
 * replaces the build while it is being read, loads the new one.
 */
export function loadIndex(dir: string, efSearch: number, options: LoadOptions = {}): StoredIndex {
  for (let attempt = 1; ; attempt++) {
    const folder = currentBuild(dir);
    try {
      return loadBuild(folder, efSearch, options);
    } catch (err) {
      if (attempt < 3 && readPointer(dir) !== basename(folder)) continue;
      throw err;
    }
  }
}

/**
 * loadIndex without holding the event loop for long (a live swap loads while the server answers):
 * files are read and hashed in 1 MiB blocks in libuv's thread pool, the HNSW graph is read there,
 * and `pause` is awaited between decoding steps and between chunks' facts. Same checks, errors and result.
 */
export async function loadIndexInSlices(dir: string, efSearch: number, pause: Pause, options: LoadOptions = {}): Promise<StoredIndex> {
  for (let attempt = 1; ; attempt++) {
    const folder = currentBuild(dir);
    try {
      return await loadBuildInSlices(folder, efSearch, options, pause);
    } catch (err) {
      if (attempt < 3 && readPointer(dir) !== basename(folder)) continue;
      throw err;
    }
  }
}

async function loadBuildInSlices(folder: string, efSearch: number, { verify = 'full' }: LoadOptions, pause: Pause): Promise<StoredIndex> {
  const manifest = readManifestOf(folder);
  const n = manifest.chunkCount;
  const sections = (name: string, magic: string, mode: VerifyMode) => {
    const file = expectedFile(folder, name, manifest);
    return readSectionsAsync(file.path, magic, file.check, mode);
  };
  const bytes = (name: string) => {
    const file = expectedFile(folder, name, manifest);
    return readVerifiedFile(file.path, file.check, 'full', true) as Promise<Buffer>;
  };
  const chunks = decodeChunks(await sections(FILES.chunks, CHUNKS_MAGIC, 'full'), n); // in full: see loadBuild
  await pause();
  const bm25 = new Bm25Index(decodeBm25(await sections(FILES.bm25, BM25_MAGIC, verify), n));
  await pause();
  const lexicon = decodeLexicon(await sections(FILES.lexicon, LEXICON_MAGIC, verify));
  await pause();
  const dictionary = decodeDictionary(await sections(FILES.dictionary, DICTIONARY_MAGIC, verify));
  await pause();
  const hnswFile = expectedFile(folder, FILES.hnsw, manifest);
  await readVerifiedFile(hnswFile.path, hnswFile.check, verify, false);
  const hnsw = new hnswlib.HierarchicalNSW('cosine', manifest.embedder.dimension);
  await hnsw.readIndex(hnswFile.path);
  hnsw.setEf(efSearch);
  const embedderState = manifest.files[FILES.embedder] ? decodeEmbedderState(await bytes(FILES.embedder)) : null;
  const facts = await decodeFactsInSlices(await bytes(FILES.facts), n, pause);
  if (hnsw.getCurrentCount() !== chunks.length) {
    throw new IndexCorruptError(`index parts disagree on the number of chunks; re-run \`npm run ingest\``);
  }
  return { manifest, chunks, bm25, lexicon, dictionary: dictionary.dictionary, dictionarySources: dictionary.sources, hnsw, embedderState, facts };
}

function loadBuild(folder: string, efSearch: number, { verify = 'full' }: LoadOptions): StoredIndex {
  const manifest = readManifestOf(folder);
  const n = manifest.chunkCount;
  const chunkFile = expectedFile(folder, FILES.chunks, manifest);
  // Every byte of the chunk store is served as text, and decoding reads every byte anyway: always hash it in full.
  const chunks = decodeChunks(readSections(chunkFile.path, CHUNKS_MAGIC, chunkFile.check, 'full'), n);
  const bm25File = expectedFile(folder, FILES.bm25, manifest);
  const bm25 = new Bm25Index(decodeBm25(readSections(bm25File.path, BM25_MAGIC, bm25File.check, verify), n));
  const lexiconFile = expectedFile(folder, FILES.lexicon, manifest);
  const lexicon = decodeLexicon(readSections(lexiconFile.path, LEXICON_MAGIC, lexiconFile.check, verify));
  const dictionaryFile = expectedFile(folder, FILES.dictionary, manifest);
  const dictionary = decodeDictionary(readSections(dictionaryFile.path, DICTIONARY_MAGIC, dictionaryFile.check, verify));
  const hnswFile = expectedFile(folder, FILES.hnsw, manifest);
  verifyFile(hnswFile.path, hnswFile.check, verify);
  const hnsw = new hnswlib.HierarchicalNSW('cosine', manifest.embedder.dimension);
  hnsw.readIndexSync(hnswFile.path);
  hnsw.setEf(efSearch);
  let embedderState: StoredIndex['embedderState'] = null;
  if (manifest.files[FILES.embedder]) {
    const file = expectedFile(folder, FILES.embedder, manifest);
    const data = readFileSync(file.path);
    verifyFile(file.path, file.check, 'full', data);
    embedderState = decodeEmbedderState(data);
  }
  const factFile = expectedFile(folder, FILES.facts, manifest);
  const factData = readFileSync(factFile.path);
  verifyFile(factFile.path, factFile.check, 'full', factData);
  const facts = decodeFacts(factData, n);
  if (hnsw.getCurrentCount() !== chunks.length) {
    throw new IndexCorruptError(`index parts disagree on the number of chunks; re-run \`npm run ingest\``);
  }
  return { manifest, chunks, bm25, lexicon, dictionary: dictionary.dictionary, dictionarySources: dictionary.sources, hnsw, embedderState, facts };
}
