// Tests for the multi-process server: worker count parsing, and two workers serving one read-only index folder.
import { chmodSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Settings } from '../config.js';
import { startServer, type ServerProcess } from '../bench/server-process.js';
import { buildTestIndex } from '../test-support/test-index.js';
import { workerCount } from './cluster.js';

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
    await server!.stop();
    expect(server!.child.exitCode).toBe(0);
    server = null;
  });
});
