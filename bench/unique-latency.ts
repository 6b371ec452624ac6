// Benchmark stage: latency of unique, never-repeated questions (retrieval and full answer), wall and CPU time, and of the first question after start.
import { fork } from 'node:child_process';
import { openSync, readFileSync, readSync } from 'node:fs';
import type { AnswerService } from '../answer/index.js';
import type { Settings } from '../config.js';
import { loadOverrides, type HybridSearcher } from '../index/index.js';
import { loadGazetteer } from '../ingest/index.js';
import { percentiles, type Latency } from './stats.js';
import { corpusSources, type QuestionSources } from './unique-questions.js';

/** Unique-question figures: each question asked once; `cpu` is the process's CPU time per question (not waiting for a shared core). */
export type UniqueFigures = {
  questions: number;
  retrieval: Latency;
  retrievalCpu: Latency;
  answer: Latency;
  answerCpu: Latency;
  /**
   * The answering (main) thread's own CPU time per answer, without V8's background threads
   * (compiling newly hot code, parallel GC) that `answerCpu` includes; absent where Linux's
   * /proc/thread-self/schedstat is not readable.
   */
  answerMainCpu?: Latency;
  /** A fresh process: load the index, then time its first question (median of the runs). */
  first: FirstQuestion | null;
  /** 1-minute load average when the stage started (the machine is shared). */
  loadAverage: number;
  /** The measuring process's warm-up before its first question (HybridSearcher's and the answer service's, as a server's before it reports ready), wall and CPU ms. */
  warmUpMs?: number;
  warmUpCpuMs?: number;
};

/**
 * Fresh processes' first questions: time to ready (`openMs`: loading the index and both warm-ups, as
 * a server before it reports ready; `warmUpMs`: the answer service's warm-up in it), then the first retrieval or full answer, wall and CPU.
 */
export type FirstQuestion = { runs: number; openMs: Latency; warmUpMs?: Latency; retrievalMs: Latency; answerMs: Latency; retrievalCpuMs?: Latency; answerCpuMs?: Latency };

/** The generator's sources for an index: its chunks, the QA file's questions, county names in English, the lexicon overrides' English words. */
export function questionSources(chunks: HybridSearcher['index']['chunks'], s: Pick<Settings, 'GAZETTEER_FILE' | 'LEXICON_OVERRIDES_FILE'>, qaFile = 'eval/qa.jsonl'): QuestionSources {
  const qa = readFileSync(qaFile, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { question: string }).question);
  const gazetteer = loadGazetteer(s.GAZETTEER_FILE);
  const overrides = loadOverrides(s.LEXICON_OVERRIDES_FILE);
  return {
    qa,
    ...corpusSources(chunks),
    countyEnglish: [gazetteer.city, ...gazetteer.counties].map((c) => c.english),
    englishWords: Object.keys(overrides.english),
  };
}

/** The main thread's schedstat, opened once (a read is then one pread, a few µs); null where there is none. */
let schedstat: number | null | undefined;
const schedstatBuffer = Buffer.alloc(128);
/** What threadCpuNs waits on (never notified: the wait only times out). */
const sleepCell = new Int32Array(new SharedArrayBuffer(4));

/**
 * CPU nanoseconds the main thread has run (Linux's /proc/thread-self/schedstat, opened on the first
 * call, from the main thread), null where unreadable. The kernel brings a running thread's total up
 * to date only at a scheduler tick or switch (every 3–4 ms here): read as it is, a 0.5 ms answer
 * mostly measures 0 or a whole tick. So the thread first sleeps for 10 µs (Atomics.wait, about
 * 0.1 ms of wall time with the timer's slack), which switches it out and settles its total; the
 * sleep is no CPU time.
 */
export function threadCpuNs(): number | null {
  if (schedstat === undefined) {
    try {
      schedstat = openSync('/proc/thread-self/schedstat', 'r');
    } catch {
      schedstat = null;
    }
  }
  if (schedstat === null) return null;
  Atomics.wait(sleepCell, 0, 0, 0.01);
  const n = readSync(schedstat, schedstatBuffer, 0, schedstatBuffer.length, 0);
  return Number(schedstatBuffer.toString('latin1', 0, n).split(' ')[0]);
}

