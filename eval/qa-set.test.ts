// Tests of QA-set parsing: valid items, malformed lines reported with line numbers and skipped, duplicate ids, town shapes.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectsRefusal, parseQaSet, readQaSet, type QaItem } from './qa-set.js';

const item = (over: Record<string, unknown> = {}) =>
  JSON.stringify({ id: 'z1', question: '沁水县的蜂农有多少户？', answers: ['1500户'], evidence: ['全县蜂农达1500户'], town: '沁水蜂蜜', type: 'numeric', ...over });

describe('parseQaSet', () => {
  it('parses valid lines in order with no problems', () => {
    const { items, problems } = parseQaSet([item({ id: 'z1' }), item({ id: 'z2', question: '陵川县的中药材有多少种？' })].join('\n'));
    expect(problems).toEqual([]);
    expect(items).toEqual([
      { id: 'z1', question: '沁水县的蜂农有多少户？', answers: ['1500户'], evidence: ['全县蜂农达1500户'], town: '沁水蜂蜜', type: 'numeric', split: 'dev' },
      { id: 'z2', question: '陵川县的中药材有多少种？', answers: ['1500户'], evidence: ['全县蜂农达1500户'], town: '沁水蜂蜜', type: 'numeric', split: 'dev' },
    ]);
  });

  it('skips blank lines but counts them in line numbers', () => {
    const { items, problems } = parseQaSet(`${item({ id: 'z1' })}\n\n   \n{oops\n`);
    expect(items.map((i) => i.id)).toEqual(['z1']);
    expect(problems).toEqual(['line 4: not valid JSON, skipped']);
  });

  it('reports a malformed JSON line with its line number and keeps the lines around it', () => {
    const text = [item({ id: 'z1' }), '{"id": "z2", "question": ', item({ id: 'z3' })].join('\n');
    const { items, problems } = parseQaSet(text);
    expect(items.map((i) => i.id)).toEqual(['z1', 'z3']);
    expect(problems).toEqual(['line 2: not valid JSON, skipped']);
  });

  it('handles Windows line endings', () => {
    const { items, problems } = parseQaSet(`${item({ id: 'z1' })}\r\nnot json\r\n${item({ id: 'z3' })}\r\n`);
    expect(items.map((i) => i.id)).toEqual(['z1', 'z3']);
    expect(problems).toEqual(['line 2: not valid JSON, skipped']);
  });

  it('reports a line missing a field, naming the field, and skips it', () => {
    const missing = JSON.stringify({ id: 'z2', question: '问题', answers: [], town: null, type: 'unanswerable' });
    const { items, problems } = parseQaSet([item({ id: 'z1' }), missing].join('\n'));
    expect(items.map((i) => i.id)).toEqual(['z1']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^line 2: field "evidence" .+, skipped$/);
  });

  it('reports a field of the wrong type and an empty question', () => {
    const { items, problems } = parseQaSet([item({ id: 'z1', answers: '1500户' }), item({ id: 'z2', question: '' })].join('\n'));
    expect(items).toEqual([]);
    expect(problems[0]).toMatch(/^line 1: field "answers" /);
    expect(problems[1]).toMatch(/^line 2: field "question" /);
  });

  it('reports a line that is JSON but not an object', () => {
    const { items, problems } = parseQaSet('[1, 2]\n"text"');
    expect(items).toEqual([]);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^line 1: field "\(item\)" .+, skipped$/);
    expect(problems[1]).toMatch(/^line 2: field "\(item\)" /);
  });

  it('reports a duplicate id with its line number and the id, and skips the repeat', () => {
    const { items, problems } = parseQaSet([item({ id: 'z1' }), item({ id: 'z2' }), item({ id: 'z1', question: '第二个' })].join('\n'));
    expect(problems).toEqual(['line 3: duplicate id "z1", skipped']);
    expect(items.map((i) => i.id)).toEqual(['z1', 'z2']);
  });

  it('accepts a town given as a string, a list or null, and defaults a missing town to null', () => {
    const { items, problems } = parseQaSet(
      [
        item({ id: 's', town: '高平生猪' }),
        item({ id: 'l', town: ['高平潞绸', '高平生猪'] }),
        item({ id: 'n', town: null }),
        JSON.stringify({ id: 'm', question: '问题', answers: [], evidence: [], type: 'out_of_scope' }),
      ].join('\n'),
    );
    expect(problems).toEqual([]);
    expect(items.map((i) => i.town)).toEqual(['高平生猪', ['高平潞绸', '高平生猪'], null, null]);
  });

  it('rejects a town of another type', () => {
    const { items, problems } = parseQaSet(item({ town: 7 }));
    expect(items).toEqual([]);
    expect(problems[0]).toMatch(/^line 1: field "town" /);
  });

  it('reads split, all and related, and defaults a missing split to dev', () => {
    const { items, problems } = parseQaSet(
      [
        item({ id: 'd' }),
        item({ id: 't', split: 'test', all: ['1500户', '30余家'] }),
        item({ id: 'n', answers: [], type: 'near_miss', related: ['1500户'], split: 'dev' }),
      ].join('\n'),
    );
    expect(problems).toEqual([]);
    expect(items.map((i) => i.split)).toEqual(['dev', 'test', 'dev']);
    expect(items[1]!.all).toEqual(['1500户', '30余家']);
    expect(items[0]!.all).toBeUndefined();
    expect(items[2]!.related).toEqual(['1500户']);
  });

  it('rejects an unknown split and an empty string in all', () => {
    const { items, problems } = parseQaSet([item({ id: 'a', split: 'train' }), item({ id: 'b', all: [''] })].join('\n'));
    expect(items).toEqual([]);
    expect(problems[0]).toMatch(/^line 1: field "split" /);
    expect(problems[1]).toMatch(/^line 2: field "all\.0" /);
  });

  it('never throws on content', () => {
    expect(() => parseQaSet('\u0000\n}{\nnull\n42')).not.toThrow();
    expect(parseQaSet('\u0000\n}{\nnull\n42').problems).toHaveLength(4);
  });
});

describe('readQaSet', () => {
  it('reads and parses a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qa-set-'));
    const file = join(dir, 'qa.jsonl');
    writeFileSync(file, `${item({ id: 'z1' })}\nbad line\n`);
    const { items, problems } = readQaSet(file);
    expect(items.map((i) => i.id)).toEqual(['z1']);
    expect(problems).toEqual(['line 2: not valid JSON, skipped']);
  });

  it('throws an error naming a missing file', () => {
    const file = join(tmpdir(), 'no-such-dir-qa', 'missing.jsonl');
    expect(() => readQaSet(file)).toThrow(`cannot read QA file: ${file}`);
  });
});

describe('expectsRefusal', () => {
  const base: QaItem = { id: 'x', question: 'q', answers: ['a'], evidence: ['e'], town: null, type: 'factual', split: 'dev' };

  it('is true for unanswerable, out_of_scope and near_miss items', () => {
    expect(expectsRefusal({ ...base, type: 'unanswerable' })).toBe(true);
    expect(expectsRefusal({ ...base, type: 'out_of_scope' })).toBe(true);
    expect(expectsRefusal({ ...base, type: 'near_miss' })).toBe(true);
  });

  it('is true for any item without acceptable answers', () => {
    expect(expectsRefusal({ ...base, answers: [] })).toBe(true);
  });

  it('is false for an answerable item', () => {
    expect(expectsRefusal(base)).toBe(false);
    expect(expectsRefusal({ ...base, type: 'traditional' })).toBe(false);
  });
});
