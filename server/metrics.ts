// Prometheus metrics (prom-client): requests, latencies, refusals, LLM fallbacks, errors; summed over a cluster's workers.
import cluster from 'node:cluster';
import { AggregatorRegistry, Counter, Histogram, Registry } from 'prom-client';
import { z } from 'zod';

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
  const wechatAnswers = new Counter({ name: 'jc_wechat_answers_total', help: 'Answers computed for WeChat and WeCom messages', labelNames: ['channel'] as const, registers: [registry] });
  return { registry, requests, latency, answers, fallbacks, errors, wechatAnswers };
}

const METRICS_REQUEST = 'jc:metrics-request';
const METRICS_REPLY = 'jc:metrics-reply';
const metricsReplySchema = z.object({ type: z.literal(METRICS_REPLY), id: z.number(), text: z.string().optional(), error: z.string().optional() });

/**
 * The text of /metrics. In a cluster worker it is the whole cluster's (prom-client's AggregatorRegistry
 * in the primary sums every worker's `registry`, see answerMetricsRequests); elsewhere this registry's.
 * Throws when the primary does not answer within 5 s.
 */
export function metricsText(registry: Registry): () => Promise<string> {
  if (!cluster.isWorker) return () => registry.metrics();
  AggregatorRegistry.setRegistries([registry]);
  new AggregatorRegistry(); // registers this worker's answer to the primary's collection requests
  let nextId = 0;
  return () =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      const onMessage = (message: unknown) => {
        const reply = metricsReplySchema.safeParse(message);
        if (!reply.success || reply.data.id !== id) return;
        done();
        if (reply.data.text === undefined) reject(new Error(`cluster metrics failed: ${reply.data.error ?? 'no text'}`));
        else resolve(reply.data.text);
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error('the cluster primary did not answer the metrics request'));
      }, 5000);
      const done = () => {
        clearTimeout(timer);
        process.off('message', onMessage);
      };
      process.on('message', onMessage);
      process.send!({ type: METRICS_REQUEST, id });
    });
}

/** In the cluster primary: answers each worker's metrics request with the sum over all workers. */
export function answerMetricsRequests(): void {
  const aggregator = new AggregatorRegistry();
  cluster.on('message', (worker, message: { type?: string; id?: number }) => {
    if (message?.type !== METRICS_REQUEST) return;
    aggregator.clusterMetrics().then(
      (text) => worker.send({ type: METRICS_REPLY, id: message.id, text }),
      (err: unknown) => worker.send({ type: METRICS_REPLY, id: message.id, error: err instanceof Error ? err.message : String(err) }),
    );
  });
}
