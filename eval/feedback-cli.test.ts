// End to end: answers and feedback through the app, `feedback:export` to QA and review files, then `eval` on the QA file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnswerService } from '../answer/index.js';
import type { Settings } from '../config.js';
import { createApp } from '../server/app.js';
import { createConversationLog, createSqliteStore } from '../server/conversations/index.js';
import { createLogger } from '../server/logger.js';
import { runCli } from '../test-support/run-cli.js';
import { useTempDirs } from '../test-support/temp-dirs.js';
import { buildTestIndex } from '../test-support/test-index.js';
import { parseQaSet } from './qa-set.js';

const { tempDir } = useTempDirs();
type Json = Record<string, any>;
let settings: Settings;
let dir: string;
let db: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  const built = await buildTestIndex();
  settings = built.settings;
  dir = tempDir('jc-fb-');
  db = join(dir, 'conversations.db');
  const log = createConversationLog({ store: createSqliteStore(db), logger: createLogger('silent'), retentionDays: 0 });
  const app = createApp({ settings, logger: createLogger('silent'), holder: { service: createAnswerService(built.searcher, settings) }, conversations: log });
  const post = async (path: string, body: unknown) =>
    (await (await app.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json()) as Json;
  const ask = async (name: string, question: string, history: unknown[] = []) => (ids[name] = (await post('/api/chat', { question, history })).answerId);
  await ask('silk', '阳城2022年蚕茧产量是多少？');
  await ask('followUp', '它的栽培历史有多久？', [
    { role: 'user', content: '泽州山楂有什么特点？' },
    { role: 'assistant', content: '泽州为全省多样化果品基地之一。' },
  ]);
  await ask('mars', '火星上有多少人口？');
  await ask('herbs', '陵川中药材种类有多少种？');
  await ask('unrated', '高平潞绸有什么特点？');
  for (const [name, rating, comment] of [['silk', 'up'], ['followUp', 'up'], ['mars', 'up'], ['herbs', 'down', '没说具体品种']] as const) {
    expect(await post('/api/feedback', { answerId: ids[name], rating, comment })).toMatchObject({ rating });
  }
  await log.close();
});

describe('npm run feedback:export', () => {
  it('writes 👍 answers as eval QA items and 👎 answers as review items', async () => {
    const out = join(dir, 'qa.jsonl');
    const run = await runCli('eval/feedback-cli.ts', ['--out', out], { CONVERSATION_DB: db });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`exported 3 QA item(s) from 👍 answers to ${out} and 1 review item(s) from 👎 answers to ${join(dir, 'qa.review.jsonl')} (sqlite:${db})\n`);
    const { items, problems } = parseQaSet(readFileSync(out, 'utf8'));
    expect(problems).toEqual([]);
    const byId = Object.fromEntries(items.map((i) => [i.id.replace(/^fb-/, ''), i]));
    expect(byId[ids.silk!]).toMatchObject({ question: '阳城2022年蚕茧产量是多少？', town: '阳城蚕桑', type: 'feedback' });
    expect(byId[ids.silk!]!.answers[0]).toContain('167.7万公斤');
    expect(byId[ids.silk!]!.answers[0]).not.toMatch(/\[\d+\]/);
    expect(byId[ids.silk!]!.evidence.some((e) => e.includes('167.7万公斤'))).toBe(true);
    // The follow-up is exported as its standalone question, which the eval can ask without history.
    expect(byId[ids.followUp!]!.question).toContain('泽州山楂');
    expect(byId[ids.mars!]).toMatchObject({ question: '火星上有多少人口？', answers: [], evidence: [], town: null, type: 'unanswerable' });
    const review = readFileSync(join(dir, 'qa.review.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Json);
    expect(review).toHaveLength(1);
    expect(review[0]).toMatchObject({ answerId: ids.herbs, question: '陵川中药材种类有多少种？', comment: '没说具体品种', refused: false, channel: 'api' });
    expect(review[0]!.answer).toContain('521');
  }, 120_000);

  it('feeds `npm run eval -- --qa` with the exported file, and the assistant still gives the answers users approved', async () => {
    const out = join(dir, 'qa-for-eval.jsonl');
    expect((await runCli('eval/feedback-cli.ts', ['--out', out, '--review', join(dir, 'r.jsonl')], { CONVERSATION_DB: db })).code).toBe(0);
    const report = join(dir, 'report.json');
    const run = await runCli('eval/cli.ts', ['--qa', out, '--out', report, '--min-accuracy', '1'], { INDEX_DIR: settings.INDEX_DIR, EMBEDDER: 'hash' });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const { summary } = JSON.parse(readFileSync(report, 'utf8')) as Json;
    expect(summary).toMatchObject({ n: 3, answer_accuracy: 1, refusal_accuracy: 1, citation_support: 1, hit_at_k: 1 });
  }, 180_000);

  it('fails with a clear message on bad arguments or a missing log', async () => {
    const [noOut, badDate, missing] = await Promise.all([
      runCli('eval/feedback-cli.ts', [], { CONVERSATION_DB: db }),
      runCli('eval/feedback-cli.ts', ['--out', join(dir, 'x.jsonl'), '--since', 'yesterday'], { CONVERSATION_DB: db }),
      runCli('eval/feedback-cli.ts', ['--out', join(dir, 'x.jsonl')], { CONVERSATION_DB: join(dir, 'none.db') }),
    ]);
    expect([noOut.code, noOut.stderr]).toEqual([2, expect.stringContaining('--out: --out FILE is required')]);
    expect([badDate.code, badDate.stderr]).toEqual([2, expect.stringContaining('--since: must be a date like 2026-01-31')]);
    expect([missing.code, missing.stderr]).toEqual([2, `feedback export failed: no conversation log at ${join(dir, 'none.db')} (set CONVERSATION_DB or DATABASE_URL to where the server logs)\n`]);
  }, 180_000);

  it('exports only answers since a date', async () => {
    const run = await runCli('eval/feedback-cli.ts', ['--out', join(dir, 'later.jsonl'), '--since', '2999-01-01'], { CONVERSATION_DB: db });
    expect(run.code).toBe(0);
    expect(readFileSync(join(dir, 'later.jsonl'), 'utf8')).toBe('');
  }, 120_000);
});
