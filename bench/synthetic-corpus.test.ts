// Tests for the synthetic corpus: deterministic, unique ids, realistic lengths, substituted towns and numbers.
import { describe, expect, it } from 'vitest';
import { loadSettings } from '../config.js';
import { chunkSchema } from '../ingest/index.js';
import { corpusOf, parseSizes, realChunks } from './corpus.js';
import { CHUNKS_PER_ARTICLE, syntheticChunks } from './synthetic-corpus.js';

const s = loadSettings({});
const real = await realChunks(s);

describe('syntheticChunks', () => {
  const chunks = syntheticChunks(real, 400, 300);

  it('is deterministic for a seed and differs across seeds', () => {
    expect(syntheticChunks(real, 400, 300)).toEqual(chunks);
    expect(syntheticChunks(real, 400, 300, 2)[0]!.text).not.toBe(chunks[0]!.text);
  });

  it('makes valid chunks with unique ids, at most maxChars long, four per article sharing metadata', () => {
    for (const c of chunks) expect(chunkSchema.safeParse(c).success).toBe(true);
    expect(new Set(chunks.map((c) => c.id)).size).toBe(400);
    expect(Math.max(...chunks.map((c) => c.text.length))).toBeLessThanOrEqual(300);
    expect(chunks[1]!.meta).toBe(chunks[0]!.meta);
    expect(chunks[CHUNKS_PER_ARTICLE]!.meta).not.toBe(chunks[0]!.meta);
  });

  it('names many more towns than the real corpus, each a real county plus an industry', () => {
    const towns = new Set(chunks.map((c) => c.meta.town));
    expect(towns.size).toBeGreaterThan(50);
    for (const c of chunks) expect(c.meta.town).toBe(`${c.meta.county}${c.meta.industry}`);
  });
});

describe('corpusOf and parseSizes', () => {
  it('parses sizes and starts every corpus with the real chunks', () => {
    expect(parseSizes('real, 1k,10K,1.5m,250')).toEqual([
      { label: 'real', chunks: 'real' },
      { label: '1k', chunks: 1000 },
      { label: '10k', chunks: 10_000 },
      { label: '1.5m', chunks: 1_500_000 },
      { label: '250', chunks: 250 },
    ]);
    expect(() => parseSizes('ten')).toThrow('bad size');
    const corpus = corpusOf({ label: '100', chunks: 100 }, real, 300);
    expect(corpus.length).toBe(100);
    expect(corpus.slice(0, real.length)).toEqual(real);
    expect(corpusOf({ label: 'real', chunks: 'real' }, real, 300)).toBe(real);
  });
});
