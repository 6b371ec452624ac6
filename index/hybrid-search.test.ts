// Tests for hybrid retrieval over a real index of the bundled page: one question per town, boosts, English, LangChain.
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Document } from '@langchain/core/documents';
import { VectorStore } from '@langchain/core/vectorstores';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldForMatch, loadGazetteer, parsePage } from '../ingest/index.js';
import { buildTestIndex } from '../test-support/test-index.js';
import { HnswVectorStore } from './hnsw-vector-store.js';
import { fuseRanks, HybridRetriever, HybridSearcher, RRF_K, TOWN_BOOST, type SearchHit } from './hybrid-search.js';

let searcher: HybridSearcher;
let indexDir = '';

beforeAll(async () => {
  const built = await buildTestIndex();
  ({ searcher } = built);
  indexDir = built.settings.INDEX_DIR;
});
afterAll(() => rmSync(indexDir, { recursive: true, force: true }));

/** 1-based rank of the first hit whose text holds `needle`, or null. */
function rankOf(hits: SearchHit[], needle: string): number | null {
  const at = hits.findIndex((h) => h.chunk.text.includes(needle));
  return at < 0 ? null : at + 1;
}

const rrfOf = (h: SearchHit) => (h.denseRank ? 1 / (RRF_K + h.denseRank) : 0) + (h.bm25Rank ? 1 / (RRF_K + h.bm25Rank) : 0);

describe('fuseRanks', () => {
  it('adds 1 / (60 + rank) from each ranking a label appears in', () => {
    expect(RRF_K).toBe(60);
    expect(fuseRanks([3, 1], [1, 2])).toEqual(
      new Map([
        [3, 1 / 61],
        [1, 1 / 62 + 1 / 61],
        [2, 1 / 62],
      ]),
    );
  });
});

describe('HybridSearcher.search', () => {
  it.each([
    ['泽州精密铸造', '泽州精密铸造有多少家铸造企业？', '拥有铸造企业30家'],
    ['泽州山楂红酒', '泽州山楂红酒的年产能是多少吨？', '年产5000吨山楂红酒'],
    ['高平潞绸', '高平潞绸的吉利尔潞绸集团创始于哪一年？', '创始于1958年'],
    ['高平生猪', '高平2022年生猪出栏多少头？', '生猪出栏85万头'],
    ['阳城陶瓷琉璃(珐华)', '北京故宫的琉璃瓦有多少是阳城制造的？', '90%为阳城制造'],
    ['陵川中药材', '陵川中药材种类有多少种？', '中药材种类多达521种'],
    ['阳城蚕桑', '阳城蚕桑2022年蚕茧产量是多少？', '蚕茧产量167.7万公斤'],
    ['沁水黑山羊', '沁水黑山羊2021年饲养量是多少？', '黑山羊饲养量达到20万只'],
    ['沁水蜂蜜', '沁水县蜂农有多少户？', '蜂农达1500户'],
    ['陵川中药材', '陵川中藥材種類有多少種？', '中药材种类多达521种'],
  ])('answers a %s question (%s) with the passage holding %s in the top 3', async (town, question, needle) => {
    const hits = await searcher.search(question, 5);
    expect(hits[0]!.chunk.meta.town).toBe(town);
    const rank = rankOf(hits, needle);
    expect(rank).not.toBeNull();
    expect(rank!).toBeLessThanOrEqual(3);
  });

  it('returns at most k hits, best first, each with its score breakdown', async () => {
    const hits = await searcher.search('高平2022年生猪出栏多少头？', 4);
    expect(hits.length).toBe(4);
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1]!.score).toBeGreaterThanOrEqual(hits[i]!.score);
    for (const h of hits) {
      expect(h.score).toBeCloseTo(rrfOf(h) * h.boost, 12);
      if (h.dense !== null) expect(Math.abs(h.dense)).toBeLessThanOrEqual(1);
      if (h.bm25 !== null) expect(h.bm25).toBeGreaterThan(0);
    }
    expect((await searcher.search('高平', 50)).length).toBe(37);
  });

  it('gives the same hits from a searcher that was never warmed up (openSearcher warms up)', async () => {
    const cold = new HybridSearcher(searcher.index, searcher.embedder, searcher.lexicon, searcher.vectors);
    for (const q of ['高平生猪出栏多少头？', '沁水蜂蜜有哪些稱號？', 'How much silk does Gaoping weave?']) {
      expect((await cold.search(q, 5)).map((h) => [h.chunk.id, h.score])).toEqual((await searcher.search(q, 5)).map((h) => [h.chunk.id, h.score]));
    }
  });

  it('gives the same hits through any LangChain VectorStore whose Documents carry their label as through hnswlib directly', async () => {
    const hnsw = searcher.vectors as HnswVectorStore;
    // Another store: LangChain's interface only (not an HnswVectorStore), answering from the same graph.
    class OtherStore extends VectorStore {
      _vectorstoreType(): string {
        return 'other';
      }
      async addVectors(): Promise<void> {}
      async addDocuments(): Promise<void> {}
      similaritySearchVectorWithScore(query: number[], k: number) {
        return hnsw.similaritySearchVectorWithScore(query, k);
      }
    }
    const other = new HybridSearcher(searcher.index, searcher.embedder, searcher.lexicon, new OtherStore(searcher.embedder, {}));
    for (const q of ['高平生猪出栏多少头？', 'How much silk does Gaoping weave?']) expect(await other.search(q, 5)).toEqual(await searcher.search(q, 5));
  });

  it('is deterministic for the same question', async () => {
    expect(await searcher.search('沁水县蜂农有多少户？', 5)).toEqual(await searcher.search('沁水县蜂农有多少户？', 5));
  });
});

