// `npm start`: serve the assistant; builds the index from the bundled corpus first when there is none.
import { once } from 'node:events';
import { serve } from '@hono/node-server';
import { createAnswerService, createChatModel } from '../answer/index.js';
import { loadSettings, type Settings } from '../config.js';
import { cleanIndexFolder, IndexNotBuiltError, openSearcher, updateIndex } from '../index/index.js';
import { createApp, type ServiceHolder } from './app.js';
import { createLiveIndex } from './live-index.js';
import { createLogger, type Logger } from './logger.js';

/** How often a closing server drops keep-alive connections that went idle after their last response. */
const CLOSE_IDLE_EVERY_MS = 250;

async function loadSearcher(settings: Settings, logger: Logger) {
  cleanIndexFolder(settings.INDEX_DIR, (message) => logger.warn(message));
  try {
    return await openSearcher(settings);
  } catch (err) {
    if (!(err instanceof IndexNotBuiltError)) throw err;
    logger.info('no index yet: building it from the bundled articles', { articles: settings.ARTICLES_DIR, index: settings.INDEX_DIR });
    const report = await updateIndex(settings, [], { rebuild: true, warn: (message) => logger.warn(message) });
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
  let model: Awaited<ReturnType<typeof createChatModel>> = null; // loaded after the server listens (cold start)
  const liveIndex = createLiveIndex({ settings, logger, holder, makeService: (searcher) => createAnswerService(searcher, settings, model) });
  const app = createApp({ settings, logger, holder, liveIndex });
  const serverOptions = { requestTimeout: settings.REQUEST_TIMEOUT_MS, headersTimeout: settings.HEADERS_TIMEOUT_MS, connectionsCheckingInterval: 1000 };
  const server = serve({ fetch: app.fetch, port: settings.PORT, hostname: settings.HOST, serverOptions }, (info) => {
    logger.info('listening', { url: `http://${settings.HOST === '0.0.0.0' ? '127.0.0.1' : settings.HOST}:${info.port}/` });
  });
  const listening = once(server, 'listening');
  server.on('error', (err) => {
    logger.error('cannot listen', { error: err.message });
    process.exit(1);
  });
  const shutdown = (signal: string) => {
    logger.info('shutting down', { signal, graceMs: settings.SHUTDOWN_GRACE_MS });
    server.close(() => process.exit(0)); // waits for in-flight requests, SSE streams included
    setInterval(() => (server as { closeIdleConnections?: () => void }).closeIdleConnections?.(), CLOSE_IDLE_EVERY_MS).unref();
    setTimeout(() => {
      logger.warn('shutdown grace over: exiting with requests still in flight', { graceMs: settings.SHUTDOWN_GRACE_MS });
      process.exit(0);
    }, settings.SHUTDOWN_GRACE_MS).unref();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  try {
    const searcher = await loadSearcher(settings, logger);
    model = await createChatModel(settings);
    await listening; // `ready` only ever after `listening`
    holder.service = createAnswerService(searcher, settings, model);
    logger.info('ready', { chunks: searcher.index.chunks.length, embedder: searcher.embedder.model, llm: model ? settings.LLM_MODEL : 'off (extractive answers)' });
  } catch (err) {
    logger.error('cannot load the index', { error: err instanceof Error ? err.message : String(err) });
    server.close();
    process.exitCode = 1;
  }
}

void main();
