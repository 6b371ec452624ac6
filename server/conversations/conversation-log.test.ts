// The conversation log over a real SQLite store: off-path writes, kept salt, user-id hashing, retention, settings.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ServedAnswer } from '../../answer/index.js';
import { loadSettings } from '../../config.js';
import { useTempDirs } from '../../test-support/temp-dirs.js';
import { createLogger } from '../logger.js';
import { createConversationLog, hashUserId, openConversationLog } from './conversation-log.js';
import { createSqliteStore } from './sqlite-store.js';

const { tempDir } = useTempDirs();
const logger = createLogger('silent');
const served: ServedAnswer = {
  question: '它有多少家？',
  standalone: '泽州有多少家铸造企业？',
  answer: '目前，拥有铸造企业30家。[1]',
  refused: false,
  mode: 'extractive',
  citations: [],
  retrieved: [],
  facts: [
    { n: 1, kind: 'quantity', text: '30家', value: 30, unit: '家', attribute: '铸造企业', chunkId: 'c0ffee' },
    { n: 1, kind: 'quantity', text: '30家', value: 30, unit: '家', attribute: '铸造企业', chunkId: 'c0ffee' },
  ],
  fallback: null,
  timings: { condenseMs: 0, retrieveMs: 1, composeMs: 1, totalMs: 2 },
};

describe('hashUserId', () => {
  it('is a 32-hex HMAC that depends on salt, channel and id', () => {
    const h = hashUserId('salt-aaaaaaaaaaaaaaaa', 'wechat', 'openid-1');
    expect(h).toMatch(/^[0-9a-f]{32}$/);
    expect(hashUserId('salt-aaaaaaaaaaaaaaaa', 'wechat', 'openid-1')).toBe(h);
    expect(hashUserId('salt-bbbbbbbbbbbbbbbb', 'wechat', 'openid-1')).not.toBe(h);
    expect(hashUserId('salt-aaaaaaaaaaaaaaaa', 'wecom', 'openid-1')).not.toBe(h);
  });
});

describe('createConversationLog', () => {
  it('writes after the caller returns, and feedback waits for that write', async () => {
    const log = createConversationLog({ store: createSqliteStore(':memory:'), logger, retentionDays: 0 });
    log.record({ id: 'a1', channel: 'api', answer: served, latencyMs: 3.14159 });
    expect(await log.store.get('a1')).toBeNull(); // not written synchronously
    expect(await log.feedback({ answerId: 'a1', rating: 'up', comment: null })).toBe(true);
    expect(await log.store.get('a1')).toMatchObject({ question: '它有多少家？', standalone: '泽州有多少家铸造企业？', latencyMs: 3.14, facts: ['30家'], feedback: { rating: 'up' } });
    await log.close();
  });

  it('generates a salt once, keeps it in the database, and never stores the raw user id', async () => {
    const file = join(tempDir('jc-log-'), 'c.db');
    const first = createConversationLog({ store: createSqliteStore(file), logger, retentionDays: 0 });
    first.record({ id: 'w1', channel: 'wecom', answer: served, latencyMs: 1, user: 'zhangsan' });
    await first.close();
    const second = createConversationLog({ store: createSqliteStore(file), logger, retentionDays: 0 });
    second.record({ id: 'w2', channel: 'wecom', answer: served, latencyMs: 1, user: 'zhangsan' });
    await second.flush();
    const [a, b] = [await second.store.get('w1'), await second.store.get('w2')];
    expect(a!.userHash).toMatch(/^[0-9a-f]{32}$/);
    expect(b!.userHash).toBe(a!.userHash);
    await second.close();
    expect(readFileSync(file).includes(Buffer.from('zhangsan'))).toBe(false);
  });

  it('deletes answers older than the retention at start', async () => {
    const store = createSqliteStore(':memory:');
    const old = { id: 'old', at: '2026-01-01T00:00:00.000Z', channel: 'api' as const, userHash: null, question: 'q', standalone: 'q', answer: 'a', citations: [], facts: [], refused: false, mode: 'extractive' as const, latencyMs: 1 };
    await store.insert(old);
    await store.insert({ ...old, id: 'recent', at: '2026-03-25T00:00:00.000Z' });
    const log = createConversationLog({ store, logger, retentionDays: 30, now: () => new Date('2026-04-01T00:00:00Z') });
    await expect.poll(async () => (await store.list({ limit: 10, offset: 0 })).entries.map((e) => e.id)).toEqual(['recent']);
    await log.close();
  });
});

describe('openConversationLog', () => {
  it('is off with LOG_CONVERSATIONS=0, SQLite by default, PostgreSQL with DATABASE_URL', async () => {
    expect(openConversationLog(loadSettings({ LOG_CONVERSATIONS: '0' }), logger)).toBeNull();
    const file = join(tempDir('jc-log-'), 'conv.db');
    const lite = openConversationLog(loadSettings({ CONVERSATION_DB: file, LOG_RETENTION_DAYS: '0' }), logger)!;
    expect(lite.store.name).toBe(`sqlite:${file}`);
    await lite.close();
    const pg = openConversationLog(loadSettings({ DATABASE_URL: 'postgres://u@127.0.0.1:1/db', LOG_RETENTION_DAYS: '0' }), logger)!;
    expect(pg.store.name).toBe('postgres');
    await pg.close();
    expect(() => loadSettings({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: must be a postgres/);
  });
});
