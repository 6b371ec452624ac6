// Child of bench/interleaved-unique.ts: opens the answer services of two checkouts in this one process, then answers each unique question with both, back to back, and prints process CPU per answer as one JSON line.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AnswerService } from '../answer/index.js';
import type { Settings } from '../config.js';
import type { HybridSearcher } from '../index/index.js';
import { percentiles, type Latency } from './stats.js';
import { questionSources } from './unique-latency.js';
import { uniqueQuestions } from './unique-questions.js';

/** What a child prints: each side's CPU per answer, and the median over questions of b's CPU over a's for the same question. */
export type InterleavedRun = { a: Latency; b: Latency; medianRatio: number };

/** The answer service of the checkout in `root` (its own modules: its answer path), warmed up as its server would be. */
async function openService(root: string): Promise<{ service: AnswerService; settings: Settings; searcher: HybridSearcher }> {
  const load = (path: string) => import(pathToFileURL(resolve(root, path)).href);
  const { loadSettings } = (await load('config.ts')) as { loadSettings: (env: NodeJS.ProcessEnv) => Settings };
  const { openSearcher } = (await load('index/index.ts')) as { openSearcher: (s: Settings) => Promise<HybridSearcher> };
  const { createAnswerService } = (await load('answer/index.ts')) as { createAnswerService: (searcher: HybridSearcher, s: Settings) => AnswerService };
  const settings = loadSettings({ ...process.env, LOG_LEVEL: 'silent' });
  const searcher = await openSearcher(settings);
  const service = createAnswerService(searcher, settings);
  await service.warmUp();
  return { service, settings, searcher };
}

/** Process CPU ms of one answer. */
async function cpuOf(service: AnswerService, question: string): Promise<number> {
  const c0 = process.cpuUsage();
  await service.ask({ question });
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

const [rootA = '.', rootB = '.', count = '1000', qaFile = 'eval/qa.jsonl'] = process.argv.slice(2);
const a = await openService(rootA);
const b = await openService(rootB);
const n = Number(count);
const questions = uniqueQuestions(questionSources(a.searcher.index.chunks, a.settings, qaFile), 2 * n);
// As the bench's unique stage: the first half searched, the second half answered; each side answers each question once, who goes first alternating.
for (const q of questions.slice(0, n)) {
  await a.service.search(q, a.settings.TOP_K);
  await b.service.search(q, b.settings.TOP_K);
}
const cpuA: number[] = [];
const cpuB: number[] = [];
for (const [i, q] of questions.slice(n).entries()) {
  if (i % 2 === 0) cpuA.push(await cpuOf(a.service, q)), cpuB.push(await cpuOf(b.service, q));
  else cpuB.push(await cpuOf(b.service, q)), cpuA.push(await cpuOf(a.service, q));
}
const ratios = cpuA.map((x, i) => cpuB[i]! / x).filter(Number.isFinite);
const run: InterleavedRun = { a: percentiles(cpuA), b: percentiles(cpuB), medianRatio: Math.round(percentiles(ratios).p50 * 1000) / 1000 };
console.log(JSON.stringify(run));
