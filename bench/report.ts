// Renders a benchmark run as Markdown tables (bench/RESULTS.md): figures per size, peers as ratios, recall, HTTP.
import { RECALL_EPSILON } from './retrieval.js';
import type { LoadFigures } from './http-load.js';
import type { QuickResult, SizeResult } from './size-worker.js';
import type { Latency } from './stats.js';
import type { UniqueFigures } from './unique-latency.js';

/** One size's figures, from its worker plus the parent's HTTP and cold-start stages. */
/** When and by which command a size was measured (a merged report holds sizes from several runs). */
export type Measured = { at: string; command: string };
export type SizeReport = Omit<SizeResult, 'dir'> & { coldStartMs: Latency | null; http: LoadFigures[]; measured?: Measured };
/** The whole run as written to bench.json. */
export type BenchReport = {
  generatedAt: string;
  command: string;
  machine: { cpu: string; cores: number; memoryGiB: number; os: string; node: string };
  settings: Record<string, number | string>;
  sizes: SizeReport[];
};

const n = (x: number, digits = 0) => x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const ms = (x: number) => (x >= 10 ? n(x, 0) : x >= 1 ? n(x, 2) : n(x, 3));
const lat = (l: Latency | undefined) => (l ? `${ms(l.p50)} / ${ms(l.p95)} / ${ms(l.p99)}` : '–');
const ratio = (ours: number | undefined, peer: number | undefined) => (ours === undefined || peer === undefined || peer === 0 ? '–' : `${Number((ours / peer).toPrecision(2))}×`);
const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;

/** "Measured: real, 1k on <date> by `<command>`; …": which run each size comes from. */
export function measuredLine(r: Pick<BenchReport, 'generatedAt' | 'command'> & { sizes: Pick<SizeReport, 'size' | 'measured'>[] }): string {
  const groups = new Map<string, string[]>();
  for (const s of r.sizes) {
    const m = s.measured ?? { at: r.generatedAt, command: r.command };
    const key = `${m.at.slice(0, 16).replace('T', ' ')} UTC by \`${m.command}\``;
    groups.set(key, [...(groups.get(key) ?? []), s.size.label]);
  }
  return `Measured: ${[...groups].map(([key, labels]) => `${labels.join(', ')} on ${key}`).join('; ')}.`;
}
const table = (head: string[], rows: (string | number)[][]) => [row(head), row(head.map(() => '---')), ...rows.map(row)].join('\n');

function http(s: SizeReport, endpoint: string, workers: number): LoadFigures | undefined {
  return s.http.find((h) => h.endpoint === endpoint && h.workers === workers);
}

type Peer = SizeReport['peers'][number];

/** A peer's name and version. */
const peerName = (p: Peer) => [p.name.trim(), p.version].filter(Boolean).join(' ');

/** The peer's BM25, dense and hybrid p50, each with ours as a ratio of it ("–" where it has none). */
function peerLatencies(s: SizeReport, p: Peer): string[] {
  const ours = p.ours ?? s.retrieval;
  return (['bm25', 'dense', 'hybrid'] as const).map((kind) => {
    const theirs = p[kind];
    return theirs ? `${ms(theirs.p50)} (${ratio(ours[kind].p50, theirs.p50)})` : '–';
  });
}

function shippedRecall(s: SizeReport, efSearch: number) {
  return s.retrieval.recall.find((r) => r.efSearch === efSearch);
}

