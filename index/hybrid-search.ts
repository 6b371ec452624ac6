// Hybrid retrieval: dense (any LangChain VectorStore) and BM25 candidates fused by reciprocal rank, boosted by named towns.
import { BaseRetriever } from '@langchain/core/retrievers';
import { Document, type DocumentInterface } from '@langchain/core/documents';
import type { VectorStore } from '@langchain/core/vectorstores';
import { foldForMatch } from '../ingest/normalize-text.js';
import type { Fact } from '../ingest/fact-types.js';
import type { Chunk } from '../ingest/types.js';
import type { Embedder } from './embedder.js';
import { HnswVectorStore } from './hnsw-vector-store.js';
import { IndexedChunk, indexedChunk } from './indexed-chunk.js';
import type { StoredIndex } from './index-store.js';
import type { Lexicon } from './lexicon/lexicon.js';
import type { Pause } from './slice-pause.js';
import { expandQuery, ownCharacters, townKey, townMentions, type TownKey } from './query-terms.js';
import { homophoneIndex, QUESTION_WORDS, romanisedNames, romanisedPairs, withHomophones, withNativeNames, withRomanisedPairs } from './romanised-names.js';
import { BIGRAM_PREFIX, cutWords, hanBigrams, queryTokens, tokenize } from './tokenize.js';
import { candidateLabels } from './word-postings.js';

/**
 * Candidates taken from each ranking before fusion (at least, and 4 per requested hit). Past rank 20,
 * RRF adds under 1/80 per list; the QA set's answers are the same with 50, and BM25's top 20 costs
 * about 20% less than its top 50 on 100k chunks (MaxScore prunes against a higher threshold).
 */
export const MIN_POOL = 20;

/** A fact with the chunk it was found in. */
export type ChunkFact = { chunk: Chunk; fact: Fact };

/** Reciprocal-rank-fusion constant (Cormack et al.). */
export const RRF_K = 60;
/** Weight of a single character that the corpus has but BM25 never indexed alone (量, 率…). */
export const WEAK_CHAR_IDF = 0.3;
/** Multiplier per unit of town mention strength (see townMentions). */
export const TOWN_BOOST = 0.6;

/** One retrieved chunk with its score breakdown; every score is "higher is better". */
export type SearchHit = {
  /** The chunk as a plain Chunk; indexedChunk(hit.chunk) gives its prepared text (folded, sentences, paragraph). */
  chunk: Chunk;
  /** Fused score: RRF of both rankings times the town boost. */
  score: number;
  /** Cosine similarity from the vector store, null when not among the dense candidates. */
  dense: number | null;
  bm25: number | null;
  denseRank: number | null;
  bm25Rank: number | null;
  /** Multiplier from towns named in the question (1 when none). */
  boost: number;
};

/** Reciprocal-rank fusion of two rankings of labels, as a map label -> fused score. */
export function fuseRanks(...rankings: number[][]): Map<number, number> {
  const fused = new Map<number, number>();
  for (const ranking of rankings) {
    ranking.forEach((label, rank) => fused.set(label, (fused.get(label) ?? 0) + 1 / (RRF_K + rank + 1)));
  }
  return fused;
}

/** The label (chunk position) of a vector store Document: its metadata.label, as chunkDocument writes it. */
function labelOf(doc: DocumentInterface): number {
  const label: unknown = doc.metadata['label'];
  if (typeof label !== 'number') throw new TypeError(`vector store document ${doc.id ?? ''} has no numeric metadata.label`);
  return label;
}

/** Labels kept by chunksOfTownWith across towns and words (4 bytes each): past this the cache is cleared. */
export const TOWN_WORD_LABEL_LIMIT = 4_000_000;

/** Words already classified by isTopicWord or given an idf by wordIdf; each cache is cleared when it grows past this. */
const TOPIC_CACHE_LIMIT = 10_000;

