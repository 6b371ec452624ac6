// Renders the eval report: the JSON document, a terminal view per split and a Markdown failure list (test items by id only).
import type { Split } from './qa-set.js';
import type { ItemResult, Summary } from './score.js';

export type SplitReport = { summary: Summary; by_type: Record<string, Summary>; by_town: Record<string, Summary> };

export type Report = {
  /** The whole run (every split asked). */
  summary: Summary & { k: number; embedder: string };
  by_type: Record<string, Summary>;
  by_town: Record<string, Summary>;
  /** The same figures for each split present in the run. */
  splits: Partial<Record<Split, SplitReport>>;
  items: Omit<ItemResult, 'supported' | 'precise' | 'hasEvidence'>[];
};

const pct = (x: number | null) => (x === null ? '   -  ' : `${(x * 100).toFixed(1).padStart(5)}%`);

const COLUMNS: [string, (s: Summary) => string][] = [
  ['n', (s) => String(s.n).padStart(4)],
  ['accuracy', (s) => pct(s.answer_accuracy)],
  ['f1', (s) => pct(s.answer_f1)],
  ['hit@k', (s) => pct(s.hit_at_k)],
  ['mrr', (s) => pct(s.mrr)],
  ['cite-sup', (s) => pct(s.citation_support)],
  ['cite-prec', (s) => pct(s.citation_precision)],
  ['refusal', (s) => pct(s.refusal_accuracy)],
  ['false-ref', (s) => pct(s.false_refusal_rate)],
  ['short-em', (s) => pct(s.short_answer_match)],
  ['chars p50', (s) => (s.answer_chars_p50 === null ? '-' : String(s.answer_chars_p50))],
  ['p50 ms', (s) => s.latency_ms.p50.toFixed(1).padStart(7)],
];

/** Terminal columns a string takes: East Asian wide characters count two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return width;
}

/** A fixed-width table of summaries, one row per group (CJK group names aligned by display width). */
export function renderTable(rows: [string, Summary][]): string {
  const width = Math.max(12, ...rows.map(([name]) => displayWidth(name) + 2));
  const head = 'group'.padEnd(width) + COLUMNS.map(([h]) => h.padStart(10)).join('');
  const body = rows.map(([name, s]) => name + ' '.repeat(width - displayWidth(name)) + COLUMNS.map(([, f]) => f(s).padStart(10)).join(''));
  return [head, ...body].join('\n');
}

const orDash = (x: number | null, f: (x: number) => string) => (x === null ? '-' : f(x));
const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

/** One line of the headline figures of a split (the issue's targets). */
export function renderHeadline(split: string, s: Summary): string {
  return [
    `${split}: ${s.n} items: accuracy ${orDash(s.answer_accuracy, percent)}`,
    `false refusals ${orDash(s.false_refusal_rate, percent)}`,
    `refusals on unanswerable+near_miss ${orDash(s.refusal_accuracy_unanswerable_near_miss, percent)}`,
    `near-miss related shown ${orDash(s.near_miss_related_shown, percent)}`,
    `citation support ${orDash(s.citation_support, percent)}`,
    `short-answer match ${orDash(s.short_answer_match, percent)}`,
    `median answer ${orDash(s.answer_chars_p50, (x) => `${x} chars`)}`,
  ].join(', ');
}

/** The terminal view: a headline, then per split its figures and per-type table, then the towns of the whole run. */
export function renderTerminal(report: Report): string {
  const { summary } = report;
  const parts = Object.entries(report.splits) as [Split, SplitReport][];
  const counts = parts.map(([name, r]) => `${name} ${r.summary.n}`).join(', ');
  const out = [`eval: ${summary.n} items (${counts}), k=${summary.k}, embedder ${summary.embedder}, latency p50 ${summary.latency_ms.p50} ms, p95 ${summary.latency_ms.p95} ms, max ${summary.latency_ms.max} ms`];
  for (const [name, r] of parts) out.push('', renderHeadline(name, r.summary), renderTable([['overall', r.summary], ...Object.entries(r.by_type)]));
  out.push('', `by town (${parts.map(([name]) => name).join(' + ')}):`, renderTable(Object.entries(report.by_town)));
  return out.join('\n');
}

const md = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** A fact as the answerer reported it: "[n] kind: text" when it has those fields, else its JSON. */
function describeFact(fact: unknown): string {
  const f = (fact ?? {}) as { n?: unknown; kind?: unknown; text?: unknown };
  return typeof f.text === 'string' ? `${typeof f.n === 'number' ? `[${f.n}] ` : ''}${typeof f.kind === 'string' ? `${f.kind}: ` : ''}${f.text}` : JSON.stringify(fact);
}

/** The Markdown lines of one failed item: question, expected answers, answer, operation and facts, citations. */
function renderFailure(i: Report['items'][number]): string[] {
  const out = [`### ${i.id} (${i.type})`, '', `- question: ${md(i.question)}`, `- expected: ${i.expected.length ? i.expected.map(md).join(' / ') : '(refusal)'}`];
  if (i.expected_all) out.push(`- must all appear: ${i.expected_all.map(md).join(' / ')}`);
  out.push(`- answer${i.refused ? ' (refused)' : ''}: ${md(i.answer)}`, `- evidence rank: ${i.hit_rank ?? 'not retrieved'}`);
  if (i.operation !== undefined) out.push(`- operation: ${md(i.operation)}`);
  for (const f of i.facts ?? []) out.push(`  - fact ${md(describeFact(f))}`);
  for (const c of i.citations) out.push(`  - [${c.n}] ${md(c.title)}: ${md(c.snippet)}`);
  out.push('');
  return out;
}

/**
 * Markdown: the terminal figures, every failed dev item in full, and the failed test items by id and type only —
 * the test part is held out from tuning, so its wording stays out of the report people read while tuning.
 */
export function renderMarkdown(report: Report): string {
  const out = ['# Evaluation report', '', '```', renderTerminal(report), '```', ''];
  const failed = (split: Split) => report.items.filter((i) => i.split === split && !i.correct);
  if (report.splits.dev) {
    out.push(`## Failed items: dev (${failed('dev').length})`, '');
    for (const i of failed('dev')) out.push(...renderFailure(i));
  }
  if (report.splits.test) {
    out.push(`## Failed items: test (${failed('test').length})`, '', 'Held out from tuning: ids and types only (the JSON report has the details).', '');
    for (const i of failed('test')) out.push(`- ${i.id} (${i.type})`);
    out.push('');
  }
  return out.join('\n');
}
