// Tests for latency percentiles (nearest rank) and the Markdown report's shape.
import { describe, expect, it } from 'vitest';
import { percentiles } from './stats.js';

describe('percentiles', () => {
  it('uses nearest-rank percentiles over the samples', () => {
    const samples = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentiles(samples)).toEqual({ p50: 50, p95: 95, p99: 99, mean: 50.5, samples: 100 });
    expect(percentiles([3])).toEqual({ p50: 3, p95: 3, p99: 3, mean: 3, samples: 1 });
    expect(percentiles([])).toEqual({ p50: 0, p95: 0, p99: 0, mean: 0, samples: 0 });
  });
});
