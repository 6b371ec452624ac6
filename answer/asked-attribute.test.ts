import { describe, expect, it } from 'vitest';
import { extractFacts } from '../ingest/index.js';
import { askedWords, datedPart, otherMeasure, otherScope, otherUnit, statesAsked } from './asked-attribute.js';
import { attributeFamilies } from './parse-question.js';

describe('askedWords', () => {
  it('takes the words next to the question word, not the noun naming the kind of time', () => {
    expect(askedWords('生猪出栏了多少头？', ['生猪', '出栏'])).toEqual(['生猪', '出栏']);
    expect(askedWords('高平在哪个朝代是产地中心？', ['朝代', '产地', '中心'])).toEqual([]);
    expect(askedWords('蚕桑在什么时代兴起？', ['时代', '兴起'])).toEqual(['兴起']);
    // A word that starts in the window counts whole, though it ends past it.
    expect(askedWords('沁水有多少个养蜂合作社？', ['养蜂', '合作社'])).toEqual(['养蜂', '合作社']);
    // After 什么时候 / 哪年 the verb names the event; the words before are its subject.
    expect(askedWords('球墨铸管项目什么时候正式投产？', ['球墨', '铸管', '项目', '正式', '投产'])).toEqual(['正式', '投产']);
  });
});

describe('scope of a fact', () => {
  it('rejects a figure for another scope than the one asked', () => {
    expect(otherScope('占全市总量的90.7%', '占全省的多少？')).toBe(true);
    expect(otherScope('占全省总量的86.8%', '占全省的多少？')).toBe(false);
    expect(otherScope('占全市总量的90.7%', '占多少？')).toBe(false);
    // Said in English: the province's total is 全省; a county named in passing sets no scope.
    expect(otherScope('占全市总量的90.7%', "What share of Shanxi province's total cocoon output comes from Yangcheng?")).toBe(true);
    expect(otherScope('占全省总量的86.8%', 'What share of the province’s output is it? And in the whole province?')).toBe(false);
    expect(otherScope('占全市总量的90.7%', 'How many cocoons did Yangcheng County produce?')).toBe(false);
  });

  it('rejects a sentence naming only another scope', () => {
    expect(statesAsked('居全省第一', [], '在全国排第几？')).toBe(false);
    expect(statesAsked('居全国第一，全省第一', [], '在全国排第几？')).toBe(true);
  });
});

describe('otherMeasure', () => {
  const asked = (q: string) => attributeFamilies(q);
  it('tells a capacity from an actual output, and a stock from animals sold', () => {
    expect(otherMeasure('现已具备年产5000吨红酒的生产能力', asked('去年实际生产了多少吨？'))).toBe(true);
    expect(otherMeasure('全年存栏生猪20万头', asked('出栏多少头？'))).toBe(true);
    expect(otherMeasure('生猪出栏85万头', asked('出栏多少头？'))).toBe(false);
  });

  it('says nothing when the question asks no measured attribute', () => {
    expect(otherMeasure('现已具备年产5000吨红酒的生产能力', asked('那家厂子怎么样？'))).toBe(false);
  });
});

describe('otherUnit', () => {
  const fact = (sentence: string) => extractFacts(sentence, 0).find((f) => f.kind === 'quantity')!;
  it('rejects a quantity of another unit family than the measured attribute asked', () => {
    expect(otherUnit(fact('拥有铸造企业30家'), attributeFamilies('铸造企业一年产值多少？'))).toBe(true);
    expect(otherUnit(fact('年产值突破5.28亿元'), attributeFamilies('铸造企业一年产值多少？'))).toBe(false);
    expect(otherUnit(fact('拥有铸造企业30家'), attributeFamilies('铸造企业有多少家？'))).toBe(false);
  });
});

describe('datedPart', () => {
  const sentence = '该公司位于大兴村，成立于2007年，现已建成1050亩基地，其中500亩已通过了有机认证。';
  const founding = extractFacts(sentence, 0).find((f) => f.kind === 'time' && f.role === 'founding');

  it('dates only the founding by a founding year, not what the sentence goes on to say', () => {
    expect(founding).toMatchObject({ text: '成立于2007年', value: 2007 });
    const part = datedPart(founding!, sentence);
    expect(part).toContain('成立于2007年');
    expect(part).not.toContain('有机认证');
  });

  it('dates the rest of the sentence from a time clause of its own', () => {
    const text = '全县蜂业发展较快，2022年，蜂农达到1500户。';
    const [year] = extractFacts(text, 0).filter((f) => f.kind === 'time');
    expect(datedPart(year!, text)).toContain('蜂农达到1500户');
  });
});