describe('town boost', () => {
  it('multiplies the fused score of passages of a named town by 1 + 0.6 · mention strength', async () => {
    expect(TOWN_BOOST).toBe(0.6);
    expect(searcher.namedTowns('蚕桑农业')).toEqual(new Map([['阳城蚕桑', 1]]));
    expect(searcher.namedTowns('高平生猪')).toEqual(
      new Map([
        ['高平潞绸', 0.5],
        ['高平生猪', 1.5],
      ]),
    );
    const hits = await searcher.search('蚕桑农业', 37);
    for (const h of hits) expect(h.boost).toBe(h.chunk.meta.town === '阳城蚕桑' ? 1.6 : 1);
  });

  it('lifts the named town above a passage of another town that fuses higher without it', async () => {
    const hits = await searcher.search('蚕桑农业', 37);
    const byFusionOnly = [...hits].sort((a, b) => rrfOf(b) - rrfOf(a));
    // 高平潞绸 mentions 蚕桑农业 and leads the unboosted fusion; the boost puts 阳城蚕桑 first.
    expect(byFusionOnly[0]!.chunk.meta.town).toBe('高平潞绸');
    expect(byFusionOnly[0]!.chunk.text).toContain('蚕桑农业');
    expect(hits.slice(0, 3).map((h) => h.chunk.meta.town)).toEqual(['阳城蚕桑', '阳城蚕桑', '阳城蚕桑']);
    for (const h of hits.filter((x) => x.chunk.meta.town === '阳城蚕桑')) {
      expect(hits.indexOf(h)).toBeLessThanOrEqual(byFusionOnly.indexOf(h));
    }
    expect(hits.indexOf(byFusionOnly[0]!)).toBeGreaterThan(2);
  });

  it('gives every hit boost 1 when the question names no town', async () => {
    const hits = await searcher.search('2022年的产值是多少？', 10);
    expect(searcher.namedTowns('2022年的产值是多少？').size).toBe(0);
    expect(hits.every((h) => h.boost === 1)).toBe(true);
  });
});

describe('English questions', () => {
  const question = 'How many pigs did Gaoping sell in 2022?';

  it('retrieves only 高平生猪 passages, through the glossary, for the pig question', async () => {
    expect(searcher.namedTowns(question)).toEqual(
      new Map([
        ['高平潞绸', 0.5],
        ['高平生猪', 1.5],
      ]),
    );
    const hits = await searcher.search(question, 5);
    expect(hits.map((h) => h.chunk.meta.town)).toEqual(['高平生猪', '高平生猪', '高平生猪', '高平生猪', '高平生猪']);
    expect(hits.every((h) => h.boost === 1.9)).toBe(true);
    expect(rankOf(hits, '生猪出栏85万头')).not.toBeNull();
  });

  it('ranks the 2022 passage (生猪出栏85万头) in the top 3 for the pig question', async () => {
    // BM25 ranks it first; the dense side must not bury it under the English words' n-grams.
    const hits = await searcher.search(question, 5);
    const rank = rankOf(hits, '生猪出栏85万头');
    expect(hits.find((h) => h.chunk.text.includes('生猪出栏85万头'))!.bm25Rank).toBe(1);
    expect(rank).not.toBeNull();
    expect(rank!).toBeLessThanOrEqual(3);
  });
});

