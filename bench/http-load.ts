// Benchmark stage 3: requests per second and latency of /api/search and /api/chat under autocannon on loopback.
import { createRequire } from 'node:module';
import { BUILT_CLUSTER, BUILT_START, startServer } from './server-process.js';

export type LoadFigures = { endpoint: string; workers: number; connections: number; durationS: number; requestsPerSecond: number; latencyMs: { p50: number; p97_5: number; p99: number; mean: number }; errors: number; non2xx: number };

type AutocannonResult = { requests: { average: number }; latency: { p50: number; p97_5: number; p99: number; average: number }; errors: number; non2xx: number; timeouts: number };
type AutocannonRequest = { method: 'GET' | 'POST'; path: string; headers?: Record<string, string>; body?: string };
type Autocannon = (opts: { url: string; connections: number; duration: number; requests: AutocannonRequest[] }) => Promise<AutocannonResult>;

const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

/** The request cycle of an endpoint over the queries (each connection walks it in order). */
export function requestsFor(endpoint: '/api/search' | '/api/chat', queries: string[]): AutocannonRequest[] {
  if (endpoint === '/api/search') return queries.map((q) => ({ method: 'GET', path: `/api/search?q=${encodeURIComponent(q)}&k=5` }));
  return queries.map((q) => ({ method: 'POST', path: '/api/chat', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: q }) }));
}

/** Loads one running server with autocannon for `durationS` seconds. */
export async function loadEndpoint(port: number, endpoint: '/api/search' | '/api/chat', queries: string[], workers: number, connections: number, durationS: number): Promise<LoadFigures> {
  const r = await autocannon({ url: `http://127.0.0.1:${port}`, connections, duration: durationS, requests: requestsFor(endpoint, queries) });
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    endpoint,
    workers,
    connections,
    durationS,
    requestsPerSecond: Math.round(r.requests.average),
    latencyMs: { p50: round(r.latency.p50), p97_5: round(r.latency.p97_5), p99: round(r.latency.p99), mean: round(r.latency.average) },
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
  };
}

/** Serves the index with `workers` processes (1: the built server/start; more: the built server/cluster) and loads both endpoints. */
export async function httpStage(env: Record<string, string>, queries: string[], workers: number, connections: number, durationS: number): Promise<LoadFigures[]> {
  const server = workers === 1 ? await startServer(BUILT_START, env) : await startServer(BUILT_CLUSTER, env, ['--workers', String(workers)]);
  try {
    const out: LoadFigures[] = [];
    for (const endpoint of ['/api/search', '/api/chat'] as const) out.push(await loadEndpoint(server.port, endpoint, queries, workers, connections, durationS));
    return out;
  } finally {
    await server.stop();
  }
}
