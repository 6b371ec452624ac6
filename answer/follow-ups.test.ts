// Tests for follow-up suggestions: candidates from a town's article, taken in turn across towns, minus what was asked.
import { describe, expect, it } from 'vitest';
import { followUpCandidates, suggestFollowUps } from './follow-ups.js';

describe('followUpCandidates', () => {
  it('offers only the subjects the article speaks of', () => {
    expect(followUpCandidates('甲镇茶叶', '茶园种植面积3万亩，年产值2亿元。')).toEqual(['甲镇茶叶的产值是多少？', '甲镇茶叶的种植面积有多大？']);
    expect(followUpCandidates('乙镇', '风景很好。')).toEqual([]);
  });
});

describe('suggestFollowUps', () => {
  const lists: Record<string, string[]> = {
    甲: ['甲有哪些龙头企业？', '甲的产值是多少？', '甲有多长的历史？'],
    乙: ['乙的产值是多少？', '乙有什么品牌？'],
  };
  const candidates = (t: string) => lists[t] ?? [];

  it('takes from each cited town in turn, at most three', () => {
    expect(suggestFollowUps('甲和乙怎么样？', ['甲', '乙'], candidates)).toEqual(['甲有哪些龙头企业？', '乙的产值是多少？', '甲的产值是多少？']);
  });

  it('leaves out what the question already asked, and the question itself', () => {
    expect(suggestFollowUps('甲的年产值是多少？', ['甲'], candidates)).toEqual(['甲有哪些龙头企业？', '甲有多长的历史？']);
    expect(suggestFollowUps('甲有哪些龙头企业？', ['甲'], candidates)).toEqual(['甲的产值是多少？', '甲有多长的历史？']);
  });

  it('is empty when no town was cited', () => {
    expect(suggestFollowUps('甲？', [], candidates)).toEqual([]);
  });
});
