// The admin console in Debian's chromium (playwright-core) against the real app on loopback: sign in, upload a PDF,
// a DOCX and a saved web page, preview chunks, hit-test, ask in the widget (PDF cited with its page), delete one.
import { serve, type ServerType } from '@hono/node-server';
import { existsSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnswerService } from '../../answer/index.js';
import { CHROMIUM, CHROMIUM_ARGS, printPdf, SAMPLE_ARTICLES, savedNewsPage, writeDocx } from '../../test-support/make-documents.js';
import { useTempDirs } from '../../test-support/temp-dirs.js';
import { buildTestIndex } from '../../test-support/test-index.js';
import { createApp, type ServiceHolder } from '../app.js';
import { createLiveIndex } from '../live-index.js';
import { createLogger } from '../logger.js';

const KEY = 'console-e2e-key-0123456789';
const { tempDir } = useTempDirs();
const { pdf, docx, html } = SAMPLE_ARTICLES;

let server: ServerType;
let base: string;
let browser: Browser;
let page: Page;
let files: string[];
let holder: ServiceHolder;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`chromium not found at ${CHROMIUM}: install it with: apt-get install -y chromium`);
  const docs = tempDir('jc-console-docs-');
  files = [join(docs, '黄梨.pdf'), join(docs, '核桃.docx'), join(docs, '红薯.html')];
  await printPdf(pdf, files[0]!);
  await writeDocx(docx, files[1]!);
  writeFileSync(files[2]!, savedNewsPage(html));
  const { settings, searcher } = await buildTestIndex({ RATE_LIMIT_PER_MINUTE: '0', ADMIN_KEY: KEY, UPLOADS_DIR: tempDir('jc-console-uploads-') });
  holder = { service: createAnswerService(searcher, settings) };
  const logger = createLogger('silent');
  const liveIndex = createLiveIndex({ settings, logger, holder, makeService: (s) => createAnswerService(s, settings) });
  server = serve({ fetch: createApp({ settings, logger, holder, liveIndex }).fetch, port: 0, hostname: '127.0.0.1' });
  if (!server.listening) await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 30_000 });
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' })).newPage();
  page.on('dialog', (d) => void d.accept()); // the delete confirmation
}, 120_000);

afterAll(async () => {
  await browser?.close();
  (server as Server | undefined)?.closeAllConnections();
  server?.close();
});

