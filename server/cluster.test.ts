// Tests for the multi-process server: worker count parsing, two workers serving one read-only index folder, workers listening only once warm.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, readdirSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSettings, type Settings } from '../config.js';
import { freePort, startServer, type ServerProcess } from '../bench/server-process.js';
import { buildTestIndex } from '../test-support/test-index.js';
import { CONFIG_EXIT_CODE } from './wechat-channels.js';
import { checkClusterSettings, workerCount } from './cluster.js';

describe('workerCount', () => {
  const s: Pick<Settings, 'WORKERS'> = { WORKERS: undefined };
  it('takes --workers, else WORKERS, else one per core', () => {
    expect(workerCount('3', s)).toBe(3);
    expect(workerCount(undefined, { ...s, WORKERS: 2 })).toBe(2);
    expect(workerCount(undefined, s)).toBeGreaterThanOrEqual(1);
  });
  it('rejects a count that is not a whole number from 1 to 64', () => {
    for (const bad of ['0', '-1', '1.5', 'two', '65']) expect(() => workerCount(bad, s)).toThrow('--workers must be');
  });
});

describe('checkClusterSettings', () => {
  const base = { EMBEDDER: 'hash' };
  it('refuses WeChat or WeCom callbacks across several workers without Redis', () => {
    expect(() => checkClusterSettings(loadSettings({ ...base, WECHAT_TOKEN: 'AAAAA' }), 2)).toThrow('WeChat/WeCom callbacks across 2 workers need REDIS_URL');
    expect(() => checkClusterSettings(loadSettings({ ...base, WECHAT_TOKEN: 'AAAAA' }), 1)).not.toThrow();
    expect(() => checkClusterSettings(loadSettings({ ...base, WECHAT_TOKEN: 'AAAAA', REDIS_URL: 'redis://127.0.0.1:1' }), 2)).not.toThrow();
    expect(() => checkClusterSettings(loadSettings(base), 4)).not.toThrow();
  });
  it('refuses WeChat settings that do not go together before any worker starts', () => {
    expect(() => checkClusterSettings(loadSettings({ ...base, WECHAT_TOKEN: 'AAAAA', WECHAT_APP_SECRET: 's' }), 1)).toThrow('WeChat aesKey and appSecret need the appId');
    expect(() => loadSettings({ WECHAT_TOKEN: 'bad token!' })).toThrow('invalid configuration: WECHAT_TOKEN: must be 3–32 letters or digits');
  });
  it('stops the cluster on an invalid WECHAT_TOKEN with one clear line, no stack trace and no worker restarts', async () => {
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = execFile(process.execPath, ['--import', 'tsx', 'server/cluster.ts', '--workers', '2'], { env: { ...process.env, WECHAT_TOKEN: 'bad-token!', PORT: '0' } }, (_err, _out, stderr) =>
        resolve({ code: child.exitCode, stderr }),
      );
    });
    expect(result.code).toBe(CONFIG_EXIT_CODE);
    expect(result.stderr.trim()).toBe('invalid configuration: WECHAT_TOKEN: must be 3–32 letters or digits');
  });
});

