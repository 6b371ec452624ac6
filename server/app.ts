// The Hono app: middleware (ids, logs, metrics, headers, CORS, limits, auth), the API, widget and WeChat routes.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { cors } from 'hono/cors';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { AnswerResult, AnswerService } from '../answer/index.js';
import type { Settings } from '../config.js';
import { adminApp } from './admin/admin-app.js';
import { limitBody } from './body-limit.js';
import { chatRoutes } from './chat-routes.js';
import { clientAddress, trustedProxies } from './client-address.js';
import type { ConversationLog } from './conversations/index.js';
import { ApiError, errorBody, handleError } from './errors.js';
import { feedbackRoutes } from './feedback-routes.js';
import type { LiveIndex } from './live-index.js';
import type { Logger } from './logger.js';
import { createMetrics, metricsText, type Metrics } from './metrics.js';
import { openAiRoutes } from './openai-routes.js';
import { memoryWindow, rateLimit, sharedWindow } from './rate-limit.js';
import type { SharedState } from './shared-state.js';
import { wechatChannels } from './wechat-channels.js';

const PUBLIC = new URL('./public/', import.meta.url);

/** Routes with one method: any other method gets 405 with an Allow header. */
const METHODS: [string, string][] = [
  ['/api/chat', 'POST'],
  ['/api/feedback', 'POST'],
  ['/api/search', 'GET'],
  ['/v1/chat/completions', 'POST'],
  ['/v1/models', 'GET'],
  ['/healthz', 'GET'],
  ['/readyz', 'GET'],
  ['/metrics', 'GET'],
];

/** A POST body must be declared JSON; anything else is 415 (curl -d sends a form type). */
const requireJson: MiddlewareHandler = async (c, next) => {
  if (c.req.method === 'POST' && !/^application\/([\w.+-]+\+)?json\b/i.test(c.req.header('content-type') ?? '')) {
    throw new ApiError(415, 'unsupported_media_type', 'the request body must be JSON (Content-Type: application/json)');
  }
  return next();
};

/** Where the answer service comes from: null until the index is loaded (then /readyz turns 200). */
export type ServiceHolder = { service: AnswerService | null };

/** `conversations`: the conversation log (absent or null: answers are not logged and feedback is refused).
 * `liveIndex` (background index builds swapped into `holder`) is needed when ADMIN_KEY turns the console on.
 * `shared`: Redis shared by all server processes (REDIS_URL); without it, state is this process's own. */
export type AppDeps = { settings: Settings; logger: Logger; holder: ServiceHolder; metrics?: Metrics; conversations?: ConversationLog | null; liveIndex?: LiveIndex; shared?: SharedState };

/** The client key of rate limits: the socket address, or behind a trusted proxy the forwarded client. */
function clientKey(s: Settings): (c: Context) => string {
  const proxies = trustedProxies(s.TRUST_PROXY);
  return (c) => {
    let peer = 'unknown';
    try {
      peer = getConnInfo(c).remote.address ?? 'unknown';
    } catch {
      // not served by @hono/node-server (in-process app.request): no socket
    }
    return clientAddress(peer, c.req.header('x-forwarded-for'), proxies);
  };
}

/** A per-minute limit counted in Redis when shared, else in this process. */
function limiter(perMinute: number, name: string, key: (c: Context) => string, shared: SharedState | undefined) {
  return rateLimit(perMinute, key, shared ? sharedWindow(shared, perMinute, `jc:rl:${name}`) : memoryWindow(perMinute));
}

function ready(holder: ServiceHolder): AnswerService {
  if (!holder.service) throw new ApiError(503, 'not_ready', 'the assistant is starting: the index is not loaded yet');
  return holder.service;
}

/** Logs one line per request and records its metrics (route pattern, status, latency). */
function observe(logger: Logger, metrics: Metrics): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const seconds = (performance.now() - started) / 1000;
    const route = c.req.routePath || 'unmatched';
    metrics.requests.inc({ route, method: c.req.method, status: String(c.res.status) });
    metrics.latency.observe({ route }, seconds);
    if (c.res.status >= 400) metrics.errors.inc({ code: String(c.res.status) });
    logger.info('request', { requestId: c.get('requestId'), method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(seconds * 1000) });
  };
}

