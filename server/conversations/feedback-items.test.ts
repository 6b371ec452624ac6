// Feedback to work items: the fact a 👍 vouches for, QA and review items, de-duplication, paging.
import { describe, expect, it } from 'vitest';
import { loggedAnswer } from '../../test-support/conversation-store-suite.js';
import { answerFact, feedbackItems, toQaItem, toReviewItem } from './feedback-items.js';
import { createSqliteStore } from './sqlite-store.js';

describe('answerFact', () => {
  it('drops the [n] markers and joins the cited pieces with 、', () => {
    expect(answerFact('泽州山楂栽培历史已有300多年。[1]')).toBe('泽州山楂栽培历史已有300多年。');
    expect(answerFact('共发种3.56万张；[1] 蚕茧产量167.7万公斤。[2]')).toBe('共发种3.56万张；、蚕茧产量167.7万公斤。');
    expect(answerFact('没有标记')).toBe('没有标记');
  });
});

describe('toQaItem and toReviewItem', () => {
  const entry = { ...loggedAnswer('a1', '2026-01-01T00:00:00.000Z'), feedback: { rating: 'up' as const, comment: null, at: '2026-01-01T00:01:00.000Z' } };

  it('makes a QA item from the standalone question, the fact, the snippets and their town', () => {
    expect(toQaItem(entry)).toEqual({
      id: 'fb-a1',
      question: '泽州精密铸造专业镇有多少家铸造企业？',
      answers: ['30家'],
      evidence: ['目前，拥有铸造企业30家'],
      town: '泽州精密铸造',
      type: 'feedback',
    });
  });

  it('without typed facts, expects every cited piece of the answer', () => {
    expect(toQaItem({ ...entry, facts: [], answer: '拥有铸造企业30家。[1]年产值10亿元。[2]' }).answers).toEqual(['拥有铸造企业30家。、年产值10亿元。']);
    expect(toQaItem({ ...entry, facts: ['30家', '10亿元'] }).answers).toEqual(['30家、10亿元']);
  });

  it('turns an approved refusal into an item that expects a refusal', () => {
    expect(toQaItem({ ...entry, refused: true, citations: [] })).toMatchObject({ answers: [], evidence: [], town: null, type: 'unanswerable' });
  });

  it('makes a review item carrying the comment', () => {
    const down = { ...entry, feedback: { rating: 'down' as const, comment: '数字不对', at: '2026-01-02T00:00:00.000Z' } };
    expect(toReviewItem(down)).toMatchObject({ id: 'review-a1', answerId: 'a1', comment: '数字不对', ratedAt: '2026-01-02T00:00:00.000Z', citations: [{ n: 1, snippet: '目前，拥有铸造企业30家' }] });
  });
});

describe('feedbackItems', () => {
  it('reads every page, keeps the newest 👍 per question, and lists every 👎', async () => {
    const store = createSqliteStore(':memory:');
    for (let i = 0; i < 1203; i++) {
      const id = `x${String(i).padStart(4, '0')}`;
      await store.insert(loggedAnswer(id, new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(), { standalone: i < 3 ? '同一个问题？' : `问题${i}？` }));
      await store.setFeedback({ answerId: id, rating: i % 100 === 7 ? 'down' : 'up', comment: null, at: new Date('2026-02-01T00:00:00Z') });
    }
    const { qa, review } = await feedbackItems(store);
    expect(review.map((r) => r.answerId)).toHaveLength(12);
    expect(qa).toHaveLength(1203 - 12 - 2);
    expect(qa.filter((q) => q.question === '同一个问题？').map((q) => q.id)).toEqual(['fb-x0002']);
    expect((await feedbackItems(store, new Date('2026-01-01T00:20:00Z'))).qa).toHaveLength(3);
    await store.close();
  });
});
