// Tests of the response renderers: streaming deltas (with a property test) and answers with a 来源 block.
import { describe, expect, it } from 'vitest';
import type { Citation } from '../answer/index.js';
import { answerWithSources, splitDeltas } from './render.js';
import { prng } from '../test-support/prng.js';


const PIECES = ['泽', '州', '山', '楂', 'a', 'Z', '0', '7', ' ', '\n', '[', ']', '[1]', '[12]', '[345]', '[]', '[x]', '。', '！', '？', '；', '.', '!', '?', '，', '😀', '𠀀', '👍🏽', '\uD83D', '\uDE00', '38.8', '1,500'];

function randomText(next: () => number): string {
  const n = Math.floor(next() * 80);
  let s = '';
  for (let i = 0; i < n; i++) s += PIECES[Math.floor(next() * PIECES.length)]!;
  return s;
}

/** Offsets (in UTF-16 units) where one delta ends and the next begins. */
function boundaries(deltas: string[]): number[] {
  const out: number[] = [];
  let at = 0;
  for (const d of deltas.slice(0, -1)) out.push((at += d.length));
  return out;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

describe('splitDeltas', () => {
  it('splits at about `size` characters and after sentence ends', () => {
    expect(splitDeltas('')).toEqual([]);
    expect(splitDeltas('abcdefgh', 4)).toEqual(['abcd', 'efgh']);
    expect(splitDeltas('abcdefghi', 4)).toEqual(['abcd', 'efgh', 'i']);
    expect(splitDeltas('泽州山楂。栽培历史300多年！', 16)).toEqual(['泽州山楂。', '栽培历史300多年！']);
  });

  it('keeps a citation marker whole even past the size', () => {
    expect(splitDeltas('abc[12]def', 4)).toEqual(['abc[12]', 'def']);
    expect(splitDeltas('[1][23]', 1)).toEqual(['[1]', '[23]']);
  });

  it('keeps surrogate pairs whole and counts them as one character', () => {
    expect(splitDeltas('😀😀😀', 2)).toEqual(['😀😀', '😀']);
    expect(splitDeltas('a𠀀b', 1)).toEqual(['a', '𠀀', 'b']);
  });

  it('never loses or invents text, never splits a marker or a surrogate pair (property)', () => {
    const next = prng(20240601);
    const failures: string[] = [];
    for (let run = 0; run < 2000; run++) {
      const text = randomText(next);
      const size = 1 + Math.floor(next() * 20);
      const deltas = splitDeltas(text, size);
      const fail = (why: string) => failures.push(`${why}: ${JSON.stringify(text)} size ${size} -> ${JSON.stringify(deltas)}`);
      if (deltas.join('') !== text) fail('text changed');
      if (deltas.some((d) => d.length === 0)) fail('empty delta');
      const markers = [...text.matchAll(/\[\d+\]/g)].map((m) => [m.index, m.index + m[0].length] as const);
      for (const b of boundaries(deltas)) {
        if (markers.some(([start, end]) => b > start && b < end)) fail(`boundary ${b} inside a marker`);
        if (isHigh(text.charCodeAt(b - 1)) && isLow(text.charCodeAt(b))) fail(`boundary ${b} inside a surrogate pair`);
      }
      // Every delta but the last is full or ends a sentence.
      if (deltas.slice(0, -1).some((d) => [...d].length < size && !/[。！？；.!?]$/.test(d))) fail('short delta');
    }
    expect(failures.slice(0, 5)).toEqual([]);
  });
});

describe('answerWithSources', () => {
  const citation = (n: number, title: string, snippet: string): Citation => ({ n, chunkId: `c${n}`, title, town: '泽州山楂红酒', snippet, source: 'page.txt', line: 1 });

  it('returns the answer alone when there are no citations', () => {
    expect(answerWithSources('抱歉，现有文章中没有找到与这个问题相关的信息。', [])).toBe('抱歉，现有文章中没有找到与这个问题相关的信息。');
  });

  it('appends a 来源 block with one "[n] 《title》snippet" line per citation, never doubling a colon', () => {
    const text = answerWithSources('泽州山楂栽培历史已有300多年[1]，产量高[2]。', [
      citation(1, '泽州山楂红酒：打造“泽州红”品牌优势', '泽州山楂栽培历史已有300多年。'),
      citation(2, '另一篇', '产量高。'),
    ]);
    expect(text).toBe('泽州山楂栽培历史已有300多年[1]，产量高[2]。\n\n来源：\n[1] 《泽州山楂红酒：打造“泽州红”品牌优势》泽州山楂栽培历史已有300多年。\n[2] 《另一篇》产量高。');
  });
});
