// The admin console at /admin: sign-in, the console page and its assets, and the admin API under /admin/api/*.
// A tab is one route module mounted under /admin/api/ here plus one nav link, one <section> and one script in public/admin/.
import { readdirSync, readFileSync } from 'node:fs';
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono, type Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { Settings } from '../../config.js';
import { limitBody } from '../body-limit.js';
import { ApiError, errorBody } from '../errors.js';
import type { LiveIndex } from '../live-index.js';
import type { Logger } from '../logger.js';
import { rateLimit } from '../rate-limit.js';
import type { AnswerService } from '../../answer/index.js';
import { adminCredential, requireAdmin, SESSION_COOKIE, sessionToken, sameSecret } from './admin-auth.js';
import type { ConversationLog } from '../conversations/index.js';
import { conversationRoutes } from './conversation-routes.js';
import { documentRoutes } from './document-routes.js';
import { hitTestRoutes } from './hit-test-routes.js';

/** What the admin routes need. */
export type AdminDeps = { settings: Settings & { ADMIN_KEY: string }; logger: Logger; holder: { service: AnswerService | null }; liveIndex: LiveIndex; publicDir: URL; conversations: ConversationLog | null };

const SESSION_SECONDS = 12 * 3600;
const LOGIN_ATTEMPTS_PER_MINUTE = 10;
const TYPES: Record<string, string> = { js: 'application/javascript; charset=utf-8', css: 'text/css; charset=utf-8', html: 'text/html; charset=utf-8' };

/** Every file of public/admin/, read once: name -> [content type, body]. */
function readAssets(dir: URL): Map<string, [string, string]> {
  const assets = new Map<string, [string, string]>();
  for (const name of readdirSync(dir)) {
    const type = TYPES[name.split('.').pop() ?? ''];
    if (type) assets.set(name, [type, readFileSync(new URL(name, dir), 'utf8')]);
  }
  return assets;
}

/** The connection's peer address (the login limit is per peer). */
function peerAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

const isHttps = (c: Context) => new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';

/** The /admin sub-app; mounted by createApp only when ADMIN_KEY is set. */
export function adminApp(deps: AdminDeps) {
  const key = deps.settings.ADMIN_KEY;
  const assets = readAssets(new URL('admin/', deps.publicDir));
  const page = (name: string) => assets.get(name)![1];
  const app = new Hono();

  const home = (c: Context) => c.html(page(adminCredential(c, key) ? 'index.html' : 'login.html'));
  app.get('/', home);
  app.get('/assets/:name', (c) => {
    const asset = assets.get(c.req.param('name'));
    if (!asset) return c.json(errorBody('not_found', `no admin asset ${c.req.param('name')}`), 404);
    return c.body(asset[1], 200, { 'content-type': asset[0], 'cache-control': 'no-cache' });
  });
  app.post('/login', rateLimit(LOGIN_ATTEMPTS_PER_MINUTE, peerAddress), limitBody(4096, () => {
    throw new ApiError(413, 'payload_too_large', 'sign-in form too large');
  }), async (c) => {
    const form = await c.req.parseBody();
    const given = typeof form.key === 'string' ? form.key : '';
    if (!sameSecret(given, key)) {
      deps.logger.warn('admin sign-in refused');
      return c.redirect('/admin?failed=1', 303);
    }
    setCookie(c, SESSION_COOKIE, sessionToken(key), { path: '/admin', httpOnly: true, sameSite: 'Strict', secure: isHttps(c), maxAge: SESSION_SECONDS });
    return c.redirect('/admin', 303);
  });
  app.post('/logout', (c) => {
    deleteCookie(c, SESSION_COOKIE, { path: '/admin' });
    return c.redirect('/admin', 303);
  });

  const api = new Hono();
  api.use('*', requireAdmin(key));
  api.use('*', limitBody(deps.settings.UPLOAD_MAX_BYTES, () => {
    throw new ApiError(413, 'payload_too_large', `upload is larger than ${deps.settings.UPLOAD_MAX_BYTES} bytes (UPLOAD_MAX_BYTES)`);
  }));
  api.get('/session', (c) => c.json({ signedIn: true }));
  api.route('/documents', documentRoutes(deps));
  api.route('/hit-test', hitTestRoutes(deps.holder, deps.settings));
  api.route('/conversations', conversationRoutes(deps.conversations));
  app.route('/api', api);
  return app;
}
