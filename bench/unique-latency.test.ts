// Tests for the unique-question timer: wall, process CPU and the answering thread's own CPU per call.
import { describe, expect, it } from 'vitest';
import { threadCpuNs, timeOnce } from './unique-latency.js';

/** Spins the calling thread for `ms` of wall time. */
const spin = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

describe('timeOnce', () => {
  it('reads the calling thread\'s CPU time, which only grows', () => {
    const a = threadCpuNs();
    expect(a).not.toBeNull();
    spin(5);
    expect(threadCpuNs()!).toBeGreaterThan(a!);
  });

  it('reads a short spin\'s CPU time to within a fraction of a millisecond, not to the scheduler\'s tick', () => {
    const spent: number[] = [];
    for (let i = 0; i < 21; i++) {
      const a = threadCpuNs()!;
      spin(0.5);
      spent.push((threadCpuNs()! - a) / 1e6);
    }
    // Unsettled, most readings of a 0.5 ms spin are 0 (no tick in between) and the rest 3–4 ms.
    const median = spent.sort((x, y) => x - y)[10]!;
    expect(median).toBeGreaterThan(0.3);
    expect(median).toBeLessThan(1.5);
  });

  it('times each input once: a spin costs the main thread CPU, a sleep only wall time', async () => {
    const spun = await timeOnce([20, 20, 20], spin);
    expect(spun.wall.samples).toBe(3);
    expect(spun.mainCpu!.p50).toBeGreaterThan(5);
    expect(spun.mainCpu!.p50).toBeLessThanOrEqual(spun.cpu.p99 + 1);
    const slept = await timeOnce([20, 20, 20], (ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    expect(slept.wall.p50).toBeGreaterThanOrEqual(19);
    expect(slept.mainCpu!.p50).toBeLessThan(5);
  });

  it('has no main-thread figures for no inputs', async () => {
    expect((await timeOnce([], spin)).mainCpu).toBeNull();
  });
});
