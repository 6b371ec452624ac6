import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import { it } from 'vitest';
import { createAnswerService } from '../answer/answer-service.js';
import { buildTestIndex } from '../test-support/test-index.js';
import { createApp } from './app.js';
import { createLogger } from './logger.js';
it('probe', async () => {
  const { settings, searcher } = await buildTestIndex();
  const server = serve({ fetch: createApp({ settings, logger: createLogger('silent'), holder: { service: createAnswerService(searcher, settings) } }).fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox'] });
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(base + '/');
  for (const tp of [-1, 2000, 500]) {
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: tp, uploadThroughput: -1 });
    const r = await page.evaluate(async () => {
      const t0 = performance.now();
      const res = await fetch('/api/chat', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'text/event-stream' }, body: JSON.stringify({ question: '高平2022年生猪出栏多少头？', stream: true }) });
      const reader = res.body!.getReader(); const out: [number, number][] = [];
      for (;;) { const x = await reader.read(); if (x.done) break; out.push([Math.round(performance.now() - t0), x.value.length]); }
      return out;
    });
    console.log(tp, JSON.stringify(r));
    await cdp.detach();
  }
  await browser.close(); server.close();
}, 60000);
