// Chinese numerals read as numbers, and amounts in a question written as the articles write them.
import { describe, expect, it } from 'vitest';
import { arabicFigures, myriadFigures, parseChineseNumeral } from './chinese-numbers.js';

describe('myriadFigures', () => {
  it('says a large figure in digits in 万 or 亿, as the articles write it, and leaves small ones and years', () => {
    expect(myriadFigures('reach 200,000?')).toBe('reach 20万?');
    expect(myriadFigures('35600 sheets')).toBe('3.56万 sheets');
    expect(myriadFigures('1.2 million tonnes')).toBe('120万 tonnes');
    expect(myriadFigures('350000000元')).toBe('3.5亿元');
    expect(myriadFigures('in 2022, 5,000 tonnes, 3.5 hours')).toBe('in 2022, 5,000 tonnes, 3.5 hours');
  });
});

describe('arabicFigures', () => {
  it('writes amounts in Chinese numerals before a unit in digits', () => {
    expect(arabicFigures('人均收入超过三千元了吗')).toBe('人均收入超过3000元了吗');
    expect(arabicFigures('有一千五百户蜂农，连续十二年')).toBe('有1500户蜂农，连续12年');
    expect(arabicFigures('两万亩基地')).toBe('20000亩基地');
    expect(arabicFigures('也就一百来年的历史，三千多元')).toBe('也就100来年的历史，3000多元');
    expect(arabicFigures('挣不到两千块吧，一年三万多块钱，两块地')).toBe('挣不到2000元吧，一年30000多元，两块地');
    // 几百年 / 数十年 say "some hundreds", no figure.
    expect(arabicFigures('有几百年了，也几十年了，数十年')).toBe('有几百年了，也几十年了，数十年');
  });

  it('reads 一下 / 一上 after an amount as the 以下 / 以上 it was typed for', () => {
    expect(arabicFigures('度数在十二度一下的有几种？')).toBe('度数在12度以下的有几种？');
    expect(arabicFigures('超过50万头一上吗')).toBe('超过50万头以上吗');
    expect(arabicFigures('等一下，先看一下数字')).toBe('等一下，先看一下数字');
  });

  it('leaves a single numeral and words that are no amount', () => {
    expect(arabicFigures('一年能产多少，两个基地，三家企业')).toBe('一年能产多少，两个基地，三家企业');
    expect(arabicFigures('一大批本土企业')).toBe('一大批本土企业');
    expect(parseChineseNumeral('一千五百')).toBe(1500);
  });
});
