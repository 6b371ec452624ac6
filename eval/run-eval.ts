// Runs a QA set through an answer function (in process or over HTTP) and builds the report, overall and per split.
import type { AnswerResult } from '../answer/index.js';
import { SPLITS, type QaItem } from './qa-set.js';
import type { Report, SplitReport } from './report.js';
import { scoreItem, summarize, summarizeBy, townKeys, type EvalAnswer, type ItemResult } from './score.js';

export type Ask = (question: string, k: number) => Promise<EvalAnswer>;

/** The summaries of a group of results: overall, per type, per town. */
function splitReport(results: ItemResult[]): SplitReport {
  return { summary: summarize(results), by_type: summarizeBy(results, (r) => [r.type]), by_town: summarizeBy(results, townKeys) };
}

/** The report of scored results: the whole run, then each split present in it (dev before test). */
export function buildReport(results: ItemResult[], options: { k: number; embedder: string }): Report {
  const whole = splitReport(results);
  const splits: Report['splits'] = {};
  for (const split of SPLITS) {
    const part = results.filter((r) => r.split === split);
    if (part.length) splits[split] = splitReport(part);
  }
  return {
    summary: { ...whole.summary, k: options.k, embedder: options.embedder },
    by_type: whole.by_type,
    by_town: whole.by_town,
    splits,
    items: results.map(({ supported: _s, precise: _p, hasEvidence: _e, ...rest }) => rest),
  };
}

/** Asks every item in order (latency measured per question) and aggregates the report. */
export async function runEval(items: QaItem[], ask: Ask, options: { k: number; embedder: string }): Promise<Report> {
  const results: ItemResult[] = [];
  for (const item of items) {
    const started = performance.now();
    const result = await ask(item.question, options.k);
    results.push(scoreItem(item, result, performance.now() - started, options.k));
  }
  return buildReport(results, options);
}

/** An Ask over a running server: /api/chat for the answer (and its operation/facts/related when sent), /api/search for the ranked passages. */
export function httpAsk(baseUrl: string, apiKey?: string): Ask {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}) };
  return async (question, k) => {
    const chat = await fetch(new URL('/api/chat', baseUrl), { method: 'POST', headers, body: JSON.stringify({ question, k }) });
    if (!chat.ok) throw new Error(`POST /api/chat answered ${chat.status}: ${await chat.text()}`);
    const body = (await chat.json()) as Pick<AnswerResult, 'answer' | 'refused' | 'citations'> & Pick<EvalAnswer, 'operation' | 'facts' | 'related'>;
    const search = await fetch(new URL(`/api/search?${new URLSearchParams({ q: question, k: String(k) })}`, baseUrl), { headers });
    if (!search.ok) throw new Error(`GET /api/search answered ${search.status}: ${await search.text()}`);
    const { hits } = (await search.json()) as { hits: AnswerResult['retrieved'] };
    const extras = { operation: body.operation, facts: body.facts, related: body.related };
    const present = Object.fromEntries(Object.entries(extras).filter(([, v]) => v !== undefined)) as Pick<EvalAnswer, 'operation' | 'facts' | 'related'>;
    return { answer: body.answer, refused: body.refused, citations: body.citations, retrieved: hits, ...present };
  };
}
