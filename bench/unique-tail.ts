// `npx tsx bench/unique-tail.ts [--unique 1000] [--top 1]`: which unique questions make the answer tail — per operation, with stage times, GC pauses and background CPU.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { z } from 'zod';
import type { AnswerService } from '../answer/index.js';
import { percentiles, type Latency } from './stats.js';
import { threadCpuNs } from './unique-latency.js';

const USAGE = 'usage: npx tsx bench/unique-tail.ts [--unique 1000] [--top 1]  (over var/index: npm run ingest first)';

/** One measured answer: main-thread and process CPU ms, the served answer's operation and wall stage times, and V8's GC pauses (ms) that fell inside it. */
export type TailRow = { question: string; mainMs: number; cpuMs: number; operation: string; retrieveMs: number; composeMs: number; refused: boolean; gcMs: number };

/** `--unique N --top PERCENT`, checked; throws with the usage line on anything else. */
export function parseTailArgs(argv: string[]): { unique: number; top: number } {
  const schema = z.object({ unique: z.coerce.number().int().min(10).max(100_000), top: z.coerce.number().min(0.1).max(100) });
  const { values } = parseArgs({ args: argv, options: { unique: { type: 'string', default: '1000' }, top: { type: 'string', default: '1' } }, strict: true, allowPositionals: false });
  const parsed = schema.safeParse(values);
  if (!parsed.success) throw new Error(`${parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ')}\n${USAGE}`);
  return parsed.data;
}

/** Milliseconds of the GC entries (start, duration in performance.now() ms) that overlap [t0, t1]. */
export function gcWithin(entries: Pick<PerformanceEntry, 'startTime' | 'duration'>[], t0: number, t1: number): number {
  return entries.filter((e) => e.startTime < t1 && e.startTime + e.duration > t0).reduce((sum, e) => sum + e.duration, 0);
}

/** The slowest `percent` of rows by main-thread CPU, slowest first (at least one row when there are any). */
export function slowest(rows: TailRow[], percent: number): TailRow[] {
  return [...rows].sort((a, b) => b.mainMs - a.mainMs).slice(0, Math.max(1, Math.ceil((rows.length * percent) / 100)));
}

/** Main-thread CPU percentiles per operation, most frequent first. */
export function byOperation(rows: TailRow[]): { operation: string; main: Latency }[] {
  const groups = new Map<string, number[]>();
  for (const r of rows) groups.set(r.operation, [...(groups.get(r.operation) ?? []), r.mainMs]);
  return [...groups].map(([operation, ms]) => ({ operation, main: percentiles(ms) })).sort((a, b) => b.main.samples - a.main.samples);
}

/** The report: overall figures, per operation, and the slowest rows with their stage times. */
export function tailReport(rows: TailRow[], top: number): string {
  const f = (x: number) => x.toFixed(2);
  const main = percentiles(rows.map((r) => r.mainMs));
  const cpu = percentiles(rows.map((r) => r.cpuMs));
  const background = rows.reduce((s, r) => s + Math.max(0, r.cpuMs - r.mainMs), 0);
  const withGc = rows.filter((r) => r.gcMs > 0).length;
  return [
    `${rows.length} unique answers: main-thread CPU p50 / p95 / p99 ${f(main.p50)} / ${f(main.p95)} / ${f(main.p99)} ms, process CPU ${f(cpu.p50)} / ${f(cpu.p95)} / ${f(cpu.p99)} ms`,
    `background threads (process − main thread): ${background.toFixed(0)} ms in all; ${withGc} answers overlapped a GC pause`,
    '',
    '| operation | answers | main-thread CPU p50 / p95 / p99 ms |',
    '| --- | --- | --- |',
    ...byOperation(rows).map(({ operation, main: m }) => `| ${operation || '(small talk)'} | ${m.samples} | ${f(m.p50)} / ${f(m.p95)} / ${f(m.p99)} |`),
    '',
    `Slowest ${top}% by main-thread CPU:`,
    '',
    '| main ms | process ms | operation | retrieve ms | compose ms | GC ms | question |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...slowest(rows, top).map((r) => `| ${f(r.mainMs)} | ${f(r.cpuMs)} | ${r.operation || '(small talk)'}${r.refused ? ' (refused)' : ''} | ${f(r.retrieveMs)} | ${f(r.composeMs)} | ${f(r.gcMs)} | ${r.question} |`),
  ].join('\n');
}

/**
 * Answers each question once (after the caller's warm-up) and measures it; GC pauses come from a
 * PerformanceObserver and are matched to answers by time once all are done.
 */
export async function measureTail(service: AnswerService, questions: string[]): Promise<TailRow[]> {
  const gc: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => gc.push(...list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  const spans: { row: Omit<TailRow, 'gcMs'>; t0: number; t1: number }[] = [];
  for (const question of questions) {
    const m0 = threadCpuNs();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const served = await service.ask({ question });
    const t1 = performance.now();
    const c = process.cpuUsage(c0);
    const m1 = threadCpuNs();
    const cpuMs = (c.user + c.system) / 1000;
    const mainMs = m0 !== null && m1 !== null ? (m1 - m0) / 1e6 : cpuMs;
    const { operation = '', refused, timings } = served;
    spans.push({ row: { question, mainMs, cpuMs, operation, retrieveMs: timings.retrieveMs, composeMs: timings.composeMs, refused }, t0, t1 });
  }
  await new Promise((done) => setTimeout(done, 50)); // Node delivers the observer's entries from a timer
  observer.disconnect();
  return spans.map(({ row, t0, t1 }) => Object.assign(row, { gcMs: gcWithin(gc, t0, t1) }));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const { unique, top } = parseTailArgs(process.argv.slice(2));
    const [{ loadSettings }, { openSearcher }, { createAnswerService }, { questionSources }, { uniqueQuestions }] = await Promise.all([
      import('../config.js'),
      import('../index/index.js'),
      import('../answer/index.js'),
      import('./unique-latency.js'),
      import('./unique-questions.js'),
    ]);
    const s = loadSettings({ ...process.env, LOG_LEVEL: 'silent' });
    const searcher = await openSearcher(s);
    const service = createAnswerService(searcher, s);
    await service.warmUp();
    // Only the dev part of the QA set is varied into questions: this report prints them, and the test part is never looked at.
    const devQa = join(tmpdir(), `unique-tail-${process.pid}.jsonl`);
    writeFileSync(devQa, readFileSync('eval/qa.jsonl', 'utf8').split('\n').filter((l) => l.trim() && (JSON.parse(l) as { split?: string }).split !== 'test').join('\n'));
    const questions = uniqueQuestions(questionSources(searcher.index.chunks, s, devQa), 2 * unique);
    rmSync(devQa);
    // As the bench's unique stage: the first half searched, the second half answered.
    for (const q of questions.slice(0, unique)) await service.search(q, s.TOP_K);
    console.log(tailReport(await measureTail(service, questions.slice(unique)), top));
  } catch (e) {
    console.error((e as Error).message);
    process.exitCode = 2;
  }
}
