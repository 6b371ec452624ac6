import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const QA_PATH = fileURLToPath(new URL('./qa.jsonl', import.meta.url));
const CORPUS_PATH = fileURLToPath(
  new URL('../data/articles/jincheng-specialty-towns-page1.txt', import.meta.url),
);

const TOWNS = [
  '泽州精密铸造',
  '泽州山楂红酒',
  '高平潞绸',
  '高平生猪',
  '阳城陶瓷琉璃(珐华)',
  '陵川中药材',
  '阳城蚕桑',
  '沁水黑山羊',
  '沁水蜂蜜',
] as const;

const TYPES = [
  'factual',
  'numeric',
  'list',
  'multi_passage',
  'paraphrase',
  'colloquial',
  'keyword',
  'traditional',
  'typo',
  'english',
  'unanswerable',
  'out_of_scope',
  'count',
  'compare',
  'superlative',
  'difference',
  'yesno',
  'near_miss',
] as const;

/** Types whose expected answer is computed or translated, so it need not occur in the corpus. */
const COMPUTED_TYPES = new Set(['english', 'count', 'difference']);
/** A comparison's answer that the two sides are equal. */
const TIE = /一样多|一樣多|相同|相等|\bsame\b|\bequal\b/i;

type QaType = (typeof TYPES)[number];

interface QaItem {
  id: string;
  question: string;
  answers: string[];
  evidence: string[];
  town: string | string[] | null;
  type: QaType;
  split: 'dev' | 'test';
  all?: string[];
  related?: string[];
}

const noWs = (s: string): string => s.replace(/\s+/g, '');

const corpus = readFileSync(CORPUS_PATH, 'utf8');
const corpusNoWs = noWs(corpus);
const rawLines = readFileSync(QA_PATH, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '');

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

function parseItem(line: string, lineNo: number): QaItem {
  let obj: unknown;
  try {
    obj = JSON.parse(line);
  } catch (e) {
    throw new Error(`line ${lineNo}: invalid JSON (${String(e)})`);
  }
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
    throw new Error(`line ${lineNo}: not a JSON object`);
  }
  const o = obj as Record<string, unknown>;
  const where = `line ${lineNo} (${String(o.id)})`;
  if (typeof o.id !== 'string' || !/^q\d{3,}$/.test(o.id)) throw new Error(`${where}: bad id`);
  if (typeof o.question !== 'string' || o.question.trim() === '') {
    throw new Error(`${where}: bad question`);
  }
  if (!isStringArray(o.answers)) throw new Error(`${where}: answers must be string[]`);
  if (!isStringArray(o.evidence)) throw new Error(`${where}: evidence must be string[]`);
  const town = o.town;
  const townOk =
    town === null ||
    (typeof town === 'string' && (TOWNS as readonly string[]).includes(town)) ||
    (isStringArray(town) &&
      town.length > 0 &&
      town.every((t) => (TOWNS as readonly string[]).includes(t)));
  if (!townOk) throw new Error(`${where}: bad town ${JSON.stringify(town)}`);
  if (typeof o.type !== 'string' || !(TYPES as readonly string[]).includes(o.type)) {
    throw new Error(`${where}: bad type ${JSON.stringify(o.type)}`);
  }
  if (o.split !== 'dev' && o.split !== 'test') throw new Error(`${where}: split must be "dev" or "test"`);
  for (const key of ['all', 'related'] as const) {
    if (o[key] !== undefined && !(isStringArray(o[key]) && o[key].length > 0)) throw new Error(`${where}: ${key} must be a non-empty string[]`);
  }
  return o as unknown as QaItem;
}

const items: QaItem[] = rawLines.map((l, i) => parseItem(l, i + 1));
const isAnswerable = (q: QaItem): boolean => q.type !== 'unanswerable' && q.type !== 'out_of_scope' && q.type !== 'near_miss';

/**
 * An answer is grounded when it occurs in the corpus after whitespace removal.
 * A list answer joined with 、 (scored as "every item must appear") is also
 * grounded when each of its items occurs in the corpus.
 */
function answerGrounded(answer: string): boolean {
  const a = noWs(answer);
  if (a === '') return false;
  if (corpusNoWs.includes(a)) return true;
  if (a.includes('、')) {
    const parts = a.split('、').filter((p) => p !== '');
    return parts.length > 1 && parts.every((p) => corpusNoWs.includes(p));
  }
  return false;
}