/**
 * Searches a loaded index with its embedder; the lexicon expands English questions. The dense
 * side goes through `vectors` (by default hnswlib-node over the index); any LangChain VectorStore
 * whose documents carry metadata.label (see chunkDocument) can take its place.
 */
export class HybridSearcher {
  private readonly towns: TownKey[];
  private readonly foldedTowns: string[];
  private readonly topicWords = new Map<string, boolean>();
  /** wordIdf's results (scoring asks for the same words' idf once per sentence). */
  private readonly idfs = new Map<string, number>();
  private chars: Set<string> | null = null;
  private byTown: Map<string, Chunk[]> | null = null;
  private latestYear: number | null = null;
  private names: string[] | null = null;
  private romanised: Map<string, string> | null = null;
  /** Two-character corpus terms by pinyin (see withHomophones), built with the romanised names. */
  private homophones: Map<string, string[]> | null = null;
  /** The corpus's character pairs by pinyin (see withRomanisedPairs). */
  private pairs: Map<string, string[]> | null = null;
  private authors: Map<string, Chunk[][]> | null = null;
  private firstFacts: Map<string, ChunkFact[]> | null = null;
  /** townLabelsWith's results by town and word, and how many labels they hold (cleared past TOWN_WORD_LABEL_LIMIT). */
  private readonly townWordLabels = new Map<string, Uint32Array>();
  private townWordLabelCount = 0;
  /** Authors by the first character of their name, with their position in articlesByAuthor. */
  private authorsByChar: Map<string, { order: number; name: string }[]> | null = null;
  /** nativeNames's last question and answer. */
  private lastNative: { question: string; native: string } | null = null;

  constructor(
    readonly index: StoredIndex,
    readonly embedder: Embedder,
    readonly lexicon: Lexicon,
    readonly vectors: VectorStore = new HnswVectorStore(embedder, index.hnsw, index.chunks),
  ) {
    const seen = new Map<string, Chunk['meta']>();
    let last: Chunk['meta'] | null = null;
    for (const c of index.chunks) {
      if (c.meta === last) continue;
      last = c.meta;
      if (c.meta.town && !seen.has(c.meta.town)) seen.set(c.meta.town, c.meta);
    }
    // (Over the folded text prepared at ingest, read without keeping a copy per chunk: no folding at start-up.)
    const passages = index.chunks.map((c) => {
      const prepared = indexedChunk(c);
      return { town: c.meta.town, folded: prepared.columns.folded(prepared.label) };
    });
    const chars = ownCharacters(new Map([...seen].map(([town, meta]) => [town, meta.industry])), passages);
    this.towns = [...seen.values()].map((m) => townKey(m.town, m.county, m.industry, chars.get(m.town)));
    this.foldedTowns = this.towns.map((t) => foldForMatch(t.town));
  }

  /** Characters that occur in the corpus (from the bigram vocabulary), built on first use. */
  private corpusChars(): Set<string> {
    if (!this.chars) {
      this.chars = new Set();
      for (const term of this.index.bm25.postings.terms) {
        if (term.startsWith(BIGRAM_PREFIX)) for (const c of term.slice(1)) this.chars.add(c);
      }
    }
    return this.chars;
  }

  /** The whole paragraph a chunk was cut from, folded (foldForMatch; prepared at ingest, see IndexedChunk.wholeParagraph; a chunk from elsewhere is its own paragraph). */
  foldedParagraphOf(chunk: Chunk): string {
    return indexedChunk(chunk).wholeParagraph.folded;
  }

  /**
   * idf of a folded word: its own when BM25 indexed it, else the mean idf of its character
   * bigrams when the corpus has them all (a name the dictionary does not know), else 0.
   */
  wordIdf(word: string): number {
    let idf = this.idfs.get(word);
    if (idf === undefined) {
      idf = this.computeIdf(word);
      if (this.idfs.size >= TOPIC_CACHE_LIMIT) this.idfs.clear();
      this.idfs.set(word, idf);
    }
    return idf;
  }

