// Tests for the binary chunk store: exact round trip of the real corpus, shared metadata, structural checks.
import { describe, expect, it } from 'vitest';
import { loadSettings } from '../config.js';
import { loadGazetteer, readCorpus } from '../ingest/index.js';
import { decodeChunks, encodeChunks } from './chunk-file.js';
import { IndexCorruptError } from './errors.js';

const s = loadSettings({});
const chunks = (await readCorpus([s.ARTICLES_DIR], loadGazetteer(s.GAZETTEER_FILE), s.CHUNK_MAX_CHARS)).chunks;
const asBuffers = (sections: Uint8Array[]) => sections.map((x) => Buffer.from(x.buffer, x.byteOffset, x.length));

describe('encodeChunks and decodeChunks', () => {
  it('give back the real corpus exactly, storing each article\'s metadata once', () => {
    const sections = encodeChunks(chunks);
    const metas = JSON.parse(Buffer.from(sections[0]!).toString()) as unknown[];
    expect(metas.length).toBe(new Set(chunks.map((c) => c.meta.title)).size);
    const decoded = decodeChunks(asBuffers(sections), chunks.length);
    expect(decoded).toEqual(chunks);
    expect(decoded[1]!.meta).toBe(decoded[0]!.meta);
  });

  it('keeps each chunk\'s page, and reads a store written before pages (five sections) as chunks without one', () => {
    const paged = chunks.slice(0, 3).map((c, i) => (i === 1 ? c : { ...c, page: i + 2 }));
    const sections = asBuffers(encodeChunks(paged));
    expect(sections).toHaveLength(6);
    const decoded = decodeChunks(sections, 3);
    expect(decoded.map((c) => c.page)).toEqual([2, undefined, 4]);
    expect(decoded[1]).not.toHaveProperty('page');
    expect(decodeChunks(sections.slice(0, 5), 3)).toEqual(chunks.slice(0, 3));
  });

  it('handles an empty store', () => {
    expect(decodeChunks(asBuffers(encodeChunks([])), 0)).toEqual([]);
  });

  it('throws IndexCorruptError for a count mismatch or a broken line number', () => {
    const sections = asBuffers(encodeChunks(chunks.slice(0, 3)));
    expect(() => decodeChunks(sections, 4)).toThrow(IndexCorruptError);
    const ints = Buffer.from(sections[4]!);
    ints.writeUInt32LE(0, 0); // lineStart of chunk 0
    expect(() => decodeChunks([...sections.slice(0, 4), ints], 3)).toThrow('chunk 0 is malformed');
  });

  it('rejects a chunk id that is not 16 hex digits', () => {
    expect(() => encodeChunks([{ ...chunks[0]!, id: 'xyz' }])).toThrow('not 16 hex digits');
  });
});
