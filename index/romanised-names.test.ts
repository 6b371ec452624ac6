// Tests for romanised names: pinyin keys of corpus names and their replacement in English questions.
import { describe, expect, it } from 'vitest';
import { homophoneIndex, romanisedKey, romanisedNames, romanisedPairs, withHomophones, withNativeNames, withRomanisedPairs } from './romanised-names.js';

describe('romanised names', () => {
  const names = romanisedNames(['彤康', '吉利尔', '陈云华', '李', '华北']);

  it('keys a name by its toneless pinyin and leaves out keys too short to be distinctive', () => {
    expect(romanisedKey('吉利尔')).toBe('jilier');
    expect(romanisedKey('Tongkang')).toBe('');
    expect([...names.keys()]).toEqual(['tongkang', 'jilier', 'chenyunhua', 'huabei']);
  });

  it('replaces a name written as one word, as several words, in any case', () => {
    expect(withNativeNames('Was Tongkang founded before jilier?', names)).toBe('Was 彤康 founded before 吉利尔?');
    expect(withNativeNames('Did Chen Yunhua write it?', names)).toBe('Did 陈云华 write it?');
    expect(withNativeNames('Did Chen-Yunhua write it?', names)).toBe('Did 陈云华 write it?');
  });

  it('leaves ordinary English words, words split by punctuation and Chinese questions alone', () => {
    expect(withNativeNames('How many towns are there?', names)).toBe('How many towns are there?');
    expect(withNativeNames('Chen, Yunhua?', names)).toBe('Chen, Yunhua?');
    expect(withNativeNames('彤康成立于哪年', names)).toBe('彤康成立于哪年');
  });
});

describe('homophone typos', () => {
  const words = ['凯永', '蜂蜜', '产值', '山楂', '中药', '有机', '养羊'];
  const index = homophoneIndex(words, ['高平潞绸']);
  const known = (w: string) => words.includes(w) || w === '潞绸';

  it('reads two characters the corpus never writes as the corpus word that sounds the same and keeps one in place', () => {
    expect(withHomophones('凯勇集团是哪年成立的', index, known)).toBe('凯永集团是哪年成立的');
    expect(withHomophones('高平路绸的龙头企业', index, known)).toBe('高平潞绸的龙头企业');
    expect(withHomophones('泽州山渣红酒', index, known)).toBe('泽州山楂红酒');
  });

  it('leaves function characters, reversed pairs and characters of neighbouring words alone', () => {
    expect(withHomophones('有多少种药材', index, known)).toBe('有多少种药材'); // 种药 is no 中药
    expect(withHomophones('泽州有几家', index, known)).toBe('泽州有几家'); // 有几 is no 有机
    expect(withHomophones('黑山羊养到20万只', index, known)).toBe('黑山羊养到20万只'); // 羊养 is no 养羊
    expect(withHomophones('一年产值能有多少', index, known)).toBe('一年产值能有多少'); // 值 belongs to 产值
  });
});

describe('names the segmenter keeps in pieces, written in pinyin', () => {
  const pairs = romanisedPairs(['晋汾', '汾白', '白猪', '凯永', '凯勇', '北京']);
  const translated = (w: string) => w === 'Beijing';

  it('reads a capitalised word inside the question as the one corpus pair it spells', () => {
    expect(withRomanisedPairs('Which university bred the Jinfen white pig?', pairs, translated)).toBe('Which university bred the 晋汾 white pig?');
  });

  it('leaves the opening word, short words, words two pairs spell, lower-case words and dictionary words alone', () => {
    expect(withRomanisedPairs('Jinfen pigs?', pairs, translated)).toBe('Jinfen pigs?');
    expect(withRomanisedPairs('Is the Kaiyong group big?', pairs, translated)).toBe('Is the Kaiyong group big?');
    expect(withRomanisedPairs('Is the jinfen pig white?', pairs, translated)).toBe('Is the jinfen pig white?');
    expect(withRomanisedPairs('Trains from Beijing?', romanisedPairs(['北京']), translated)).toBe('Trains from Beijing?');
  });
});
