// The same conversation store suite against a real PostgreSQL cluster started in a temp folder.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationStoreSuite, loggedAnswer } from '../../test-support/conversation-store-suite.js';
import { startPostgres, type TestPostgres } from '../../test-support/postgres.js';
import { createPostgresStore } from './postgres-store.js';

let cluster: TestPostgres;
let databases = 0;
beforeAll(async () => {
  cluster = await startPostgres();
});
afterAll(() => cluster?.stop());

/** The URL of a fresh empty database in the test cluster, so suites never share rows. */
async function freshDatabase(): Promise<string> {
  const name = `log_${++databases}`;
  const client = new pg.Client({ connectionString: cluster.url });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  return cluster.url.replace(/\/postgres$/, `/${name}`);
}

describe('PostgreSQL conversation store', () => {
  conversationStoreSuite(async () => createPostgresStore(await freshDatabase()));
});

describe('PostgreSQL conversation store edges', () => {
  it('creates its tables once when several processes start together', async () => {
    const url = await freshDatabase();
    const stores = Array.from({ length: 4 }, () => createPostgresStore(url));
    await Promise.all(stores.map((s, i) => s.insert(loggedAnswer(`p${i}`, '2026-01-01T00:00:00.000Z'))));
    expect((await stores[0]!.list({ limit: 10, offset: 0 })).total).toBe(4);
    await Promise.all(stores.map((s) => s.close()));
  });

  it('rejects (and does not crash) when the server is unreachable', async () => {
    const store = createPostgresStore('postgres://postgres@127.0.0.1:1/postgres');
    await expect(store.insert(loggedAnswer('x', '2026-01-01T00:00:00.000Z'))).rejects.toThrow();
    await store.close();
  });
});
