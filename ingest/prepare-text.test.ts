// Tests for prepareText: the folded copy, sentence offsets in both texts, and no text lost.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { foldText } from './normalize-text.js';
import { prepareText } from './prepare-text.js';
import { splitSentences } from './split-passages.js';

const PAGE = readFileSync(fileURLToPath(new URL('../data/articles/jincheng-specialty-towns-page1.txt', import.meta.url)), 'utf8');

describe('prepareText', () => {
  it('folds each sentence and records where each starts in the text and in the folded copy', () => {
    expect(prepareText('高平養豬，ＡＢ。沁水蜂蜜！尾')).toEqual({
      folded: '高平养猪,ab。沁水蜂蜜!尾',
      starts: [0, 8, 13],
      foldedStarts: [0, 8, 13],
    });
  });

  it('gives nothing for empty text', () => {
    expect(prepareText('')).toEqual({ folded: '', starts: [], foldedStarts: [] });
  });

  it('equals folding the whole text, sentence by sentence, on every paragraph of the bundled page', () => {
    for (const para of PAGE.split(/\n+/).filter((p) => p.trim())) {
      const p = prepareText(para);
      expect(p.folded).toBe(foldText(para));
      const sentences = splitSentences(para);
      sentences.forEach((s, i) => {
        const end = p.foldedStarts[i + 1] ?? p.folded.length;
        expect(p.starts[i]).toBe(s.start);
        expect(p.folded.slice(p.foldedStarts[i], end)).toBe(foldText(s.text));
      });
    }
  });
});