/** The tables of a run (Markdown). */
function tablesOf(r: BenchReport) {
  const ef = Number(r.settings['HNSW_EF_SEARCH']);
  const main = table(
    ['size', 'chunks', 'ingest chunks/s', 'ingest s', 'disk MB', 'ingest peak RSS MB', 'load ms (full / sampled)', 'cold start ms', 'dense p50', 'BM25 p50', 'hybrid p50 / p95 / p99 ms', 'answer p50 / p95 / p99 ms', `recall@10 (ef ${ef})`, '/api/search req/s', '/api/chat req/s'],
    r.sizes.map((s) => [
      s.size.label,
      n(s.ingest.chunks),
      n(s.ingest.chunksPerSecond),
      n(s.ingest.ingestMs / 1000, 1),
      n(s.ingest.diskBytes.total / 2 ** 20, 1),
      n(s.ingest.peakRssMiB),
      `${n(s.ingest.loadMs.full)} / ${n(s.ingest.loadMs.sampled)}`,
      s.coldStartMs ? n(s.coldStartMs.p50) : '–',
      ms(s.retrieval.dense.p50),
      ms(s.retrieval.bm25.p50),
      lat(s.retrieval.hybrid),
      lat(s.retrieval.answer),
      shippedRecall(s, ef) ? n(shippedRecall(s, ef)!.recall, 3) : '–',
      http(s, '/api/search', 1) ? n(http(s, '/api/search', 1)!.requestsPerSecond) : '–',
      http(s, '/api/chat', 1) ? n(http(s, '/api/chat', 1)!.requestsPerSecond) : '–',
    ]),
  );
  const peers = table(
    ['size', 'peer', 'queries', 'peer ingest chunks/s', 'ours ÷ peer: ingest rate', 'BM25 p50 ms (ours ÷ peer)', 'dense p50 ms (ours ÷ peer)', 'hybrid p50 ms (ours ÷ peer)', 'note'],
    r.sizes.flatMap((s) => [
      ...s.peers.map((p) => [
        s.size.label,
        peerName(p),
        p.queries ?? s.retrieval.queries,
        n(p.chunksPerSecond),
        ratio(s.ingest.chunksPerSecond, p.chunksPerSecond),
        ...peerLatencies(s, p),
        p.note,
      ]),
      [s.size.label, 'exact scan (hnswlib BruteforceSearch)', s.retrieval.queries, '–', '–', '–', `${ms(s.retrieval.exactKnn.p50)} (${ratio(s.retrieval.dense.p50, s.retrieval.exactKnn.p50)})`, '–', 'exact k-NN over the same vectors in C++: the ground truth for recall'],
      ...s.peersSkipped.map((why) => [s.size.label, why, '', '', '', '', '', '', '']),
    ]),
  );
  const efs = [...new Set(r.sizes.flatMap((s) => s.retrieval.recall.map((x) => x.efSearch)))].sort((a, b) => a - b);
  const recall = table(
    ['size', ...efs.map((e) => `ef ${e}: recall (id / ε recall), knn p50 ms`)],
    r.sizes.map((s) => [s.size.label, ...efs.map((e) => {
      const x = s.retrieval.recall.find((y) => y.efSearch === e);
      return x ? `${n(x.recall, 3)} (${n(x.idRecall, 3)} / ${x.epsilonRecall === undefined ? '–' : n(x.epsilonRecall, 3)}), ${ms(x.knnP50Ms)}` : '–';
    })]),
  );
  const httpRows = table(
    ['size', 'endpoint', 'workers', 'connections', 'req/s', 'latency p50 / p97.5 / p99 ms', 'errors', 'non-2xx'],
    r.sizes.flatMap((s) => s.http.map((h) => [s.size.label, h.endpoint, h.workers, h.connections, n(h.requestsPerSecond), `${ms(h.latencyMs.p50)} / ${ms(h.latencyMs.p97_5)} / ${ms(h.latencyMs.p99)}`, h.errors, h.non2xx])),
  );
  const stages = table(
    ['size', 'fit df ms', 'build ms', 'save ms', 'tokenize µs/chunk', 'embed µs/chunk', 'HNSW insert µs/chunk (rest of build)', 'answer chain p50 ms', 'generation ms (not counted)'],
    r.sizes.map((s) => [s.size.label, n(s.ingest.fitMs), n(s.ingest.buildMs), n(s.ingest.saveMs), s.ingest.sample.tokenizeUs, s.ingest.sample.embedUs, s.ingest.sample.hnswInsertUs, ms(s.retrieval.answerChain.p50), n(s.generateMs)]),
  );
  const peerRatios = table(
    ['size', 'peer', 'BM25 p50 ms (ours ÷ peer)', 'dense p50 ms (ours ÷ peer)', 'hybrid p50 ms (ours ÷ peer)'],
    r.sizes.flatMap((s) =>
      s.peers.map((p) => [
        s.size.label,
        peerName(p),
        ...peerLatencies(s, p),
      ]),
    ),
  );
  return { main, peers, peerRatios, recall, httpRows, stages };
}

/** Header of the unique-question table. */
const UNIQUE_HEAD = ['size', 'chunks', 'unique questions', 'unique retrieval p50 / p95 / p99 ms', 'unique answer p50 / p95 / p99 ms', 'unique answer CPU p50 / p95 / p99 ms', 'unique answer main-thread CPU p50 / p95 / p99 ms', 'first retrieval / first answer ms (CPU ms)', 'ready ms (warm-up ms)', 'repeated retrieval p50 / p95 / p99 ms', 'repeated answer p50 / p95 / p99 ms', 'load average'];

