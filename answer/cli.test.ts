// Tests of `npm run ask` (answer/cli.ts) as a child process over a temp index built with the hash embedder.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTestIndex } from '../test-support/test-index.js';
import { REFUSAL_ZH } from './answer-chain.js';
import { runCli } from '../test-support/run-cli.js';

/** Runs `npm run ask` as a user would. */
const ask = (args: string[], env: Record<string, string>) => runCli('answer/cli.ts', args, env);

const SOURCE = 'data/articles/jincheng-specialty-towns-page1.txt';


let env: Record<string, string>;

beforeAll(async () => {
  const { settings } = await buildTestIndex();
  env = { INDEX_DIR: settings.INDEX_DIR, EMBEDDER: 'hash' };
});

// Each case spawns a process; the timeout leaves room for a loaded machine.
describe('answer CLI', { timeout: 120_000 }, () => {
  it('prints the answer, then 来源： and the numbered citation with title, source line and snippet', async () => {
    const r = await ask(['沁水县的蜂农有多少户？'], env);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toContain('1500户');
    expect(lines[0]).toMatch(/\[1\]$/);
    expect(lines[1]).toBe('');
    expect(lines[2]).toBe('来源：');
    expect(lines[3]).toBe(`[1] 沁水蜂蜜：舞出乡村振兴“甜蜜曲”（${SOURCE}:135）`);
    expect(lines[4]).toMatch(/^ {4}经过多年的发展，沁水养蜂业/);
    expect(lines[4]).toContain('全县蜂农达1500户');
    expect(lines).toHaveLength(5);
  });

  it('numbers several citations 1..n in order', async () => {
    const r = await ask(['阳城蚕桑综合产值和陵川中药材年产值各是多少？'], env);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toContain('3亿元');
    expect(lines[0]).toContain('5.28亿元');
    const heads = lines.filter((l) => /^\[\d+\] /.test(l));
    expect(heads.map((l) => Number(/^\[(\d+)\]/.exec(l)![1]))).toEqual([1, 2]);
    for (const h of heads) expect(h).toMatch(new RegExp(`（${SOURCE.replace(/\./g, '\\.')}:\\d+）$`));
  });

  it('prints only the refusal for a question the articles do not answer', async () => {
    const r = await ask(['西红柿炒鸡蛋怎么做？'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`${REFUSAL_ZH}\n`);
  });

  it('prints --json with question, answer, refused, citations and retrieved, plus the operation and the typed facts used', async () => {
    const r = await ask(['--json', '沁水县的蜂农有多少户？'], env);
    expect(r.code, r.stderr).toBe(0);
    const body = JSON.parse(r.stdout) as Record<string, unknown> & { citations: Record<string, unknown>[]; retrieved: Record<string, unknown>[] };
    expect(Object.keys(body).sort()).toEqual(['answer', 'citations', 'facts', 'operation', 'question', 'refused', 'related', 'retrieved']);
    expect(body.operation).toBe('lookup');
    expect(body.facts).toEqual([expect.objectContaining({ n: 1, kind: 'quantity', text: '1500户', value: 1500 })]);
    expect(body.question).toBe('沁水县的蜂农有多少户？');
    expect(body.refused).toBe(false);
    expect(body.answer).toContain('1500户');
    expect(body.citations).toHaveLength(1);
    expect(Object.keys(body.citations[0]!).sort()).toEqual(['chunkId', 'line', 'n', 'snippet', 'source', 'title', 'town']);
    expect(body.citations[0]).toMatchObject({ n: 1, town: '沁水蜂蜜', source: SOURCE, line: 135 });
    expect(body.retrieved).toHaveLength(5);
    for (const hit of body.retrieved) {
      expect(hit).toEqual(expect.objectContaining({ chunkId: expect.any(String), title: expect.any(String), text: expect.any(String), score: expect.any(Number) }));
    }
    expect(body.retrieved.map((h) => h.chunkId)).toContain(body.citations[0]!.chunkId);
  });

  it('limits the retrieved passages with --k 2', async () => {
    const r = await ask(['--json', '--k', '2', '沁水县的蜂农有多少户？'], env);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { retrieved: unknown[] }).retrieved).toHaveLength(2);
  });

  it.each([[['   ']], [[]]])('exits non-zero with one line saying the question is empty (args %j)', async (args) => {
    const r = await ask(args, env);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('ask failed: the question is empty');
    expect(lines.filter((l) => /empty/.test(l))).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits non-zero and tells to run `npm run ingest` when INDEX_DIR has no index', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'jc-empty-'));
    const r = await ask(['沁水县的蜂农有多少户？'], { INDEX_DIR: empty, EMBEDDER: 'hash' });
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toBe(`ask failed: no index in ${empty}: run \`npm run ingest\` first`);
  });

  it('exits non-zero and tells to re-ingest when EMBEDDER=transformers meets a hash index', async () => {
    const r = await ask(['沁水县的蜂农有多少户？'], { ...env, EMBEDDER: 'transformers' });
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^ask failed: the index was built with the hash embedder/);
    expect(r.stderr).toContain('EMBEDDER=transformers');
    expect(r.stderr).toContain('re-run `npm run ingest`');
  });
});
