import { describe, expect, it } from 'vitest';
import { namedPlaces, romanisedCounty, romanisedPlace, withEnglishPlaces } from './english-names.js';

describe('namedPlaces', () => {
  it('finds townships and villages by name, not the words for them', () => {
    expect(namedPlaces('先后在河西镇、建宁乡、北诗镇等地建立')).toEqual(['河西镇', '建宁乡', '北诗镇']);
    expect(namedPlaces('位于阳城县后则腰村的乔氏琉璃')).toEqual(['后则腰村']);
    expect(namedPlaces('全县共有8个乡镇45个行政村，助推了乡村振兴，是著名的陶瓷之乡')).toEqual([]);
  });
});

describe('withEnglishPlaces', () => {
  it('leads an answer in Chinese with its places in pinyin, and leaves one led in English', () => {
    expect(romanisedPlace('大兴村')).toBe('Daxing Village');
    expect(romanisedCounty('沁水县')).toBe('Qinshui');
    expect(withEnglishPlaces('山西彤康食品有限公司位于泽州县高都镇大兴村。[1]')).toBe('Gaodou Town (高都镇), Daxing Village (大兴村): 山西彤康食品有限公司位于泽州县高都镇大兴村。[1]');
    expect(withEnglishPlaces('12 years. 泽州县下村镇…[1]')).toBe('12 years. 泽州县下村镇…[1]');
    expect(withEnglishPlaces('全县蜂农达1500户。[1]')).toBe('全县蜂农达1500户。[1]');
  });
});
