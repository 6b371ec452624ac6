// The conversation log in an embedded SQLite file (better-sqlite3, WAL mode so several server processes can share it).
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { ENTRY_COLUMNS, ENTRY_FROM, filterClause, rowToEntry, type Dialect } from './sql.js';
import type { ConversationStore, LoggedAnswer } from './types.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS conversations (
  id TEXT PRIMARY KEY, at TEXT NOT NULL, channel TEXT NOT NULL, user_hash TEXT,
  question TEXT NOT NULL, standalone TEXT NOT NULL, answer TEXT NOT NULL, citations TEXT NOT NULL, facts TEXT NOT NULL,
  refused INTEGER NOT NULL, mode TEXT NOT NULL, latency_ms REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS conversations_at ON conversations (at);
CREATE TABLE IF NOT EXISTS feedback (
  answer_id TEXT PRIMARY KEY REFERENCES conversations (id) ON DELETE CASCADE,
  rating TEXT NOT NULL CHECK (rating IN ('up', 'down')), comment TEXT, at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`;

// Times are ISO strings in UTC with milliseconds, so text order is time order.
const SQLITE: Dialect = { placeholder: () => '?', bool: (b) => (b ? 1 : 0), time: (d) => d.toISOString() };

function openDatabase(file: string): Database.Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = WAL');
    // WAL + NORMAL: no fsync per answer (the write runs on the event loop); a power cut may lose the last few, never corrupt.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.exec(SCHEMA);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/** A SQLite store at `file` (":memory:" for a private one). The file and its folder are made on first use. */
export function createSqliteStore(file: string): ConversationStore {
  let db: Database.Database | null = null;
  const statements = new Map<string, Database.Statement>();
  // Opened lazily, and again after a failure (a folder made later, a lock released); statements prepared once.
  const sql = (text: string): Database.Statement => {
    db ??= openDatabase(file);
    let statement = statements.get(text);
    if (!statement) statements.set(text, (statement = db.prepare(text)));
    return statement;
  };

  return {
    name: `sqlite:${file}`,
    async insert(e: LoggedAnswer) {
      sql('INSERT INTO conversations (id, at, channel, user_hash, question, standalone, answer, citations, facts, refused, mode, latency_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(e.id, e.at, e.channel, e.userHash, e.question, e.standalone, e.answer, JSON.stringify(e.citations), JSON.stringify(e.facts), e.refused ? 1 : 0, e.mode, e.latencyMs);
    },
    async setFeedback({ answerId, rating, comment, at }) {
      if (!sql('SELECT 1 FROM conversations WHERE id = ?').get(answerId)) return false;
      sql(
        'INSERT INTO feedback (answer_id, rating, comment, at) VALUES (?, ?, ?, ?) ON CONFLICT (answer_id) DO UPDATE SET rating = excluded.rating, comment = excluded.comment, at = excluded.at',
      ).run(answerId, rating, comment, at.toISOString());
      return true;
    },
    async get(id) {
      const row = sql(`SELECT ${ENTRY_COLUMNS} FROM ${ENTRY_FROM} WHERE c.id = ?`).get(id);
      return row === undefined ? null : rowToEntry(row);
    },
    async list({ limit, offset, ...filter }) {
      const { where, params } = filterClause(filter, SQLITE);
      const { n } = sql(`SELECT count(*) AS n FROM ${ENTRY_FROM} ${where}`).get(...params) as { n: number };
      const rows = sql(`SELECT ${ENTRY_COLUMNS} FROM ${ENTRY_FROM} ${where} ORDER BY c.at DESC, c.id DESC LIMIT ? OFFSET ?`).all(...params, limit, offset);
      return { total: n, entries: rows.map(rowToEntry) };
    },
    async deleteBefore(cutoff) {
      return sql('DELETE FROM conversations WHERE at < ?').run(cutoff.toISOString()).changes;
    },
    async keepSalt(candidate) {
      sql("INSERT INTO meta (key, value) VALUES ('user_id_salt', ?) ON CONFLICT (key) DO NOTHING").run(candidate);
      return (sql("SELECT value FROM meta WHERE key = 'user_id_salt'").get() as { value: string }).value;
    },
    async close() {
      statements.clear();
      db?.close();
      db = null;
    },
  };
}
