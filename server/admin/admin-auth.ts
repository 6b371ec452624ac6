// Admin console access: ADMIN_KEY as a bearer token (scripts) or as a login form that sets a session cookie (browsers).
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { ApiError } from '../errors.js';

export const SESSION_COOKIE = 'admin_session';

/** The session cookie's value for a key: an HMAC, so the key itself never sits in a cookie. */
export function sessionToken(adminKey: string): string {
  return createHmac('sha256', adminKey).update('jincheng-admin-session-v1').digest('base64url');
}

/** Constant-time string comparison. */
export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** How a request proves it may use the console: 'bearer', 'cookie', or null. */
export function adminCredential(c: Context, adminKey: string): 'bearer' | 'cookie' | null {
  const auth = c.req.header('authorization') ?? '';
  if (auth.startsWith('Bearer ') && sameSecret(auth.slice(7).trim(), adminKey)) return 'bearer';
  const cookie = getCookie(c, SESSION_COOKIE);
  if (cookie && sameSecret(cookie, sessionToken(adminKey))) return 'cookie';
  return null;
}

/**
 * Lets through requests carrying the key (bearer) or the session cookie; others get 401.
 * A cookie-authenticated request that changes something must come from the console's own origin
 * (the cookie is SameSite=Strict already; the Origin check also covers older browsers).
 */
export function requireAdmin(adminKey: string): MiddlewareHandler {
  return async (c, next) => {
    const credential = adminCredential(c, adminKey);
    if (!credential) throw new ApiError(401, 'unauthorized', 'sign in to the admin console (or send Authorization: Bearer <ADMIN_KEY>)');
    const origin = c.req.header('origin');
    if (credential === 'cookie' && c.req.method !== 'GET' && origin && new URL(origin).host !== c.req.header('host')) {
      throw new ApiError(403, 'forbidden', 'cross-origin admin request refused');
    }
    return next();
  };
}
