// `npx tsx bench/large-swap.ts [--paragraphs 1500] [--connections 16]`: /api/chat latency while the server indexes one large uploaded document.
//
// Starts the built server (what `npm start` runs) over a fresh index of the bundled articles, loads /api/chat with
// autocannon, uploads one Markdown document of N generated paragraphs (sentences of the bundled articles, seeded) and
// waits for the swap. Prints the chat requests and their latency during the upload-to-swap window only, and the job's
// timings: the build, loading and warming up the new version, and the longest the server's event loop was held.
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { prng } from '../test-support/prng.js';
import { BUILT_START, buildServerIfStale, startServer } from './server-process.js';

type Result = { requests: { total: number }; latency: { p50: number; p99: number; max: number }; errors: number; timeouts: number; non2xx: number };
type Autocannon = (opts: object, done: (err: Error | null, result: Result) => void) => { stop: () => void };
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;
const KEY = 'large-swap-bench-key-0123456789';

/** A Markdown document of `count` paragraphs, each three sentences of the bundled articles (seeded choice). */
function largeDocument(count: number): string {
  const corpus = readFileSync('data/articles/jincheng-specialty-towns-page1.txt', 'utf8');
  const sentences = corpus.split(/(?<=。)/).map((s) => s.trim()).filter((s) => s.length > 10 && !s.includes('\n'));
  const random = prng(13);
  const paragraphs = Array.from({ length: count }, (_, i) => `第${i + 1}条：${[0, 1, 2].map(() => sentences[Math.floor(random() * sentences.length)]).join('')}`);
  return `# 晋城专业镇资料汇编\n\n${paragraphs.join('\n\n')}\n`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { paragraphs: { type: 'string', default: '1500' }, connections: { type: 'string', default: '16' } } });
  const work = mkdtempSync(join(tmpdir(), 'jc-large-swap-'));
  buildServerIfStale();
  const env = { INDEX_DIR: join(work, 'index'), UPLOADS_DIR: join(work, 'uploads'), EMBEDDER: 'hash', ADMIN_KEY: KEY, RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: 'warn' };
  const server = await startServer(BUILT_START, env);
  const base = `http://127.0.0.1:${server.port}`;
  const auth = { authorization: `Bearer ${KEY}` };
  const form = new FormData();
  form.append('file', new Blob([largeDocument(Number(values.paragraphs))]), 'large.md');
  const body = JSON.stringify({ question: '泽州山楂的栽培历史有多久？' });
  let finish!: (r: Result) => void;
  const loaded = new Promise<Result>((resolve) => (finish = resolve));
  const started = performance.now();
  const load = autocannon({ url: base, connections: Number(values.connections), duration: 3600, requests: [{ method: 'POST', path: '/api/chat', headers: { 'content-type': 'application/json' }, body }] }, (err, r) =>
    err ? console.error(err) : finish(r),
  );
  try {
    let { job } = (await (await fetch(`${base}/admin/api/documents`, { method: 'POST', headers: auth, body: form })).json()) as {
      job: { id: string; state: string; report: { chunks: number } | null; timings?: { buildMs: number; loadMs: number; stallMs: number } | null };
    };
    while (job.state === 'queued' || job.state === 'running') {
      await new Promise((r) => setTimeout(r, 20));
      job = ((await (await fetch(`${base}/admin/api/documents/jobs/${job.id}`, { headers: auth })).json()) as { job: typeof job }).job;
    }
    if (job.state !== 'done') throw new Error(`index job failed: ${JSON.stringify(job)}`);
    const swapMs = performance.now() - started;
    load.stop();
    const r = await loaded;
    console.log(
      [
        `/api/chat under autocannon (${values.connections} connections) while one ${values.paragraphs}-paragraph upload is indexed (${job.report!.chunks} chunks after it):`,
        `  upload to swap ${Math.round(swapMs)} ms; requests ${r.requests.total} (${Math.round(r.requests.total / (swapMs / 1000))} req/s), non-2xx ${r.non2xx}, errors ${r.errors}, timeouts ${r.timeouts}`,
        `  latency p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, max ${r.latency.max} ms`,
        ...(job.timings ? [`  build ${job.timings.buildMs} ms, load and warm-up ${job.timings.loadMs} ms, event loop held at most ${job.timings.stallMs} ms`] : []),
      ].join('\n'),
    );
    if (r.non2xx + r.errors + r.timeouts > 0) process.exitCode = 1;
  } finally {
    load.stop();
    await server.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
