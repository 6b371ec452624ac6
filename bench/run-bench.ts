// `npm run bench [-- --sizes real,1k,10k,100k,1m --out bench.json]`: measures ingest, retrieval, peers, HTTP and cold start; never fails on a time.
import { fork } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { loadSettings } from '../config.js';
import { parseBenchArgs, USAGE } from './bench-args.js';
import { benchQueries, parseSizes, realChunks } from './corpus.js';
import { coldStartStage } from './cold-start.js';
import { httpStage } from './http-load.js';
import { renderMarkdown, renderQuick, type BenchReport, type SizeReport } from './report.js';
import { writeOutputs } from './write-outputs.js';
import type { QuickResult, SizeJob, SizeResult } from './size-worker.js';
import { buildServerIfStale } from './server-process.js';
import { machineInfo } from './stats.js';

/** Merges saved runs: the newest file's machine and settings, every size once (later files win). */
function mergeRuns(files: string[]): BenchReport {
  const runs = files.map((f) => JSON.parse(readFileSync(f, 'utf8')) as BenchReport);
  const sizes = new Map<string, SizeReport>();
  for (const run of runs) for (const size of run.sizes) sizes.set(size.size.label, { ...size, measured: size.measured ?? { at: run.generatedAt, command: run.command } });
  const last = runs[runs.length - 1]!;
  return { ...last, generatedAt: new Date().toISOString(), command: `npm run bench -- --from ${files.join(',')}`, sizes: [...sizes.values()] };
}

/** Runs one size in a child process (its own heap and peak RSS) and returns its figures. */
function runSize<R extends SizeResult | QuickResult>(job: SizeJob): Promise<R> {
  return new Promise((resolve, reject) => {
    const child = fork('bench/size-worker.ts', [JSON.stringify(job)], { execArgv: ['--import', 'tsx', '--max-old-space-size=16384'] });
    let result: R | null = null;
    child.on('message', (m) => (result = m as R));
    child.on('exit', (code) => (result ? resolve(result) : reject(new Error(`size ${job.size.label}: worker exited with ${code}`))));
  });
}

async function main(): Promise<void> {
  const v = parseBenchArgs(process.argv.slice(2));
  if (v.help) return console.log(USAGE);
  if (v.from) {
    const merged = mergeRuns(v.from.split(','));
    writeOutputs(merged, v.out, v.md, v.readme);
    return console.log(renderMarkdown(merged));
  }
  const settings = loadSettings({ ...process.env, EMBEDDER: 'hash' });
  const sizes = parseSizes(v.sizes);
  const env: Record<string, string> = { EMBEDDER: 'hash', LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '0', HNSW_M: String(settings.HNSW_M), HNSW_EF_CONSTRUCTION: String(settings.HNSW_EF_CONSTRUCTION), HNSW_EF_SEARCH: String(settings.HNSW_EF_SEARCH) };
  const measure = { unique: Number(v.unique), firstRuns: Number(v['first-runs']) };
  if (v.quick) {
    const results: QuickResult[] = [];
    for (const size of sizes) {
      console.error(`[bench] ${size.label}: quick (ingest, unique, first and repeated questions)…`);
      const result = await runSize<QuickResult>({ size, env, rounds: Number(v.rounds), peerMaxChunks: 0, efs: [], quick: true, ...measure });
      rmSync(result.dir, { recursive: true, force: true });
      results.push(result);
    }
    return console.log(renderQuick(results));
  }
  buildServerIfStale(); // cold start and HTTP load measure the bundle `npm start` runs
  const reports: SizeReport[] = [];
  const command = `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim();
  const report = (): BenchReport => ({
    generatedAt: new Date().toISOString(),
    command,
    machine: machineInfo(),
    settings: { HASH_DIM: settings.HASH_DIM, HNSW_M: settings.HNSW_M, HNSW_EF_CONSTRUCTION: settings.HNSW_EF_CONSTRUCTION, HNSW_EF_SEARCH: settings.HNSW_EF_SEARCH, TOP_K: settings.TOP_K, CHUNK_MAX_CHARS: settings.CHUNK_MAX_CHARS },
    sizes: reports,
  });
  for (const size of sizes) {
    const started = performance.now();
    console.error(`[bench] ${size.label}: ingest, retrieval, recall, peers…`);
    const result = await runSize<SizeResult>({ size, env, rounds: Number(v.rounds), peerMaxChunks: Number(v['peer-max']), efs: v.efs.split(',').map(Number), quick: false, ...measure });
    const serverEnv = { ...env, INDEX_DIR: result.dir };
    const chunks = result.ingest.chunks;
    const queries = benchQueries('eval/qa.jsonl', await realChunks(settings));
    let coldStartMs = null;
    const http = [];
    if (chunks <= Number(v['http-max'])) {
      console.error(`[bench] ${size.label}: cold start and HTTP load…`);
      coldStartMs = await coldStartStage(serverEnv, Number(v['cold-runs']));
      http.push(...(await httpStage(serverEnv, queries, 1, Number(v.connections), Number(v.duration))));
      if (chunks <= Number(v['cluster-max'])) http.push(...(await httpStage(serverEnv, queries, 2, Number(v.connections), Number(v.duration))));
    }
    rmSync(result.dir, { recursive: true, force: true });
    const { dir: _dir, ...figures } = result;
    reports.push({ ...figures, coldStartMs, http, measured: { at: new Date().toISOString(), command } });
    writeOutputs(report(), v.out, v.md, v.readme);
    console.error(`[bench] ${size.label}: done in ${Math.round((performance.now() - started) / 1000)} s`);
  }
  console.log(renderMarkdown(report()));
}

main().catch((err: unknown) => {
  console.error(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exitCode = 1;
});
