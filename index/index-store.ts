// Saves and loads the index folder atomically: a new build folder, then a renamed CURRENT pointer.
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import hnswlib from 'hnswlib-node';
import { z } from 'zod';
import { chunkSchema, type Chunk } from '../ingest/types.js';
import { bm25DataSchema, Bm25Index } from './bm25.js';
import { IndexCorruptError, IndexMismatchError, IndexNotBuiltError } from './errors.js';
import { INDEX_FORMAT_VERSION, manifestSchema, type Manifest } from './manifest.js';

const CURRENT = 'CURRENT';
export const FILES = { chunks: 'chunks.json', bm25: 'bm25.json', hnsw: 'hnsw.bin', embedder: 'embedder.bin', manifest: 'manifest.json' } as const;

/** Everything a built index holds in memory. */
export type StoredIndex = {
  manifest: Manifest;
  chunks: Chunk[];
  bm25: Bm25Index;
  hnsw: hnswlib.HierarchicalNSW;
  /** Hash embedder statistics (document count, hashed df table); null for model embedders. */
  embedderState: { docs: number; df: Uint32Array } | null;
};

function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

function writeDurable(path: string, data: string | Uint8Array): void {
  writeFileSync(path, data);
  const fd = openSync(path, 'r');
  fsyncSync(fd);
  closeSync(fd);
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
 * Writes a complete index into a fresh build folder under `dir`, then atomically points
 * `dir/CURRENT` at it and removes older builds. A crash at any point leaves the previous index
 * readable. Returns the manifest written (with file checksums filled in).
 */
export function saveIndex(dir: string, index: Omit<StoredIndex, 'manifest'> & { manifest: Omit<Manifest, 'files'> }): Manifest {
  mkdirSync(dir, { recursive: true });
  const build = `build-${Date.now()}-${randomBytes(4).toString('hex')}`;
  const folder = join(dir, build);
  mkdirSync(folder);
  writeDurable(join(folder, FILES.chunks), JSON.stringify(index.chunks));
  writeDurable(join(folder, FILES.bm25), JSON.stringify(index.bm25.data));
  index.hnsw.writeIndexSync(join(folder, FILES.hnsw));
  if (index.embedderState) writeDurable(join(folder, FILES.embedder), encodeEmbedderState(index.embedderState));
  const files: Manifest['files'] = {};
  for (const name of [FILES.chunks, FILES.bm25, FILES.hnsw, FILES.embedder]) {
    const path = join(folder, name);
    if (existsSync(path)) files[name] = { bytes: statSync(path).size, sha256: sha256File(path) };
  }
  const manifest: Manifest = { ...index.manifest, files };
  writeDurable(join(folder, FILES.manifest), JSON.stringify(manifest, null, 2));
  writeDurable(join(dir, `${CURRENT}.tmp`), build);
  renameSync(join(dir, `${CURRENT}.tmp`), join(dir, CURRENT));
  for (const entry of readdirSync(dir)) {
    if (entry.startsWith('build-') && entry !== build) rmSync(join(dir, entry), { recursive: true, force: true });
  }
  return manifest;
}

/** The folder of the current build, or throws IndexNotBuiltError. */
export function currentBuild(dir: string): string {
  const pointer = join(dir, CURRENT);
  if (!existsSync(pointer)) throw new IndexNotBuiltError(dir);
  const folder = join(dir, readFileSync(pointer, 'utf8').trim());
  if (!existsSync(folder)) throw new IndexCorruptError(`index pointer ${pointer} names a missing build; re-run \`npm run ingest\``);
  return folder;
}

/** Reads and validates the manifest of the current build. */
export function readManifest(dir: string): Manifest {
  const path = join(currentBuild(dir), FILES.manifest);
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

function readChecked(folder: string, name: string, manifest: Manifest): Buffer {
  const expected = manifest.files[name];
  const path = join(folder, name);
  if (!expected || !existsSync(path)) throw new IndexCorruptError(`index file ${path} is missing; re-run \`npm run ingest\``);
  const data = readFileSync(path);
  if (data.length !== expected.bytes || createHash('sha256').update(data).digest('hex') !== expected.sha256) {
    throw new IndexCorruptError(`index file ${path} is truncated or corrupt (checksum mismatch); re-run \`npm run ingest\``);
  }
  return data;
}

function parseJson<T>(data: Buffer, schema: z.ZodType<T>, what: string): T {
  const parsed = schema.safeParse(JSON.parse(data.toString('utf8')));
  if (!parsed.success) throw new IndexCorruptError(`${what} does not match its schema; re-run \`npm run ingest\``);
  return parsed.data;
}

/**
 * Loads the current index from `dir`, verifying every file against the manifest's checksums.
 * Throws IndexNotBuiltError, IndexCorruptError or IndexMismatchError with a message that tells
 * the user to re-ingest; never returns a partially loaded index.
 */
export function loadIndex(dir: string, efSearch: number): StoredIndex {
  const manifest = readManifest(dir);
  const folder = currentBuild(dir);
  const chunks = parseJson(readChecked(folder, FILES.chunks, manifest), z.array(chunkSchema), FILES.chunks);
  const bm25 = new Bm25Index(parseJson(readChecked(folder, FILES.bm25, manifest), bm25DataSchema, FILES.bm25));
  readChecked(folder, FILES.hnsw, manifest);
  const hnsw = new hnswlib.HierarchicalNSW('cosine', manifest.embedder.dimension);
  hnsw.readIndexSync(join(folder, FILES.hnsw));
  hnsw.setEf(efSearch);
  const embedderState = manifest.files[FILES.embedder] ? decodeEmbedderState(readChecked(folder, FILES.embedder, manifest)) : null;
  if (chunks.length !== manifest.chunkCount || bm25.size !== chunks.length || hnsw.getCurrentCount() !== chunks.length) {
    throw new IndexCorruptError(`index parts disagree on the number of chunks; re-run \`npm run ingest\``);
  }
  return { manifest, chunks, bm25, hnsw, embedderState };
}
