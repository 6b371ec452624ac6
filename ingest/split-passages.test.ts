// Tests for the splitter: sentences, packing with one-sentence overlap, line ranges, ids, and a property test.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadGazetteer } from './gazetteer.js';
import { parsePage } from './parse-page.js';
import type { LineSpan } from './repair-layout.js';
import { chunkId, lineAt, packSentences, splitParagraph, splitSentences, type Sentence } from './split-passages.js';
import type { ArticleMeta } from './types.js';
import { prng } from '../test-support/prng.js';

const PAGE = readFileSync(fileURLToPath(new URL('../data/articles/jincheng-specialty-towns-page1.txt', import.meta.url)), 'utf8');
const GAZETTEER = loadGazetteer(fileURLToPath(new URL('../data/gazetteer.json', import.meta.url)));

const META: ArticleMeta = {
  title: '甲镇：题目',
  town: '甲镇',
  county: '',
  industry: '甲镇',
  author: '',
  source: 'test.txt',
  section: '',
  openingMissing: false,
  titleAfterBody: false,
};

const s = (text: string, start: number): Sentence => ({ text, start });

describe('splitSentences', () => {
  it('cuts after 。！？； keeping closing quotes with their sentence, and keeps a trailing fragment', () => {
    expect(splitSentences('甲说：“好。”乙；丙！丁')).toEqual([s('甲说：“好。”', 0), s('乙；', 7), s('丙！', 9), s('丁', 11)]);
  });

  it('keeps runs of end marks together and does not cut at an ellipsis or comma', () => {
    expect(splitSentences('真的吗？！阳城……至今，不断。')).toEqual([s('真的吗？！', 0), s('阳城……至今，不断。', 5)]);
  });

  it('returns nothing for empty text', () => {
    expect(splitSentences('')).toEqual([]);
  });

  it('splits every corpus paragraph into sentences that concatenate back to it', () => {
    for (const c of parsePage(PAGE, 'p.txt', GAZETTEER, 100_000).chunks) {
      const sentences = splitSentences(c.text);
      expect(sentences.map((x) => x.text).join('')).toBe(c.text);
      for (const x of sentences) expect(c.text.slice(x.start, x.start + x.text.length)).toBe(x.text);
    }
  });
});

describe('packSentences', () => {
  const s1 = s('一二三。', 0);
  const s2 = s('四五六七。', 4);
  const s3 = s('八九。', 9);
  const s4 = s('十十十十十十十十十十。', 12);

  it('fills pieces up to maxChars and starts each next piece with the previous last sentence', () => {
    expect(packSentences([s1, s2, s3], 10)).toEqual([
      [s1, s2],
      [s2, s3],
    ]);
  });

  it('drops the overlap when it and the next sentence would not fit, and lets a long sentence stand alone', () => {
    expect(packSentences([s1, s2, s3, s4], 10)).toEqual([[s1, s2], [s2, s3], [s4]]);
  });

  it('returns one piece when everything fits, and none for no sentences', () => {
    expect(packSentences([s1, s2], 100)).toEqual([[s1, s2]]);
    expect(packSentences([], 10)).toEqual([]);
  });
});

describe('lineAt', () => {
  it('returns the line whose span holds the offset', () => {
    const spans: LineSpan[] = [
      { line: 3, offset: 0 },
      { line: 7, offset: 11 },
    ];
    expect([0, 10, 11, 20].map((o) => lineAt(spans, o))).toEqual([3, 3, 7, 7]);
  });
});

describe('chunkId', () => {
  it('is 16 hex digits, the same for the same title and text, different when either changes', () => {
    const id = chunkId('甲镇：题目', '正文。');
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(chunkId('甲镇：题目', '正文。')).toBe(id);
    expect(chunkId('乙镇：题目', '正文。')).not.toBe(id);
    expect(chunkId('甲镇：题目', '正文！')).not.toBe(id);
  });
});