/**
 * Wall and CPU milliseconds of each call, each input run once: `cpu` of the whole process, `mainCpu`
 * of the main thread alone (null without schedstat; it includes about 0.03 ms of reading it). Both
 * readings of the main thread's CPU are taken outside the wall and process-CPU spans (see threadCpuNs).
 */
export async function timeOnce<T>(inputs: T[], run: (input: T) => unknown): Promise<{ wall: Latency; cpu: Latency; mainCpu: Latency | null }> {
  const wall: number[] = [];
  const cpu: number[] = [];
  const mainCpu: number[] = [];
  for (const input of inputs) {
    const m0 = threadCpuNs();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await run(input);
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    const m1 = threadCpuNs();
    if (m0 !== null && m1 !== null) mainCpu.push((m1 - m0) / 1e6);
  }
  return { wall: percentiles(wall), cpu: percentiles(cpu), mainCpu: mainCpu.length === inputs.length && inputs.length > 0 ? percentiles(mainCpu) : null };
}

/**
 * Warms `service` up as a server does before it reports ready (HybridSearcher.warmUp, then
 * AnswerService.warmUp, timed), then times retrieval (`service.search`) on the first half of
 * `questions` and full answers (`service.ask`, the server's path) on the second half, so no
 * question is asked twice in the process.
 */
export async function uniqueStage(service: AnswerService, questions: string[], s: Settings): Promise<Omit<UniqueFigures, 'first'>> {
  const half = Math.floor(questions.length / 2);
  const loadAverage = Math.round((await import('node:os')).loadavg()[0]! * 100) / 100;
  const warmUp = await timeOnce([service], async (x) => {
    await x.searcher.warmUp();
    await x.warmUp();
  });
  const retrieval = await timeOnce(questions.slice(0, half), (q) => service.search(q, s.TOP_K));
  const answer = await timeOnce(questions.slice(half, 2 * half), (question) => service.ask({ question }));
  return {
    questions: 2 * half,
    retrieval: retrieval.wall,
    retrievalCpu: retrieval.cpu,
    answer: answer.wall,
    answerCpu: answer.cpu,
    ...(answer.mainCpu ? { answerMainCpu: answer.mainCpu } : {}),
    loadAverage,
    warmUpMs: warmUp.wall.p50,
    warmUpCpuMs: warmUp.cpu.p50,
  };
}

/** What a first-question child reports. */
export type FirstRun = { openMs: number; warmUpMs: number; firstMs: number; firstCpuMs: number };

/** Runs bench/first-question.ts in a fresh process over `env`'s INDEX_DIR. */
function firstRun(env: Record<string, string>, mode: 'retrieval' | 'answer', question: string): Promise<FirstRun> {
  return new Promise((resolve, reject) => {
    const child = fork('bench/first-question.ts', [mode, question], { execArgv: ['--import', 'tsx'], env: { ...process.env, ...env } });
    let result: FirstRun | null = null;
    child.on('message', (m) => (result = m as FirstRun));
    child.on('exit', (code) => (result ? resolve(result) : reject(new Error(`first-question (${mode}) exited with ${code}`))));
  });
}

/** `runs` fresh processes per mode, each opening the index and timing its first question (a different one each). */
export async function firstQuestionStage(env: Record<string, string>, questions: string[], runs: number): Promise<FirstQuestion> {
  const open: number[] = [];
  const warmUp: number[] = [];
  const retrieval: number[] = [];
  const answer: number[] = [];
  const retrievalCpu: number[] = [];
  const answerCpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await firstRun(env, 'retrieval', questions[(2 * i) % questions.length]!);
    const a = await firstRun(env, 'answer', questions[(2 * i + 1) % questions.length]!);
    open.push(r.openMs, a.openMs);
    warmUp.push(r.warmUpMs, a.warmUpMs);
    retrieval.push(r.firstMs);
    answer.push(a.firstMs);
    retrievalCpu.push(r.firstCpuMs);
    answerCpu.push(a.firstCpuMs);
  }
  return { runs, openMs: percentiles(open), warmUpMs: percentiles(warmUp), retrievalMs: percentiles(retrieval), answerMs: percentiles(answer), retrievalCpuMs: percentiles(retrievalCpu), answerCpuMs: percentiles(answerCpu) };
}
