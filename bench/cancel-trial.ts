// `npx tsx bench/cancel-trial.ts [--hangups 200] [--inflight 20] [--slow-ms 12000]`: LLM calls paid for by clients that hang up, and SIGTERM with slow LLM answers in flight.
import { parseArgs } from 'node:util';
import { rmSync } from 'node:fs';
import { fakeLlm, sourceWith } from '../test-support/fake-llm.js';
import { prng } from '../test-support/prng.js';
import { buildTestIndex } from '../test-support/test-index.js';
import { startServer } from './server-process.js';

const Q = '泽州山楂的栽培历史有多久？';
const grounded = (delayMs: number) => (req: Parameters<Parameters<ReturnType<typeof fakeLlm>['script']>[0]>[0]) => ({ text: `泽州山楂栽培历史已有300多年[${sourceWith(req, '300多年')}]。`, delayMs });
const ask = (port: number, signal?: AbortSignal) =>
  fetch(`http://127.0.0.1:${port}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: Q }), signal });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { hangups: { type: 'string', default: '200' }, inflight: { type: 'string', default: '20' }, 'slow-ms': { type: 'string', default: '12000' } } });
  const hangups = Number(values.hangups);
  const inflight = Number(values.inflight);
  const slowMs = Number(values['slow-ms']);
  const llm = fakeLlm();
  const LLM_BASE_URL = await llm.listen();
  const { settings } = await buildTestIndex();
  // Default LLM_TIMEOUT_MS (15 s) and SHUTDOWN_GRACE_MS (its default): what an operator gets.
  const env = { INDEX_DIR: settings.INDEX_DIR, EMBEDDER: 'hash', LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '0', LLM_BASE_URL, LLM_MODEL: 'fake' };
  try {
    // 1. Clients that hang up at random times within 2 s while the model takes 3 s.
    const server = await startServer('server/start.ts', env, [], 120_000);
    llm.script(grounded(3000));
    const random = prng(7);
    await Promise.all(
      Array.from({ length: hangups }, async () => {
        const ctl = new AbortController();
        setTimeout(() => ctl.abort(), Math.round(random() * 2000));
        await ask(server.port, ctl.signal).then((r) => r.text()).catch(() => null);
      }),
    );
    // Wait for the server to work off its backlog: every LLM call started has ended, and no new one for 2 s.
    for (let seen = -1; seen !== llm.received.length || llm.counts.completed + llm.counts.aborted < llm.received.length; ) {
      seen = llm.received.length;
      await sleep(2000);
    }
    console.log(`${hangups} clients hung up within 2 s (model answers in 3 s): LLM calls started ${llm.received.length}, completed ${llm.counts.completed}, cancelled ${llm.counts.aborted}`);

    // 2. SIGTERM while `inflight` requests wait for a slow model (slower than the old 10 s grace).
    llm.received.length = 0;
    llm.counts.completed = 0;
    llm.counts.aborted = 0;
    llm.script(grounded(slowMs));
    const answers = Array.from({ length: inflight }, () => ask(server.port).then(async (r) => (r.status === 200 ? ((await r.json()) as { mode: string }).mode : `status ${r.status}`), (e: unknown) => `failed: ${String(e)} ${String((e as Error).cause)}`));
    while (llm.received.length < inflight) await sleep(20);
    const signalled = performance.now();
    server.child.kill('SIGTERM');
    const modes = await Promise.all(answers);
    await new Promise((r) => (server.child.exitCode === null ? server.child.once('exit', r) : r(null)));
    const completed = modes.filter((m) => m === "llm").length;
    console.log(`SIGTERM with ${inflight} requests in flight (model answers in ${slowMs} ms): ${completed} of ${inflight} completed with the LLM answer; exit ${server.child.exitCode} after ${Math.round(performance.now() - signalled)} ms`);
  } finally {
    await llm.close();
    rmSync(settings.INDEX_DIR, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(`cancel trial failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
