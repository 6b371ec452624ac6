// `npm run eval -- --qa FILE [--split dev|test|all] [--k 5] [--out …] [--md …] [--embedder …] [--url …] [--min-accuracy X [--gate-split dev]]`
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadSettings } from '../config.js';
import { answerOptions, createAnswerChain } from '../answer/index.js';
import { openSearcher } from '../index/index.js';
import { readQaSet } from './qa-set.js';
import { renderMarkdown, renderTerminal } from './report.js';
import { httpAsk, runEval, type Ask } from './run-eval.js';

const USAGE =
  'usage: npm run eval -- --qa FILE [--split dev|test|all] [--k 5] [--out report.json] [--md report.md] [--embedder auto|transformers|hash] [--url http://host:port] [--min-accuracy 0.8 [--gate-split dev|test|all]]';

const argsSchema = z.object({
  qa: z.string({ message: '--qa FILE is required' }).min(1),
  k: z.coerce.number().int().min(1).max(50).optional(),
  out: z.string().optional(),
  md: z.string().optional(),
  embedder: z.enum(['auto', 'transformers', 'hash']).optional(),
  url: z.string().url().optional(),
  'min-accuracy': z.coerce.number().min(0).max(1).optional(),
  split: z.enum(['dev', 'test', 'all']).default('all'),
  'gate-split': z.enum(['dev', 'test', 'all']).default('all'),
});

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      qa: { type: 'string' }, k: { type: 'string' }, out: { type: 'string' }, md: { type: 'string' },
      embedder: { type: 'string' }, url: { type: 'string' }, 'min-accuracy': { type: 'string' }, split: { type: 'string' },
      'gate-split': { type: 'string' }, help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return void console.log(USAGE);
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) throw new Error(`${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.message}\n${USAGE}`);
  const args = parsed.data;
  const settings = loadSettings({ ...process.env, ...(args.embedder ? { EMBEDDER: args.embedder } : {}) });
  const { items: all, problems } = readQaSet(args.qa);
  for (const p of problems) console.error(`${args.qa}: ${p}`);
  const items = args.split === 'all' ? all : all.filter((i) => i.split === args.split);
  if (items.length === 0) throw new Error(`${args.qa}: no valid QA items${args.split === 'all' ? '' : ` in the ${args.split} split`}`);
  const gateSplit = args['gate-split'];
  if (gateSplit !== 'all' && !items.some((i) => i.split === gateSplit)) throw new Error(`--gate-split ${gateSplit}: no ${gateSplit} items in this run\n${USAGE}`);
  const k = args.k ?? settings.TOP_K;
  let ask: Ask;
  let embedder: string;
  if (args.url) {
    ask = httpAsk(args.url, settings.API_KEY);
    embedder = `server ${args.url}`;
  } else {
    const searcher = await openSearcher(settings);
    const chain = createAnswerChain(searcher, answerOptions(settings, k));
    ask = (question, kk) => chain.invoke({ question, k: kk });
    embedder = `${searcher.embedder.id}:${searcher.embedder.model}`;
  }
  const report = await runEval(items, ask, { k, embedder });
  console.log(renderTerminal(report));
  if (args.out) writeFileSync(args.out, JSON.stringify(report, null, 2));
  if (args.md) writeFileSync(args.md, renderMarkdown(report));
  const accuracy = (gateSplit === 'all' ? report.summary : report.splits[gateSplit]!.summary).answer_accuracy ?? 0;
  if (args['min-accuracy'] !== undefined && accuracy < args['min-accuracy']) {
    console.error(`${gateSplit === 'all' ? '' : `${gateSplit} `}answer accuracy ${accuracy} is below --min-accuracy ${args['min-accuracy']}`);
    process.exitCode = 1;
  }
}

main().catch((err: unknown) => {
  console.error(`eval failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 2;
});
