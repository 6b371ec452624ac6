// The chunk store on disk: shared article metadata as JSON, chunk columns as typed arrays, texts and folded texts as UTF-8 blobs.
import { z } from 'zod';
import { articleMetaSchema, type ArticleMeta, type Chunk } from '../ingest/types.js';
import { bytesOf, u32 } from './binary-file.js';
import { IndexCorruptError } from './errors.js';
import { indexedChunks, NO_PART, paragraphLinks, preparedTextOf, type IndexedChunk } from './indexed-chunk.js';

export const CHUNKS_MAGIC = 'JCCHUNK4';
const ID_BYTES = 8;
const INT_COLUMNS = 5;
const SECTIONS = 13;

/** Byte offsets of strings laid end to end in UTF-8, and the blob; throws past 4 GiB. */
function blobOf(texts: string[], what: string): { offsets: Uint32Array; blob: Buffer } {
  const offsets = new Uint32Array(texts.length + 1);
  texts.forEach((t, i) => {
    const end = offsets[i]! + Buffer.byteLength(t);
    if (end > 0xffffffff) throw new Error(`chunk ${what} exceed 4 GiB; split the index`);
    offsets[i + 1] = end;
  });
  const blob = Buffer.allocUnsafe(offsets[texts.length]!);
  texts.forEach((t, i) => blob.write(t, offsets[i]!));
  return { offsets, blob };
}

/** The prepared-text sections: folded offsets and blob, sentence index, starts, folded starts, paragraph links. */
function encodePrepared(chunks: Chunk[]): Uint8Array[] {
  const prepared = chunks.map(preparedTextOf);
  const folded = blobOf(prepared.map((p) => p.folded), 'folded texts');
  const sentenceAt = new Uint32Array(chunks.length + 1);
  prepared.forEach((p, i) => (sentenceAt[i + 1] = sentenceAt[i]! + p.starts.length));
  const starts = new Uint32Array(sentenceAt[chunks.length]!);
  const foldedStarts = new Uint32Array(starts.length);
  prepared.forEach((p, i) => {
    starts.set(p.starts, sentenceAt[i]);
    foldedStarts.set(p.foldedStarts, sentenceAt[i]);
  });
  const { firstPart, nextPart } = paragraphLinks(chunks);
  return [bytesOf(folded.offsets), folded.blob, bytesOf(sentenceAt), bytesOf(starts), bytesOf(foldedStarts), bytesOf(firstPart), bytesOf(nextPart)];
}

/**
 * Sections of a chunk store: distinct metadata (JSON), ids (8 bytes each), text byte offsets,
 * the texts, lineStart, lineEnd, paragraph, part and metadata number as five u32 columns, the
 * page of each chunk as a u32 column (0: no page, for documents that are not paged); then the text prepared at ingest (see PreparedColumns): folded byte offsets, the folded texts, the
 * sentence index, sentence starts in the texts and in the folded texts, first and next part of
 * each chunk's paragraph. A chunk that is not an IndexedChunk is folded and split here.
 */
export function encodeChunks(chunks: Chunk[]): Uint8Array[] {
  const n = chunks.length;
  const metaIndex = new Map<ArticleMeta, number>();
  const metaByJson = new Map<string, number>();
  const metas: ArticleMeta[] = [];
  const ids = Buffer.alloc(n * ID_BYTES);
  const offsets = new Uint32Array(n + 1);
  const ints = new Uint32Array(n * INT_COLUMNS);
  const pages = new Uint32Array(n);
  chunks.forEach((c, i) => {
    let m = metaIndex.get(c.meta);
    if (m === undefined) {
      const json = JSON.stringify(c.meta);
      m = metaByJson.get(json) ?? metas.push(c.meta) - 1;
      metaByJson.set(json, m);
      metaIndex.set(c.meta, m);
    }
    if (ids.write(c.id, i * ID_BYTES, 'hex') !== ID_BYTES) throw new Error(`chunk id ${c.id} is not 16 hex digits`);
    const bytes = Buffer.byteLength(c.text);
    if (offsets[i]! + bytes > 0xffffffff) throw new Error('chunk texts exceed 4 GiB; split the index');
    offsets[i + 1] = offsets[i]! + bytes;
    [c.lineStart, c.lineEnd, c.paragraph, c.part, m].forEach((v, col) => (ints[col * n + i] = v));
    pages[i] = c.page ?? 0;
  });
  const texts = Buffer.allocUnsafe(offsets[n]!);
  chunks.forEach((c, i) => texts.write(c.text, offsets[i]!));
  return [Buffer.from(JSON.stringify(metas)), ids, bytesOf(offsets), texts, bytesOf(ints), bytesOf(pages), ...encodePrepared(chunks)];
}

/** True when `a` rises by steps of at least `minStep` from a[0] = 0 to its last entry `end`. */
function covers(a: Uint32Array, end: number, minStep: number): boolean {
  if (a[0] !== 0 || a[a.length - 1] !== end) return false;
  for (let i = 1; i < a.length; i++) if (a[i]! < a[i - 1]! + minStep) return false;
  return true;
}

