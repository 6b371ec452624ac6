// Tests for the ingest CLI as a user runs it: a real child process, a temp INDEX_DIR and the hash embedder.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';
import { printPdf, SAMPLE_ARTICLES, savedNewsPage, writeDocx } from '../test-support/make-documents.js';
import { runCli } from '../test-support/run-cli.js';
import { useTempDirs } from '../test-support/temp-dirs.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Temp folders this file creates, removed after its tests. */
const { tempDir, made } = useTempDirs();

/** Runs the CLI to completion; resolves with its exit status and non-blank output lines. */
function ingest(args: string[], indexDir: string): Promise<{ status: number | null; stdout: string[]; stderr: string[] }> {
  const env = { ...process.env, INDEX_DIR: indexDir, EMBEDDER: 'hash' };
  const child = spawn('npx', ['tsx', 'index/ingest-cli.ts', ...args], { cwd: ROOT, env });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const lines = (text: string) => text.split('\n').filter((l) => l.trim() !== '');
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout: lines(stdout), stderr: lines(stderr) }));
  });
}

describe.concurrent('npx tsx index/ingest-cli.ts', () => {
  it('indexes the bundled page into INDEX_DIR, exits 0 and reports 37 chunks', async ({ expect }) => {
    const dir = tempDir('jc-cli-');
    const run = await ingest([], dir);
    expect(run.status).toBe(0);
    expect(run.stderr).toEqual([]);
    expect(run.stdout.length).toBe(1);
    expect(run.stdout[0]).toMatch(
      new RegExp(
        `^indexed 37 chunks from 1 file\\(s\\) into ${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} ` +
          '\\(37 added, 0 removed, 0 kept\\) with hash embedder char-ngram-1-3-tfidf-hashed-512 \\[512 dims\\] in \\d+ ms$',
      ),
    );
    expect(readFileSync(join(dir, 'CURRENT'), 'utf8')).toMatch(/^build-/);
  });

  it('exits non-zero with one clear line naming a missing file, writing no index', async ({ expect }) => {
    const dir = tempDir('jc-cli-');
    const missing = join(dir, 'no-such-article.txt');
    const run = await ingest([missing], dir);
    expect(run.status).not.toBe(0);
    expect(run.stdout).toEqual([]);
    expect(run.stderr).toEqual([`ingest failed: no such file or folder: ${missing}`]);
  });

  it('adds a PDF, a Word file and a saved web page; `ask` then cites the PDF with its page', async ({ expect }) => {
    const dir = tempDir('jc-cli-');
    const docs = tempDir('jc-cli-docs-');
    await printPdf(SAMPLE_ARTICLES.pdf, join(docs, 'huangli.pdf'));
    await writeDocx(SAMPLE_ARTICLES.docx, join(docs, 'hetao.docx'));
    writeFileSync(join(docs, 'hongshu.html'), savedNewsPage(SAMPLE_ARTICLES.html));
    const run = await ingest([join(docs, 'huangli.pdf'), join(docs, 'hetao.docx'), join(docs, 'hongshu.html')], dir);
    expect(run.stderr).toEqual([]);
    expect(run.stdout[0]).toMatch(/^indexed 47 chunks from 4 file\(s\) into .* \(47 added, 0 removed, 0 kept\)/);
    const asked = await runCli('answer/cli.ts', ['高平黄梨的种植面积有多大？'], { INDEX_DIR: dir, EMBEDDER: 'hash' });
    expect(asked.code).toBe(0);
    expect(asked.stdout).toContain('高平黄梨种植面积达到1.8万亩');
    expect(asked.stdout).toContain(`[1] ${SAMPLE_ARTICLES.pdf.title}（${join(docs, 'huangli.pdf')}，第2页）`);
  }, 120_000);
});
