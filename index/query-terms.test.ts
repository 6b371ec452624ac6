// Tests for query understanding: English expansion through the lexicon, town naming words and mentions.
import { describe, expect, it } from 'vitest';
import { overridesLexicon } from '../test-support/overrides-lexicon.js';
import { expandQuery, ownCharacters, townKey, townMentions } from './query-terms.js';

describe('expandQuery', () => {
  const lexicon = overridesLexicon({ 'how many': ['多少'], pig: ['生猪', '猪'], gaoping: ['高平'], sell: ['出栏'], bee: ['蜜蜂'], 'black goat': ['黑山羊'] });

  it('appends the Chinese words of English words, plurals, irregular pasts and phrases, each once', () => {
    expect(expandQuery('How many pigs did Gaoping sell? Pigs!', lexicon)).toBe('How many pigs did Gaoping sell? Pigs! 多少 生猪 猪 高平 出栏');
    expect(expandQuery('Were pigs sold?', lexicon)).toBe('Were pigs sold? 生猪 猪 出栏');
    expect(expandQuery('black goats and bees', lexicon)).toBe('black goats and bees 黑山羊 蜜蜂');
  });

  it('returns a Chinese question, or English that translates to nothing (markup included), unchanged', () => {
    expect(expandQuery('<img src=x onerror="window.__pwned=1">泽州山楂', overridesLexicon({}))).toBe('<img src=x onerror="window.__pwned=1">泽州山楂');
    expect(expandQuery('高平生猪出栏多少头？', lexicon)).toBe('高平生猪出栏多少头？');
    expect(expandQuery('xyz abc', lexicon)).toBe('xyz abc');
  });
});

describe('townKey', () => {
  it('names a town by the words of its industry, ignoring brackets', () => {
    expect(townKey('阳城陶瓷琉璃(珐华)', '阳城', '陶瓷琉璃(珐华)')).toEqual({ town: '阳城陶瓷琉璃(珐华)', county: '阳城', words: ['陶瓷', '琉璃', '陶瓷琉璃', '珐华'], chars: [] });
    expect(townKey('高平生猪', '高平', '生猪', ['猪'])).toEqual({ town: '高平生猪', county: '高平', words: ['生猪'], chars: ['猪'] });
  });
});

describe('townMentions', () => {
  const towns = [townKey('高平生猪', '高平', '生猪'), townKey('高平潞绸', '高平', '潞绸'), townKey('沁水蜂蜜', '沁水', '蜂蜜')];

  it('scores 1 for the industry, 0.5 more for the county, 0.5 for the county alone, and leaves others out', () => {
    expect(townMentions('高平生猪出栏多少头', towns)).toEqual(new Map([['高平生猪', 1.5], ['高平潞绸', 0.5]]));
    expect(townMentions('生猪出栏多少头', towns)).toEqual(new Map([['高平生猪', 1]]));
    expect(townMentions('山楂红酒', towns)).toEqual(new Map());
  });

  it('takes a character of the industry for the town beside its county (高平养猪), not alone', () => {
    const keyed = [townKey('高平生猪', '高平', '生猪', ['猪']), townKey('高平潞绸', '高平', '潞绸', ['绸'])];
    expect(townMentions('高平养猪的龙头企业', keyed)).toEqual(new Map([['高平生猪', 1.5], ['高平潞绸', 0.5]]));
    expect(townMentions('养猪的龙头企业', keyed)).toEqual(new Map());
  });
});

describe('ownCharacters', () => {
  it('keeps the industry characters the corpus writes almost only in that town, and that name a thing alone', () => {
    const passages = [
      { town: '高平生猪', folded: '生猪出栏85万头，养好每头猪，生猪屠宰，红火' },
      { town: '泽州山楂红酒', folded: '山楂红酒，山楂酒厂，红果，山楂白兰地酒' },
      { town: '高平潞绸', folded: '潞绸织造，山西，太行山，生产' },
    ];
    const chars = ownCharacters(new Map([['高平生猪', '生猪'], ['泽州山楂红酒', '山楂红酒'], ['高平潞绸', '潞绸']]), passages);
    expect(chars.get('高平生猪')).toEqual(['猪']); // 生 is everywhere (生产)
    expect(chars.get('泽州山楂红酒')).toEqual(['楂', '酒']); // 山 is everywhere, 红 stands alone as an adjective
    expect(chars.get('高平潞绸')).toEqual([]); // 潞 and 绸 once each: too rare to go by
  });
});
