// Tests for the binary chunk store: exact round trip of the real corpus, shared metadata, structural checks.
import { describe, expect, it } from 'vitest';
import { loadSettings } from '../config.js';
import { foldText, loadGazetteer, readCorpus, splitSentences, type Chunk } from '../ingest/index.js';
import { decodeChunks, encodeChunks } from './chunk-file.js';
import { prepareChunks } from './indexed-chunk.js';
import { IndexCorruptError } from './errors.js';

const s = loadSettings({});
const chunks = (await readCorpus([s.ARTICLES_DIR], loadGazetteer(s.GAZETTEER_FILE), s.CHUNK_MAX_CHARS)).chunks;
const plain = ({ id, text, lineStart, lineEnd, paragraph, part, meta, page }: Chunk): Chunk => ({ id, text, lineStart, lineEnd, paragraph, part, meta, ...(page ? { page } : {}) });
const asBuffers = (sections: Uint8Array[]) => sections.map((x) => Buffer.from(x.buffer, x.byteOffset, x.length));

describe('encodeChunks and decodeChunks', () => {
  it('give back the real corpus exactly, storing each article\'s metadata once', () => {
    const sections = encodeChunks(chunks);
    const metas = JSON.parse(Buffer.from(sections[0]!).toString()) as unknown[];
    expect(metas.length).toBe(new Set(chunks.map((c) => c.meta.title)).size);
    const decoded = decodeChunks(asBuffers(sections), chunks.length);
    expect(decoded.map(plain)).toEqual(chunks);
    expect(decoded[1]!.meta).toBe(decoded[0]!.meta);
  });

  it('store the prepared text: folded copies, sentences and paragraphs as ingest made them', () => {
    const decoded = decodeChunks(asBuffers(encodeChunks(chunks)), chunks.length);
    const fresh = prepareChunks(chunks);
    decoded.forEach((c, i) => {
      expect(c.folded).toBe(foldText(c.text));
      expect(c.sentences).toEqual(splitSentences(c.text).map((s) => ({ text: s.text, folded: foldText(s.text), start: s.start })));
      expect(c.wholeParagraph).toEqual(fresh[i]!.wholeParagraph);
      expect(c.titleFolded).toBe(foldText(c.meta.title));
    });
    expect(decoded.filter((c) => c.wholeParagraph.text !== c.text).length).toBe(9);
  });

  it('slices each folded text right past characters of two, three and four UTF-8 bytes', () => {
    const texts = ['ＡＢ𠀀陵川。', '。', '𪚥𪚥，中藥材。', 'abc', '沁水县蜂农达1500户。'];
    const odd = texts.map((text, i) => ({ ...chunks[i]!, text }));
    const decoded = decodeChunks(asBuffers(encodeChunks(odd)), odd.length);
    expect(decoded.map((c) => c.folded)).toEqual(texts.map((t) => foldText(t)));
  });

  it('keeps each chunk\'s page, and refuses a store without the page column', () => {
    const paged = chunks.slice(0, 3).map((c, i) => (i === 1 ? c : { ...c, page: i + 2 }));
    const sections = asBuffers(encodeChunks(paged));
    expect(sections).toHaveLength(13);
    const decoded = decodeChunks(sections, 3);
    expect(decoded.map((c) => c.page)).toEqual([2, undefined, 4]);
    expect(decoded[1]).not.toHaveProperty('page');
    expect(decoded.map(plain)).toEqual(paged);
    expect(() => decodeChunks([...sections.slice(0, 5), ...sections.slice(6)], 3)).toThrow('12 sections, expected 13');
  });

  it('handles an empty store', () => {
    expect(decodeChunks(asBuffers(encodeChunks([])), 0)).toEqual([]);
  });

  it('throws IndexCorruptError for sentence offsets past a chunk\'s text', () => {
    const sections = asBuffers(encodeChunks(chunks.slice(0, 3)));
    const starts = Buffer.from(sections[9]!);
    starts.writeUInt32LE(100_000, 4); // second sentence of chunk 0
    sections[9] = starts;
    expect(() => decodeChunks(sections, 3)).toThrow('sentences of chunk 0 are malformed');
  });

  it('throws IndexCorruptError for a count mismatch or a broken line number', () => {
    const sections = asBuffers(encodeChunks(chunks.slice(0, 3)));
    expect(() => decodeChunks(sections, 4)).toThrow(IndexCorruptError);
    const ints = Buffer.from(sections[4]!);
    ints.writeUInt32LE(0, 0); // lineStart of chunk 0
    expect(() => decodeChunks([...sections.slice(0, 4), ints, ...sections.slice(5)], 3)).toThrow('chunk 0 is malformed');
  });

  it('rejects a chunk id that is not 16 hex digits', () => {
    expect(() => encodeChunks([{ ...chunks[0]!, id: 'xyz' }])).toThrow('not 16 hex digits');
  });
});