describe('splitParagraph', () => {
  const para = {
    text: '一二三。四五六七。八九。十十十十十十十十十十。',
    spans: [
      { line: 5, offset: 0 },
      { line: 7, offset: 6 },
      { line: 9, offset: 12 },
    ],
  };

  it('makes a paragraph within maxChars one chunk spanning all its lines', () => {
    expect(splitParagraph(para, 2, META, 100)).toEqual([
      { id: chunkId(META.title, para.text), text: para.text, lineStart: 5, lineEnd: 9, paragraph: 2, part: 0, meta: META },
    ]);
  });

  it('cuts a longer paragraph into numbered parts with their own line ranges', () => {
    const chunks = splitParagraph(para, 2, META, 10);
    expect(chunks.map((c) => [c.text, c.lineStart, c.lineEnd, c.paragraph, c.part])).toEqual([
      ['一二三。四五六七。', 5, 7, 2, 0],
      ['四五六七。八九。', 5, 7, 2, 1],
      ['十十十十十十十十十十。', 9, 9, 2, 2],
    ]);
    expect(chunks.map((c) => c.id)).toEqual(chunks.map((c) => chunkId(META.title, c.text)));
  });
});


describe('splitParagraph property: no text lost or invented', () => {
  // Whole sentences of the corpus, found with an independent pattern (not splitSentences).
  const corpusText = parsePage(PAGE, 'p.txt', GAZETTEER, 100_000).chunks.map((c) => c.text).join('');
  const pool = [...corpusText.matchAll(/[^。！？；]+[。！？；]+[”’」』）)]*/g)].map((m) => m[0]).filter((x) => !/^[”’」』）)]/.test(x));
  const maxCharsValues = [50, 80, 120, 200, 300];

  it('has a pool of corpus sentences of varied length', () => {
    expect(pool.length).toBeGreaterThan(80);
    expect(Math.max(...pool.map((x) => x.length))).toBeGreaterThan(200);
  });

  it('covers each random paragraph in order, within maxChars, with one sentence of overlap whenever it fits', () => {
    const random = prng(20230615);
    const seen = { overlap: 0, adjacent: 0, longSingle: 0, cases: 0 };
    for (let round = 0; round < 200; round++) {
      const sentences = Array.from({ length: 1 + Math.floor(random() * 20) }, () => pool[Math.floor(random() * pool.length)]!);
      const starts = sentences.map((_, i) => sentences.slice(0, i).join('').length);
      const text = sentences.join('');
      // Random "source lines": the paragraph broken at random offsets.
      const breaks = [...new Set(Array.from({ length: Math.floor(random() * 6) }, () => 1 + Math.floor(random() * (text.length - 1))))]
        .filter((o) => o > 0 && o < text.length)
        .sort((a, b) => a - b);
      const spans = [0, ...breaks].map((offset, i) => ({ line: 10 + 2 * i, offset }));
      const lineOf = (offset: number) => spans.filter((sp) => sp.offset <= offset).at(-1)!.line;

      for (const maxChars of maxCharsValues) {
        seen.cases++;
        const chunks = splitParagraph({ text, spans }, 0, META, maxChars);
        let next = 0; // first sentence no chunk has covered yet
        let rebuilt = '';
        chunks.forEach((chunk, k) => {
          expect(chunk.part).toBe(k);
          const overlap = k > 0 && sentences[next - 1]!.length + sentences[next]!.length <= maxChars;
          const first = overlap ? next - 1 : next;
          let last = first;
          while (sentences.slice(first, last + 1).join('').length < chunk.text.length) last++;
          // The chunk is exactly a run of whole sentences, starting where the rule says.
          expect(chunk.text).toBe(sentences.slice(first, last + 1).join(''));
          expect(last).toBeGreaterThanOrEqual(next);
          // Within maxChars unless it is one sentence; and it stops only when the next sentence would not fit.
          if (last > first) expect(chunk.text.length).toBeLessThanOrEqual(maxChars);
          if (last + 1 < sentences.length) expect(chunk.text.length + sentences[last + 1]!.length).toBeGreaterThan(maxChars);
          // Line range from the chunk's first and last character.
          const end = starts[last]! + sentences[last]!.length - 1;
          expect([chunk.lineStart, chunk.lineEnd]).toEqual([lineOf(starts[first]!), lineOf(end)]);
          rebuilt += overlap ? chunk.text.slice(sentences[first]!.length) : chunk.text;
          if (k > 0) seen[overlap ? 'overlap' : 'adjacent']++;
          if (last === first && chunk.text.length > maxChars) seen.longSingle++;
          next = last + 1;
        });
        expect(next).toBe(sentences.length);
        expect(rebuilt).toBe(text);
      }
    }
    // The random cases exercised every branch of the rule.
    expect(seen.cases).toBe(1000);
    expect(seen.overlap).toBeGreaterThan(100);
    expect(seen.adjacent).toBeGreaterThan(100);
    expect(seen.longSingle).toBeGreaterThan(10);
  });
});
