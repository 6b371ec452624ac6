// Child of bench/paired-unique.ts: opens the answer service of the checkout in the working directory, runs the bench's unique stage, prints its figures as one JSON line.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AnswerService } from '../answer/index.js';
import type { Settings } from '../config.js';
import type { HybridSearcher } from '../index/index.js';
import { percentiles, type Latency } from './stats.js';
import { questionSources, threadCpuNs } from './unique-latency.js';
import { uniqueQuestions } from './unique-questions.js';

/**
 * What a child prints: its checkout, time to ready, process CPU per unique answer, the main thread's own
 * CPU per answer (null without Linux's schedstat), and the CPU of V8's background threads (compiler, GC)
 * over all answers: process less main thread, in ms (about 30 ms per 1,000 answers low, and 0 rather than
 * below: each main-thread reading costs the main thread about 0.03 ms, see threadCpuNs).
 */
export type PairedRun = { root: string; readyMs: number; warmUpMs: number; answerCpu: Latency; answerMainCpu: Latency | null; backgroundMs: number | null };

const [count = '1000', qaFile = 'eval/qa.jsonl'] = process.argv.slice(2);
const root = process.cwd();
const load = (path: string) => import(pathToFileURL(resolve(root, path)).href);
// The checkout's own modules (its answer path); the questions come from this bench's generator and QA file, the same for both sides.
const { loadSettings } = (await load('config.ts')) as { loadSettings: (env: NodeJS.ProcessEnv) => Settings };
const { openSearcher } = (await load('index/index.ts')) as { openSearcher: (s: Settings) => Promise<HybridSearcher> };
const { createAnswerService } = (await load('answer/index.ts')) as { createAnswerService: (searcher: HybridSearcher, s: Settings) => AnswerService };

const s = loadSettings({ ...process.env, LOG_LEVEL: 'silent' });
const t0 = performance.now();
const searcher = await openSearcher(s); // with HybridSearcher.warmUp
const w0 = performance.now();
const service = createAnswerService(searcher, s);
await service.warmUp();
const ready = performance.now();
const n = Number(count);
const questions = uniqueQuestions(questionSources(searcher.index.chunks, s, qaFile), 2 * n);
// As the bench's unique stage: the first half for retrieval, the second half for full answers, each asked once.
for (const q of questions.slice(0, n)) await service.search(q, s.TOP_K);
const cpu: number[] = [];
const mainCpu: number[] = [];
for (const question of questions.slice(n)) {
  const m0 = threadCpuNs();
  const c0 = process.cpuUsage();
  await service.ask({ question });
  const c = process.cpuUsage(c0);
  const m1 = threadCpuNs();
  cpu.push((c.user + c.system) / 1000);
  if (m0 !== null && m1 !== null) mainCpu.push((m1 - m0) / 1e6);
}
const main = mainCpu.length === cpu.length ? mainCpu : null;
const sum = (xs: number[]) => xs.reduce((x, y) => x + y, 0);
const run: PairedRun = { root, readyMs: ready - t0, warmUpMs: ready - w0, answerCpu: percentiles(cpu), answerMainCpu: main && percentiles(main), backgroundMs: main && Math.max(0, Math.round(sum(cpu) - sum(main))) };
console.log(JSON.stringify(run));
