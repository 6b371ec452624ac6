// Tests for the bounded top-k heap: keeps the best, breaks ties by the lower doc, returns best first.
import { describe, expect, it } from 'vitest';
import { TopHits } from './top-hits.js';

describe('TopHits', () => {
  it('keeps the N highest scores, best first', () => {
    const top = new TopHits(3);
    [5, 1, 9, 3, 7, 2].forEach((score, doc) => top.offer(doc, score));
    expect(top.sorted()).toEqual([
      { doc: 2, score: 9 },
      { doc: 4, score: 7 },
      { doc: 0, score: 5 },
    ]);
  });

  it('prefers the lower doc number among equal scores, whatever the order offered', () => {
    const top = new TopHits(2);
    for (const doc of [7, 3, 9, 1]) top.offer(doc, 1);
    expect(top.sorted().map((h) => h.doc)).toEqual([1, 3]);
  });

  it('reports -Infinity as threshold until full, then the worst kept score', () => {
    const top = new TopHits(2);
    expect(top.threshold()).toBe(-Infinity);
    top.offer(0, 4);
    top.offer(1, 6);
    expect(top.threshold()).toBe(4);
    expect(top.offer(2, 3)).toBe(false);
    expect(top.offer(3, 5)).toBe(true);
    expect(top.threshold()).toBe(5);
  });

  it('keeps nothing with capacity 0', () => {
    const top = new TopHits(0);
    expect(top.offer(1, 1)).toBe(false);
    expect(top.sorted()).toEqual([]);
  });
});
