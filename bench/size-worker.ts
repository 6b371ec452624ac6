// One corpus size of the benchmark, in its own process (so peak memory is per size): ingest, retrieval, recall, peers.
import { createRequire } from 'node:module';
import { loadSettings } from '../config.js';
import { HybridSearcher, Lexicon, loadOverrides } from '../index/index.js';
import { benchQueries, corpusOf, realChunks, type Size } from './corpus.js';
import { ingestStage, type IngestFigures } from './ingest-stage.js';
import { langchainMemoryPeer, oramaPeer, type PeerFigures } from './peers.js';
import { retrievalStage, type RetrievalFigures } from './retrieval.js';
import { peakRssMiB, timeEach, type Latency } from './stats.js';
import { firstQuestionStage, questionSources, uniqueStage, type UniqueFigures } from './unique-latency.js';
import { uniqueQuestions } from './unique-questions.js';
import { composeExtractive } from '../answer/answer-chain.js';
import { answerOptions, createAnswerService } from '../answer/index.js';

/** What the parent asks of a worker; `quick` measures only unique and repeated questions (no recall, peers or profile). */
export type SizeJob = { size: Size; env: Record<string, string>; rounds: number; peerMaxChunks: number; efs: number[]; quick: boolean; unique: number; firstRuns: number };
/** What a worker reports: the figures and the index folder it left for the HTTP and cold-start stages. */
export type SizeResult = { size: Size; dir: string; generateMs: number; ingest: IngestFigures; unique?: UniqueFigures; retrieval: RetrievalFigures; peers: PeerFigures[]; peersSkipped: string[]; peakRssMiB: number };
/** A quick run's figures: unique questions beside the same fixed questions repeated. */
export type QuickResult = { size: Size; dir: string; chunks: number; unique: UniqueFigures; repeated: { hybrid: Latency; answer: Latency } };

const require = createRequire(import.meta.url);

/** Progress on stderr: large sizes run for many minutes per stage. */
const progress = (label: string, stage: string) => console.error(`[bench] ${label}: ${stage} (${Math.round(process.memoryUsage().rss / 2 ** 20)} MB RSS)`);

/** Unique questions first (in a process that has asked nothing yet but the warm-up questions), then first questions in fresh processes. */
async function measureUnique(job: SizeJob, searcher: HybridSearcher, dir: string, s: ReturnType<typeof loadSettings>): Promise<UniqueFigures> {
  const questions = uniqueQuestions(questionSources(searcher.index.chunks, s), 2 * job.unique + 2 * job.firstRuns);
  const unique = await uniqueStage(createAnswerService(searcher, s), questions.slice(0, 2 * job.unique), s);
  progress(job.size.label, 'first question after start');
  const first = job.firstRuns > 0 ? await firstQuestionStage({ ...job.env, INDEX_DIR: dir, EMBEDDER: 'hash' }, questions.slice(2 * job.unique), job.firstRuns) : null;
  return { ...unique, first };
}

/** A quick run: ingest, unique questions, and the fixed questions repeated (one warm-up round, then `rounds`). */
async function runQuick(job: SizeJob): Promise<QuickResult> {
  const s = loadSettings({ ...process.env, ...job.env, EMBEDDER: 'hash' });
  const chunks = corpusOf(job.size, await realChunks(s), s.CHUNK_MAX_CHARS);
  progress(job.size.label, `generated ${chunks.length} chunks; ingesting`);
  const { dir, index, embedder } = await ingestStage(chunks, s, { m: s.HNSW_M, efConstruction: s.HNSW_EF_CONSTRUCTION, efSearch: s.HNSW_EF_SEARCH });
  const searcher = new HybridSearcher(index, embedder, new Lexicon(index.lexicon, index.dictionary, loadOverrides(s.LEXICON_OVERRIDES_FILE)));
  progress(job.size.label, 'unique questions');
  const unique = await measureUnique(job, searcher, dir, s);
  const queries = benchQueries('eval/qa.jsonl', chunks);
  const options = answerOptions(s);
  const hybrid = await timeEach(queries, job.rounds, (q) => searcher.search(q, s.TOP_K));
  const answer = await timeEach(queries, job.rounds, async (q) => composeExtractive(searcher, q, await searcher.search(q, options.k), options));
  return { size: job.size, dir, chunks: chunks.length, unique, repeated: { hybrid, answer } };
}

async function run(job: SizeJob): Promise<SizeResult> {
  const s = loadSettings({ ...process.env, ...job.env, EMBEDDER: 'hash' });
  const g0 = performance.now();
  const chunks = corpusOf(job.size, await realChunks(s), s.CHUNK_MAX_CHARS);
  const generateMs = Math.round(performance.now() - g0);
  const hnsw = { m: s.HNSW_M, efConstruction: s.HNSW_EF_CONSTRUCTION, efSearch: s.HNSW_EF_SEARCH };
  progress(job.size.label, `generated ${chunks.length} chunks; ingesting`);
  const { figures, dir, index, embedder } = await ingestStage(chunks, s, hnsw);
  progress(job.size.label, 'retrieval and recall');
  const searcher = new HybridSearcher(index, embedder, new Lexicon(index.lexicon, index.dictionary, loadOverrides(s.LEXICON_OVERRIDES_FILE)));
  const unique = await measureUnique(job, searcher, dir, s);
  const queries = benchQueries('eval/qa.jsonl', chunks);
  const retrieval = await retrievalStage(searcher, queries, s, job.rounds, job.efs);
  const peers: PeerFigures[] = [];
  const peersSkipped: string[] = [];
  if (chunks.length <= job.peerMaxChunks) {
    const version = (require('@orama/orama/package.json') as { version: string }).version;
    progress(job.size.label, 'peers');
    // Past 10k chunks a peer query takes up to seconds (Orama scans every vector in JavaScript):
    // one timed round over every fourth query, with our figures taken on the same subset.
    const large = chunks.length > 10_000;
    const peerRounds = large ? 1 : job.rounds;
    const peerQueries = large ? queries.filter((_, i) => i % 4 === 0) : queries;
    peers.push(await oramaPeer(chunks, searcher, peerQueries, peerRounds, version, s.TOP_K));
    const memory = await langchainMemoryPeer(searcher, peerQueries, peerRounds, s.TOP_K);
    if (memory) peers.push(memory);
    else peersSkipped.push('LangChain MemoryVectorStore: not installed (npm install -D @langchain/classic); exact search shown by hnswlib BruteforceSearch instead');
  } else peersSkipped.push(`peers skipped above ${job.peerMaxChunks} chunks (--peer-max)`);
  return { size: job.size, dir, generateMs, ingest: figures, unique, retrieval, peers, peersSkipped, peakRssMiB: peakRssMiB() };
}

const job = JSON.parse(process.argv[2] ?? '{}') as SizeJob;
(job.quick ? runQuick(job) : run(job)).then(
  (result) => process.send!(result, () => process.exit(0)),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exit(1);
  },
);