describe('HybridRetriever', () => {
  it('returns LangChain Documents holding the chunk text and its metadata with the score breakdown', async () => {
    const retriever = new HybridRetriever(searcher, 3);
    const docs = await retriever.invoke('陵川中药材种类有多少种？');
    const hits = await searcher.search('陵川中药材种类有多少种？', 3);
    expect(docs.length).toBe(3);
    docs.forEach((doc, i) => {
      const h = hits[i]!;
      expect(doc).toBeInstanceOf(Document);
      expect(doc.pageContent).toBe(h.chunk.text);
      expect(doc.id).toBe(h.chunk.id);
      expect(doc.metadata).toEqual({
        chunkId: h.chunk.id,
        title: h.chunk.meta.title,
        town: h.chunk.meta.town,
        county: h.chunk.meta.county,
        source: h.chunk.meta.source,
        lineStart: h.chunk.lineStart,
        lineEnd: h.chunk.lineEnd,
        score: h.score,
        dense: h.dense,
        bm25: h.bm25,
        denseRank: h.denseRank,
        bm25Rank: h.bm25Rank,
        boost: h.boost,
      });
    });
    expect(docs[0]!.pageContent).toContain('中药材种类多达521种');
    expect(docs[0]!.metadata).toMatchObject({
      title: '陵川中药材：“太行药乡”乘风而上',
      town: '陵川中药材',
      county: '陵川',
      source: 'data/articles/jincheng-specialty-towns-page1.txt',
      lineStart: 87,
      lineEnd: 87,
      boost: 1.9,
    });
  });
});

describe('wordIdf and isTopicWord', () => {
  it('gives a word its own BM25 idf, else the mean idf of its bigrams when all are in the corpus, else 0', () => {
    const bm25 = searcher.index.bm25;
    expect(searcher.wordIdf('生猪')).toBe(bm25.idf('生猪'));
    expect(searcher.wordIdf('生猪')).toBeGreaterThan(0);
    expect(bm25.idf('凯永集团')).toBe(0);
    expect(searcher.wordIdf('凯永集团')).toBeCloseTo((bm25.idf('§凯永') + bm25.idf('§永集') + bm25.idf('§集团')) / 3, 12);
    expect(searcher.wordIdf('火星基地')).toBe(0);
  });

  it('treats parts of a town name and county names as topic words', () => {
    expect(['生猪', '高平', '高平市', '蚕桑', '出栏'].map((w) => searcher.isTopicWord(w))).toEqual([true, true, true, true, false]);
  });
});

describe('foldedParagraphOf', () => {
  it('rebuilds the whole printed paragraph of a chunk, each overlap sentence once, folded as foldForMatch folds it', () => {
    const page = readFileSync(fileURLToPath(new URL('../data/articles/jincheng-specialty-towns-page1.txt', import.meta.url)), 'utf8');
    const gazetteer = loadGazetteer(fileURLToPath(new URL('../data/gazetteer.json', import.meta.url)));
    const whole = parsePage(page, 'p.txt', gazetteer, 100_000).chunks;
    const printed = (title: string, paragraph: number) => whole.find((c) => c.meta.title === title && c.paragraph === paragraph)!.text;
    const split = searcher.index.chunks.filter((c) => c.part > 0);
    expect(split.length).toBe(5);
    for (const c of searcher.index.chunks) expect(searcher.foldedParagraphOf(c)).toBe(foldForMatch(printed(c.meta.title, c.paragraph)));
  });
});

describe('chunksWith and chunksOfTownWith', () => {
  const WORDS = ['蜂农', '产量', '铸造企业', '2022', '猪', '专业镇', '万头', 'abc', '山楂王', '没有的词语'];
  const holds = (c: SearchHit['chunk'], w: string) => foldForMatch(c.text).includes(w);

  it('finds exactly the chunks whose folded text has the word, in index order, up to the limit', () => {
    for (const w of WORDS) expect(searcher.chunksWith(w)).toEqual(searcher.index.chunks.filter((c) => holds(c, w)));
    expect(searcher.chunksWith('发展', 2)).toEqual(searcher.index.chunks.filter((c) => holds(c, '发展')).slice(0, 2));
  });

  it('finds exactly the chunks of a town with any of the words, in index order', () => {
    const cases = [['蜂农'], ['产量', '万头'], ['猪'], ['2022', '铸造企业'], [], ['没有的词语']];
    for (const town of searcher.townNames()) {
      for (const words of cases) {
        expect(searcher.chunksOfTownWith(town, words)).toEqual(searcher.chunksOfTown(town).filter((c) => words.some((w) => holds(c, w))));
      }
    }
    // Asked again (from what it kept), in another order and with a word twice: the same chunks.
    for (const town of searcher.townNames()) {
      expect(searcher.chunksOfTownWith(town, ['万头', '产量', '万头'])).toEqual(searcher.chunksOfTown(town).filter((c) => holds(c, '产量') || holds(c, '万头')));
    }
  });
});

describe('authorIn', () => {
  it('finds the first author, in articlesByAuthor order, whose name the question contains', () => {
    const authors = [...searcher.articlesByAuthor().keys()];
    expect(authors.length).toBeGreaterThan(1);
    for (const q of [`${authors[1]}写了哪些文章？`, `${authors[0]}和${authors[1]}`, `${authors.at(-1)}写了几篇`, '没有作者的问题', '']) {
      expect(searcher.authorIn(q)).toBe(authors.find((a) => q.includes(a)));
    }
  });
});
