// The shared SQL pieces: WHERE clauses per dialect and rows read back into entries.
import { describe, expect, it } from 'vitest';
import { filterClause, rowToEntry, type Dialect } from './sql.js';

const PG: Dialect = { placeholder: (n) => `$${n}`, bool: (b) => b, time: (d) => d };
const LITE: Dialect = { placeholder: () => '?', bool: (b) => (b ? 1 : 0), time: (d) => d.toISOString() };

describe('filterClause', () => {
  it('is empty without filters', () => {
    expect(filterClause({}, PG)).toEqual({ where: '', params: [] });
  });

  it('numbers parameters in order and binds values the dialect way', () => {
    const from = new Date('2026-01-01T00:00:00Z');
    expect(filterClause({ refused: false, rating: 'down', channel: 'widget', from }, PG)).toEqual({
      where: 'WHERE c.refused = $1 AND f.rating = $2 AND c.channel = $3 AND c.at >= $4',
      params: [false, 'down', 'widget', from],
    });
    expect(filterClause({ refused: true, to: from }, LITE)).toEqual({ where: 'WHERE c.refused = ? AND c.at <= ?', params: [1, '2026-01-01T00:00:00.000Z'] });
  });
});

describe('rowToEntry', () => {
  const row = {
    id: 'a', at: '2026-01-01T00:00:00.000Z', channel: 'api', user_hash: null, question: 'q', standalone: 'q', answer: 'x', citations: '[]', facts: '["30家"]',
    refused: 0, mode: 'extractive', latency_ms: 3, rating: null, comment: null, feedback_at: null,
  };

  it('reads SQLite and PostgreSQL rows alike', () => {
    const lite = rowToEntry(row);
    const pg = rowToEntry({ ...row, at: new Date('2026-01-01T00:00:00Z'), citations: [], facts: ['30家'], refused: false });
    expect(lite).toEqual(pg);
    expect(lite).toMatchObject({ refused: false, citations: [], facts: ['30家'], feedback: null, at: '2026-01-01T00:00:00.000Z' });
  });

  it('throws on a row the log never wrote', () => {
    expect(() => rowToEntry({ ...row, channel: 'fax' })).toThrow();
  });
});