describe('eval/qa.jsonl', () => {
  it('parses: every line is a JSON object with well-typed fields', () => {
    expect(items.length).toBe(rawLines.length);
  });

  it('has at least 260 items', () => {
    expect(items.length).toBeGreaterThanOrEqual(260);
  });

  it('covers every kind of question in both the dev and the test split', () => {
    const kinds = ['colloquial', 'list', 'count', 'compare', 'superlative', 'difference', 'yesno', 'near_miss', 'unanswerable', 'out_of_scope', 'english', 'traditional', 'typo'];
    const missing = (['dev', 'test'] as const).flatMap((split) =>
      kinds.filter((t) => items.filter((q) => q.split === split && q.type === t).length < 3).map((t) => `${split}: ${t}`),
    );
    expect(missing).toEqual([]);
  });

  it('the test split is at least 60 items, none repeating a dev question', () => {
    const dev = new Set(items.filter((q) => q.split === 'dev').map((q) => q.question));
    const test = items.filter((q) => q.split === 'test');
    expect(test.length).toBeGreaterThanOrEqual(60);
    expect(test.filter((q) => dev.has(q.question)).map((q) => q.id)).toEqual([]);
  });

  it('every comparison lists both compared figures in "all"', () => {
    const bad = items.filter((q) => q.type === 'compare' && !(q.all && q.all.length >= 2)).map((q) => q.id);
    expect(bad).toEqual([]);
  });

  it('has unique ids', () => {
    const ids = items.map((q) => q.id);
    const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(dupes).toEqual([]);
  });

  it('every evidence string occurs verbatim in the corpus (and in the whitespace-repaired text)', () => {
    const bad: string[] = [];
    for (const q of items) {
      for (const ev of q.evidence) {
        if (ev.trim() === '' || !corpus.includes(ev) || !corpusNoWs.includes(noWs(ev))) {
          bad.push(`${q.id}: ${ev}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('answerable items have answers and evidence', () => {
    const bad = items
      .filter(isAnswerable)
      .filter((q) => q.answers.length === 0 || q.evidence.length === 0)
      .map((q) => q.id);
    expect(bad).toEqual([]);
  });

  it('every answerable non-english item has an answer that occurs in the corpus (whitespace-insensitive)', () => {
    const bad = items
      .filter((q) => isAnswerable(q) && !COMPUTED_TYPES.has(q.type))
      // (A comparison may be a tie, a computed answer: 一样多.)
      .filter((q) => !q.answers.some(answerGrounded) && !(q.type === 'compare' && q.answers.some((a) => TIE.test(a))))
      .map((q) => `${q.id}: ${JSON.stringify(q.answers)}`);
    expect(bad).toEqual([]);
  });

  it('every "all" and "related" string occurs in the corpus (English items excepted)', () => {
    const bad = items
      .filter((q) => q.type !== 'english')
      .flatMap((q) => [...(q.all ?? []), ...(q.related ?? [])].filter((a) => !corpusNoWs.includes(noWs(a))).map((a) => `${q.id}: ${a}`));
    expect(bad).toEqual([]);
  });

  it('near_miss items have no answers but the related facts and their evidence', () => {
    const bad = items
      .filter((q) => q.type === 'near_miss')
      .filter((q) => q.answers.length !== 0 || q.evidence.length === 0 || !q.related?.length)
      .map((q) => q.id);
    expect(bad).toEqual([]);
  });

  it('unanswerable and out_of_scope items have empty answers and evidence', () => {
    const bad = items
      .filter((q) => q.type === 'unanswerable' || q.type === 'out_of_scope')
      .filter((q) => q.answers.length !== 0 || q.evidence.length !== 0)
      .map((q) => q.id);
    expect(bad).toEqual([]);
  });

  it('out_of_scope items have town null', () => {
    const bad = items.filter((q) => q.type === 'out_of_scope' && q.town !== null).map((q) => q.id);
    expect(bad).toEqual([]);
  });

  it('covers all nine towns with at least 6 single-town answerable items each', () => {
    const counts = new Map<string, number>(TOWNS.map((t) => [t, 0]));
    for (const q of items) {
      if (isAnswerable(q) && typeof q.town === 'string') {
        counts.set(q.town, (counts.get(q.town) ?? 0) + 1);
      }
    }
    const short = [...counts].filter(([, n]) => n < 6);
    expect(short).toEqual([]);
  });
});
