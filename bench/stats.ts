// Small measuring helpers: latency percentiles, repeated timing, peak memory and the machine's description.
import { cpus, totalmem, type, release, arch } from 'node:os';

/** Latency summary in milliseconds. */
export type Latency = { p50: number; p95: number; p99: number; mean: number; samples: number };

/** Nearest-rank percentiles of samples in milliseconds (zeros for no samples). */
export function percentiles(samplesMs: number[]): Latency {
  if (samplesMs.length === 0) return { p50: 0, p95: 0, p99: 0, mean: 0, samples: 0 };
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return { p50: round(at(0.5)), p95: round(at(0.95)), p99: round(at(0.99)), mean: round(sorted.reduce((a, b) => a + b, 0) / sorted.length), samples: sorted.length };
}

/**
 * Runs `run` once per input for one warm-up round, then `rounds` timed rounds; returns the
 * latency of each call.
 */
export async function timeEach<T>(inputs: T[], rounds: number, run: (input: T) => unknown): Promise<Latency> {
  for (const input of inputs) await run(input);
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const input of inputs) {
      const started = performance.now();
      await run(input);
      samples.push(performance.now() - started);
    }
  }
  return percentiles(samples);
}

/** Peak resident set size of this process so far, in MiB. */
export function peakRssMiB(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

/** The machine a run happened on. */
export function machineInfo() {
  const cpu = cpus();
  return { cpu: cpu[0]?.model ?? 'unknown', cores: cpu.length, memoryGiB: Math.round(totalmem() / 2 ** 30), os: `${type()} ${release()} ${arch()}`, node: process.version };
}
