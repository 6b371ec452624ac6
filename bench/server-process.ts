// Starts the real server (or the cluster) as a child process on a free loopback port, for the HTTP and cold-start stages.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { get } from 'node:http';
import { createServer } from 'node:net';

export type ServerProcess = { port: number; child: ChildProcess; startedAt: number; readyMs: number; stop: () => Promise<void> };

/** A TCP port free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** The entry points `npm start` and `npm run start:cluster` run (bundled by scripts/build.mjs). */
export const BUILT_START = 'dist/server/start.mjs';
export const BUILT_CLUSTER = 'dist/server/cluster.mjs';

/** Builds dist/ when a source is newer than it (what `npm start` does first). */
export function buildServerIfStale(): void {
  execFileSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { stdio: ['ignore', 'inherit', 'inherit'] });
}

/** Node's arguments for an entry: built JS (`dist/….mjs`) runs as is, TypeScript sources through tsx. */
export function nodeArgs(entry: string): string[] {
  return entry.endsWith('.mjs') ? ['--enable-source-maps', entry] : ['--import', 'tsx', entry];
}

/**
 * GET /readyz on a new connection (a cluster's primary hands each new connection to the next
 * listening worker): the pid of the process that answered 200, null otherwise.
 */
function readyOnNewConnection(port: number): Promise<number | null> {
  return new Promise((resolve) => {
    const req = get({ host: '127.0.0.1', port, path: '/readyz', agent: false }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => {
        if (res.statusCode !== 200) return resolve(null);
        try {
          resolve((JSON.parse(body) as { pid?: number }).pid ?? 0);
        } catch {
          resolve(null);
        }
      });
    });
    req.on('error', () => resolve(null));
  });
}

/**
 * Runs `node <entry>` (see nodeArgs) with the environment given (plus PORT and HOST) and waits until
 * GET /readyz answers 200 — for a cluster (`--workers N` in args) from N different worker pids, so
 * every worker is listening and has warmed up (a worker still starting gets no connections, so 200s
 * in a row could all come from one); readyMs is the time from spawning to that answer. Throws with
 * the child's last log lines when it exits or times out first.
 */
export async function startServer(entry: string, env: Record<string, string>, args: string[] = [], timeoutMs = 300_000): Promise<ServerProcess> {
  const port = await freePort();
  const startedAt = performance.now();
  const child = spawn(process.execPath, [...nodeArgs(entry), ...args], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr!.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
  };
  const at = args.indexOf('--workers');
  const wanted = at >= 0 ? Number(args[at + 1]) : 1;
  const ready = new Set<number>();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before it was ready: ${log}`);
    if (performance.now() - startedAt > timeoutMs) {
      await stop();
      throw new Error(`server not ready after ${timeoutMs} ms: ${log}`);
    }
    const pid = await readyOnNewConnection(port);
    if (pid !== null) ready.add(pid);
    if (ready.size >= wanted) return { port, child, startedAt, readyMs: Math.round(performance.now() - startedAt), stop };
    if (pid === null) await new Promise((r) => setTimeout(r, 5));
  }
}