/** One size's unique-question row (figures a run did not measure show "–"). */
function uniqueRow(label: string, chunks: number, u: UniqueFigures | undefined, repeated: { hybrid: Latency; answer: Latency }): (string | number)[] {
  const first = u?.first;
  return [
    label,
    n(chunks),
    u ? n(u.questions) : '–',
    lat(u?.retrieval),
    lat(u?.answer),
    lat(u?.answerCpu),
    lat(u?.answerMainCpu),
    first ? `${ms(first.retrievalMs.p50)} / ${ms(first.answerMs.p50)}${first.answerCpuMs ? ` (${ms(first.retrievalCpuMs!.p50)} / ${ms(first.answerCpuMs.p50)})` : ''}` : '–',
    first ? `${n(first.openMs.p50)}${first.warmUpMs ? ` (${n(first.warmUpMs.p50)})` : ''}` : '–',
    lat(repeated.hybrid),
    lat(repeated.answer),
    u ? n(u.loadAverage, 2) : '–',
  ];
}

/** The unique-question table of a run. */
function uniqueTable(r: BenchReport): string {
  return table(UNIQUE_HEAD, r.sizes.map((s) => uniqueRow(s.size.label, s.ingest.chunks, s.unique, s.retrieval)));
}

/** What a quick run prints: the unique-question table of its sizes. */
export function renderQuick(results: QuickResult[]): string {
  return [
    `Quick run ${new Date().toISOString()}: unique questions asked once each in the measuring process; first questions in fresh processes (median); repeated = the fixed bench questions after a warm-up round.`,
    '',
    table(UNIQUE_HEAD, results.map((q) => uniqueRow(q.size.label, q.chunks, q.unique, q.repeated))),
    ...results.filter((q) => q.unique.warmUpMs !== undefined).map((q) => `\n${q.size.label}: the measuring process's warm-up took ${n(q.unique.warmUpMs!)} ms (${n(q.unique.warmUpCpuMs!)} ms CPU) before its first unique question.`),
  ].join('\n');
}

/** What the unique-question table shows, for both outputs. */
const UNIQUE_NOTE =
  'Unique questions: distinct questions (bench/unique-questions.ts: QA questions varied and templates over the corpus\'s towns and words, seeded), each asked once, so no cache keyed by question helps; half timed for retrieval (`search`), half for the full answer (`ask`, the server path), right after the index is loaded and the searcher and answer service have run their warm-ups, as a server does before it reports ready. CPU is the process\'s CPU time per question (what contention for the shared cores does not inflate), V8\'s background threads included: right after start they compile the answer path\'s newly hot functions, about as much CPU as the answers themselves over the first thousand; main-thread CPU is the answering thread\'s alone (Linux schedstat). First = a fresh process opens the index and the answer service as the server does (`openSearcher`, `createAnswerService`, their warm-ups: "ready", with the answer service\'s warm-up in brackets) and times its first question: retrieval, or a full `ask` (median of the runs). Repeated = the fixed bench questions after a warm-up round.';

/** The provenance lines: when, by which command, on which machine, with which settings. */
function provenance(r: BenchReport): string[] {
  const m = r.machine;
  return [
    `Generated ${r.generatedAt} by \`${r.command}\` on ${m.cpu} (${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}, Node ${m.node}).`,
    measuredLine(r),
    `Settings: ${Object.entries(r.settings).map(([k, v]) => `${k}=${v}`).join(', ')}. Offline hash embedder throughout; latencies in milliseconds.`,
  ];
}

/** Where `npm run bench` writes its summary in the README (between these two lines). */
export const README_BEGIN = '<!-- bench:begin (written by npm run bench -- --readme; edits here are overwritten) -->';
export const README_END = '<!-- bench:end -->';

/** The README's performance summary: provenance, figures per size, peers as ratios, recall, HTTP. */
export function renderReadmeSummary(r: BenchReport): string {
  const t = tablesOf(r);
  return [
    ...provenance(r),
    '',
    t.main,
    '',
    UNIQUE_NOTE,
    '',
    uniqueTable(r),
    '',
    'Peers on the same corpus, queries, tokens and vectors (a ratio under 1 means we take less time):',
    '',
    t.peerRatios,
    '',
    `HNSW recall@10 against exact search (hnswlib's brute force over the same vectors); strict recall counts a result when its similarity reaches the exact 10th, ε recall when its cosine distance is within ${RECALL_EPSILON * 100}% of the exact 10th's:`,
    '',
    t.recall,
    '',
    'HTTP: autocannon on loopback sharing the same cores as the server, cycling through the bench questions; 1 worker is `npm start`, 2 workers `npm run start:cluster`:',
    '',
    t.httpRows,
  ].join('\n');
}

