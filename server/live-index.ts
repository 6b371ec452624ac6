// Live index updates: one background job at a time builds a new index version, then swaps it into the running server.
import { randomUUID } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { AnswerService } from '../answer/index.js';
import type { Settings } from '../config.js';
import { createBuildThread, openSearcher, slicePause, type HybridSearcher, type IndexChange } from '../index/index.js';
import type { Logger } from './logger.js';

/** A queued, running or finished index change, as the console shows it. */
export type IndexJob = {
  id: string;
  /** What the job does, e.g. "upload 报道.pdf", "delete var/uploads/a.docx", "rebuild". */
  label: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  queuedAt: string;
  finishedAt: string | null;
  /** Chunks added, removed and kept by the build; null until done. */
  report: { chunks: number; added: number; removed: number; kept: number } | null;
  /** The failure's message; null unless failed. */
  error: string | null;
  /**
   * Wall ms of the build (build thread) and of loading and warming up the new version (this thread),
   * and the longest the event loop was held meanwhile (monitorEventLoopDelay's longest tick, less its
   * 10 ms resolution: what a request arriving then waited at most); null until done.
   */
  timings: { buildMs: number; loadMs: number; stallMs: number } | null;
};

/** Resolution of the event-loop delay measured during a job, ms. */
const STALL_RESOLUTION_MS = 10;

export type LiveIndex = {
  /**
   * Queues `change` (built into a new index version in INDEX_DIR by the build thread; `afterBuild`
   * runs once it is saved, before the swap); returns the job at once.
   */
  submit(label: string, change: IndexChange, afterBuild?: () => void): IndexJob;
  /** The job with this id, or undefined (only the last JOBS_KEPT are kept). */
  job(id: string): IndexJob | undefined;
  /** Resolves when every job queued so far has finished. */
  idle(): Promise<void>;
  /** Stops the build thread (a running job fails); a later job starts a new one. */
  close(): Promise<void>;
};

const JOBS_KEPT = 100;

/**
 * Runs index builds one after another in a build thread (see createBuildThread), off the server's
 * thread. After a build, the new version is loaded and warmed up here in slices (see slicePause: the
 * old version answers between them) and `holder.service` is replaced in one assignment: a request that already took the old
 * service finishes on it (the old index stays in memory until nothing refers to it), later ones get
 * the new one. A failed build leaves the served index as it was.
 */
export function createLiveIndex(deps: {
  settings: Settings;
  logger: Logger;
  holder: { service: AnswerService | null };
  makeService: (searcher: HybridSearcher) => AnswerService;
}): LiveIndex {
  const jobs = new Map<string, IndexJob>();
  const thread = createBuildThread();
  const warn = (message: string) => deps.logger.warn(message);
  let tail: Promise<void> = Promise.resolve();

  async function run(job: IndexJob, change: IndexChange, afterBuild?: () => void): Promise<void> {
    job.state = 'running';
    const started = performance.now();
    const delay = monitorEventLoopDelay({ resolution: STALL_RESOLUTION_MS });
    delay.enable();
    try {
      const report = await thread.run(deps.settings, change, warn);
      afterBuild?.();
      const built = performance.now();
      // Loaded and warmed up in slices (the old version answers between them), as at start: the first question after the swap does not build the lazy tables.
      const pause = slicePause();
      const service = deps.makeService(await openSearcher(deps.settings, pause));
      await service.warmUp(pause);
      deps.holder.service = service;
      job.report = { chunks: report.manifest.chunkCount, added: report.added, removed: report.removed, kept: report.kept };
      job.timings = { buildMs: Math.round(built - started), loadMs: Math.round(performance.now() - built), stallMs: Math.max(0, Math.round(delay.max / 1e6 - STALL_RESOLUTION_MS)) };
      job.state = 'done';
      deps.logger.info('index swapped', { job: job.label, ...job.report, ...job.timings });
    } catch (err) {
      job.state = 'failed';
      job.error = err instanceof Error ? err.message : String(err);
      deps.logger.warn('index job failed', { job: job.label, error: job.error });
    } finally {
      delay.disable();
    }
    job.finishedAt = new Date().toISOString();
  }

  return {
    submit(label, change, afterBuild) {
      const job: IndexJob = { id: randomUUID(), label, state: 'queued', queuedAt: new Date().toISOString(), finishedAt: null, report: null, error: null, timings: null };
      jobs.set(job.id, job);
      if (jobs.size > JOBS_KEPT) jobs.delete(jobs.keys().next().value!);
      tail = tail.then(() => run(job, change, afterBuild));
      return job;
    },
    job: (id) => jobs.get(id),
    idle: () => tail,
    close: () => thread.close(),
  };
}
