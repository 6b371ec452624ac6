// Benchmark stage 4: cold start, from spawning the server process to /readyz answering 200.
import { BUILT_START, startServer } from './server-process.js';
import { percentiles, type Latency } from './stats.js';

/** Starts the built server (what `npm start` runs) `runs` times over the same index, after one unmeasured start that warms the disk cache. */
export async function coldStartStage(env: Record<string, string>, runs: number): Promise<Latency> {
  const samples: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const server = await startServer(BUILT_START, env);
    await server.stop();
    if (i > 0) samples.push(server.readyMs);
  }
  return percentiles(samples);
}
