// End-to-end: the real app (real temp index, offline hash embedder) served over HTTP, the chat widget
// driven in Debian's chromium through playwright-core. Needs /usr/bin/chromium; fails (never skips) without it.
import { serve, type ServerType } from '@hono/node-server';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnswerService } from '../answer/answer-service.js';
import { buildTestIndex } from '../test-support/test-index.js';
import { createApp } from './app.js';
import { createLogger } from './logger.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-background-networking', '--disable-gpu', '--no-first-run', '--disable-component-update', '--disable-sync'];
const STEP_MS = 15_000; // any single wait in a test

const Q_PIGS = '高平2022年生猪出栏多少头？';
const Q_FOLLOW_UP = '那屠宰了多少头呢？';
const Q_XSS = '<img src=x onerror="window.__pwned=1">泽州山楂';
const Q_REFUSED = '明天晋城天气怎么样？';

let indexDir = '';
let app: ServerType | null = null;
let embedder: Server | null = null;
let browser: Browser | null = null;
let desktop: BrowserContext;
let base = ''; // http://127.0.0.1:APP_PORT
let shots = ''; // screenshots folder under os.tmpdir()

function listen(server: Server | ServerType): Promise<number> {
  return new Promise((resolve, reject) => {
    const done = () => resolve((server.address() as AddressInfo).port);
    if (server.listening) done();
    else {
      server.once('listening', done);
      server.once('error', reject);
    }
  });
}

function close(server: Server | ServerType | null): Promise<void> {
  if (!server) return Promise.resolve();
  if ('closeAllConnections' in server) server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

const shot = (page: Page, name: string) => page.screenshot({ path: join(shots, `${name}.png`), animations: 'disabled' });

/** A fresh page on `origin` with the widget loaded (widget.js is deferred). */
async function openPage(context: BrowserContext, url = `${base}/`): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_MS);
  await page.goto(url);
  await page.locator('#jincheng-chat-widget button.jc-launcher').waitFor();
  return page;
}

/** Class name of the element focused inside the widget's shadow root ('' when none). */
const focusedInWidget = (page: Page) =>
  page.evaluate(() => {
    const active = document.getElementById('jincheng-chat-widget')?.shadowRoot?.activeElement;
    return active ? active.className : '';
  });

async function waitForFocus(page: Page, cls: string): Promise<void> {
  await page.waitForFunction(
    (c) => !!document.getElementById('jincheng-chat-widget')?.shadowRoot?.activeElement?.classList.contains(c),
    cls,
  );
}

/** Opens the panel with the launcher and waits for the focus to land in the textarea. */
async function openPanel(page: Page): Promise<void> {
  await page.locator('button.jc-launcher').click();
  await page.locator('.jc-panel').waitFor({ state: 'visible' });
  await waitForFocus(page, 'jc-input');
}

/** Types a question in the focused textarea, presses Enter, and returns the new assistant message once it settles. */
async function ask(page: Page, question: string, settle: 'done' | 'error' = 'done') {
  const before = await page.locator('.jc-msg.jc-assistant').count();
  await page.keyboard.type(question);
  await page.keyboard.press('Enter');
  const msg = page.locator('.jc-msg.jc-assistant').nth(before);
  await msg.and(page.locator(`[data-state="${settle}"]`)).waitFor();
  return msg;
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`chromium not found at ${CHROMIUM}: the widget end-to-end tests need it. Install it with: apt-get install -y chromium`);
  }
  shots = mkdtempSync(join(tmpdir(), 'jc-widget-e2e-'));
  const { settings, searcher } = await buildTestIndex();
  indexDir = settings.INDEX_DIR;
  const holder = { service: createAnswerService(searcher, settings) };
  const server = serve({ fetch: createApp({ settings, logger: createLogger('silent'), holder }).fetch, port: 0, hostname: '127.0.0.1' });
  app = server;
  base = `http://127.0.0.1:${await listen(server)}`;

  // A page on another origin (another loopback port) embedding the widget from the app.
  const embedPage = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>第三方网站</title></head>
