// Tests for BM25 postings on disk: round trip with 16-bit term frequencies, and structural checks.
import { describe, expect, it } from 'vitest';
import { Bm25Index, buildPostings } from './bm25.js';
import { decodeBm25, encodeBm25 } from './bm25-file.js';
import { IndexCorruptError } from './errors.js';

const docs = [['猪', '猪', '羊'], ['猪', '蜂'], ['羊'], ['§高平', 'a b']];
const asBuffers = (sections: Uint8Array[]) => sections.map((x) => Buffer.from(x.buffer, x.byteOffset, x.length));

describe('encodeBm25 and decodeBm25', () => {
  it('round-trips postings (tfs as u16) and searches the same', () => {
    const postings = buildPostings(docs);
    const decoded = decodeBm25(asBuffers(encodeBm25(postings)), docs.length);
    expect(decoded.tfs).toBeInstanceOf(Uint16Array);
    expect({ ...decoded, tfs: Uint32Array.from(decoded.tfs) }).toEqual(postings);
    expect(new Bm25Index(decoded).search(['猪', '羊', 'a b'], 10)).toEqual(new Bm25Index(postings).search(['猪', '羊', 'a b'], 10));
  });

  it('round-trips an empty index', () => {
    expect(decodeBm25(asBuffers(encodeBm25(buildPostings([]))), 0).terms).toEqual([]);
  });

  it('throws IndexCorruptError when the document count disagrees', () => {
    expect(() => decodeBm25(asBuffers(encodeBm25(buildPostings(docs))), 5)).toThrow(IndexCorruptError);
  });
});
