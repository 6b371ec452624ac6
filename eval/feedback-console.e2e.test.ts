// End to end in Debian's chromium: questions asked in the widget, feedback on the answers, the admin console's
// conversation log and feedback tabs showing them, the QA file downloaded from the console, and the eval run on it.
import { serve, type ServerType } from '@hono/node-server';
import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnswerService } from '../answer/index.js';
import { createApp } from '../server/app.js';
import { createConversationLog, createSqliteStore, type ConversationLog } from '../server/conversations/index.js';
import { createLiveIndex } from '../server/live-index.js';
import { createLogger } from '../server/logger.js';
import { useTempDirs } from '../test-support/temp-dirs.js';
import { buildTestIndex } from '../test-support/test-index.js';
import { parseQaSet } from './qa-set.js';
import { httpAsk, runEval } from './run-eval.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-background-networking', '--disable-gpu', '--no-first-run'];
const KEY = 'admin-key-0123456789';
const Q_GOOD = '阳城2022年蚕茧产量是多少？';
const Q_BAD = '陵川中药材种类有多少种？';

const { tempDir } = useTempDirs();
let server: ServerType;
let browser: Browser;
let log: ConversationLog;
let base = '';
let shots = '';

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`chromium not found at ${CHROMIUM}: install it with bash scripts/setup.sh`);
  const logger = createLogger('silent');
  const { settings: built, searcher } = await buildTestIndex({ RATE_LIMIT_PER_MINUTE: '0' });
  const settings = { ...built, ADMIN_KEY: KEY };
  const holder = { service: createAnswerService(searcher, settings) };
  const liveIndex = createLiveIndex({ settings, logger, holder, makeService: (s) => createAnswerService(s, settings) });
  log = createConversationLog({ store: createSqliteStore(join(tempDir('jc-fb-e2e-'), 'conversations.db')), logger, retentionDays: 0 });
  server = serve({ fetch: createApp({ settings, logger, holder, liveIndex, conversations: log }).fetch, port: 0, hostname: '127.0.0.1' });
  if (!server.listening) await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  shots = tempDir('jc-fb-shots-');
  browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS, timeout: 30_000 });
});

afterAll(async () => {
  await browser?.close();
  (server as Server | undefined)?.closeAllConnections();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  await log?.close();
});

/** Asks in the widget, waits for the answer, and resolves with its message and the id the log gave it (channel widget). */
async function askInWidget(page: Page, question: string): Promise<{ msg: Locator; answerId: string }> {
  const before = await page.locator('.jc-msg.jc-assistant').count();
  await page.locator('.jc-input').fill(question);
  await page.keyboard.press('Enter');
  const msg = page.locator('.jc-msg.jc-assistant').nth(before);
  await msg.and(page.locator('[data-state="done"]')).waitFor();
  await log.flush();
  const { entries } = await log.store.list({ channel: 'widget', limit: 1, offset: 0 });
  expect(entries[0]!.question).toBe(question);
  return { msg, answerId: entries[0]!.id };
}

describe('feedback from the widget to the console and the eval', () => {
  const answerIds: Record<string, string> = {};

  it('logs questions asked in the widget and takes the feedback given with its 👍/👎 buttons', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    page.setDefaultTimeout(20_000);
    await page.goto(`${base}/`);
    await page.locator('#jincheng-chat-widget button.jc-launcher').click();
    const good = await askInWidget(page, Q_GOOD);
    answerIds.good = good.answerId;
    await good.msg.locator('.jc-up').click();
    await expect.poll(() => good.msg.locator('.jc-act-status').textContent()).toBe('感谢您的反馈');
    const bad = await askInWidget(page, Q_BAD);
    answerIds.bad = bad.answerId;
    await bad.msg.locator('.jc-down').click();
    await page.locator('.jc-feedback-text').fill('没列出具体品种');
    await page.locator('.jc-feedback-send').click();
    await expect.poll(() => bad.msg.locator('.jc-act-status').textContent()).toBe('感谢您的反馈');
    expect((await log.store.get(answerIds.good))!.feedback).toMatchObject({ rating: 'up', comment: null });
    expect((await log.store.get(answerIds.bad))!.feedback).toMatchObject({ rating: 'down', comment: '没列出具体品种' });
    await page.close();
  });

  it('shows them in the console: the log filtered to 👎, then the QA and review items', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
    page.setDefaultTimeout(20_000);
    await page.goto(`${base}/admin`);
    await page.locator('#key').fill(KEY);
    await page.locator('button[type="submit"]').click();
    await page.locator('[data-tab="conversations"]').click();
    await expect.poll(() => page.locator('#log tbody tr[data-answer-id]').count()).toBe(2);
    expect(await page.locator('#log-summary').textContent()).toBe('共 2 条，第 1–2 条');
    await page.locator('select[name="rating"]').selectOption('down');
    await page.locator('#log-filter button[type="submit"]').click();
    await expect.poll(() => page.locator('#log tbody tr[data-answer-id]').count()).toBe(1);
    const row = page.locator(`#log tbody tr[data-answer-id="${answerIds.bad}"]`);
    expect(await row.textContent()).toContain(Q_BAD);
    expect(await row.textContent()).toContain('网页挂件');
    expect(await row.locator('[data-rating="down"] .comment').textContent()).toBe('没列出具体品种');
    expect(await page.locator('#log-export-csv').getAttribute('href')).toBe('/admin/api/conversations/export?rating=down&format=csv');
    await page.screenshot({ path: join(shots, 'conversations.png'), fullPage: true });

    await page.locator('[data-tab="feedback"]').click();
    await page.locator(`#fb-qa tbody tr[data-id="fb-${answerIds.good}"]`).waitFor();
    expect(await page.locator('#fb-qa tbody tr').textContent()).toContain('167.7万公斤');
    expect(await page.locator(`#fb-review tbody tr[data-answer-id="${answerIds.bad}"]`).textContent()).toContain('没列出具体品种');
    await page.screenshot({ path: join(shots, 'feedback.png'), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#fb-qa-file').click()]);
    const file = join(shots, download.suggestedFilename());
    await download.saveAs(file);
    const { items, problems } = parseQaSet(readFileSync(file, 'utf8'));
    expect(problems).toEqual([]);
    expect(items).toMatchObject([{ id: `fb-${answerIds.good}`, question: Q_GOOD, type: 'feedback' }]);

    // The eval runs on the console's file, asking the running server.
    const report = await runEval(items, httpAsk(base), { k: 5, embedder: 'server' });
    expect(report.summary).toMatchObject({ n: 1, answer_accuracy: 1, citation_support: 1, hit_at_k: 1 });
    await page.close();
  });
});
