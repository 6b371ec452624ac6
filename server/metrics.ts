// Prometheus metrics (prom-client): requests, latencies, refusals, LLM fallbacks, errors.
import { Counter, Histogram, Registry } from 'prom-client';

export type Metrics = ReturnType<typeof createMetrics>;

/** A registry of its own per app, so tests and several apps in one process do not collide. */
export function createMetrics() {
  const registry = new Registry();
  const requests = new Counter({ name: 'jc_http_requests_total', help: 'HTTP requests', labelNames: ['route', 'method', 'status'] as const, registers: [registry] });
  const latency = new Histogram({
    name: 'jc_http_request_duration_seconds',
    help: 'HTTP request latency',
    labelNames: ['route'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const answers = new Counter({ name: 'jc_answers_total', help: 'Answers given', labelNames: ['channel', 'mode', 'refused'] as const, registers: [registry] });
  const fallbacks = new Counter({ name: 'jc_llm_fallbacks_total', help: 'LLM answers replaced by the extractive answer', registers: [registry] });
  const errors = new Counter({ name: 'jc_errors_total', help: 'Requests that ended in an error', labelNames: ['code'] as const, registers: [registry] });
  return { registry, requests, latency, answers, fallbacks, errors };
}
