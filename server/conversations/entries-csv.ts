// The conversation log as CSV for a spreadsheet: one row per answer, UTF-8 with a BOM, formula-looking cells defused.
import type { LogEntry } from './types.js';

const HEADER = ['id', 'time', 'channel', 'question', 'standalone', 'answer', 'refused', 'mode', 'latency_ms', 'rating', 'comment', 'sources'];

/** One CSV cell: quoted when needed; a cell a spreadsheet would run as a formula (=, +, -, @) gets a leading '. */
export function csvCell(value: string | number | boolean | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The entries as CSV text (CRLF line ends, a BOM so that Excel reads the Chinese as UTF-8). */
export function entriesToCsv(entries: LogEntry[]): string {
  const rows = entries.map((e) => [
    e.id,
    e.at,
    e.channel,
    e.question,
    e.standalone,
    e.answer,
    e.refused,
    e.mode,
    e.latencyMs,
    e.feedback?.rating ?? null,
    e.feedback?.comment ?? null,
    e.citations.map((c) => `[${c.n}] ${c.title} (${c.source}:${c.line})`).join('; '),
  ]);
  return `\uFEFF${[HEADER, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
