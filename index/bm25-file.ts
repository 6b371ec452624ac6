// BM25 postings on disk: a small JSON header, the term dictionary as one blob, postings as typed arrays.
import { z } from 'zod';
import type { Bm25Postings } from './bm25.js';
import { bytesOf, u16, u32 } from './binary-file.js';
import { IndexCorruptError } from './errors.js';

export const BM25_MAGIC = 'JCBM25v2';
const SEPARATOR = '\u0000';

const headerSchema = z.object({ terms: z.number().int().min(0), postings: z.number().int().min(0), docs: z.number().int().min(0), tfBytes: z.union([z.literal(2), z.literal(4)]) });

/** Sections of the postings: header, terms joined by NUL, offsets, docs, tfs (u16 when they fit), doc lengths. */
export function encodeBm25(p: Bm25Postings): Uint8Array[] {
  if (p.terms.some((t) => t.includes(SEPARATOR))) throw new Error('a BM25 term contains NUL');
  let maxTf = 0;
  for (const tf of p.tfs) if (tf > maxTf) maxTf = tf;
  const tfs = maxTf < 0x10000 && !(p.tfs instanceof Uint16Array) ? Uint16Array.from(p.tfs) : p.tfs;
  const header = { terms: p.terms.length, postings: p.docs.length, docs: p.docLengths.length, tfBytes: tfs.BYTES_PER_ELEMENT };
  return [Buffer.from(JSON.stringify(header)), Buffer.from(p.terms.join(SEPARATOR)), bytesOf(p.offsets), bytesOf(p.docs), bytesOf(tfs), bytesOf(p.docLengths)];
}

/**
 * Postings from the sections of encodeBm25, with structural checks (counts and offsets; doc
 * numbers are covered by the file checksum). Throws IndexCorruptError.
 */
export function decodeBm25(sections: Buffer[], expectedDocs: number): Bm25Postings {
  const fail = (why: string) => new IndexCorruptError(`BM25 index: ${why}; re-run \`npm run ingest\``);
  if (sections.length !== 6) throw fail(`${sections.length} sections, expected 6`);
  const [head, termBlob, offsetBytes, docBytes, tfBytes, lengthBytes] = sections as [Buffer, Buffer, Buffer, Buffer, Buffer, Buffer];
  const header = headerSchema.safeParse(JSON.parse(head.toString('utf8')));
  if (!header.success) throw fail('invalid header');
  const h = header.data;
  const terms = h.terms === 0 ? [] : termBlob.toString('utf8').split(SEPARATOR);
  const offsets = u32(offsetBytes);
  const docs = u32(docBytes);
  const tfs = h.tfBytes === 2 ? u16(tfBytes) : u32(tfBytes);
  const docLengths = u32(lengthBytes);
  if (h.docs !== expectedDocs || docLengths.length !== h.docs) throw fail(`${docLengths.length} documents, expected ${expectedDocs}`);
  if (terms.length !== h.terms || offsets.length !== h.terms + 1 || docs.length !== h.postings || tfs.length !== h.postings) throw fail('section sizes disagree with the header');
  if (offsets[0] !== 0 || offsets[h.terms] !== h.postings) throw fail('offsets do not cover the postings');
  for (let t = 0; t < h.terms; t++) if (offsets[t + 1]! < offsets[t]!) throw fail(`offsets of term ${t} decrease`);
  return { terms, offsets, docs, tfs, docLengths };
}
