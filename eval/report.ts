// Renders the eval report: the JSON document, a compact terminal table and a Markdown failure list.
import type { ItemResult, Summary } from './score.js';

export type Report = {
  summary: Summary & { k: number; embedder: string };
  by_type: Record<string, Summary>;
  by_town: Record<string, Summary>;
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

/** The terminal view: overall, per type, per town. */
export function renderTerminal(report: Report): string {
  const { summary } = report;
  return [
    `eval: ${summary.n} items, k=${summary.k}, embedder ${summary.embedder}, latency p50 ${summary.latency_ms.p50} ms, p95 ${summary.latency_ms.p95} ms, max ${summary.latency_ms.max} ms`,
    renderTable([['overall', summary], ...Object.entries(report.by_type)]),
    '',
    renderTable(Object.entries(report.by_town)),
  ].join('\n');
}

const md = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** Markdown: the summary table and every failed item with expected answers, the answer and citations. */
export function renderMarkdown(report: Report): string {
  const failed = report.items.filter((i) => !i.correct);
  const out = ['# Evaluation report', '', '```', renderTerminal(report), '```', '', `## Failed items (${failed.length})`, ''];
  for (const i of failed) {
    out.push(`### ${i.id} (${i.type})`, '', `- question: ${md(i.question)}`, `- expected: ${i.expected.length ? i.expected.map(md).join(' / ') : '(refusal)'}`);
    out.push(`- answer${i.refused ? ' (refused)' : ''}: ${md(i.answer)}`, `- evidence rank: ${i.hit_rank ?? 'not retrieved'}`);
    for (const c of i.citations) out.push(`  - [${c.n}] ${md(c.title)}: ${md(c.snippet)}`);
    out.push('');
  }
  return out.join('\n');
}
