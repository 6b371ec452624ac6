// Tests for the multi-process server: worker count parsing, and two workers serving one read-only index folder.
import { execFile } from 'node:child_process';
import { chmodSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSettings, type Settings } from '../config.js';
import { startServer, type ServerProcess } from '../bench/server-process.js';
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
