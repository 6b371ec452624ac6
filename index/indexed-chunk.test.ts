// Tests for IndexedChunk: prepared folded text, sentences and whole paragraphs, for index chunks and plain ones.
import { describe, expect, it } from 'vitest';
import type { ArticleMeta, Chunk } from '../ingest/index.js';
import { indexedChunk, NO_PART, paragraphLinks, prepareChunks } from './indexed-chunk.js';

const META: ArticleMeta = { title: '高平潞綢：題目', town: '高平潞綢', county: '高平', industry: '潞绸', author: '', source: 's.txt', section: '', openingMissing: false, titleAfterBody: false };
const chunk = (text: string, paragraph: number, part: number, meta = META): Chunk => ({ id: `${paragraph}${part}`.padStart(16, '0'), text, lineStart: 1, lineEnd: 1, paragraph, part, meta });

describe('prepareChunks', () => {
  const chunks = prepareChunks([chunk('甲。乙。', 0, 0), chunk('乙。丙！', 0, 1), chunk('單獨一段ＡＢ', 1, 0)]);

  it('folds each chunk and splits it into sentences with their folded copies', () => {
    expect(chunks[2]!.folded).toBe('单独一段ab');
    expect(chunks[0]!.sentences).toEqual([{ text: '甲。', folded: '甲。', start: 0 }, { text: '乙。', folded: '乙。', start: 2 }]);
    expect(chunks[1]!.sentences.map((s) => s.folded)).toEqual(['乙。', '丙!']);
    expect([chunks[0]!.titleFolded, chunks[0]!.townFolded]).toEqual(['高平潞绸:题目', '高平潞绸']);
  });

  it('gives each sentence folded and trimmed after the folded title and town, the same string each time', () => {
    const [first] = prepareChunks([chunk(' 單獨一句。 Ｂ ', 2, 0)]);
    expect(first!.sentences.map((s) => s.folded)).toEqual([' 单独一句。', ' b ']);
    expect([first!.titledSentence(0), first!.titledSentence(1)]).toEqual(['高平潞绸:题目 高平潞绸 单独一句。', '高平潞绸:题目 高平潞绸 b']);
    expect(first!.titledSentence(1)).toBe(first!.titledSentence(1));
    expect(first!.titledSentence(2)).toBe('');
  });

  it('joins a paragraph\'s parts once each, the repeated sentence once, for every part', () => {
    for (const c of chunks.slice(0, 2)) expect(c.wholeParagraph).toEqual({ text: '甲。乙。丙！', folded: '甲。乙。丙!' });
    expect(chunks[2]!.wholeParagraph).toEqual({ text: '單獨一段ＡＢ', folded: '单独一段ab' });
  });

  it('keeps labels as positions', () => {
    expect(chunks.map((c) => c.label)).toEqual([0, 1, 2]);
  });
});

describe('paragraphLinks', () => {
  it('links parts in part order even when their labels are not in order, and paragraphs of different articles apart', () => {
    const other = { ...META, title: '别的' };
    const { firstPart, nextPart } = paragraphLinks([chunk('b', 0, 1), chunk('x', 0, 0, other), chunk('a', 0, 0)]);
    expect([...firstPart]).toEqual([2, 1, 2]);
    expect([...nextPart]).toEqual([NO_PART, NO_PART, 0]);
  });
});

describe('indexedChunk', () => {
  it('prepares a plain chunk once, as a paragraph of its own, and returns an index chunk as it is', () => {
    const plain = chunk('臺灣。好', 0, 1);
    const c = indexedChunk(plain);
    expect(indexedChunk(plain)).toBe(c);
    expect(c.sentences.map((s) => s.folded)).toEqual(['台湾。', '好']);
    expect(c.wholeParagraph.text).toBe('臺灣。好');
    const [own] = prepareChunks([plain]);
    expect(indexedChunk(own!)).toBe(own);
  });
});
