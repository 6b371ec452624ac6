// Runs a QA set through an answer function (in process or over HTTP) and builds the report.
import type { AnswerResult } from '../answer/index.js';
import type { QaItem } from './qa-set.js';
import type { Report } from './report.js';
import { scoreItem, summarize, summarizeBy, townKeys, type ItemResult } from './score.js';

export type Ask = (question: string, k: number) => Promise<Pick<AnswerResult, 'answer' | 'refused' | 'citations' | 'retrieved'>>;

/** Asks every item in order (latency measured per question) and aggregates the report. */
export async function runEval(items: QaItem[], ask: Ask, options: { k: number; embedder: string }): Promise<Report> {
  const results: ItemResult[] = [];
  for (const item of items) {
    const started = performance.now();
    const result = await ask(item.question, options.k);
    results.push(scoreItem(item, result, performance.now() - started, options.k));
  }
  return {
    summary: { ...summarize(results), k: options.k, embedder: options.embedder },
    by_type: summarizeBy(results, (r) => [r.type]),
    by_town: summarizeBy(results, townKeys),
    items: results.map(({ supported: _s, precise: _p, hasEvidence: _e, ...rest }) => rest),
  };
}

/** An Ask over a running server: /api/chat for the answer, /api/search for the ranked passages. */
export function httpAsk(baseUrl: string, apiKey?: string): Ask {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}) };
  return async (question, k) => {
    const chat = await fetch(new URL('/api/chat', baseUrl), { method: 'POST', headers, body: JSON.stringify({ question, k }) });
    if (!chat.ok) throw new Error(`POST /api/chat answered ${chat.status}: ${await chat.text()}`);
    const body = (await chat.json()) as Pick<AnswerResult, 'answer' | 'refused' | 'citations'>;
    const search = await fetch(new URL(`/api/search?${new URLSearchParams({ q: question, k: String(k) })}`, baseUrl), { headers });
    if (!search.ok) throw new Error(`GET /api/search answered ${search.status}: ${await search.text()}`);
    const { hits } = (await search.json()) as { hits: AnswerResult['retrieved'] };
    return { answer: body.answer, refused: body.refused, citations: body.citations, retrieved: hits };
  };
}
