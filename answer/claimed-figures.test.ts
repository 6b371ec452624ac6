// Tests for claimed figures: round and English figures read as the extractor reads Chinese ones, checked against stated facts.
import { describe, expect, it } from 'vitest';
import { extractFacts } from '../ingest/index.js';
import { chineseFigures, claimedFacts, claimsHold, claimText } from './claimed-figures.js';

describe('claimed figures', () => {
  it('writes round figures and English figures with their units in Chinese', () => {
    expect(claimText('沁水有上万户蜂农吗')).toBe('沁水有超过1万户蜂农吗');
    expect(claimText('推广率只有一半左右吗')).toBe('推广率只有50%左右吗');
    expect(chineseFigures('passed 400,000 mu?')).toBe('passed 40万亩?');
    expect(chineseFigures('sell 0.85 million head of pigs')).toBe('sell 85万头 of pigs');
    expect(chineseFigures('50,000 tonnes of wine')).toBe('5万吨 of wine');
    expect(chineseFigures('in 30 years or 12 parks')).toBe('in 30年 or 12 parks');
    expect(claimText('Was it founded in 1958?')).toBe('was it founded in 1958年?');
    // Words between the figure and its unit stay before the figure; 个 before 亿 is dropped.
    expect(chineseFigures('raise 30,000 black goats')).toBe('raise black 3万只');
    expect(claimText('收入过了3个亿没')).toBe('收入过了3亿没');
  });

  it('finds the quantities and times a question claims', () => {
    expect(claimedFacts(claimText('Did Gaoping sell 850,000 head of pigs?')).map((f) => [f.value, f.family])).toEqual([[850000, 'animals']]);
    expect(claimedFacts('阳城陶瓷是唐代最兴盛的吧').map((f) => f.family)).toEqual(['era']);
  });

  it('holds a claim the sentence states, fails one it states otherwise, cannot check one it does not state', () => {
    const stated = extractFacts('2022年，全县优良蚕品种推广率达100%，蚕茧产量167.7万公斤。', 0);
    expect(claimsHold(claimedFacts('推广率达100%吗'), stated)).toBe(true);
    expect(claimsHold(claimedFacts('推广率50%左右吗'), stated)).toBe(false);
    expect(claimsHold(claimedFacts('蚕茧产量170万公斤左右吗'), stated)).toBe(true);
    expect(claimsHold(claimedFacts('蚕茧产量170万公斤吗'), stated)).toBe(false);
    expect(claimsHold(claimedFacts('有5000户吗'), stated)).toBeNull();
    expect(claimsHold(claimedFacts('是2021年的吗'), stated)).toBe(false);
  });
});

describe('claimed decades', () => {
  it('reads an English decade as the articles write one', () => {
    expect(claimText('Was it founded in the 1980s?')).toContain('20世纪80年代');
  });

  it('checks a claimed decade against a stated year', () => {
    const [eighties] = claimedFacts('是上世纪80年代创办的吗');
    const [fifties] = claimedFacts('是上世纪50年代创办的吗');
    const stated = extractFacts('吉利尔潞绸集团创始于1958年', 0);
    expect(claimsHold([eighties!], stated)).toBe(false);
    expect(claimsHold([fifties!], stated)).toBe(true);
  });
});

describe('claimed figures per unit', () => {
  it('does not take the unit of a rate (一户, 每头) as a figure claimed', () => {
    expect(claimedFacts('一户一年多挣的钱过10000元了吗').map((f) => f.text)).toEqual(['一年多', '10000元']);
  });
});
