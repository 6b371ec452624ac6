// `npm run start:cluster [-- --workers N]` (or WORKERS=N): N server processes (node:cluster) on one port over one read-only index folder.
import cluster, { type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';
import { extname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { loadSettings, type Settings } from '../config.js';
import { IndexNotBuiltError, readManifest, updateIndex } from '../index/index.js';
import { createLogger, type Logger } from './logger.js';

/** Restarts of crashed workers allowed per minute before the primary gives up. */
const MAX_RESTARTS_PER_MINUTE = 10;
/** The primary waits this much longer than the workers' own grace (SHUTDOWN_GRACE_MS) for them to exit. */
const PRIMARY_EXTRA_GRACE_MS = 2_000;

/** Worker count: --workers, else the WORKERS setting, else one per core. */
export function workerCount(arg: string | undefined, settings: Pick<Settings, 'WORKERS'>): number {
  const n = arg === undefined ? (settings.WORKERS ?? availableParallelism()) : Number(arg);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new Error(`--workers must be a whole number from 1 to 64, got ${arg}`);
  return n;
}

/** Builds the index once, in the primary, when there is none: workers only ever read it. */
async function ensureIndex(settings: Settings, logger: Logger): Promise<void> {
  try {
    readManifest(settings.INDEX_DIR);
  } catch (err) {
    if (!(err instanceof IndexNotBuiltError)) throw err;
    logger.info('no index yet: building it from the bundled articles before starting workers', { index: settings.INDEX_DIR });
    await updateIndex(settings, [], { rebuild: true, warn: (message) => logger.warn(message) });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { workers: { type: 'string' } } });
  const settings = loadSettings();
  const logger = createLogger(settings.LOG_LEVEL);
  const workers = workerCount(values.workers, settings);
  await ensureIndex(settings, logger);
  const here = fileURLToPath(import.meta.url);
  cluster.setupPrimary({ exec: fileURLToPath(new URL(`./start${extname(here)}`, import.meta.url)) });
  let stopping = false;
  const restarts: number[] = [];
  const fork = (): Worker => cluster.fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    const now = Date.now();
    restarts.push(now);
    while (restarts[0]! < now - 60_000) restarts.shift();
    logger.error('worker exited', { pid: worker.process.pid, code, signal, restarting: restarts.length <= MAX_RESTARTS_PER_MINUTE });
    if (restarts.length <= MAX_RESTARTS_PER_MINUTE) fork();
    else process.exit(1);
  });
  const shutdown = (signal: NodeJS.Signals) => {
    stopping = true;
    logger.info('stopping workers', { signal });
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
    setTimeout(() => process.exit(0), settings.SHUTDOWN_GRACE_MS + PRIMARY_EXTRA_GRACE_MS).unref();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  logger.info('starting workers', { workers, index: settings.INDEX_DIR, port: settings.PORT });
  for (let i = 0; i < workers; i++) fork();
}

// Only when run as the entry point (tests import workerCount without starting anything).
if (cluster.isPrimary && process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    console.error(`cluster failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
