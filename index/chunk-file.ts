// The chunk store on disk: shared article metadata as JSON, chunk columns as typed arrays, texts as one UTF-8 blob.
import { z } from 'zod';
import { articleMetaSchema, type ArticleMeta, type Chunk } from '../ingest/types.js';
import { bytesOf, u32 } from './binary-file.js';
import { IndexCorruptError } from './errors.js';

export const CHUNKS_MAGIC = 'JCCHUNK2';
const ID_BYTES = 8;
const INT_COLUMNS = 5;

/**
 * Sections of a chunk store: distinct metadata (JSON), ids (8 bytes each), text byte offsets,
 * the texts, then lineStart, lineEnd, paragraph, part and metadata number as five u32 columns, then
 * the page of each chunk as a u32 column (0: no page), a section older stores lack.
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
  return [Buffer.from(JSON.stringify(metas)), ids, bytesOf(offsets), texts, bytesOf(ints), bytesOf(pages)];
}

/**
 * Chunks from the sections of encodeChunks. The metadata is validated with its schema; the
 * columns get cheap structural checks (counts, offsets, line numbers, references), which are
 * what the chunk schema asks of them. Throws IndexCorruptError naming the problem.
 */
export function decodeChunks(sections: Buffer[], expectedCount: number): Chunk[] {
  const fail = (why: string) => new IndexCorruptError(`chunk store: ${why}; re-run \`npm run ingest\``);
  if (sections.length !== 5 && sections.length !== 6) throw fail(`${sections.length} sections, expected 6 (or 5 without pages)`);
  const [metaJson, ids, offsetBytes, texts, intBytes, pageBytes] = sections as [Buffer, Buffer, Buffer, Buffer, Buffer, Buffer?];
  const parsed = z.array(articleMetaSchema).safeParse(JSON.parse(metaJson.toString('utf8')));
  if (!parsed.success) throw fail('article metadata does not match its schema');
  const metas = parsed.data;
  const n = expectedCount;
  const offsets = u32(offsetBytes);
  const ints = u32(intBytes);
  const pages = pageBytes ? u32(pageBytes) : new Uint32Array(n);
  if (pages.length !== n) throw fail(`page column does not hold ${n} chunks`);
  if (ids.length !== n * ID_BYTES || offsets.length !== n + 1 || ints.length !== n * INT_COLUMNS) throw fail(`columns do not hold ${n} chunks`);
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
  return chunks;
}
