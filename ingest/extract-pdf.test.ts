// Tests for the PDF text-layer helpers: lines from positioned runs, page-number lines dropped, radicals folded.
import { describe, expect, it } from 'vitest';
import { foldRadicals, pageLines, type TextRun } from './extract-pdf.js';

const run = (str: string, y: number, hasEOL = false): TextRun => ({ str, hasEOL, transform: [12, 0, 0, 12, 72, y], height: 12 });

describe('pageLines', () => {
  it('ends a line at an end-of-line run or where the baseline moves, trimming and dropping blanks', () => {
    expect(pageLines([run('高平', 700), run('黄梨 ', 700), run('', 700, true), run('种植', 680), run('面积', 660), run(' ', 640, true)])).toEqual(['高平黄梨', '种植', '面积']);
  });

  it('keeps runs on one baseline (superscripts within half a line) together', () => {
    expect(pageLines([run('面积1.8万亩', 700), run('2', 703), run('。', 700)])).toEqual(['面积1.8万亩2。']);
  });

  it('drops lines that are only a page number', () => {
    expect(pageLines(['3', '- 3 -', '第 3 页', '3 / 12', '3月'].map((s, i) => run(s, 700 - 20 * i)))).toEqual(['3月']);
  });
});

describe('foldRadicals', () => {
  it('maps Kangxi and supplement radicals to their ideographs and leaves everything else as printed', () => {
    expect(foldRadicals('沁⽔⿊⼭⽺，⻩梨⻓势好；ＡＢ，。')).toBe('沁水黑山羊，黄梨长势好；ＡＢ，。');
  });
});
