// The bundles `npm start` and the CLI scripts run (scripts/build.mjs → dist/): built for real, run as processes.
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type ServerProcess } from '../bench/server-process.js';
import { fakeLlm, sourceWith } from '../test-support/fake-llm.js';
import { SAMPLE_ARTICLES, savedNewsPage } from '../test-support/make-documents.js';
import { buildTestIndex } from '../test-support/test-index.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const run = promisify(execFile);
const build = (...args: string[]) => run(process.execPath, ['scripts/build.mjs', ...args], { cwd: ROOT });

// Under the project (not the system temp folder) so that the bundle finds node_modules like dist/ does.
mkdirSync(join(ROOT, 'var'), { recursive: true }); // absent in a fresh clone
const outdir = mkdtempSync(join(ROOT, 'var', 'test-dist-'));
const llm = fakeLlm();
let indexDir = '';
const servers: ServerProcess[] = [];
const env = () => ({ INDEX_DIR: indexDir, CONVERSATION_DB: join(outdir, 'conversations.db'), EMBEDDER: 'hash', LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '0' });
const chat = (s: ServerProcess, question: string) =>
  fetch(`http://127.0.0.1:${s.port}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) });

beforeAll(async () => {
  indexDir = (await buildTestIndex()).settings.INDEX_DIR;
  const { stderr } = await build('--outdir', outdir);
  expect(stderr).toMatch(/^built var\/test-dist-\w+\/ \(server\/start\.mjs, server\/cluster\.mjs, index\/ingest-cli\.mjs, answer\/cli\.mjs, eval\/cli\.mjs, eval\/feedback-cli\.mjs, index\/build-worker\.mjs\) in \d+ ms/);
}, 60_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await llm.close();
  rmSync(outdir, { recursive: true, force: true });
  rmSync(indexDir, { recursive: true, force: true });
});

describe('the built server', () => {
  it('starts from dist/server/start.mjs and serves answers, the page and the widget', async () => {
    const server = await startServer(join(outdir, 'server/start.mjs'), env(), [], 30_000);
    servers.push(server);
    const res = await chat(server, '阳城2022年蚕茧产量是多少？');
    expect(res.status).toBe(200);
    expect(((await res.json()) as { answer: string; mode: string })).toMatchObject({ answer: expect.stringContaining('167.7万公斤'), mode: 'extractive' });
    const page = await fetch(`http://127.0.0.1:${server.port}/`);
    expect(await page.text()).toContain('<html lang="zh-CN">');
    const widget = await fetch(`http://127.0.0.1:${server.port}/widget.js`);
    expect(widget.headers.get('content-type')).toMatch(/^application\/javascript/);
    expect((await widget.text()).length).toBeGreaterThan(1000);
  });

  it('swaps in an uploaded document built by its bundled build thread (dist/index/build-worker.mjs)', async () => {
    const index = join(outdir, 'swap-index');
    cpSync(indexDir, index, { recursive: true });
    const ADMIN_KEY = 'built-server-admin-key-0123';
    const server = await startServer(join(outdir, 'server/start.mjs'), { ...env(), INDEX_DIR: index, UPLOADS_DIR: join(outdir, 'uploads'), ADMIN_KEY }, [], 30_000);
    servers.push(server);
    const admin = (path: string, init: RequestInit = {}) => fetch(`http://127.0.0.1:${server.port}/admin/api/documents${path}`, { ...init, headers: { authorization: `Bearer ${ADMIN_KEY}` } });
    const form = new FormData();
    form.append('file', new Blob([savedNewsPage(SAMPLE_ARTICLES.html)]), 'hongshu.html');
    let { job } = (await (await admin('', { method: 'POST', body: form })).json()) as { job: { id: string; state: string; error: string | null } };
    while (job.state === 'queued' || job.state === 'running') {
      await new Promise((r) => setTimeout(r, 50));
      ({ job } = (await (await admin(`/jobs/${job.id}`)).json()) as { job: typeof job });
    }
    expect(job).toMatchObject({ state: 'done', error: null });
    const body = (await (await chat(server, '泽州红薯的种植面积是多少？')).json()) as { answer: string };
    expect(body.answer).toContain('3.5万亩');
  }, 60_000);

  it('logs answers in its SQLite file and takes feedback on them (better-sqlite3 loads from node_modules)', async () => {
    const server = await startServer(join(outdir, 'server/start.mjs'), env(), [], 30_000);
    servers.push(server);
    const { answerId } = (await (await chat(server, '阳城2022年蚕茧产量是多少？')).json()) as { answerId: string };
    const feedback = await fetch(`http://127.0.0.1:${server.port}/api/feedback`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ answerId, rating: 'up' }) });
    expect([feedback.status, await feedback.json()]).toEqual([200, { answerId, rating: 'up', comment: null }]);
    expect(existsSync(join(outdir, 'conversations.db'))).toBe(true);
  });

  it('loads the LLM client on demand and answers in LLM mode', async () => {
    const LLM_BASE_URL = await llm.listen();
    llm.script((req) => ({ text: `泽州山楂栽培历史已有300多年[${sourceWith(req, '300多年')}]。` }));
    const server = await startServer(join(outdir, 'server/start.mjs'), { ...env(), LLM_BASE_URL, LLM_MODEL: 'fake' }, [], 30_000);
    servers.push(server);
    const body = (await (await chat(server, '泽州山楂的栽培历史有多久？')).json()) as { answer: string; mode: string };
    expect(body).toMatchObject({ answer: '泽州山楂栽培历史已有300多年[1]。', mode: 'llm' });
    expect(llm.received).toHaveLength(1);
  });

  it('runs two workers from dist/server/cluster.mjs', async () => {
    const server = await startServer(join(outdir, 'server/cluster.mjs'), env(), ['--workers', '2'], 30_000);
    servers.push(server);
    const answers = await Promise.all(Array.from({ length: 10 }, () => chat(server, '陵川中药材种类有多少种？').then(async (r) => ({ status: r.status, body: (await r.json()) as { answer?: string } }))));
    // Every one answered by either worker; a failure shows what came back instead.
    expect(answers.filter((a) => !a.body.answer?.includes('521'))).toEqual([]);
    await server.stop();
    expect(server.child.exitCode).toBe(0);
  });
});