describe('server/cluster.ts', () => {
  let dir: string;
  let server: ServerProcess | null = null;
  const modes = new Map<string, number>();
  beforeAll(async () => {
    dir = (await buildTestIndex()).settings.INDEX_DIR;
    const walk = (p: string): void => {
      modes.set(p, statSync(p).mode);
      if (statSync(p).isDirectory()) for (const e of readdirSync(p)) walk(join(p, e));
      chmodSync(p, statSync(p).isDirectory() ? 0o555 : 0o444);
    };
    walk(dir);
    server = await startServer('server/cluster.ts', { INDEX_DIR: dir, CONVERSATION_DB: `${dir}-conversations.db`, EMBEDDER: 'hash', LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '0' }, ['--workers', '2'], 60_000);
  });
  afterAll(async () => {
    await server?.stop();
    for (const [p, mode] of modes) chmodSync(p, mode);
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves answers from two worker processes over one read-only index folder and stops on SIGTERM', async () => {
    const url = `http://127.0.0.1:${server!.port}`;
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => fetch(`${url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: '陵川中药材种类有多少种？' }) })),
    );
    expect(answers.map((r) => r.status)).toEqual(Array(20).fill(200));
    const bodies = await Promise.all(answers.map((r) => r.json() as Promise<{ answer: string }>));
    expect(new Set(bodies.map((b) => b.answer)).size).toBe(1);
    expect(bodies[0]!.answer).toContain('521');
    // /metrics is the whole cluster's, whichever worker answers it (prom-client's AggregatorRegistry).
    for (let i = 0; i < 4; i++) {
      const text = await (await fetch(`${url}/metrics`)).text();
      expect(text).toMatch(/^jc_http_requests_total\{route="\/api\/chat",method="POST",status="200"\} 20$/m);
    }
    await server!.stop();
    expect(server!.child.exitCode).toBe(0);
    server = null;
  });
});

type Outcome = { status: number; body: string } | { error: string };

/** One request on a new connection (the primary hands each new connection to the next listening worker). */
function requestOnce(port: number, method: string, path: string, body?: string): Promise<Outcome> {
  return new Promise((resolve) => {
    const headers = body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {};
    const req = request({ host: '127.0.0.1', port, method, path, agent: false, headers, timeout: 10_000 }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', (err: Error & { code?: string }) => resolve({ error: err.code ?? err.message }));
    req.end(body);
  });
}

describe('cluster workers listen only once warm', () => {
  const QUESTION = JSON.stringify({ question: '陵川中药材种类有多少种？' });
  let child: ChildProcess;
  let port = 0;
  let log = '';
  let dir = '';
  const pids = new Set<number>();

  /**
   * Asks /api/chat and /readyz on new connections, pair after pair, until /readyz has answered from
   * `workers` different pids (or 60 s pass); returns every outcome, in order.
   */
  async function askUntilPids(workers: number): Promise<Outcome[]> {
    const outcomes: Outcome[] = [];
    const until = performance.now() + 60_000;
    while (pids.size < workers && performance.now() < until) {
      const pair = await Promise.all([requestOnce(port, 'POST', '/api/chat', QUESTION), requestOnce(port, 'GET', '/readyz')]);
      outcomes.push(...pair);
      const ready = pair[1];
      if ('status' in ready && ready.status === 200) pids.add((JSON.parse(ready.body) as { pid: number }).pid);
      if (!('status' in ready)) await new Promise((r) => setTimeout(r, 20));
    }
    if (pids.size < workers) throw new Error(`only ${pids.size} of ${workers} workers became ready: ${log}`);
    return outcomes;
  }

  /** The statuses of the answered requests; each 200 chat answer must be the expected one. */
  const statuses = (outcomes: Outcome[]) =>
    outcomes.flatMap((o) => {
      if (!('status' in o)) return [];
      if (o.status !== 200) throw new Error(`a request got ${o.status}: ${o.body}`);
      return [o.status];
    });

  beforeAll(async () => {
    dir = (await buildTestIndex()).settings.INDEX_DIR;
    port = await freePort();
    const env = { INDEX_DIR: dir, CONVERSATION_DB: `${dir}-conversations.db`, EMBEDDER: 'hash', LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '0', PORT: String(port), HOST: '127.0.0.1' };
    child = spawn(process.execPath, ['--import', 'tsx', 'server/cluster.ts', '--workers', '2'], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (log = (log + d).slice(-8000)));
  }, 60_000);
  afterAll(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
    rmSync(`${dir}-conversations.db`, { force: true });
  });

  it('answers every request made while the workers start with 200, never 503 (the port refuses until the first worker is warm)', async () => {
    const outcomes = await askUntilPids(2);
    const firstAnswered = outcomes.findIndex((o) => 'status' in o);
    // Before the first worker listens the primary does not listen either: refused, never 503.
    expect(outcomes.slice(0, firstAnswered).every((o) => 'error' in o && o.error === 'ECONNREFUSED')).toBe(true);
    const answered = outcomes.slice(firstAnswered);
    expect(answered.every((o) => 'status' in o)).toBe(true);
    expect(statuses(answered).length).toBeGreaterThanOrEqual(2);
    const chats = outcomes.filter((o, i) => i % 2 === 0 && 'body' in o) as { body: string }[]; // pairs: chat, then readyz
    expect(chats.length).toBeGreaterThanOrEqual(1);
    expect(chats.every((o) => (JSON.parse(o.body) as { answer: string }).answer.includes('521'))).toBe(true);
  }, 90_000);

  it('restarts a crashed worker that takes connections only once warm: every request meanwhile gets a 200 from the other', async () => {
    const [victim] = [...pids];
    process.kill(victim!, 'SIGKILL');
    // Until the primary has reaped it (a zombie still answers kill 0), then a margin for the primary's exit handling.
    while ((() => { try { return process.kill(victim!, 0); } catch { return false; } })()) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 200));
    const outcomes = await askUntilPids(3);
    expect(outcomes.every((o) => 'status' in o)).toBe(true);
    // The replacement loaded and warmed up meanwhile (seconds under tsx): many requests, all answered by the survivor.
    expect(statuses(outcomes).length).toBeGreaterThanOrEqual(6);
    const chats = outcomes.filter((_, i) => i % 2 === 0) as { status: number; body: string }[];
    expect(chats.every((o) => (JSON.parse(o.body) as { answer: string }).answer.includes('521'))).toBe(true);
    expect(log).toContain('"message":"worker exited"');
  }, 90_000);
});
