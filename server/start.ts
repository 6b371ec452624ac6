// `npm start`: serve the assistant; builds the index from the bundled corpus first when there is none.
import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import { createAnswerService, createChatModel } from '../answer/index.js';
import { loadSettings, type Settings } from '../config.js';
import { IndexNotBuiltError, openSearcher, progressReporter, updateIndex } from '../index/index.js';
import { createApp, type ServiceHolder } from './app.js';
import { handleClientErrors } from './client-errors.js';
import { openConversationLog } from './conversations/index.js';
import { createLiveIndex } from './live-index.js';
import { createLogger, type Logger } from './logger.js';

const SHUTDOWN_GRACE_MS = 10_000;

async function loadSearcher(settings: Settings, logger: Logger) {
  try {
    return await openSearcher(settings);
  } catch (err) {
    if (!(err instanceof IndexNotBuiltError)) throw err;
    logger.info('no index yet: building it from the bundled articles', { articles: settings.ARTICLES_DIR, index: settings.INDEX_DIR });
    const report = await updateIndex(settings, [], { rebuild: true, warn: (message) => logger.warn(message), progress: progressReporter((line) => logger.info(line), 10) });
    logger.info('index built', { chunks: report.manifest.chunkCount, embedder: report.manifest.embedder.model });
    return openSearcher(settings);
  }
}

async function main(): Promise<void> {
  let settings: Settings;
  try {
    settings = loadSettings();
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  }
  const logger = createLogger(settings.LOG_LEVEL);
  const holder: ServiceHolder = { service: null };
  const conversations = openConversationLog(settings, logger);
  let model: Awaited<ReturnType<typeof createChatModel>> = null; // loaded after the server listens (cold start)
  const liveIndex = createLiveIndex({ settings, logger, holder, makeService: (searcher) => createAnswerService(searcher, settings, model) });
  const app = createApp({ settings, logger, holder, conversations, liveIndex });
  const server = serve({ fetch: app.fetch, port: settings.PORT, hostname: settings.HOST }, (info) => {
    logger.info('listening', { url: `http://${settings.HOST === '0.0.0.0' ? '127.0.0.1' : settings.HOST}:${info.port}/` });
  });
  handleClientErrors(server as Server, app.fetch, logger);
  const shutdown = (signal: string) => {
    logger.info('shutting down', { signal });
    server.close(() => void (conversations?.close() ?? Promise.resolve()).finally(() => process.exit(0)));
    setTimeout(() => process.exit(0), SHUTDOWN_GRACE_MS).unref();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  try {
    const searcher = await loadSearcher(settings, logger);
    model = await createChatModel(settings);
    holder.service = createAnswerService(searcher, settings, model);
    const cpu = process.cpuUsage();
    logger.info('ready', {
      chunks: searcher.index.chunks.length,
      embedder: searcher.embedder.model,
      llm: model ? settings.LLM_MODEL : 'off (extractive answers)',
      conversationLog: conversations?.store.name ?? 'off',
      // Since the process started, and the CPU it used (near the wall time on an idle machine).
      startupMs: Math.round(process.uptime() * 1000),
      cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    });
  } catch (err) {
    logger.error('cannot load the index', { error: err instanceof Error ? err.message : String(err) });
    server.close();
    process.exitCode = 1;
  }
}

void main();