describe('the built CLIs', () => {
  it('ingest the bundled articles into a new index and answer from it with citations', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jc-built-cli-'));
    try {
      const cli = (entry: string, args: string[]) => run(process.execPath, [join(outdir, entry), ...args], { cwd: ROOT, env: { ...process.env, INDEX_DIR: dir, EMBEDDER: 'hash' } });
      expect((await cli('index/ingest-cli.mjs', [])).stdout).toMatch(/^indexed 37 chunks from 1 file\(s\)/);
      const { stdout } = await cli('answer/cli.mjs', ['--json', '沁水县蜂农有多少户？']);
      const answer = JSON.parse(stdout) as { answer: string; citations: { snippet: string }[] };
      expect(answer.answer).toContain('1500户');
      expect(answer.citations[0]!.snippet).toContain('1500户');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  it('names a bad eval option and exits 2', async () => {
    await expect(run(process.execPath, [join(outdir, 'eval/cli.mjs'), '--qa'], { cwd: ROOT })).rejects.toMatchObject({ code: 2 });
  });
});

describe('scripts/build.mjs --if-stale', () => {
  it('skips a build newer than its inputs and rebuilds an older one', async () => {
    const meta = join(outdir, 'meta.json');
    const before = statSync(meta).mtimeMs;
    expect((await build('--outdir', outdir, '--if-stale')).stderr).toBe('');
    expect(statSync(meta).mtimeMs).toBe(before);
    utimesSync(meta, new Date(1000), new Date(1000)); // older than every source
    expect((await build('--outdir', outdir, '--if-stale')).stderr).toMatch(/^built /);
    expect(statSync(meta).mtimeMs).toBeGreaterThan(before - 1);
  }, 60_000);

  it('names a bad option', async () => {
    await expect(build('--outdir')).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining("build: Option '--outdir <value>' argument missing") });
  });
});