  private computeIdf(word: string): number {
    const own = this.index.bm25.idf(word);
    if (own > 0) return own;
    if (word.length === 1) return this.corpusChars().has(word) ? WEAK_CHAR_IDF : 0;
    const idfs = hanBigrams(word).map((b) => this.index.bm25.idf(b));
    return idfs.length && idfs.every((x) => x > 0) ? idfs.reduce((a, b) => a + b, 0) / idfs.length : 0;
  }

  /** True when a folded word is part of a town's name, or is or starts with its county (the topic, not the focus). */
  isTopicWord(word: string): boolean {
    let topic = this.topicWords.get(word);
    if (topic === undefined) {
      topic = this.towns.some((t, i) => this.foldedTowns[i]!.includes(word) || (t.county !== '' && (t.county.includes(word) || word.startsWith(t.county))));
      if (this.topicWords.size >= TOPIC_CACHE_LIMIT) this.topicWords.clear();
      this.topicWords.set(word, topic);
    }
    return topic;
  }

  /**
   * Runs the search path on three questions made from the corpus (a town's attribute, Traditional
   * characters, English), so a server's first user question does not pay for first compilation
   * and lazily built tables (the corpus's characters, towns' chunks and first facts, authors, reference year).
   * Call once after opening; `pause` is awaited between the steps (see slicePause).
   */
  async warmUp(pause: Pause = async () => {}): Promise<void> {
    this.corpusChars();
    await pause();
    this.authorIn('');
    await pause();
    this.nativeNames('');
    await pause();
    this.referenceYear();
    await pause();
    this.firstFactsOfTown('');
    await pause();
    const town = this.towns[0]?.town ?? '';
    this.chunksOfTown(town);
    for (const q of [`${town}的年产值是多少？`, `${town}有哪些榮譽稱號？`, 'How many households are there?']) {
      await pause();
      await this.search(q, MIN_POOL);
    }
  }

  /** Typed facts of a chunk of this index (extracted at ingest); [] for a chunk from elsewhere. */
  factsOf(chunk: Chunk): Fact[] {
    const own = chunk instanceof IndexedChunk && this.index.chunks[chunk.label] === chunk;
    return own ? (this.index.facts[chunk.label] ?? []) : [];
  }

