// Test support: the one behaviour suite every conversation store (SQLite, PostgreSQL) must pass.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ConversationStore, LoggedAnswer } from '../server/conversations/index.js';

/** A logged answer with a given id and time (and anything else overridden). */
export function loggedAnswer(id: string, at: string, over: Partial<LoggedAnswer> = {}): LoggedAnswer {
  return {
    id,
    at,
    channel: 'api',
    userHash: null,
    question: '它有多少家铸造企业？',
    standalone: '泽州精密铸造专业镇有多少家铸造企业？',
    answer: '目前，拥有铸造企业30家。[1]',
    citations: [{ n: 1, chunkId: 'c0ffee', title: '泽州精密铸造', town: '泽州精密铸造', snippet: '目前，拥有铸造企业30家', source: 'data/articles/a.txt', line: 12 }],
    facts: ['30家'],
    refused: false,
    mode: 'extractive',
    latencyMs: 12.5,
    ...over,
  };
}

/** Registers the suite in the current describe block; `open` makes an empty store. */
export function conversationStoreSuite(open: () => Promise<ConversationStore>): void {
  let store: ConversationStore;
  beforeAll(async () => {
    store = await open();
    await store.insert(loggedAnswer('a1', '2026-01-01T08:00:00.000Z'));
    await store.insert(loggedAnswer('a2', '2026-01-02T08:00:00.000Z', { channel: 'widget', refused: true, answer: '抱歉，现有文章中没有找到与这个问题相关的信息。', citations: [] }));
    await store.insert(loggedAnswer('a3', '2026-01-03T08:00:00.000Z', { channel: 'wechat', userHash: 'ab12', mode: 'llm' }));
    await store.insert(loggedAnswer('a4', '2026-01-04T08:00:00.000Z', { channel: 'widget' }));
  });
  afterAll(async () => store?.close());

  it('reads back an answer exactly as logged, with no feedback yet', async () => {
    expect(await store.get('a3')).toEqual({ ...loggedAnswer('a3', '2026-01-03T08:00:00.000Z', { channel: 'wechat', userHash: 'ab12', mode: 'llm' }), feedback: null });
    expect(await store.get('nope')).toBeNull();
  });

  it('refuses a second answer with the same id', async () => {
    await expect(store.insert(loggedAnswer('a1', '2026-01-05T08:00:00.000Z'))).rejects.toThrow();
    expect((await store.get('a1'))!.at).toBe('2026-01-01T08:00:00.000Z');
  });

  it('records feedback on a known answer, replaces it when given again, and refuses an unknown id', async () => {
    expect(await store.setFeedback({ answerId: 'missing', rating: 'up', comment: null, at: new Date('2026-01-05T00:00:00Z') })).toBe(false);
    expect(await store.setFeedback({ answerId: 'a1', rating: 'down', comment: null, at: new Date('2026-01-05T00:00:00Z') })).toBe(true);
    expect(await store.setFeedback({ answerId: 'a1', rating: 'up', comment: '准确', at: new Date('2026-01-05T01:00:00Z') })).toBe(true);
    expect(await store.setFeedback({ answerId: 'a2', rating: 'down', comment: '应该能回答', at: new Date('2026-01-05T02:00:00Z') })).toBe(true);
    expect((await store.get('a1'))!.feedback).toEqual({ rating: 'up', comment: '准确', at: '2026-01-05T01:00:00.000Z' });
    expect((await store.list({ limit: 10, offset: 0 })).total).toBe(4);
  });

  it('lists newest first, pages, and filters by refusal, rating, channel and dates', async () => {
    const ids = async (f: Parameters<ConversationStore['list']>[0]) => {
      const { total, entries } = await store.list(f);
      return { total, ids: entries.map((e) => e.id) };
    };
    expect(await ids({ limit: 10, offset: 0 })).toEqual({ total: 4, ids: ['a4', 'a3', 'a2', 'a1'] });
    expect(await ids({ limit: 2, offset: 1 })).toEqual({ total: 4, ids: ['a3', 'a2'] });
    expect(await ids({ refused: true, limit: 10, offset: 0 })).toEqual({ total: 1, ids: ['a2'] });
    expect(await ids({ refused: false, limit: 10, offset: 0 })).toEqual({ total: 3, ids: ['a4', 'a3', 'a1'] });
    expect(await ids({ rating: 'down', limit: 10, offset: 0 })).toEqual({ total: 1, ids: ['a2'] });
    expect(await ids({ rating: 'up', limit: 10, offset: 0 })).toEqual({ total: 1, ids: ['a1'] });
    expect(await ids({ channel: 'widget', limit: 10, offset: 0 })).toEqual({ total: 2, ids: ['a4', 'a2'] });
    const from = new Date('2026-01-02T08:00:00.000Z');
    const to = new Date('2026-01-03T08:00:00.000Z');
    expect(await ids({ from, to, limit: 10, offset: 0 })).toEqual({ total: 2, ids: ['a3', 'a2'] });
    expect(await ids({ channel: 'widget', refused: false, from, limit: 10, offset: 0 })).toEqual({ total: 1, ids: ['a4'] });
  });

  it('keeps answers written concurrently', async () => {
    const many = Array.from({ length: 40 }, (_, i) => loggedAnswer(`m${String(i).padStart(2, '0')}`, `2026-02-01T00:00:${String(i).padStart(2, '0')}.000Z`, { channel: 'v1' }));
    await Promise.all(many.map((e) => store.insert(e)));
    const { total, entries } = await store.list({ channel: 'v1', limit: 100, offset: 0 });
    expect(total).toBe(40);
    expect(entries.map((e) => e.id)).toEqual(many.map((e) => e.id).reverse());
  });

  it('keeps the first salt it is given', async () => {
    expect(await store.keepSalt('first-salt-0123456789')).toBe('first-salt-0123456789');
    expect(await store.keepSalt('second-salt-0123456789')).toBe('first-salt-0123456789');
  });

  it('deletes answers logged before a cutoff, with their feedback', async () => {
    expect(await store.deleteBefore(new Date('2026-01-02T12:00:00.000Z'))).toBe(2);
    expect(await store.get('a1')).toBeNull();
    expect((await store.list({ rating: 'up', limit: 10, offset: 0 })).total).toBe(0);
    expect((await store.list({ limit: 100, offset: 0 })).total).toBe(42);
    await store.insert(loggedAnswer('a1', '2026-03-01T00:00:00.000Z'));
    expect((await store.get('a1'))!.feedback).toBeNull();
  });
}
