// Tests for query understanding: glossary loading, English expansion, town naming words and mentions.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { expandQuery, loadGlossary, townKey, townMentions } from './query-terms.js';
import { useTempDirs } from '../test-support/temp-dirs.js';

/** Temp folders this file creates, removed after its tests. */
const { tempDir, made } = useTempDirs();

const GLOSSARY = loadGlossary(fileURLToPath(new URL('../data/glossary.json', import.meta.url)));

describe('loadGlossary', () => {
  it('reads English words to Chinese terms, skipping "_" comment keys', () => {
    expect(GLOSSARY.get('pig')).toEqual(['生猪', '猪']);
    expect(GLOSSARY.get('how many')).toEqual(['多少']);
    expect(GLOSSARY.has('_comment')).toBe(false);
  });

  it('throws naming the file when the glossary has the wrong shape', () => {
    const file = join(tempDir('jc-glossary-'), 'bad.json');
    writeFileSync(file, JSON.stringify({ pig: 3 }));
    expect(() => loadGlossary(file)).toThrow(`${file}: invalid glossary:`);
  });
});

describe('expandQuery', () => {
  it('appends the Chinese terms of English words, plurals and two-word phrases, each once', () => {
    expect(expandQuery('How many pigs did Gaoping sell in 2022?', GLOSSARY)).toBe('How many pigs did Gaoping sell in 2022? 多少 生猪 猪 高平 出栏 调出');
    expect(expandQuery('How many species of herbs?', GLOSSARY)).toBe('How many species of herbs? 多少 种类 中药材');
    expect(expandQuery('Which towns have bees and beekeepers?', GLOSSARY)).toBe('Which towns have bees and beekeepers? 专业镇 小镇 蜜蜂 养蜂 蜂农');
  });

  it('returns a Chinese question, or English without glossary words, unchanged', () => {
    expect(expandQuery('高平生猪出栏多少头？', GLOSSARY)).toBe('高平生猪出栏多少头？');
    expect(expandQuery('xyz abc', GLOSSARY)).toBe('xyz abc');
  });
});

describe('townKey', () => {
  it('names a town by the words of its industry, ignoring brackets', () => {
    expect(townKey('阳城陶瓷琉璃(珐华)', '阳城', '陶瓷琉璃(珐华)')).toEqual({ town: '阳城陶瓷琉璃(珐华)', county: '阳城', words: ['陶瓷', '琉璃', '陶瓷琉璃', '珐华'] });
    expect(townKey('高平生猪', '高平', '生猪')).toEqual({ town: '高平生猪', county: '高平', words: ['生猪'] });
  });
});

describe('townMentions', () => {
  const towns = [townKey('高平生猪', '高平', '生猪'), townKey('高平潞绸', '高平', '潞绸'), townKey('沁水蜂蜜', '沁水', '蜂蜜')];

  it('scores 1 for the industry, 0.5 more for the county, 0.5 for the county alone, and leaves others out', () => {
    expect(townMentions('高平生猪出栏多少头', towns)).toEqual(new Map([['高平生猪', 1.5], ['高平潞绸', 0.5]]));
    expect(townMentions('生猪出栏多少头', towns)).toEqual(new Map([['高平生猪', 1]]));
    expect(townMentions('山楂红酒', towns)).toEqual(new Map());
  });
});
