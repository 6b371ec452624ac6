// Tests for the unique-answer tail report: options, GC matching, the slowest share, per-operation figures, and a real run over a temp index.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnswerService, type AnswerService } from '../answer/index.js';
import { buildTestIndex } from '../test-support/test-index.js';
import { byOperation, gcWithin, measureTail, parseTailArgs, slowest, tailReport, type TailRow } from './unique-tail.js';

const row = (mainMs: number, operation: string, gcMs = 0): TailRow => ({ question: `q${mainMs}`, mainMs, cpuMs: mainMs + 1, operation, retrieveMs: 0.1, composeMs: mainMs, refused: false, gcMs });

describe('parseTailArgs', () => {
  it('takes questions and the slowest share, with defaults', () => {
    expect(parseTailArgs([])).toEqual({ unique: 1000, top: 1 });
    expect(parseTailArgs(['--unique', '200', '--top', '5'])).toEqual({ unique: 200, top: 5 });
  });

  it('refuses bad numbers and unknown options with the usage line', () => {
    expect(() => parseTailArgs(['--unique', '3'])).toThrow(/--unique.*\n.*usage/s);
    expect(() => parseTailArgs(['--top', '0'])).toThrow(/--top/);
    expect(() => parseTailArgs(['--bogus'])).toThrow();
  });
});

describe('gcWithin', () => {
  it('adds the pauses that overlap the span, and only those', () => {
    const entries = [
      { startTime: 0, duration: 2 },
      { startTime: 9, duration: 3 },
      { startTime: 20, duration: 1 },
    ];
    expect(gcWithin(entries, 10, 15)).toBe(3);
    expect(gcWithin(entries, 1, 21)).toBe(6);
    expect(gcWithin(entries, 13, 19)).toBe(0);
  });
});

describe('slowest and byOperation', () => {
  const rows = [row(1, 'lookup'), row(5, 'compare', 2), row(2, 'lookup'), row(3, 'list')];

  it('takes the slowest share by main-thread CPU, at least one', () => {
    expect(slowest(rows, 50).map((r) => r.mainMs)).toEqual([5, 3]);
    expect(slowest(rows, 1).map((r) => r.mainMs)).toEqual([5]);
  });

  it('groups main-thread CPU by operation, most frequent first', () => {
    const ops = byOperation(rows);
    expect(ops.map((o) => o.operation)).toEqual(['lookup', 'compare', 'list']);
    expect(ops[0]!.main).toMatchObject({ samples: 2, p50: 1, p99: 2 });
  });

  it('reports overall figures, background CPU, GC overlaps, the operations and the slowest rows', () => {
    const report = tailReport(rows, 25);
    expect(report).toContain('4 unique answers: main-thread CPU p50 / p95 / p99 2.00 / 5.00 / 5.00 ms, process CPU 3.00 / 6.00 / 6.00 ms');
    expect(report).toContain('background threads (process − main thread): 4 ms in all; 1 answers overlapped a GC pause');
    expect(report).toContain('| lookup | 2 | 1.00 / 2.00 / 2.00 |');
    expect(report).toContain('| 5.00 | 6.00 | compare | 0.10 | 5.00 | 2.00 | q5 |');
    expect(report).not.toContain('| q3 |');
  });
});

describe('measureTail', () => {
  it('charges a GC pause to the answer it fell in', async () => {
    // A stand-in service whose answer to "churn" allocates enough short-lived objects to fill the young generation.
    const keep: unknown[] = [];
    const ask = async ({ question }: { question: string }) => {
      if (question === 'churn') for (let i = 0; i < 2_000_000; i++) keep[i % 64] = { i, text: `x${i}` };
      return { operation: 'lookup', refused: false, timings: { condenseMs: 0, retrieveMs: 0, composeMs: 0, totalMs: 0 } };
    };
    const rows = await measureTail({ ask } as unknown as AnswerService, ['quiet', 'churn']);
    expect(rows[0]!.gcMs).toBe(0);
    expect(rows[1]!.gcMs).toBeGreaterThan(0);
  });

  let built: Awaited<ReturnType<typeof buildTestIndex>> | null = null;
  beforeAll(async () => {
    built = await buildTestIndex();
  });
  afterAll(() => rmSync(built!.settings.INDEX_DIR, { recursive: true, force: true }));

  it('answers each question once and measures CPU, operation and stage times', async () => {
    const service = createAnswerService(built!.searcher, built!.settings);
    const rows = await measureTail(service, ['阳城蚕桑的产值是多少？', '高平和阳城哪个养殖规模更大？', '你好']);
    expect(rows.map((r) => r.question)).toEqual(['阳城蚕桑的产值是多少？', '高平和阳城哪个养殖规模更大？', '你好']);
    for (const r of rows) {
      expect(r.mainMs).toBeGreaterThan(0);
      expect(r.cpuMs).toBeGreaterThanOrEqual(0);
      expect(r.gcMs).toBeGreaterThanOrEqual(0);
    }
    expect(rows[0]!.operation).toBe('lookup');
    expect(rows[2]!.operation).toBe('');
  });
});