/** A load test: 4 clients asking /api/chat in a loop (25 ms apart each) until stopped; stop() gives the count and the failures. */
function chatLoad() {
  let stopped = false;
  const result = { requests: 0, failures: [] as string[] };
  const client = async () => {
    for (let i = 0; !stopped; i++) {
      const question = ['高平黄梨的种植面积有多大？', '沁水核桃的栽植面积是多少？', '泽州山楂的栽培历史有多久？'][i % 3];
      const res = await fetch(`${base}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) }).catch((err: Error) => err);
      if (res instanceof Error || res.status !== 200) result.failures.push(res instanceof Error ? res.message : `HTTP ${res.status}`);
      else await res.json();
      result.requests++;
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  const clients = Array.from({ length: 4 }, client);
  return { stop: async () => ((stopped = true), await Promise.all(clients), result) };
}
let load: ReturnType<typeof chatLoad>;

/** Rows of the documents table as [title cell, source cell]. */
const documentRows = () => page.locator('#documents tbody tr').evaluateAll((rows) => rows.map((r) => [r.children[0]!.textContent, r.children[1]!.textContent]));

/** Asks the demo page's widget a question; returns the settled assistant message. */
async function askWidget(question: string) {
  await page.goto(`${base}/`);
  await page.locator('button.jc-launcher').click();
  await page.locator('.jc-input').fill(question);
  await page.keyboard.press('Enter');
  const msg = page.locator('.jc-msg.jc-assistant[data-state="done"]').last();
  await msg.waitFor();
  return msg;
}

describe('admin console in chromium', () => {
  it('signs in with ADMIN_KEY after refusing a wrong key', async () => {
    await page.goto(`${base}/admin`);
    await page.locator('#key').fill('wrong-key-0123456789');
    await page.locator('button[type="submit"]').click();
    await page.locator('#failed').waitFor({ state: 'visible' });
    await page.locator('#key').fill(KEY);
    await page.locator('button[type="submit"]').click();
    await page.locator('#documents tbody tr').first().waitFor();
    expect(await documentRows()).toEqual([[expect.stringContaining('泽州山楂红酒'), 'data/articles/jincheng-specialty-towns-page1.txt']]);
  }, 60_000);

  it('uploads a PDF, a DOCX and an HTML page in one go and lists them once the background build is swapped in', async () => {
    load = chatLoad(); // runs until the delete below has been swapped in
    await page.locator('#files').setInputFiles(files);
    await page.locator('#upload button[type="submit"]').click();
    const job = page.locator('#jobs li').first();
    await page.locator('#jobs li[data-state="done"]').first().waitFor({ timeout: 120_000 });
    expect(await job.textContent()).toMatch(/^上传 黄梨\.pdf、核桃\.docx、红薯\.html（PDF、Word、网页）：已完成（共 \d+ 个片段：新增 10，删除 0）$/);
    await page.waitForFunction(() => document.querySelectorAll('#documents tbody tr').length === 4);
    const rows = await documentRows();
    expect(rows.slice(1).map(([title]) => title)).toEqual([docx.title, html.title, pdf.title]); // files in sorted order: 核桃, 红薯, 黄梨
    expect(rows.slice(1).every(([, source]) => /jc-console-uploads-/.test(source!))).toBe(true);
  }, 150_000);

  it('previews the PDF\'s chunks as repaired, each with its page', async () => {
    await page.locator('#documents tbody tr', { hasText: pdf.title }).getByRole('button', { name: '预览' }).click();
    await page.locator('#preview-chunks li').first().waitFor();
    const items = await page.locator('#preview-chunks li').allTextContents();
    expect(items).toHaveLength(4);
    expect(items[0]).toContain('第 1 页');
    expect(items[2]).toContain('第 2 页');
    expect(items[2]).toContain('高平黄梨种植面积达到1.8万亩');
  });

  it('hit-tests a question: ranked passages with fused, BM25 and dense scores', async () => {
    await page.locator('a[data-tab="hit-test"]').click();
    await page.locator('#hit-q').fill('沁水核桃的栽植面积是多少？');
    await page.locator('#hit-form button[type="submit"]').click();
    await page.locator('#hits tbody tr').first().waitFor();
    const first = await page.locator('#hits tbody tr').first().locator('td').allTextContents();
    expect(first[0]).toBe('1');
    expect(first[1]).toMatch(/^\d\.\d{4}$/);
    expect(first[2]).toMatch(/^\d+\.\d{2}（1）$/);
    expect(first[3]).toMatch(/^\d\.\d{3}（\d+）$/);
    expect(first[4]).toContain('沁水核桃：山区群众的绿色银行');
    expect(first[4]).toContain('52万亩');
  });

  it('answers in the widget from each uploaded document, citing the PDF with its page', async () => {
    for (const [question, fact, title] of [
      ['高平黄梨的种植面积有多大？', '1.8万亩', pdf.title],
      ['沁水核桃的栽植面积是多少？', '52万亩', docx.title],
      ['泽州红薯的种植面积是多少？', '3.5万亩', html.title],
    ]) {
      const msg = await askWidget(question!);
      expect(await msg.locator('.jc-bubble').first().textContent()).toContain(fact);
      await msg.locator('button.jc-cite[data-n="1"]').first().click();
      const card = msg.locator('.jc-source-card');
      expect(await card.locator('.jc-source-title').textContent()).toContain(title);
      if (title === pdf.title) expect(await card.locator('.jc-source-byline').textContent()).toContain('第 2 页');
    }
  }, 60_000);

  it('deletes a document from the console; its answers go, the others stay; the load on /api/chat saw no failure', async () => {
    await page.goto(`${base}/admin#documents`);
    await page.locator('#documents tbody tr', { hasText: docx.title }).getByRole('button', { name: '删除' }).click();
    await page.waitForFunction(() => document.querySelectorAll('#documents tbody tr').length === 3, null, { timeout: 60_000 });
    expect(await page.locator('#jobs li').first().getAttribute('data-state')).toBe('done');
    const gone = await askWidget('沁水核桃的栽植面积是多少？');
    expect(await gone.locator('.jc-bubble').first().textContent()).not.toContain('52万亩');
    const kept = await askWidget('泽州红薯的种植面积是多少？');
    expect(await kept.locator('.jc-bubble').first().textContent()).toContain('3.5万亩');
    const { requests, failures } = await load.stop();
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThan(20);
  }, 60_000);
});
