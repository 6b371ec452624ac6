// Tests for the offline hash embedder: exact vectors, determinism, unit norm, folding, empty text.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadGazetteer, parsePage } from '../ingest/index.js';
import { prng } from '../test-support/prng.js';
import { charNgrams, DF_BUCKETS, fitDocumentFrequencies, fnv1a, HashEmbedder } from './hash-embedder.js';

const norm = (v: number[]) => Math.sqrt(v.reduce((a, x) => a + x * x, 0));
const e0 = (dimension: number) => Array.from({ length: dimension }, (_, i) => (i === 0 ? 1 : 0));

const page = readFileSync(fileURLToPath(new URL('../data/articles/jincheng-specialty-towns-page1.txt', import.meta.url)), 'utf8');
const gazetteer = loadGazetteer(fileURLToPath(new URL('../data/gazetteer.json', import.meta.url)));
const TEXTS = parsePage(page, 'p.txt', gazetteer, 300).chunks.map((c) => c.text);
const corpusEmbedder = new HashEmbedder(512, fitDocumentFrequencies(TEXTS));

describe('fnv1a and charNgrams', () => {
  it('hashes with 32-bit FNV-1a', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
  });

  it('makes 1-, 2- and 3-grams of folded text without punctuation', () => {
    expect(charNgrams('生猪，出栏！')).toEqual(['生', '生猪', '生猪出', '猪', '猪出', '猪出栏', '出', '出栏', '栏']);
    expect(charNgrams('ＡＢ')).toEqual(['a', 'ab', 'b']);
    expect(charNgrams('，。 ')).toEqual([]);
  });
});

describe('fitDocumentFrequencies', () => {
  it('counts each n-gram once per document into hashed buckets', () => {
    const stats = fitDocumentFrequencies(['ab', 'b', 'bb']);
    expect(stats.docs).toBe(3);
    expect(stats.df.length).toBe(DF_BUCKETS);
    expect(stats.df[fnv1a('a') % DF_BUCKETS]).toBe(1);
    expect(stats.df[fnv1a('b') % DF_BUCKETS]).toBe(3);
    expect(stats.df[fnv1a('bb') % DF_BUCKETS]).toBe(1);
  });
});

