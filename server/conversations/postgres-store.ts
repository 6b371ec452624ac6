// The conversation log in PostgreSQL (pg pool), used when DATABASE_URL is set.
import pg from 'pg';
import { ENTRY_COLUMNS, ENTRY_FROM, filterClause, rowToEntry, type Dialect } from './sql.js';
import type { ConversationStore, LoggedAnswer } from './types.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS conversations (
  id text PRIMARY KEY, at timestamptz NOT NULL, channel text NOT NULL, user_hash text,
  question text NOT NULL, standalone text NOT NULL, answer text NOT NULL, citations jsonb NOT NULL, facts jsonb NOT NULL,
  refused boolean NOT NULL, mode text NOT NULL, latency_ms double precision NOT NULL
);
CREATE INDEX IF NOT EXISTS conversations_at ON conversations (at);
CREATE TABLE IF NOT EXISTS feedback (
  answer_id text PRIMARY KEY REFERENCES conversations (id) ON DELETE CASCADE,
  rating text NOT NULL CHECK (rating IN ('up', 'down')), comment text, at timestamptz NOT NULL
);
CREATE TABLE IF NOT EXISTS meta (key text PRIMARY KEY, value text NOT NULL);
`;
/** Advisory lock key so that several server processes starting together create the tables once. */
const SCHEMA_LOCK = 7_413_013;

const POSTGRES: Dialect = { placeholder: (n) => `$${n}`, bool: (b) => b, time: (d) => d };

/** A PostgreSQL store over a small pool; tables are created on first use (and retried after a failure). */
export function createPostgresStore(url: string, poolSize = 4): ConversationStore {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5000 });
  // An idle client's error (e.g. the server restarted) must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  let schema: Promise<void> | null = null;

  async function createSchema(): Promise<void> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
      await client.query(SCHEMA);
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }

  async function query(sql: string, params: unknown[] = []): Promise<pg.QueryResult> {
    schema ??= createSchema().catch((err: unknown) => {
      schema = null;
      throw err;
    });
    await schema;
    return pool.query(sql, params);
  }

  return {
    name: 'postgres',
    async insert(e: LoggedAnswer) {
      await query(
        'INSERT INTO conversations (id, at, channel, user_hash, question, standalone, answer, citations, facts, refused, mode, latency_ms) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)',
        [e.id, new Date(e.at), e.channel, e.userHash, e.question, e.standalone, e.answer, JSON.stringify(e.citations), JSON.stringify(e.facts), e.refused, e.mode, e.latencyMs],
      );
    },
    async setFeedback({ answerId, rating, comment, at }) {
      // One statement: the SELECT finds nothing for an unknown id, so nothing is inserted.
      const r = await query(
        'INSERT INTO feedback (answer_id, rating, comment, at) SELECT id, $2, $3, $4 FROM conversations WHERE id = $1 ON CONFLICT (answer_id) DO UPDATE SET rating = excluded.rating, comment = excluded.comment, at = excluded.at',
        [answerId, rating, comment, at],
      );
      return r.rowCount === 1;
    },
    async get(id) {
      const r = await query(`SELECT ${ENTRY_COLUMNS} FROM ${ENTRY_FROM} WHERE c.id = $1`, [id]);
      return r.rows[0] === undefined ? null : rowToEntry(r.rows[0]);
    },
    async list({ limit, offset, ...filter }) {
      const { where, params } = filterClause(filter, POSTGRES);
      const count = await query(`SELECT count(*)::int AS n FROM ${ENTRY_FROM} ${where}`, params);
      const n = params.length;
      const rows = await query(`SELECT ${ENTRY_COLUMNS} FROM ${ENTRY_FROM} ${where} ORDER BY c.at DESC, c.id DESC LIMIT $${n + 1} OFFSET $${n + 2}`, [...params, limit, offset]);
      return { total: (count.rows[0] as { n: number }).n, entries: rows.rows.map(rowToEntry) };
    },
    async deleteBefore(cutoff) {
      return (await query('DELETE FROM conversations WHERE at < $1', [cutoff])).rowCount ?? 0;
    },
    async keepSalt(candidate) {
      await query("INSERT INTO meta (key, value) VALUES ('user_id_salt', $1) ON CONFLICT (key) DO NOTHING", [candidate]);
      return ((await query("SELECT value FROM meta WHERE key = 'user_id_salt'")).rows[0] as { value: string }).value;
    },
    async close() {
      await pool.end();
    },
  };
}
