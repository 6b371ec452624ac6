// Tests for folding: the converter is skipped only where it would change nothing, so folds equal OpenCC's.
import { readFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { casedCodeUnits, convertibleChars, foldForMatch, foldText, toHalfWidth } from './normalize-text.js';

const opencc = OpenCC.Converter({ from: 'tw', to: 'cn' });
/** The fold without the fast path: every text through OpenCC. */
const reference = (text: string) => opencc(toHalfWidth(text)).toLowerCase();

describe('toHalfWidth', () => {
  it('maps U+FF01..FF5E to ASCII and the ideographic space to a space, leaving the rest', () => {
    const wide = Array.from({ length: 0xff60 - 0xff00 }, (_, i) => String.fromCharCode(0xff00 + i)).join('');
    const byRegex = (t: string) => t.replace(/[\uff01-\uff5e\u3000]/g, (ch) => (ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
    for (const text of [wide, `蜂农，${wide}　达１５００户。`, '沁水县', '', '　']) expect(toHalfWidth(text)).toBe(byRegex(text));
    expect(toHalfWidth('２０２２年，ＡＢ！')).toBe('2022年,AB!');
  });
});

describe('convertibleChars', () => {
  it('takes the changed characters of each changing entry, all of them when the length changes, none of an identity entry', () => {
    expect([...convertibleChars(['個 个|一家三口 一家三口|反覆 反复', '乾乾 干'])].sort()).toEqual(['個', '乾', '覆'].sort());
  });
});

describe('casedCodeUnits', () => {
  it('are exactly the code units toLowerCase changes alone, plus every high surrogate', () => {
    const changed = Array.from({ length: 0x10000 }, (_, code) => code).filter((code) => (code >= 0xd800 && code < 0xdc00) || String.fromCharCode(code).toLowerCase() !== String.fromCharCode(code));
    expect(casedCodeUnits()).toEqual(changed);
  });

  it('let folding skip lower-casing only where it changes nothing (Latin, Greek with final sigma, Cyrillic, astral letters, İ)', () => {
    for (const text of ['阳城ABC', 'ΟΔΟΣ 沁水', 'Москва', '\u{10400}\u{10428}蜂蜜', 'İstanbul', '泽州山楂', 'ｍｉｘＥＤ', '']) {
      expect(foldText(text)).toBe(reference(text));
      expect(foldForMatch(text)).toBe(reference(text));
    }
  });
});

describe('foldText', () => {
  it('folds Traditional to Simplified, full width to half width and case', () => {
    expect(foldText('陵川中藥材種類有多少種？ＡＢＣ１２３　Ok')).toBe('陵川中药材种类有多少种?abc123 ok');
  });

  it('equals OpenCC on Simplified, Traditional and mixed text', () => {
    const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
    const simplified = ['泽州山楂栽培历史已有300多年，是全国八大红果产地之一。', '吃饭了么？群峰覆盖，核心名著。', '乾隆年间，反反覆覆。', '沁水县蜂农达1500户'];
    for (const text of [...simplified, ...simplified.map((t) => toTraditional(t)), '一口吃個', 'Ｈｅｌｌｏ　世界']) {
      expect(foldText(text)).toBe(reference(text));
      expect(foldForMatch(text)).toBe(reference(text));
    }
  });

  it('equals OpenCC on every line of the bundled page', () => {
    const lines = readFileSync(new URL('../data/articles/jincheng-specialty-towns-page1.txt', import.meta.url), 'utf8').split('\n');
    expect(lines.filter((line) => foldText(line) !== reference(line))).toEqual([]);
  });
});
