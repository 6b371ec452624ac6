// `npx tsx bench/live-swap.ts [--connections 16] [--rounds 3]`: /api/chat under autocannon while the admin API swaps the index.
//
// Starts the built server (what `npm start` runs) over a fresh index of the bundled articles, with ADMIN_KEY set and
// no rate limit, then loads /api/chat with autocannon while it uploads a PDF, a DOCX and a saved web page and deletes
// each again (two swaps per document and round). Prints requests, failures (errors, timeouts, non-2xx), latency and
// how long each background build took from upload or delete to the swap (median, max, and each change round by round),
// and from the jobs' timings the loading and warm-up of each new version and the longest the server's event loop was held.
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { printPdf, SAMPLE_ARTICLES, savedNewsPage, writeDocx } from '../test-support/make-documents.js';
import { BUILT_START, buildServerIfStale, startServer } from './server-process.js';

type Result = { requests: { total: number; average: number }; latency: { p50: number; p99: number; max: number }; errors: number; timeouts: number; non2xx: number; '2xx': number };
type Instance = { stop: () => void };
type Autocannon = (opts: object, done: (err: Error | null, result: Result) => void) => Instance;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const KEY = 'live-swap-bench-key-0123456789';
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const QUESTIONS = ['高平黄梨的种植面积有多大？', '沁水核桃的栽植面积是多少？', '泽州红薯的种植面积是多少？', '泽州山楂的栽培历史有多久？', '阳城2022年蚕茧产量是多少？'];

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { connections: { type: 'string', default: '16' }, rounds: { type: 'string', default: '3' } } });
  const work = mkdtempSync(join(tmpdir(), 'jc-live-swap-'));
  const docs: [string, string][] = [[join(work, 'huangli.pdf'), 'huangli.pdf'], [join(work, 'hetao.docx'), 'hetao.docx'], [join(work, 'hongshu.html'), 'hongshu.html']];
  await printPdf(SAMPLE_ARTICLES.pdf, docs[0]![0]);
  await writeDocx(SAMPLE_ARTICLES.docx, docs[1]![0]);
  writeFileSync(docs[2]![0], savedNewsPage(SAMPLE_ARTICLES.html));
  buildServerIfStale();
  const env = { INDEX_DIR: join(work, 'index'), UPLOADS_DIR: join(work, 'uploads'), EMBEDDER: 'hash', ADMIN_KEY: KEY, RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: 'warn' };
  const server = await startServer(BUILT_START, env);
  const base = `http://127.0.0.1:${server.port}`;
  const admin = (path: string, init: RequestInit = {}) => fetch(`${base}/admin/api${path}`, { ...init, headers: { authorization: `Bearer ${KEY}` } }).then((r) => r.json() as Promise<{ job: { id: string; state: string } }>);
  const timings: { loadMs: number; stallMs: number }[] = [];
  const settle = async (job: { id: string; state: string; timings?: { loadMs: number; stallMs: number } | null }) => {
    while (job.state === 'queued' || job.state === 'running') {
      await new Promise((r) => setTimeout(r, 20));
      job = (await admin(`/documents/jobs/${job.id}`)).job;
    }
    if (job.state !== 'done') throw new Error(`index job failed: ${JSON.stringify(job)}`);
    if (job.timings) timings.push(job.timings);
  };
  const requests = QUESTIONS.map((q) => ({ method: 'POST', path: '/api/chat', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: q }) }));
  let finish!: (r: Result) => void;
  const loaded = new Promise<Result>((resolve) => (finish = resolve));
  const load = autocannon({ url: base, connections: Number(values.connections), duration: 3600, requests }, (err, r) => (err ? console.error(err) : finish(r)));
  const swaps: { change: string; ms: number }[] = [];
  try {
    await new Promise((r) => setTimeout(r, 2000)); // the load first, then the swaps under it
    for (let round = 0; round < Number(values.rounds); round++) {
      for (const [path, name] of docs) {
        const form = new FormData();
        form.append('file', new Blob([readFileSync(path)]), name);
        let t = performance.now();
        const uploaded = (await (await fetch(`${base}/admin/api/documents`, { method: 'POST', headers: { authorization: `Bearer ${KEY}` }, body: form })).json()) as { job: { id: string; state: string }; documents: { source: string }[] };
        await settle(uploaded.job);
        swaps.push({ change: `upload ${name}`, ms: performance.now() - t });
        t = performance.now();
        await settle((await admin(`/documents?source=${encodeURIComponent(uploaded.documents[0]!.source)}`, { method: 'DELETE' })).job);
        swaps.push({ change: `delete ${name}`, ms: performance.now() - t });
      }
    }
    await new Promise((r) => setTimeout(r, 1000));
  } finally {
    load.stop();
  }
  const r = await loaded;
  await server.stop();
  rmSync(work, { recursive: true, force: true });
  const sorted = swaps.map((s) => s.ms).sort((a, b) => a - b);
  const byChange = new Map<string, number[]>();
  for (const { change, ms } of swaps) byChange.set(change, [...(byChange.get(change) ?? []), Math.round(ms)]);
  console.log(
    [
      `/api/chat under autocannon (${values.connections} connections) during ${swaps.length} index swaps (upload and delete of a PDF, a DOCX and an HTML page, ${values.rounds} rounds):`,
      `  requests ${r.requests.total} (${Math.round(r.requests.average)} req/s), 2xx ${r['2xx']}, non-2xx ${r.non2xx}, errors ${r.errors}, timeouts ${r.timeouts}`,
      `  latency p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, max ${r.latency.max} ms`,
      `  upload/delete to swap: median ${Math.round(sorted[sorted.length >> 1]!)} ms, max ${Math.round(sorted[sorted.length - 1]!)} ms`,
      `  each change, round by round: ${[...byChange].map(([change, ms]) => `${change} ${ms.join(', ')} ms`).join('; ')}`,
      ...(timings.length ? [`  per swap, load and warm-up ${median(timings.map((t) => t.loadMs))} ms (median), event loop held at most ${median(timings.map((t) => t.stallMs))} ms (median), ${Math.max(...timings.map((t) => t.stallMs))} ms (max)`] : []),
    ].join('\n'),
  );
  if (r.non2xx + r.errors + r.timeouts > 0) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