describe('HashEmbedder', () => {
  // Fitted on "ab" and "b": N = 2; df(a) = 1, df(b) = 2, df(ab) = 1.
  // fnv1a: a -> bucket 12 of 16, sign -; b -> bucket 5, sign -; ab -> bucket 10, sign +.
  const small = new HashEmbedder(16, fitDocumentFrequencies(['ab', 'b']));

  it('weights each n-gram by (1 + ln tf) · (ln((N + 1) / (df + 1)) + 1) in its signed bucket, then normalises', () => {
    const rare = Math.log(3 / 2) + 1; // df 1
    const common = Math.log(3 / 3) + 1; // df 2
    const length = Math.sqrt(2 * rare * rare + common * common);
    const expected = new Array<number>(16).fill(0);
    expected[12] = -rare / length;
    expected[5] = -common / length;
    expected[10] = rare / length;
    expect(small.embed('ab')).toEqual(expected.map((x) => expect.closeTo(x, 12)));
    expect(small.embed('a')).toEqual(expected.map((_, i) => (i === 12 ? -1 : 0)));
  });

  it('records its dimension and scheme as the model name', () => {
    expect(small.id).toBe('hash');
    expect(small.dimension).toBe(16);
    expect(small.model).toBe('char-ngram-1-3-tfidf-hashed-16');
  });

  it('returns vectors of its dimension with unit norm', async () => {
    const vectors = await corpusEmbedder.embedDocuments(TEXTS.slice(0, 5));
    for (const v of vectors) {
      expect(v.length).toBe(512);
      expect(norm(v)).toBeCloseTo(1, 12);
    }
  });

  it('is deterministic: two embedders fitted on the same texts give identical vectors and fingerprints', async () => {
    const twin = new HashEmbedder(512, fitDocumentFrequencies(TEXTS));
    expect(twin.fingerprint).toBe(corpusEmbedder.fingerprint);
    expect(await twin.embedQuery('高平生猪出栏多少头？')).toEqual(await corpusEmbedder.embedQuery('高平生猪出栏多少头？'));
    expect(await twin.embedDocuments([TEXTS[0]!])).toEqual([corpusEmbedder.embed(TEXTS[0]!)]);
  });

  it('changes its fingerprint when the fitted statistics or the dimension change', () => {
    expect(new HashEmbedder(512, fitDocumentFrequencies(TEXTS.slice(1))).fingerprint).not.toBe(corpusEmbedder.fingerprint);
    expect(new HashEmbedder(256, fitDocumentFrequencies(TEXTS)).fingerprint).not.toBe(corpusEmbedder.fingerprint);
    expect(corpusEmbedder.fingerprint).toMatch(/^[0-9a-f]{16}$/);
  });

  it('gives Traditional and Simplified, full- and half-width, upper and lower case text the same vector', () => {
    expect(corpusEmbedder.embed('陽城蠶桑專業鎮')).toEqual(corpusEmbedder.embed('阳城蚕桑专业镇'));
    expect(corpusEmbedder.embed('ＧＡＰ基地５Ｇ')).toEqual(corpusEmbedder.embed('gap基地5g'));
  });

  it('ignores punctuation and spaces', () => {
    expect(corpusEmbedder.embed('高平，生猪。')).toEqual(corpusEmbedder.embed('高平生猪'));
  });

  it('embeds empty text, or text with no letters or digits, as the unit vector e0', () => {
    expect(corpusEmbedder.embed('')).toEqual(e0(512));
    expect(corpusEmbedder.embed('，。！ “”')).toEqual(e0(512));
  });

  it('places a passage nearer to a question sharing its words than to an unrelated one', () => {
    const pig = corpusEmbedder.embed(TEXTS.find((t) => t.includes('生猪出栏85万头'))!);
    const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0);
    expect(dot(pig, corpusEmbedder.embed('生猪出栏多少头'))).toBeGreaterThan(dot(pig, corpusEmbedder.embed('山楂红酒白兰地')));
  });
});

describe('HashEmbedder against the definition', () => {
  /** The embedding spelled out from charNgrams and fnv1a: distinct grams in first-occurrence order, weighted, signed, normalised. */
  function reference(e: HashEmbedder, text: string): number[] {
    const counts = new Map<string, number>();
    for (const g of charNgrams(text)) counts.set(g, (counts.get(g) ?? 0) + 1);
    const v = new Float64Array(e.dimension);
    for (const [gram, tf] of counts) {
      const h = fnv1a(gram);
      const df = e.stats.df[h % DF_BUCKETS]!;
      if (df === 0) continue;
      v[h % e.dimension]! += (h & 0x80000000 ? -1 : 1) * (1 + Math.log(tf)) * (Math.log((e.stats.docs + 1) / (df + 1)) + 1);
    }
    const norm = Math.sqrt(v.reduce((a, x) => a + x * x, 0));
    return norm === 0 ? e0(e.dimension) : Array.from(v, (x) => x / norm);
  }

  it('gives exactly the defined vector and document frequencies for seeded texts of Han, Latin, digits, astral letters, emoji and lone surrogates', () => {
    const random = prng(5);
    const parts = ['生猪', '出栏', '万头', '潞绸', 'ab', 'Ｃ', '9', '2022', '，', ' ', '𠀀', '𝐀', '😀', '\ud800', '\udc00', '蜂蜜蜂蜜', '年'];
    const texts = Array.from({ length: 300 }, () => Array.from({ length: 1 + Math.floor(random() * 12) }, () => parts[Math.floor(random() * parts.length)]!).join(''));
    const stats = fitDocumentFrequencies(texts);
    const buckets = new Uint32Array(DF_BUCKETS);
    for (const text of texts) for (const h of new Set(charNgrams(text).map((g) => fnv1a(g) % DF_BUCKETS))) buckets[h]!++;
    expect(Buffer.from(stats.df.buffer).equals(Buffer.from(buckets.buffer))).toBe(true);
    const e = new HashEmbedder(64, stats);
    for (const text of [...texts, ...TEXTS.slice(0, 5)]) expect(e.embed(text)).toEqual(reference(e, text));
  });
});
