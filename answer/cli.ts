// `npm run ask -- "问题" [--json] [--k 5] [--embedder hash]`: answer one question with cited snippets.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadSettings } from '../config.js';
import { openSearcher } from '../index/index.js';
import { answerOptions, createAnswerChain } from './answer-chain.js';
import type { AnswerResult } from './types.js';

const USAGE = 'usage: npm run ask -- "<question>" [--json] [--k N] [--embedder auto|transformers|hash]';
const argsSchema = z.object({
  question: z.string().trim().min(1, 'the question is empty'),
  k: z.coerce.number().int().min(1).max(50).optional(),
});

/** The human-readable rendering: answer, then numbered citations with title, line (page for a PDF) and snippet. */
export function renderAnswer(r: AnswerResult): string {
  const lines = [r.answer];
  if (r.citations.length) {
    lines.push('', '来源：');
    for (const c of r.citations) lines.push(`[${c.n}] ${c.title}（${c.source}${c.page ? `，第${c.page}页` : `:${c.line}`}）`, `    ${c.snippet}`);
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: { json: { type: 'boolean', default: false }, k: { type: 'string' }, embedder: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  });
  if (values.help) return void console.log(USAGE);
  const parsed = argsSchema.safeParse({ question: positionals.join(' '), k: values.k });
  if (!parsed.success) throw new Error(`${parsed.error.issues[0]!.message}\n${USAGE}`);
  const settings = loadSettings({ ...process.env, ...(values.embedder ? { EMBEDDER: values.embedder } : {}) });
  const chain = createAnswerChain(await openSearcher(settings), answerOptions(settings));
  const result = await chain.invoke({ question: parsed.data.question, k: parsed.data.k });
  if (values.json) {
    // The shape it always had, plus what the question was taken to ask and the typed facts used.
    const { question, answer, refused, citations, retrieved, operation, facts = [], related = [] } = result;
    console.log(JSON.stringify({ question, answer, refused, citations, retrieved, operation, facts, related }, null, 2));
  } else {
    console.log(renderAnswer(result));
  }
}

main().catch((err: unknown) => {
  console.error(`ask failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