<body><h1>某县文旅网站</h1><p>嵌入的问答助手在右下角。</p>
<script src="${base}/widget.js" data-endpoint="${base}" data-title="文旅问答" defer></script></body></html>`;
  embedder = createServer((req, res) => {
    if (req.url === '/' || req.url === '/index.html') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(embedPage);
    else res.writeHead(404).end();
  }).listen(0, '127.0.0.1');
  await listen(embedder);

  browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS, timeout: 30_000 });
  desktop = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([close(app), close(embedder)]);
  if (indexDir) rmSync(indexDir, { recursive: true, force: true });
});

describe('chat widget in chromium against the real app', () => {
  let page: Page; // the conversation shared by the first three tests

  it('answers a question with streamed deltas: streaming → done, 85万头', async () => {
    page = await openPage(desktop);
    await openPanel(page);
    expect(await focusedInWidget(page)).toContain('jc-input');

    // The server computes the whole answer before writing its SSE events back to back, and @hono/node-server
    // sends a stream that has already ended as one body: the browser reads meta, deltas, citations and done in a
    // single chunk, so the widget can only render once. To see the widget render deltas as they arrive (as it
    // must on a slow network or with a slow LLM), re-deliver the real response one SSE event per read, 40 ms apart.
    await page.evaluate(() => {
      const realFetch = window.fetch.bind(window);
      const w = window as unknown as { __realFetch: typeof fetch };
      w.__realFetch = realFetch;
      window.fetch = async (input, init) => {
        const res = await realFetch(input, init);
        if (!String(input).endsWith('/api/chat') || !res.body) return res;
        const reader = res.body.getReader();
        const encoder = new TextEncoder();
        const decoder = new TextDecoder();
        let buffer = '';
        const paced = new ReadableStream<Uint8Array>({
          async pull(controller) {
            for (;;) {
              const end = buffer.indexOf('\n\n');
              if (end >= 0) {
                const event = buffer.slice(0, end + 2);
                buffer = buffer.slice(end + 2);
                await new Promise((r) => setTimeout(r, 40));
                controller.enqueue(encoder.encode(event));
                return;
              }
              const { done, value } = await reader.read();
              if (done) {
                buffer += decoder.decode();
                if (buffer) controller.enqueue(encoder.encode(buffer));
                buffer = '';
                controller.close();
                return;
              }
              buffer += decoder.decode(value, { stream: true });
            }
          },
        });
        return new Response(paced, { status: res.status, statusText: res.statusText, headers: res.headers });
      };
    });

    // Record each state / answer length of the assistant message as the DOM changes.
    await page.evaluate(() => {
      const root = document.getElementById('jincheng-chat-widget')!.shadowRoot!;
      const trace: { state: string; len: number; caret: boolean }[] = [];
      (window as unknown as { __trace: typeof trace }).__trace = trace;
      const record = () => {
        const msg = root.querySelector('.jc-msg.jc-assistant');
        if (!msg) return;
        const answer = msg.querySelector('.jc-answer');
        const entry = { state: msg.getAttribute('data-state') ?? '', len: answer?.textContent?.length ?? 0, caret: !!answer?.querySelector('.jc-caret') };
        const last = trace[trace.length - 1];
        if (!last || last.state !== entry.state || last.len !== entry.len || last.caret !== entry.caret) trace.push(entry);
      };
      new MutationObserver(record).observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
    });

    const msg = await ask(page, Q_PIGS);
    await page.evaluate(() => {
      window.fetch = (window as unknown as { __realFetch: typeof fetch }).__realFetch;
    });

    expect(await page.locator('.jc-msg.jc-user .jc-bubble').first().textContent()).toBe(Q_PIGS);
    expect(await msg.locator('.jc-answer').textContent()).toContain('85万头');
    expect(await msg.getAttribute('class')).not.toContain('jc-refused');

    const trace = await page.evaluate(() => (window as unknown as { __trace: { state: string; len: number; caret: boolean }[] }).__trace);
    const states = trace.map((t) => t.state);
    expect(states[0]).toBe('streaming');
    expect(states[states.length - 1]).toBe('done');
    expect(states).not.toContain('error');
    const streamedLengths = new Set(trace.filter((t) => t.state === 'streaming' && t.len > 0).map((t) => t.len));
    expect(streamedLengths.size, `partial answers rendered while streaming: ${JSON.stringify(trace)}`).toBeGreaterThan(1);
    expect(trace.some((t) => t.state === 'streaming' && t.caret)).toBe(true); // the typing caret while streaming
    // Lengths only grow: deltas are appended.
    const lengths = trace.map((t) => t.len);
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));

    // The answer keeps its sources list, and the caret is gone once done.
    expect(await msg.locator('.jc-sources button.jc-source-item').count()).toBeGreaterThan(0);
    expect(await msg.locator('.jc-caret').count()).toBe(0);
    await shot(page, '1-answer');
  });

  it('opens the source card from the [1] marker', async () => {
    const msg = page.locator('.jc-msg.jc-assistant').first();
    const marker = msg.locator('button.jc-cite[data-n="1"]').first();
    await marker.click();
    const card = msg.locator('.jc-source-card');
    await card.waitFor({ state: 'visible' });
    expect(await marker.getAttribute('aria-expanded')).toBe('true');
    expect(await card.locator('.jc-source-title').textContent()).toContain('高平生猪');
    expect(await card.locator('.jc-source-snippet').textContent()).toContain('85万头');
    expect(await card.locator('.jc-source-town').textContent()).toContain('高平');
    // For readers: title, byline and where it was printed; never a file path or line number.
    expect(await card.locator('.jc-source-byline').textContent()).toBe('陈云华 · 山西省市级特色小镇(晋城)');
    const cardText = (await card.textContent()) ?? '';
    expect(cardText).not.toMatch(/data\/|\.txt|第 \d+ 行|出处/);
    await shot(page, '2-source-card');

    // Clicking the marker again collapses the card.
    await marker.click();
    await card.waitFor({ state: 'detached' });
    expect(await marker.getAttribute('aria-expanded')).toBe('false');
  });

  it('sends the history so a follow-up is answered in context (38.8万头)', async () => {
    await page.locator('textarea.jc-input').focus();
    const sent = page.waitForRequest((r) => r.url().endsWith('/api/chat') && r.method() === 'POST');
    const msg = await ask(page, Q_FOLLOW_UP);
    const body = (await sent).postDataJSON() as { question: string; history: { role: string; content: string }[]; stream: boolean };
    expect(body.question).toBe(Q_FOLLOW_UP);
    expect(body.stream).toBe(true);
    expect(body.history.map((t) => t.role)).toEqual(['user', 'assistant']);
    expect(body.history[0]!.content).toBe(Q_PIGS);
    expect(body.history[1]!.content).toContain('85万头');

    expect(await page.locator('.jc-msg.jc-assistant').count()).toBe(2);
    expect(await msg.locator('.jc-answer').textContent()).toContain('38.8万头');
    await page.close();
  });

  it('renders markup in a question as text: no <img>, no script run', async () => {
    const p = await openPage(desktop);
    await openPanel(p);
    const msg = await ask(p, Q_XSS);

    expect(await p.locator('.jc-msg.jc-user .jc-bubble').textContent()).toBe(Q_XSS);
    const found = await p.evaluate(() => {
      const root = document.getElementById('jincheng-chat-widget')!.shadowRoot!;
      return { shadowImgs: root.querySelectorAll('img').length, pageImgs: document.querySelectorAll('img').length };
    });
    expect(found).toEqual({ shadowImgs: 0, pageImgs: 0 });
    expect(await msg.locator('.jc-answer').textContent()).toContain('山楂');
    await p.waitForTimeout(200); // an <img src=x> would have failed to load (and fired onerror) by now
    expect(await p.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    await p.close();
  });

  it('shows a refused question as refused, without sources', async () => {
    const p = await openPage(desktop);
    await openPanel(p);
    const msg = await ask(p, Q_REFUSED);
    expect(await msg.getAttribute('class')).toContain('jc-refused');
    expect(await msg.locator('.jc-answer').textContent()).toContain('没有找到');
    expect(await msg.locator('.jc-sources').count()).toBe(0);
    expect(await msg.locator('button.jc-cite').count()).toBe(0);
    expect(await msg.locator('button.jc-source-item').count()).toBe(0);
    await p.close();
  });

  it('closes with Esc and gives the focus back to the launcher', async () => {
    const p = await openPage(desktop);
    const launcher = p.locator('button.jc-launcher');
    expect(await launcher.getAttribute('aria-label')).toBe('打开问答助手');
    expect(await p.locator('.jc-panel').isHidden()).toBe(true);
    await openPanel(p);
    expect(await launcher.getAttribute('aria-expanded')).toBe('true');

    await p.keyboard.press('Escape');
    await p.locator('.jc-panel').waitFor({ state: 'hidden' });
    expect(await launcher.getAttribute('aria-expanded')).toBe('false');
    await waitForFocus(p, 'jc-launcher');
    // The page's focus is on the widget host, i.e. the launcher inside it.
    expect(await p.evaluate(() => document.activeElement?.id)).toBe('jincheng-chat-widget');

    // And the keyboard opens it again.
    await p.keyboard.press('Enter');
    await p.locator('.jc-panel').waitFor({ state: 'visible' });
    await waitForFocus(p, 'jc-input');
    await p.close();
  });

  it('fills the viewport width on a phone (390x844)', async () => {
    const phone = await browser!.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    try {
      const p = await openPage(phone);
      await p.locator('button.jc-launcher').click();
      const panel = p.locator('.jc-panel');
      await panel.waitFor({ state: 'visible' });
      await p.waitForFunction(() => {
        const el = document.getElementById('jincheng-chat-widget')?.shadowRoot?.querySelector('.jc-panel');
        return !!el && el.getAnimations().every((a) => a.playState === 'finished');
      });
      const box = await panel.boundingBox();
      const vw = await p.evaluate(() => document.documentElement.clientWidth);
      expect(vw).toBe(390);
      expect(box).not.toBeNull();
      expect(box!.x).toBeCloseTo(0, 0);
      expect(box!.width).toBeCloseTo(vw, 0);
      expect(box!.y).toBeCloseTo(0, 0);
      expect(box!.height).toBeCloseTo(844, 0);
      // Full screen: the launcher hides, the close button in the header stays reachable.
      expect(await p.locator('button.jc-launcher').isHidden()).toBe(true);
      expect(await p.locator('button.jc-close').isVisible()).toBe(true);
      await shot(p, '7-phone');
    } finally {
      await phone.close();
    }
  });

  it('shows an error with a retry button when the request fails, and the retry answers', async () => {
    const p = await openPage(desktop);
    await p.route('**/api/chat', (route) => route.abort('failed'));
    await openPanel(p);
    const msg = await ask(p, Q_PIGS, 'error');
    const error = msg.locator('.jc-error');
    await error.waitFor({ state: 'visible' });
    expect(await error.textContent()).toContain('网络连接失败');
    const retry = msg.locator('button.jc-retry');
    expect(await retry.isVisible()).toBe(true);
    await shot(p, '8-error');

    await p.unroute('**/api/chat');
    await retry.click();
    await msg.and(p.locator('[data-state="done"]')).waitFor();
    expect(await msg.locator('.jc-error').count()).toBe(0);
    expect(await msg.locator('.jc-answer').textContent()).toContain('85万头');
    expect(await p.locator('.jc-msg.jc-assistant').count()).toBe(1); // retried in place
    await p.close();
  });

  it('works embedded on another origin (CORS)', async () => {
    const origin = `http://127.0.0.1:${(embedder!.address() as AddressInfo).port}`;
    const p = await openPage(desktop, `${origin}/`);
    expect(await p.evaluate(() => (window as unknown as { JinchengChat?: { endpoint?: string } }).JinchengChat?.endpoint)).toBe(base);
    expect(await p.locator('.jc-title').textContent()).toBe('文旅问答');
    await openPanel(p);
    const answered = p.waitForResponse((r) => r.url() === `${base}/api/chat` && r.request().method() === 'POST');
    const msg = await ask(p, Q_PIGS);
    const res = await answered;
    expect(await res.request().headerValue('origin')).toBe(origin);
    expect(await res.headerValue('access-control-allow-origin')).toBe('*');
    expect(await msg.locator('.jc-answer').textContent()).toContain('85万头');
    expect(await msg.locator('button.jc-source-item').count()).toBeGreaterThan(0);
    await shot(p, '9-cross-origin');
    await p.close();
  });
});