/**
 * Chunks from the sections of encodeChunks, as IndexedChunks whose folded texts and sentences
 * are decoded on first use. The metadata is validated with its schema; the columns get cheap
 * structural checks (counts, offsets, line numbers, references, sentence offsets), which are
 * what the chunk schema asks of them. Throws IndexCorruptError naming the problem.
 */
export function decodeChunks(sections: Buffer[], expectedCount: number): IndexedChunk[] {
  const fail = (why: string) => new IndexCorruptError(`chunk store: ${why}; re-run \`npm run ingest\``);
  if (sections.length !== SECTIONS) throw fail(`${sections.length} sections, expected ${SECTIONS}`);
  const [metaJson, ids, offsetBytes, texts, intBytes, pageBytes] = sections as [Buffer, Buffer, Buffer, Buffer, Buffer, Buffer];
  const parsed = z.array(articleMetaSchema).safeParse(JSON.parse(metaJson.toString('utf8')));
  if (!parsed.success) throw fail('article metadata does not match its schema');
  const metas = parsed.data;
  const n = expectedCount;
  const offsets = u32(offsetBytes);
  const ints = u32(intBytes);
  const pages = u32(pageBytes);
  if (ids.length !== n * ID_BYTES || offsets.length !== n + 1 || ints.length !== n * INT_COLUMNS || pages.length !== n) throw fail(`columns do not hold ${n} chunks`);
  if (offsets[0] !== 0 || offsets[n] !== texts.length) throw fail('text offsets do not cover the texts');
  const chunks: Chunk[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const [lineStart, lineEnd, paragraph, part, m] = [ints[i]!, ints[n + i]!, ints[2 * n + i]!, ints[3 * n + i]!, ints[4 * n + i]!];
    if (offsets[i + 1]! <= offsets[i]! || lineStart < 1 || lineEnd < 1 || m >= metas.length) throw fail(`chunk ${i} is malformed`);
    const id = ids.toString('hex', i * ID_BYTES, (i + 1) * ID_BYTES);
    const chunk: Chunk = { id, text: texts.toString('utf8', offsets[i], offsets[i + 1]), lineStart, lineEnd, paragraph, part, meta: metas[m]! };
    if (pages[i]) chunk.page = pages[i];
    chunks[i] = chunk;
  }
  return decodePrepared(sections.slice(6), chunks, fail);
}

/** The IndexedChunks of decoded chunks over the prepared-text sections, after structural checks. */
function decodePrepared(sections: Buffer[], chunks: Chunk[], fail: (why: string) => Error): IndexedChunk[] {
  const n = chunks.length;
  const [foldedOffsets, sentenceAt, starts, foldedStarts, firstPart, nextPart] = [0, 2, 3, 4, 5, 6].map((i) => u32(sections[i]!)) as [Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array];
  const blob = sections[1]!;
  if (foldedOffsets.length !== n + 1 || !covers(foldedOffsets, blob.length, 0)) throw fail('folded text offsets do not cover the folded texts');
  if (sentenceAt.length !== n + 1 || !covers(sentenceAt, starts.length, 0) || foldedStarts.length !== starts.length) throw fail('sentence index does not cover the sentences');
  if (firstPart.length !== n || nextPart.length !== n) throw fail(`paragraph links do not hold ${n} chunks`);
  for (let i = 0; i < n; i++) {
    const [from, to] = [sentenceAt[i]!, sentenceAt[i + 1]!];
    if (to > from && (starts[from] !== 0 || foldedStarts[from] !== 0 || starts[to - 1]! >= chunks[i]!.text.length)) throw fail(`sentences of chunk ${i} are malformed`);
    if (firstPart[i]! >= n || (nextPart[i] !== NO_PART && nextPart[i]! >= n)) throw fail(`paragraph links of chunk ${i} are malformed`);
  }
  return indexedChunks(chunks, { folded: foldedSlices(blob, foldedOffsets), sentenceAt, starts, foldedStarts, firstPart, nextPart });
}

/**
 * The folded texts decoded in one piece, each chunk's a slice of it: decoding a chunk's bytes on
 * its first use cost a question that touches thousands of chunks (at 100k) more than its other work.
 * The byte offsets become UTF-16 offsets by counting each UTF-8 lead byte (two units from 4 bytes).
 */
function foldedSlices(blob: Buffer, byteOffsets: Uint32Array): (label: number) => string {
  const all = blob.toString('utf8');
  const at = new Uint32Array(byteOffsets.length);
  let units = 0;
  let byte = 0;
  for (let i = 0; i < byteOffsets.length; i++) {
    for (const end = byteOffsets[i]!; byte < end; byte++) {
      const b = blob[byte]!;
      if ((b & 0xc0) !== 0x80) units += b >= 0xf0 ? 2 : 1;
    }
    at[i] = units;
  }
  return (label) => all.slice(at[label], at[label + 1]);
}
