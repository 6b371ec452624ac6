// Tests for article metadata (town, county, industry) and the gazetteer it is derived with.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { deriveTownMeta, findCounty, titleLead } from './article-meta.js';
import { loadGazetteer, type Gazetteer } from './gazetteer.js';
import { useTempDirs } from '../test-support/temp-dirs.js';

/** Temp folders this file creates, removed after its tests. */
const { tempDir, made } = useTempDirs();

const GAZETTEER_PATH = fileURLToPath(new URL('../data/gazetteer.json', import.meta.url));
const GAZETTEER = loadGazetteer(GAZETTEER_PATH);
const MADE_UP: Gazetteer = {
  city: { name: '花溪市', short: '花溪', english: 'Huaxi' },
  counties: [
    { name: '云岭县', short: '云岭', english: 'Yunling' },
    { name: '石桥县', short: '石桥', english: 'Shiqiao' },
  ],
};

describe('titleLead', () => {
  it('takes the part before a full-width or ASCII colon, or the whole title', () => {
    expect(['泽州山楂红酒：打造“泽州红”品牌优势', '沁水蜂蜜: 甜蜜', ' 无冒号标题 ', ''].map(titleLead)).toEqual([
      '泽州山楂红酒',
      '沁水蜂蜜',
      '无冒号标题',
      '',
    ]);
  });
});

describe('findCounty', () => {
  it('returns the short form of the county named first, by full or short name', () => {
    expect(findCounty('位于阳城县后则腰村，与泽州相邻', GAZETTEER)).toBe('阳城');
    expect(findCounty('与泽州相邻的阳城县', GAZETTEER)).toBe('泽州');
    expect(findCounty('石桥县和云岭', MADE_UP)).toBe('石桥');
  });

  it('returns "" when no county is named', () => {
    expect(findCounty('山西省市级特色小镇', GAZETTEER)).toBe('');
  });
});

describe('deriveTownMeta', () => {
  it('takes town from the title lead and strips the county prefix to get the industry', () => {
    expect(deriveTownMeta('阳城陶瓷琉璃(珐华)：继往开来崭露峥嵘', '', GAZETTEER)).toEqual({
      town: '阳城陶瓷琉璃(珐华)',
      county: '阳城',
      industry: '陶瓷琉璃(珐华)',
    });
  });

  it('falls back to the first county in the body when the title names none, keeping the whole lead as industry', () => {
    expect(deriveTownMeta('竹编：巧手编出致富路', '云岭县的竹编远近闻名，石桥也有。', MADE_UP)).toEqual({
      town: '竹编',
      county: '云岭',
      industry: '竹编',
    });
  });

  it('gives empty town and industry to an article without a title or county', () => {
    expect(deriveTownMeta('', '正文。', MADE_UP)).toEqual({ town: '', county: '', industry: '' });
  });
});

describe('loadGazetteer', () => {
  it('reads the bundled gazetteer of Jincheng and its six counties and districts', () => {
    expect(GAZETTEER.city).toEqual({ name: '晋城市', short: '晋城', english: 'Jincheng' });
    expect(GAZETTEER.counties.map((c) => c.short)).toEqual(['城区', '泽州', '高平', '阳城', '陵川', '沁水']);
  });

  it('throws naming the file and the broken field', () => {
    const file = join(tempDir('jc-gazetteer-'), 'bad.json');
    writeFileSync(file, JSON.stringify({ city: { name: '花溪市', short: '花溪', english: 'Huaxi' }, counties: [{ name: '云岭县', short: '' }] }));
    expect(() => loadGazetteer(file)).toThrow(`${file}: invalid gazetteer at counties.0.short:`);
  });
});