/** How many px of the newest assistant message sit below the visible bottom of the message list, once scrolling settles. */
async function hiddenBelow(page: Page): Promise<number> {
  await page.waitForFunction(
    () =>
      new Promise<boolean>((resolve) => {
        const list = document.getElementById('jincheng-chat-widget')!.shadowRoot!.querySelector('.jc-messages')!;
        const top = list.scrollTop;
        setTimeout(() => resolve(list.scrollTop === top), 250);
      }),
  );
  return page.evaluate(() => {
    const root = document.getElementById('jincheng-chat-widget')!.shadowRoot!;
    const list = root.querySelector('.jc-messages')!.getBoundingClientRect();
    const all = root.querySelectorAll('.jc-msg.jc-assistant');
    const last = all[all.length - 1]!.getBoundingClientRect();
    return Math.round(last.bottom - list.bottom);
  });
}

const FOUR = [Q_PIGS, Q_FOLLOW_UP, '泽州山楂的栽培历史有多久？', '陵川中药材种类有多少种？'];

describe('the newest answer stays in view', () => {
  for (const [name, viewport] of [
    ['desktop 1280x800', { width: 1280, height: 800 }],
    ['phone 390x844', { width: 390, height: 844 }],
  ] as const) {
    it(`shows all of the fourth answer and its opened source card (${name})`, async () => {
      const context = await browser!.newContext({ viewport, locale: 'zh-CN', ...(viewport.width < 500 ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}) });
      try {
        const p = await openPage(context);
        const failed: string[] = [];
        p.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText}`));
        p.on('console', (m) => m.type() === 'error' && failed.push(m.text()));
        await openPanel(p);
        const gaps: number[] = [];
        for (const q of FOUR) {
          await p.locator('textarea.jc-input').focus();
          await ask(p, q);
          gaps.push(await hiddenBelow(p));
        }
        const last = p.locator('.jc-msg.jc-assistant').last();
        await last.locator('button.jc-cite[data-n="1"]').first().click();
        await last.locator('.jc-source-card').waitFor({ state: 'visible' });
        gaps.push(await hiddenBelow(p));
        console.log(`hidden px below the panel (${name}): after each of 4 answers, then with the card open:`, gaps);
        await shot(p, `10-gap-${viewport.width}`);
        console.log(`failed requests and console errors (${name}):`, failed);
        for (const gap of gaps) expect(gap).toBeLessThanOrEqual(0);
        expect(failed).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});

describe('answer actions, follow-ups, new conversation and small talk', () => {
  it('shows follow-up chips that ask their question, and a copy button that copies the answer with its sources', async () => {
    const context = await browser!.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    try {
      const p = await openPage(context);
      await openPanel(p);
      const msg = await ask(p, '陵川中药材种类有多少种？');
      const chips = msg.locator('button.jc-followup');
      const api = (await (await fetch(`${base}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: '陵川中药材种类有多少种？' }) })).json()) as { followUps: string[] };
      expect(api.followUps).toHaveLength(3);
      expect(await chips.allTextContents()).toEqual(api.followUps);
      expect(api.followUps[1]).toBe('陵川中药材的产值是多少？');
      // No answerId from this server: copy only, no rating buttons.
      expect(await msg.locator('.jc-actions button').count()).toBe(1);
      await msg.locator('button.jc-copy').click();
      await msg.locator('.jc-act-status', { hasText: '已复制' }).waitFor();
      const copied = await p.evaluate(() => navigator.clipboard.readText());
      expect(copied).toContain('521种');
      expect(copied).toContain('来源：\n[1] 《陵川中药材：“太行药乡”乘风而上》 张彩峰');
      await shot(p, '11-followups');

      await chips.nth(1).click();
      const next = p.locator('.jc-msg.jc-assistant').nth(1);
      await next.and(p.locator('[data-state="done"]')).waitFor();
      expect(await p.locator('.jc-msg.jc-user .jc-bubble').nth(1).textContent()).toBe('陵川中药材的产值是多少？');
      expect(await next.locator('.jc-answer').textContent()).toContain('5.28亿元');
    } finally {
      await context.close();
    }
  });

  it('rates an answer that has an answerId: 👍 posts at once, 👎 posts with the optional comment', async () => {
    const p = await openPage(desktop);
    // Until the feedback endpoint lands, the test adds an answerId to the real stream and records the POSTs.
    await p.route('**/api/chat', async (route) => {
      const res = await route.fetch();
      const body = (await res.text()).replace(/event: done\ndata: \{/, 'event: done\ndata: {"answerId":"a-1",');
      await route.fulfill({ response: res, body });
    });
    const posted: unknown[] = [];
    await p.route('**/api/feedback', async (route) => {
      posted.push(route.request().postDataJSON());
      await route.fulfill({ status: 200, contentType: 'application/json', body: '{"ok":true}' });
    });
    await openPanel(p);
    const msg = await ask(p, Q_PIGS);
    await msg.locator('button.jc-up').click();
    await msg.locator('.jc-act-status', { hasText: '感谢您的反馈' }).waitFor();
    expect(await msg.locator('button.jc-up').getAttribute('aria-pressed')).toBe('true');
    await msg.locator('button.jc-down').click();
    await msg.locator('input.jc-feedback-text').fill('没说屠宰量');
    await msg.locator('.jc-feedback-send').click();
    await p.waitForFunction(() => document.getElementById('jincheng-chat-widget')!.shadowRoot!.querySelector('.jc-down[aria-pressed="true"]'));
    await expect.poll(() => posted.length).toBe(2);
    expect(posted).toEqual([
      { answerId: 'a-1', rating: 'up' },
      { answerId: 'a-1', rating: 'down', comment: '没说屠宰量' },
    ]);
    await shot(p, '12-feedback');
    await p.close();
  });

  it('starts a new conversation from the header: welcome back, no history sent', async () => {
    const p = await openPage(desktop);
    await openPanel(p);
    await ask(p, Q_PIGS);
    const reset = p.locator('button.jc-reset');
    expect(await reset.getAttribute('aria-label')).toBe('新对话');
    await reset.click();
    expect(await p.locator('.jc-msg').count()).toBe(0);
    await p.locator('.jc-welcome').waitFor();
    await p.locator('textarea.jc-input').focus();
    const sent = p.waitForRequest((r) => r.url().endsWith('/api/chat') && r.method() === 'POST');
    await ask(p, Q_FOLLOW_UP);
    expect((await sent).postDataJSON().history).toEqual([]);
    await p.close();
  });

  it('answers 你好 with the intro and example chips, not as a refusal', async () => {
    const p = await openPage(desktop);
    await openPanel(p);
    const msg = await ask(p, '你好');
    expect(await msg.getAttribute('class')).not.toContain('jc-refused');
    expect(await msg.getAttribute('data-small-talk')).toBe('true');
    expect(await msg.locator('.jc-answer').textContent()).toMatch(/^您好！我根据新闻报道回答关于晋城9个专业镇/);
    expect(await msg.locator('button.jc-followup').count()).toBe(3);
    await p.close();
  });
});