/** Builds the whole HTTP app. Nothing here blocks on the index: API calls answer 503 until it is loaded. */
export function createApp({ settings: s, logger, holder, metrics = createMetrics(), conversations = null, liveIndex, shared }: AppDeps) {
  const page = readFileSync(new URL('index.html', PUBLIC), 'utf8');
  const widget = readFileSync(new URL('widget.js', PUBLIC), 'utf8');
  const app = new Hono();
  app.use('*', requestId(), observe(logger, metrics), secureHeaders({ crossOriginResourcePolicy: false }));
  const key = clientKey(s);
  const apiLimit = limiter(s.RATE_LIMIT_PER_MINUTE, 'api', key, shared); // one budget across /api and /v1
  for (const path of ['/api/*', '/v1/*']) {
    app.use(path, cors({ origin: s.CORS_ORIGINS.includes('*') ? '*' : s.CORS_ORIGINS, allowHeaders: ['Content-Type', 'Authorization', 'Accept'], maxAge: 600 }));
    app.use(path, limitBody(s.BODY_LIMIT_BYTES, (c) => c.json(errorBody('payload_too_large', `request body is larger than ${s.BODY_LIMIT_BYTES} bytes`), 413)));
    app.use(path, apiLimit);
    app.use(path, requireJson);
    if (s.API_KEY) app.use(path, bearerAuth({ token: s.API_KEY, noAuthenticationHeader: { message: errorBody('unauthorized', 'missing bearer token') }, invalidAuthenticationHeader: { message: errorBody('unauthorized', 'malformed Authorization header') }, invalidToken: { message: errorBody('unauthorized', 'invalid API key') } }));
  }
  const deps = { service: () => ready(holder), settings: s, metrics, logger, conversations };
  app.route('/api', chatRoutes(deps));
  app.route('/api', feedbackRoutes(deps));
  app.route('/v1', openAiRoutes(deps));
  // WeChat/WeCom answers are logged with the sender's hashed id.
  const answerFor = (channel: 'wechat' | 'wecom') => async (question: string, user: string): Promise<AnswerResult> => {
    metrics.wechatAnswers.inc({ channel });
    const started = performance.now();
    const answer = await ready(holder).ask({ question });
    conversations?.record({ id: randomUUID(), channel, answer, latencyMs: performance.now() - started, user });
    return answer;
  };
  const { wechat, wecom } = wechatChannels(s, answerFor, logger, shared);
  // Callbacks are limited (per client address) before anything in them is read.
  const callbackLimit = limiter(s.WECHAT_RATE_LIMIT_PER_MINUTE, 'callbacks', key, shared);
  for (const path of ['/wechat/*', '/wecom/*']) app.use(path, callbackLimit);
  app.route('/wechat', wechat);
  app.route('/wecom', wecom);
  if (s.ADMIN_KEY) {
    if (!liveIndex) throw new Error('ADMIN_KEY is set but the app was built without live index updates');
    app.route('/admin', adminApp({ settings: { ...s, ADMIN_KEY: s.ADMIN_KEY }, logger, holder, liveIndex, publicDir: PUBLIC, conversations }));
  }
  app.get('/', (c) => c.html(page));
  app.get('/widget.js', (c) => c.body(widget, 200, { 'content-type': 'application/javascript; charset=utf-8', 'cache-control': 'public, max-age=300' }));
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', (c) =>
    // pid: which process answered (in a cluster, each worker reports its own readiness).
    holder.service ? c.json({ status: 'ready', chunks: holder.service.searcher.index.chunks.length, llm: holder.service.llm, pid: process.pid }) : c.json({ status: 'starting' }, 503),
  );
  const metricsBody = metricsText(metrics.registry);
  app.get('/metrics', async (c) => c.body(await metricsBody(), 200, { 'content-type': metrics.registry.contentType }));
  for (const [path, allow] of METHODS) app.all(path, (c) => c.json(errorBody('method_not_allowed', `${c.req.method} is not allowed on ${path}; use ${allow}`), 405, { Allow: allow }));
  app.notFound((c) => c.json(errorBody('not_found', `no route for ${c.req.method} ${c.req.path}`), 404));
  app.onError(handleError(logger));
  return app;
}
