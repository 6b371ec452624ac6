// The conversation store suite against SQLite (a real file in a temp folder), plus what only a file store does.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { conversationStoreSuite, loggedAnswer } from '../../test-support/conversation-store-suite.js';
import { useTempDirs } from '../../test-support/temp-dirs.js';
import { createSqliteStore } from './sqlite-store.js';

const { tempDir } = useTempDirs();

describe('SQLite conversation store', () => {
  conversationStoreSuite(async () => createSqliteStore(join(tempDir('jc-log-'), 'conversations.db')));
});

describe('SQLite conversation store on disk', () => {
  it('makes the folder on first use and keeps answers across reopening', async () => {
    const file = join(tempDir('jc-log-'), 'var', 'nested', 'log.db');
    const first = createSqliteStore(file);
    await first.insert(loggedAnswer('x1', '2026-01-01T00:00:00.000Z'));
    await first.close();
    expect(existsSync(file)).toBe(true);
    const second = createSqliteStore(file);
    expect((await second.get('x1'))!.question).toBe('它有多少家铸造企业？');
    await second.close();
  });

  it('rejects (and does not crash) when the file cannot be made', async () => {
    const notAFolder = join(tempDir('jc-log-'), 'file');
    writeFileSync(notAFolder, 'x');
    const store = createSqliteStore(join(notAFolder, 'log.db'));
    await expect(store.insert(loggedAnswer('x1', '2026-01-01T00:00:00.000Z'))).rejects.toThrow();
    await store.close();
  });
});