  /**
   * Per town, the first fact of each kind, family and founding role in index order (chunk, then
   * fact order), with its chunk: where a scan of the town's facts for the first fact of some sort would stop.
   */
  firstFactsOfTown(town: string): ChunkFact[] {
    if (!this.firstFacts) {
      this.firstFacts = new Map();
      const seen = new Set<string>();
      this.index.chunks.forEach((chunk, label) => {
        for (const fact of this.index.facts[label] ?? []) {
          const key = `${chunk.meta.town}\u0000${fact.kind}\u0000${fact.family}\u0000${fact.role === 'founding'}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const list = this.firstFacts!.get(chunk.meta.town);
          if (list) list.push({ chunk, fact });
          else this.firstFacts!.set(chunk.meta.town, [{ chunk, fact }]);
        }
      });
    }
    return this.firstFacts.get(town) ?? [];
  }

  /** Every chunk of a town, in index order. */
  chunksOfTown(town: string): Chunk[] {
    if (!this.byTown) {
      this.byTown = new Map();
      for (const c of this.index.chunks) {
        const list = this.byTown.get(c.meta.town);
        if (list) list.push(c);
        else this.byTown.set(c.meta.town, [c]);
      }
    }
    return this.byTown.get(town) ?? [];
  }

  /**
   * Names of the organisations the corpus mentions and their distinctive cores, folded, longest
   * first: 山西彤康食品有限公司 gives 彤康食品 and 彤康 (the part before a trade word).
   */
  entityNames(): string[] {
    if (!this.names) {
      const names = new Set<string>();
      for (const facts of this.index.facts) {
        for (const f of facts) {
          if (f.kind !== 'org') continue;
          for (const item of f.items) {
            const core = foldForMatch(item)
              .replace(/^(?:山西省?|晋城市?|北京|中国)/, '')
              .replace(/(?:股份)?(?:有限公司|集团|公司|协会|合作社)$/, '');
            const short = /^(.{2,3}?)(?:食品|工贸|潞绸|生物|科技|养殖|农业|实业)/.exec(core)?.[1];
            // Only names the segmenter does not know as one word need protecting (not 大学, 专业).
            for (const name of [core, short ?? '']) if (name.length >= 2 && name.length <= 8 && cutWords(name).length > 1) names.add(name);
          }
        }
      }
      this.names = [...names].sort((a, b) => b.length - a.length);
    }
    return this.names;
  }

  /** The latest calendar year any fact of the index names (0 when none). */
  referenceYear(): number {
    if (this.latestYear === null) {
      this.latestYear = 0;
      for (const facts of this.index.facts) {
        for (const f of facts) if (f.kind === 'time' && f.family === 'year' && f.value !== null && f.value > this.latestYear) this.latestYear = f.value;
      }
    }
    return this.latestYear;
  }

  /**
   * The question with the organisations and authors it writes in pinyin put in their Chinese form
   * (Tongkang -> 彤康, Chen Yunhua -> 陈云华), so an English question finds and compares them.
   */
  nativeNames(question: string): string {
    // search and then composeExtractive ask it of the same question, one after the other: the last answer is kept (one entry, so no other question can hit it).
    if (this.lastNative?.question === question) return this.lastNative.native;
    const native = this.findNativeNames(question);
    this.lastNative = { question, native };
    return native;
  }

  private findNativeNames(question: string): string {
    this.romanised ??= romanisedNames([...this.entityNames(), ...this.articlesByAuthor().keys(), ...this.listedNames()]);
    // Character bigrams are indexed marked (§潞绸): the segmenter's words are the terms without the mark.
    this.homophones ??= homophoneIndex([...this.index.bm25.postings.terms.filter((t) => !t.startsWith('§')), ...QUESTION_WORDS], [...this.townNames(), ...this.entityNames()]);
    // (…and a capitalised word left that spells one two-character run of the corpus, 晋汾 of Jinfen.)
    // (Pairs the segmenter never keeps as a word: a word, 北京, is read by the dictionary or left as written.)
    this.pairs ??= romanisedPairs(this.index.bm25.postings.terms.filter((t) => t.startsWith('§') && this.index.bm25.idf(t.slice(1)) === 0).map((t) => t.slice(1)));
    const native = withNativeNames(question, this.romanised);
    return withHomophones(withRomanisedPairs(native, this.pairs, (w) => this.lexicon.expansionWords(w).length > 0), this.homophones, (w) => this.wordIdf(w) > 0, (w) => this.index.bm25.idf(w) > 0);
  }

  /**
   * Names the articles list or quote (山楂情缘 of 8度山楂情缘, 陵五味), without a leading figure: what an
   * English question may write in pinyin (Shanzha Qingyuan).
   */
  private listedNames(): string[] {
    const out: string[] = [];
    for (const facts of this.index.facts) {
      for (const f of facts) {
        if (f.kind !== 'list' && f.kind !== 'name') continue;
        for (const item of f.items) {
          const name = foldForMatch(item).replace(/^[\d.]+[^\u4e00-\u9fff]?[度个种家吨亩万]*/, '');
          if (/^[\u4e00-\u9fff]{2,8}$/.test(name)) out.push(name);
        }
      }
    }
    return out;
  }

  /** Articles by author byline: author -> one chunk list per article (by title), in index order. */
  articlesByAuthor(): Map<string, Chunk[][]> {
    if (!this.authors) {
      const byArticle = new Map<string, Chunk[]>();
      for (const c of this.index.chunks) {
        if (!c.meta.author) continue;
        const key = `${c.meta.author}\u0000${c.meta.source}\u0000${c.meta.title}`;
        const list = byArticle.get(key);
        if (list) list.push(c);
        else byArticle.set(key, [c]);
      }
      this.authors = new Map();
      for (const chunks of byArticle.values()) {
        const author = chunks[0]!.meta.author;
        this.authors.set(author, [...(this.authors.get(author) ?? []), chunks]);
      }
    }
    return this.authors;
  }

  /** The first author, in articlesByAuthor's order, whose name the question contains (without trying every author). */
  authorIn(question: string): string | undefined {
    if (!this.authorsByChar) {
      this.authorsByChar = new Map();
      [...this.articlesByAuthor().keys()].forEach((name, order) => {
        const first = [...name][0]!;
        const list = this.authorsByChar!.get(first);
        if (list) list.push({ order, name });
        else this.authorsByChar!.set(first, [{ order, name }]);
      });
    }
    let found: { order: number; name: string } | undefined;
    for (const ch of new Set(question)) {
      for (const a of this.authorsByChar.get(ch) ?? []) if ((!found || a.order < found.order) && question.includes(a.name)) found = a;
    }
    return found?.name;
  }

  /** Up to `limit` chunks whose folded text has the folded word, in index order (candidates from BM25's bigram postings). */
  chunksWith(word: string, limit = 200): Chunk[] {
    const { chunks } = this.index;
    const labels = candidateLabels(this.index.bm25, word);
    const count = labels ? labels.length : chunks.length;
    const out: Chunk[] = [];
    for (let i = 0; i < count && out.length < limit; i++) {
      const c = chunks[labels ? labels[i]! : i]!;
      if (indexedChunk(c).folded.includes(word)) out.push(c);
    }
    return out;
  }

  /** The chunks of a town whose folded text has at least one of the folded words, in index order. */
  chunksOfTownWith(town: string, words: string[]): Chunk[] {
    const { chunks } = this.index;
    if (words.length === 1) return Array.from(this.townLabelsWith(town, words[0]!), (label) => chunks[label]!);
    const found = new Set<number>();
    for (const word of words) for (const label of this.townLabelsWith(town, word)) found.add(label);
    return [...found].sort((a, b) => a - b).map((label) => chunks[label]!);
  }

  /**
   * Labels, in index order, of a town's chunks whose folded text has the word: found once per town and
   * word and kept (lists and comparisons ask it of every town, for the same words, on every question).
   */
  private townLabelsWith(town: string, word: string): Uint32Array {
    const key = `${town}\u0000${word}`;
    let labels = this.townWordLabels.get(key);
    if (!labels) {
      labels = this.findTownLabelsWith(town, word);
      this.townWordLabelCount += labels.length + 1;
      if (this.townWordLabelCount > TOWN_WORD_LABEL_LIMIT) {
        this.townWordLabels.clear();
        this.townWordLabelCount = labels.length + 1;
      }
      this.townWordLabels.set(key, labels);
    }
    return labels;
  }

  private findTownLabelsWith(town: string, word: string): Uint32Array {
    const own = this.chunksOfTown(town);
    const { chunks } = this.index;
    const labels = candidateLabels(this.index.bm25, word);
    // A word the postings cannot narrow, or whose candidates outnumber the town's chunks, is looked for in the town's chunks.
    if (!labels || labels.length >= own.length) return Uint32Array.from(own.filter((c) => indexedChunk(c).folded.includes(word)), (c) => indexedChunk(c).label);
    const out: number[] = [];
    for (const label of labels) if (chunks[label]!.meta.town === town && indexedChunk(chunks[label]!).folded.includes(word)) out.push(label);
    return Uint32Array.from(out.sort((a, b) => a - b));
  }

  /** The towns of the index, in the order their articles were ingested. */
  townNames(): string[] {
    return this.towns.map((t) => t.town);
  }

  /** Towns the question names, with strengths (see townMentions). */
  namedTowns(question: string): Map<string, number> {
    return townMentions(foldForMatch(expandQuery(question, this.lexicon)), this.towns);
  }

  /** Labels and cosine similarities of the `k` nearest chunks to a query vector (hnswlib directly, without a Document per neighbour; any other store through LangChain). */
  private async nearest(vector: number[], k: number): Promise<{ labels: number[]; similarities: number[] }> {
    if (this.vectors instanceof HnswVectorStore) return this.vectors.nearestLabels(vector, k);
    const dense = await this.vectors.similaritySearchVectorWithScore(vector, k);
    return { labels: dense.map(([doc]) => labelOf(doc)), similarities: dense.map(([, similarity]) => similarity) };
  }

  /** The `k` best chunks for a question, best first. */
  async search(question: string, k: number): Promise<SearchHit[]> {
    const n = this.index.chunks.length;
    if (n === 0) return [];
    const expanded = expandQuery(this.nativeNames(question), this.lexicon);
    const pool = Math.min(n, Math.max(MIN_POOL, k * 4));
    const vector = await this.embedder.embedQuery(expanded);
    const { labels: denseLabels, similarities } = await this.nearest(vector, pool);
    const bm25 = this.index.bm25.search(queryTokens(expanded), pool);
    const fused = fuseRanks(denseLabels, bm25.map((h) => h.doc));
    const named = townMentions(foldForMatch(expanded), this.towns);
    const { chunks } = this.index;
    const boostOf = (label: number) => 1 + TOWN_BOOST * (named.get(chunks[label]!.meta.town) ?? 0);
    // Ranked as labels and scores, in fusion order (a stable sort), and only the first k made hits: a search fuses
    // up to 2 × MIN_POOL candidates and keeps TOP_K.
    const labels: number[] = [];
    const scores: number[] = [];
    fused.forEach((rrf, label) => {
      labels.push(label);
      scores.push(rrf * boostOf(label));
    });
    const order = labels.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]! || chunks[labels[a]!]!.id.localeCompare(chunks[labels[b]!]!.id));
    return order.slice(0, k).map((i): SearchHit => {
      const label = labels[i]!;
      const di = denseLabels.lastIndexOf(label);
      let bi = bm25.length - 1;
      while (bi >= 0 && bm25[bi]!.doc !== label) bi--;
      return {
        chunk: chunks[label]!,
        score: scores[i]!,
        dense: di === -1 ? null : similarities[di]!,
        bm25: bi === -1 ? null : bm25[bi]!.score,
        denseRank: di === -1 ? null : di + 1,
        bm25Rank: bi === -1 ? null : bi + 1,
        boost: boostOf(label),
      };
    });
  }
}

/** A hit as flat, serialisable fields: where the chunk comes from and the score breakdown. */
export function describeHit(h: SearchHit) {
  const { chunk } = h;
  return {
    chunkId: chunk.id,
    title: chunk.meta.title,
    town: chunk.meta.town,
    county: chunk.meta.county,
    source: chunk.meta.source,
    lineStart: chunk.lineStart,
    lineEnd: chunk.lineEnd,
    score: h.score,
    dense: h.dense,
    bm25: h.bm25,
    denseRank: h.denseRank,
    bm25Rank: h.bm25Rank,
    boost: h.boost,
  };
}

/** LangChain retriever over the hybrid searcher: Documents carry the chunk and score breakdown. */
export class HybridRetriever extends BaseRetriever {
  override lc_namespace = ['jincheng', 'retrievers'];

  constructor(
    private readonly searcher: HybridSearcher,
    private readonly k: number,
  ) {
    super();
  }

  override async _getRelevantDocuments(query: string): Promise<Document[]> {
    const hits = await this.searcher.search(query, this.k);
    return hits.map((h) => new Document({ pageContent: h.chunk.text, id: h.chunk.id, metadata: describeHit(h) }));
  }
}
