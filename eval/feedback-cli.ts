// `npm run feedback:export -- --out qa.jsonl [--review review.jsonl] [--since YYYY-MM-DD]`: 👍 answers as QA items, 👎 as review items.
import { existsSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadSettings } from '../config.js';
import { feedbackItems, openConversationStore, toJsonl } from '../server/conversations/index.js';
import { qaItemSchema } from './qa-set.js';

const USAGE = 'usage: npm run feedback:export -- --out qa.jsonl [--review review.jsonl] [--since YYYY-MM-DD]';

const argsSchema = z.object({
  out: z.string({ message: '--out FILE is required' }).min(1),
  review: z.string().min(1).optional(),
  since: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-01-31')
    .transform((d) => new Date(`${d}T00:00:00.000Z`))
    .optional(),
});

/** The review file beside the QA file: qa.jsonl → qa.review.jsonl. */
function reviewPath(out: string): string {
  return out.endsWith('.jsonl') ? `${out.slice(0, -'.jsonl'.length)}.review.jsonl` : `${out}.review.jsonl`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' }, review: { type: 'string' }, since: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) return void console.log(USAGE);
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) throw new Error(`--${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.message}\n${USAGE}`);
  const args = parsed.data;
  const settings = loadSettings();
  if (!settings.DATABASE_URL && !existsSync(settings.CONVERSATION_DB)) {
    throw new Error(`no conversation log at ${settings.CONVERSATION_DB} (set CONVERSATION_DB or DATABASE_URL to where the server logs)`);
  }
  const store = openConversationStore(settings);
  try {
    const { qa, review } = await feedbackItems(store, args.since);
    const items = qa.map((item) => qaItemSchema.parse(item)); // exactly what `npm run eval -- --qa` reads
    const reviewFile = args.review ?? reviewPath(args.out);
    writeFileSync(args.out, toJsonl(items));
    writeFileSync(reviewFile, toJsonl(review));
    console.log(`exported ${items.length} QA item(s) from 👍 answers to ${args.out} and ${review.length} review item(s) from 👎 answers to ${reviewFile} (${store.name})`);
  } finally {
    await store.close();
  }
}

main().catch((err: unknown) => {
  console.error(`feedback export failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 2;
});
