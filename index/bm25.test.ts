// Tests for BM25: postings, idf, exact scores on a tiny corpus, rare-term ranking on the real corpus.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadGazetteer, parsePage } from '../ingest/index.js';
import { BM25_B, BM25_K1, bm25DataSchema, Bm25Index, buildBm25 } from './bm25.js';
import { tokenize } from './tokenize.js';

// d0 = 猪 猪 羊 (length 3), d1 = 猪 蜂 (2), d2 = 羊 (1): N = 3, average length 2.
const TINY = [['猪', '猪', '羊'], ['猪', '蜂'], ['羊']];
const tiny = new Bm25Index(buildBm25(TINY));

describe('buildBm25', () => {
  it('records document lengths and, per term, ascending doc numbers with term frequencies', () => {
    expect(buildBm25(TINY)).toEqual({
      docLengths: [3, 2, 1],
      postings: { 猪: [[0, 1], [2, 1]], 羊: [[0, 2], [1, 1]], 蜂: [[1], [1]] },
    });
  });
});

describe('Bm25Index', () => {
  it('lists the documents that have a term, ascending, and none for an unknown term', () => {
    expect([[...tiny.docsWith('猪')], [...tiny.docsWith('羊')], [...tiny.docsWith('鸡')]]).toEqual([[0, 1], [0, 2], []]);
  });

  it('uses k1 = 1.2 and b = 0.75', () => {
    expect([BM25_K1, BM25_B]).toEqual([1.2, 0.75]);
  });

  it('computes idf = ln(1 + (N - df + 0.5) / (df + 0.5)), 0 for an unknown term', () => {
    // 蜂: df 1 -> ln(1 + 2.5 / 1.5) = ln(8/3); 猪: df 2 -> ln(1 + 1.5 / 2.5) = ln(1.6).
    expect(tiny.idf('蜂')).toBeCloseTo(0.9808292530117262, 12);
    expect(tiny.idf('猪')).toBeCloseTo(0.47000362924573563, 12);
    expect(tiny.idf('鸡')).toBe(0);
  });

  it('scores a one-term query by hand: idf · tf · (k1 + 1) / (tf + k1 · (1 - b + b · len / avg))', () => {
    // d0: tf 2, len 3 -> ln 1.6 · 4.4 / (2 + 1.65); d1: tf 1, len 2 -> ln 1.6 · 2.2 / (1 + 1.2).
    const hits = tiny.search(['猪'], 10);
    expect(hits.map((h) => h.doc)).toEqual([0, 1]);
    expect(hits[0]!.score).toBeCloseTo(0.5665797174469143, 12);
    expect(hits[1]!.score).toBeCloseTo(0.47000362924573563, 12);
    // d1 has the average length and tf 1, so its score is exactly the idf.
    expect(tiny.search(['蜂'], 10)).toEqual([{ doc: 1, score: expect.closeTo(tiny.idf('蜂'), 12) }]);
  });

  it('sums the terms of a two-term query and ranks by the sum', () => {
    // d0: 0.56658 (猪) + ln 1.6 · 2.2 / (1 + 1.65) (羊); d2: ln 1.6 · 2.2 / (1 + 0.75); d1: ln 1.6.
    const hits = tiny.search(['猪', '羊'], 10);
    expect(hits.map((h) => h.doc)).toEqual([0, 2, 1]);
    expect(hits.map((h) => h.score)).toEqual([
      expect.closeTo(0.9567714096509212, 12),
      expect.closeTo(0.5908617053374963, 12),
      expect.closeTo(0.47000362924573563, 12),
    ]);
  });

  it('counts a repeated query term once, ignores unknown terms and returns only the top N', () => {
    expect(tiny.search(['猪', '猪', '鸡'], 10)).toEqual(tiny.search(['猪'], 10));
    expect(tiny.search(['猪', '羊'], 1).map((h) => h.doc)).toEqual([0]);
    expect(tiny.search(['鸡'], 10)).toEqual([]);
    expect(tiny.search([], 10)).toEqual([]);
  });

  it('breaks score ties by the lower document number', () => {
    const index = new Bm25Index(buildBm25([['甲'], ['乙'], ['甲'], ['乙']]));
    expect(index.search(['乙', '甲'], 10).map((h) => h.doc)).toEqual([0, 1, 2, 3]);
  });

  it('gives the same results on repeated searches (its score buffer is reset)', () => {
    expect(tiny.search(['猪', '羊'], 10)).toEqual(tiny.search(['猪', '羊'], 10));
    expect(tiny.search(['蜂'], 10)).toEqual([{ doc: 1, score: expect.closeTo(tiny.idf('蜂'), 12) }]);
  });

  it('survives a JSON round trip through its schema', () => {
    const data = bm25DataSchema.parse(JSON.parse(JSON.stringify(tiny.data)));
    expect(new Bm25Index(data).search(['猪', '羊'], 10)).toEqual(tiny.search(['猪', '羊'], 10));
  });

  it('handles an empty corpus', () => {
    const empty = new Bm25Index(buildBm25([]));
    expect(empty.size).toBe(0);
    expect(empty.search(['猪'], 5)).toEqual([]);
  });
});

describe('BM25 on the bundled corpus', () => {
  const page = readFileSync(fileURLToPath(new URL('../data/articles/jincheng-specialty-towns-page1.txt', import.meta.url)), 'utf8');
  const gazetteer = loadGazetteer(fileURLToPath(new URL('../data/gazetteer.json', import.meta.url)));
  const { chunks } = parsePage(page, 'p.txt', gazetteer, 300);
  const index = new Bm25Index(buildBm25(chunks.map((c) => tokenize(c.text))));

  it('ranks a passage holding the rare query term above passages holding only common ones', () => {
    const query = tokenize('入选首批市级专业镇 珐华');
    const common = chunks.filter((c) => c.text.includes('入选') && !c.text.includes('珐华'));
    expect(common.length).toBeGreaterThan(5);
    expect(query).toContain('§珐华');
    expect(index.idf('§珐华')).toBeGreaterThan(2 * index.idf('专业'));
    const [top, second] = index.search(query, 5);
    expect(chunks[top!.doc]!.text).toContain('珐华');
    expect(chunks[top!.doc]!.text).toContain('入选');
    expect(top!.score).toBeGreaterThan(second!.score);
  });

  it('finds the passage with a distinctive figure first', () => {
    const [top] = index.search(tokenize('生猪出栏85万头'), 3);
    expect(chunks[top!.doc]!.text).toContain('生猪出栏85万头');
  });
});
