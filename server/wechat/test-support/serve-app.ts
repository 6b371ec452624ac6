// Test-only: serves Hono sub-apps on a real loopback port, mounted like the main server mounts them.
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

/** A running server; `close` also drops connections still held open. */
export interface ServedApp {
  baseUrl: string;
  close: () => Promise<void>;
}

/** Mounts each app at its path (e.g. { '/wechat': app }) and listens on 127.0.0.1, port 0. */
export function serveApps(mounts: Record<string, Hono>): Promise<ServedApp> {
  const root = new Hono();
  for (const [path, app] of Object.entries(mounts)) root.route(path, app);
  return new Promise((resolve) => {
    const server = serve({ fetch: root.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
      resolve({
        baseUrl: `http://127.0.0.1:${info.port}`,
        close: () =>
          new Promise((done) => {
            (server as Server).closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
