// Benchmark stage 4: cold start, from spawning the server process to /readyz answering 200.
import { startServer } from './server-process.js';
import { percentiles, type Latency } from './stats.js';

/** Starts the server `runs` times over the same index (after one unmeasured start that warms the disk and tsx caches). */
export async function coldStartStage(env: Record<string, string>, runs: number): Promise<Latency> {
  const samples: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const server = await startServer('server/start.ts', env);
    await server.stop();
    if (i > 0) samples.push(server.readyMs);
  }
  return percentiles(samples);
}