/** `text` with the lines between README_BEGIN and README_END replaced by `block`; null when the markers are missing. */
export function replaceReadmeSummary(text: string, block: string): string | null {
  const begin = text.indexOf(README_BEGIN);
  const end = text.indexOf(README_END);
  if (begin < 0 || end < begin) return null;
  return `${text.slice(0, begin + README_BEGIN.length)}\n${block}\n${text.slice(end)}`;
}

/** The Markdown summary of a run. */
export function renderMarkdown(r: BenchReport): string {
  const { main, peers, recall, httpRows, stages } = tablesOf(r);
  const largest = r.sizes[r.sizes.length - 1];
  const prof = largest
    ? table(['self ms', 'share', 'function', 'where'], largest.retrieval.answerProfile.map((p) => [n(p.selfMs, 1), `${n(p.share * 100, 1)}%`, p.fn, p.where]))
    : '';
  const notes = largest ? verifyNote(largest) : '';
  return [
    '# Benchmark results',
    '',
    ...provenance(r),
    '',
    '## Per corpus size',
    '',
    main,
    '',
    'Ingest peak RSS is the size\'s process after building and saving (corpus generation included); the whole process, peers included, peaked at ' +
      r.sizes.map((s) => `${n(s.peakRssMiB)} MB (${s.size.label})`).join(', ') +
      '. Ingest covers fitting the embedder, tokenising, embedding, HNSW insertion, BM25 build and the atomic save; generating the synthetic corpus is not counted. Load is `loadIndex` in process (full: every byte hashed; sampled: sizes plus 256 sampled 4 KiB blocks). Cold start is `node dist/server/start.mjs` (the bundle `npm start` runs, built by scripts/build.mjs) to the first 200 from `/readyz` (median; `npm start` adds npm itself and a freshness check of the build, about 0.4 s, once per start). Dense = embed + 10-NN through the VectorStore interface; BM25 = tokenise + top 10; hybrid = `HybridSearcher.search` (TOP_K, pool 20 per ranking); answer = hybrid search + `composeExtractive` (the server path).',
    '',
    '## Unique questions, first question after start',
    '',
    UNIQUE_NOTE,
    '',
    uniqueTable(r),
    '',
    '## Ingest and answer stages',
    '',
    stages,
    '',
    '## Peers (same corpus, same queries, same tokens and vectors)',
    '',
    peers,
    '',
    '## HNSW recall@10 against exact search',
    '',
    recall,
    '',
    `recall counts a result as correct when its similarity reaches the exact 10th (near-duplicate synthetic chunks tie often); id recall asks for the exact ids; ε recall (ann-benchmarks' epsilon ${RECALL_EPSILON}) accepts a cosine distance within ${RECALL_EPSILON * 100}% of the exact 10th's, i.e. how near the misses are.`,
    '',
    '## HTTP (autocannon on loopback, sharing the same cores as the server)',
    '',
    httpRows,
    '',
    largest ? `## Where a full answer spends its time (${largest.size.label}, V8 CPU profile, self time)` : '',
    '',
    prof,
    '',
    '## Index verification at load: the trade-off',
    '',
    notes,
    '',
  ].join('\n');
}

/** The full-versus-sampled checksum trade-off, with the largest size's figures. */
function verifyNote(s: SizeReport): string {
  const hnsw = s.ingest.diskBytes['hnsw.bin'] ?? 0;
  const { full, sampled } = s.ingest.loadMs;
  return [
    `At ${s.size.label} (${n(s.ingest.chunks)} chunks, ${n(s.ingest.diskBytes.total / 2 ** 20, 1)} MB on disk of which hnsw.bin ${n(hnsw / 2 ** 20, 1)} MB) loading with full verification took ${n(full)} ms and with sampled verification ${n(sampled)} ms.`,
    'Every file is checksummed once, while it is written (chunks.bin, bm25.bin) or right after (hnsw.bin, written by hnswlib), and the manifest records both the sha256 of every byte and a sampled sha256 (file size plus 256 blocks of 4 KiB spread over the file).',
    '`full` (the default) re-hashes every byte at load: it catches any corruption, at about 1 s per GB on this machine (sha256 ≈ 0.9 GB/s), paid by every process that starts.',
    '`sampled` checks sizes and the sampled blocks: milliseconds at any size; it catches truncation, a missing or swapped file and most partial writes, but not a flipped byte between sampled blocks.',
    'Files are read whole in 64 MiB blocks (readFileSync cannot read past 2 GiB), and the chunk and BM25 files get structural checks (counts, offsets, references) in place of a zod pass over every chunk.',
    'Recommendation: `full` for a single server and in CI; `sampled` for many workers or frequent restarts on a large index, with `full` run once after each ingest or copy.',
  ].join(' ');
}
