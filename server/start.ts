// `npm start`: serve the assistant; builds the index from the bundled corpus first when there is none.
import cluster from 'node:cluster';
import { once } from 'node:events';
import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import { createAnswerService, createChatModel } from '../answer/index.js';
import { loadSettings, type Settings } from '../config.js';
import { cleanIndexFolder, IndexNotBuiltError, openSearcher, progressReporter, updateIndex } from '../index/index.js';
import { createApp, type ServiceHolder } from './app.js';
import { handleClientErrors } from './client-errors.js';
import { openConversationLog } from './conversations/index.js';
import { createLiveIndex } from './live-index.js';
import { CONFIG_EXIT_CODE, configMessage, isConfigError } from './wechat-channels.js';
import { createLogger, type Logger } from './logger.js';
import { connectSharedState } from './shared-state.js';

/** How often a closing server drops keep-alive connections that went idle after their last response. */
const CLOSE_IDLE_EVERY_MS = 250;

async function loadSearcher(settings: Settings, logger: Logger) {
  cleanIndexFolder(settings.INDEX_DIR, (message) => logger.warn(message));
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
    process.exit(CONFIG_EXIT_CODE);
  }
  const logger = createLogger(settings.LOG_LEVEL);
  const holder: ServiceHolder = { service: null };
  const shared = settings.REDIS_URL ? await connectSharedState(settings.REDIS_URL, logger) : undefined;
  const conversations = openConversationLog(settings, logger);
  let model: Awaited<ReturnType<typeof createChatModel>> = null; // loaded after the server listens (cold start)
  const liveIndex = createLiveIndex({ settings, logger, holder, makeService: (searcher) => createAnswerService(searcher, settings, model) });
  let app: ReturnType<typeof createApp>;
  try {
    app = createApp({ settings, logger, holder, conversations, liveIndex, ...(shared ? { shared } : {}) });
  } catch (err) {
    if (!isConfigError(err)) throw err;
    console.error(configMessage(err));
    process.exit(CONFIG_EXIT_CODE);
  }
  const serverOptions = { requestTimeout: settings.REQUEST_TIMEOUT_MS, headersTimeout: settings.HEADERS_TIMEOUT_MS, connectionsCheckingInterval: 1000 };
  let server: Server | null = null;
  let listening: Promise<unknown> = Promise.resolve();
  const listen = () => {
    server = serve({ fetch: app.fetch, port: settings.PORT, hostname: settings.HOST, serverOptions }, (info) => {
      logger.info('listening', { url: `http://${settings.HOST === '0.0.0.0' ? '127.0.0.1' : settings.HOST}:${info.port}/` });
    }) as Server;
    handleClientErrors(server, app.fetch, logger);
    listening = once(server, 'listening');
    server.on('error', (err) => {
      logger.error('cannot listen', { error: err.message });
      process.exit(1);
    });
  };
  // One process listens at once (/healthz answers, the API 503 until ready). A cluster worker listens only
  // once warm: the primary hands connections only to listening workers, so none reaches one still starting.
  if (!cluster.isWorker) listen();
  const shutdown = (signal: string) => {
    logger.info('shutting down', { signal, graceMs: settings.SHUTDOWN_GRACE_MS });
    const exit = () => void (conversations?.close() ?? Promise.resolve()).finally(() => process.exit(0));
    if (!server) return exit();
    server.close(exit); // waits for in-flight requests, SSE streams included
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
    const service = createAnswerService(searcher, settings, model);
    const warmUpStarted = performance.now();
    await service.warmUp();
    const warmUpMs = Math.round(performance.now() - warmUpStarted);
    holder.service = service;
    if (!server) listen();
    await listening; // `ready` only ever after `listening`
    const cpu = process.cpuUsage();
    logger.info('ready', {
      chunks: searcher.index.chunks.length,
      embedder: searcher.embedder.model,
      llm: model ? settings.LLM_MODEL : 'off (extractive answers)',
      conversationLog: conversations?.store.name ?? 'off',
      // Since the process started, and the CPU it used (near the wall time on an idle machine).
      startupMs: Math.round(process.uptime() * 1000),
      cpuMs: Math.round((cpu.user + cpu.system) / 1000),
      // Of startupMs: answering the warm-up questions before the first user question (see AnswerService.warmUp).
      warmUpMs,
    });
  } catch (err) {
    logger.error('cannot load the index', { error: err instanceof Error ? err.message : String(err) });
    (server as Server | null)?.close();
    process.exitCode = 1;
  }
}

void main();
