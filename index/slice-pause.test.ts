// Tests for slicePause: long work yields to the event loop once per slice, not on every step.
import { describe, expect, it } from 'vitest';
import { slicePause } from './slice-pause.js';

const busy = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

describe('slicePause', () => {
  it('lets a timer due during long work run within about one slice, not after the work', async () => {
    const pause = slicePause(10);
    const started = performance.now();
    let timerRanAt = 0;
    setTimeout(() => (timerRanAt = performance.now() - started), 0);
    for (let step = 0; step < 100; step++) {
      busy(1);
      await pause();
    }
    const workMs = performance.now() - started;
    expect(timerRanAt).toBeGreaterThan(0);
    expect(timerRanAt).toBeLessThan(workMs / 2);
  });

  it('does not yield before a slice is over: short steps run back to back', async () => {
    const pause = slicePause(60_000);
    let turns = 0;
    const ticker = setInterval(() => turns++, 0);
    for (let step = 0; step < 20; step++) {
      busy(1);
      await pause();
    }
    clearInterval(ticker);
    expect(turns).toBe(0);
  });
});
