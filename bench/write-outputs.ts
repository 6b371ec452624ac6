// Writes a bench report: bench.json, the Markdown tables and, only when asked, the README's marked block.
import { readFileSync, writeFileSync } from 'node:fs';
import { renderMarkdown, renderReadmeSummary, replaceReadmeSummary, README_BEGIN, type BenchReport } from './report.js';

/** Writes `out` (JSON) and `md`; replaces the marked summary block of `readme` when it is not null. */
export function writeOutputs(r: BenchReport, out: string, md: string, readme: string | null): void {
  writeFileSync(out, JSON.stringify(r, null, 2));
  writeFileSync(md, renderMarkdown(r));
  if (readme === null) return;
  const updated = replaceReadmeSummary(readFileSync(readme, 'utf8'), renderReadmeSummary(r));
  if (updated === null) console.error(`[bench] ${readme} has no ${README_BEGIN} … block: its summary is not updated`);
  else writeFileSync(readme, updated);
}
