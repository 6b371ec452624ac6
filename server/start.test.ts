// `npm start` as a process: log order, cleanup of a killed ingest, SIGTERM with slow LLM answers in flight, stalled clients, a lost CURRENT.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { connect } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settingsSchema } from '../config.js';
import { freePort } from '../bench/server-process.js';
import { fakeLlm, sourceWith } from '../test-support/fake-llm.js';
import { buildTestIndex } from '../test-support/test-index.js';
import { useTempDirs } from '../test-support/temp-dirs.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { tempDir, made } = useTempDirs();
const llm = fakeLlm();
let indexDir = '';
let LLM_BASE_URL = '';
const children: ChildProcess[] = [];

type Started = { child: ChildProcess; port: number; lines: () => { message: string; [k: string]: unknown }[]; exited: Promise<number | null> };

/** Starts server/start.ts (through tsx) and resolves once it logs `ready` (or exits). */
async function start(env: Record<string, string>): Promise<Started> {
  const port = await freePort();
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !(k in settingsSchema.shape)));
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/start.ts'], {
    cwd: ROOT,
    env: { ...base, INDEX_DIR: indexDir, EMBEDDER: 'hash', LOG_LEVEL: 'info', RATE_LIMIT_PER_MINUTE: '0', PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.push(child);
  let text = '';
  const lines = () => text.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { message: string });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve) => {
    child.stderr!.setEncoding('utf8').on('data', (d: string) => {
      text += d;
      if (lines().some((l) => l.message === 'ready')) resolve();
    });
    void exited.then(() => resolve());
  });
  return { child, port, lines, exited };
}

const ask = (port: number, question: string) =>
  fetch(`http://127.0.0.1:${port}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) });

beforeAll(async () => {
  indexDir = (await buildTestIndex()).settings.INDEX_DIR;
  made.push(indexDir);
  LLM_BASE_URL = await llm.listen();
});

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await llm.close();
});

describe('npm start', () => {
  it('removes a killed ingest’s build and stale lock, then logs listening before ready', async () => {
    const gone = spawnSync('true').pid!;
    const partial = `build-${Date.now()}-${gone}-0badc0de`;
    mkdirSync(join(indexDir, partial));
    writeFileSync(join(indexDir, 'LOCK'), JSON.stringify({ pid: gone, host: hostname(), startedAt: 'then', token: 'dead' }));
    const server = await start({});
    const messages = server.lines().map((l) => l.message);
    expect(messages.indexOf('listening')).toBeGreaterThanOrEqual(0);
    expect(messages.indexOf('listening')).toBeLessThan(messages.indexOf('ready'));
    expect(server.lines().find((l) => l.message === 'ready')).toMatchObject({ warmUpMs: expect.any(Number) });
    expect(messages).toContain(`removed ${join(indexDir, partial)}, left by a failed or killed ingest`);
    expect(messages).toContain(`removed a stale index lock ${join(indexDir, 'LOCK')}: pid ${gone} (started then) is no longer running`);
    expect(readdirSync(indexDir).filter((e) => !e.startsWith('build-') || e === partial)).toEqual(['CURRENT']);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  }, 60_000);

  it('on SIGTERM, completes every in-flight request whose LLM answer is slow, then exits 0', async () => {
    const N = 8;
    llm.script((req) => ({ text: `泽州山楂栽培历史已有300多年[${sourceWith(req, '300多年')}]。`, delayMs: 2500 }));
    llm.received.length = 0;
    const before = llm.counts.completed;
    const server = await start({ LLM_BASE_URL, LLM_MODEL: 'fake', LLM_TIMEOUT_MS: '4000' });
    expect(llm.received).toHaveLength(0); // the warm-up before ready answers extractively, never through the LLM
    const answers = Array.from({ length: N }, () => ask(server.port, '泽州山楂的栽培历史有多久？').then(async (r) => ({ status: r.status, body: (await r.json()) as { mode: string } })));
    while (llm.received.length < N) await new Promise((r) => setTimeout(r, 20));
    server.child.kill('SIGTERM');
    const done = await Promise.all(answers);
    expect(done.map((a) => `${a.status} ${a.body.mode}`)).toEqual(Array(N).fill('200 llm'));
    expect(llm.counts.completed - before).toBe(N);
    expect(await server.exited).toBe(0);
    expect(server.lines().find((l) => l.message === 'shutting down')).toMatchObject({ signal: 'SIGTERM', graceMs: 13_000 });
  }, 60_000);

  it('drops a client that stalls in its headers or body after HEADERS_TIMEOUT_MS / REQUEST_TIMEOUT_MS', async () => {
    const server = await start({ REQUEST_TIMEOUT_MS: '2000', HEADERS_TIMEOUT_MS: '1000' });
    /** Sends `raw`, then waits for the server to close the socket; resolves with the time taken and what it answered. */
    const stall = (raw: string) =>
      new Promise<{ ms: number; reply: string }>((resolve) => {
        const started = performance.now();
        const socket = connect(server.port, '127.0.0.1', () => socket.write(raw));
        let reply = '';
        socket.on('data', (d) => (reply += d.toString()));
        socket.on('error', () => {});
        socket.on('close', () => resolve({ ms: performance.now() - started, reply }));
      });
    const [body, headers] = await Promise.all([
      stall('POST /api/chat HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"question": "高平'),
      stall('POST /api/chat HTTP/1.1\r\nHost: x\r\nContent-Ty'),
    ]);
    expect(body.reply).toMatch(/^HTTP\/1\.1 408 /);
    expect(body.ms).toBeGreaterThanOrEqual(1900);
    expect(body.ms).toBeLessThan(2000 + 1000 + 1500); // the timeout, one check interval, slack for a loaded machine
    expect(headers.reply).toMatch(/^HTTP\/1\.1 408 /);
    expect(headers.ms).toBeLessThan(1000 + 1000 + 1500);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  }, 60_000);

  it('refuses to start when CURRENT is lost, naming the builds, and never rebuilds over them', async () => {
    const dir = tempDir('jc-start-no-current-');
    cpSync(indexDir, dir, { recursive: true });
    rmSync(join(dir, 'CURRENT'));
    const builds = readdirSync(dir);
    const server = await start({ INDEX_DIR: dir });
    expect(await server.exited).toBe(1);
    const failure = server.lines().find((l) => l.message === 'cannot load the index') as { error: string } | undefined;
    expect(failure?.error).toBe(
      `index folder ${dir} holds a build (${builds[0]}) but no CURRENT pointer; to keep it, run \`echo ${builds[0]} > ${dir}/CURRENT\`; ` +
        'to start over, remove that folder and run `npm run ingest`',
    );
    expect(readdirSync(dir)).toEqual(builds);
  }, 60_000);
});