describe('closing the answer stream', () => {
  it('reads the stream to its end after done instead of aborting it (no net::ERR_ABORTED)', async () => {
    // An SSE server that, like a proxy or a slow network, delivers the end of the stream 300 ms after `done`.
    const events = ['meta', { id: 'x' }, 'delta', { text: '高平生猪出栏85万头。[1]' }, 'citations', { citations: [{ n: 1, chunkId: 'c', title: '高平生猪：标题', town: '高平生猪', snippet: '85万头', author: '陈云华', section: '' }] }, 'done', { id: 'x', refused: false, mode: 'extractive', followUps: [] }];
    const sse = events.reduce<string[]>((out, e, i) => (i % 2 ? [...out, `event: ${events[i - 1]}\ndata: ${JSON.stringify(e)}\n\n`] : out), []).join('');
    const slow = createServer((req, res) => {
      if (req.url === '/') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><meta charset="utf-8"><body><script src="${base}/widget.js" data-endpoint="http://127.0.0.1:${(slow.address() as AddressInfo).port}" defer></script>`);
        return;
      }
      const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'content-type, accept' };
      if (req.method === 'OPTIONS') return void res.writeHead(204, cors).end();
      res.writeHead(200, { ...cors, 'content-type': 'text/event-stream' });
      res.write(sse);
      setTimeout(() => res.end(), 300);
    }).listen(0, '127.0.0.1');
    await listen(slow);
    try {
      const p = await openPage(desktop, `http://127.0.0.1:${(slow.address() as AddressInfo).port}/`);
      const failed: string[] = [];
      p.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText}`));
      const finished = p.waitForEvent('requestfinished', (r) => r.url().endsWith('/api/chat') && r.method() === 'POST');
      await openPanel(p);
      const msg = await ask(p, Q_PIGS);
      expect(await msg.locator('.jc-answer').textContent()).toContain('85万头');
      await finished;
      expect(failed).toEqual([]);
      await p.close();
    } finally {
      await close(slow);
    }
  });
});
