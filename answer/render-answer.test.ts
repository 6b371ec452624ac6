import { describe, expect, it } from 'vitest';
import { extractFacts } from '../ingest/index.js';
import { englishValue, trimSentence } from './render-answer.js';

const figure = (sentence: string) => extractFacts(sentence, 0).find((f) => f.kind === 'quantity')!;

describe('englishValue', () => {
  it('says a weight given in tonnes in tonnes, and one given in kilograms in kilograms', () => {
    expect(englishValue(figure('现已具备年产5000吨山楂红酒的生产能力。'))).toBe('5,000 tonnes');
    expect(englishValue(figure('建设20万吨球墨铸管项目。'))).toBe('200,000 tonnes');
    expect(englishValue(figure('实现蚕茧产量167.7万公斤。'))).toBe('1.677 million kg');
  });

  it('says head of livestock and money in their English units, a figure passed (突破) as over it', () => {
    expect(englishValue(figure('生猪出栏85万头。'))).toBe('850,000 head');
    expect(englishValue(figure('年产值突破5.28亿元。'))).toBe('over 528 million yuan');
  });
});

describe('trimSentence', () => {
  const idf = () => 1;
  it('keeps the focus clauses and the one after them, but not a clause that only dates what follows', () => {
    const sentence = '和山西大学进行产学研合作，积极构建生猪现代化体系，2022年，出栏30万头。';
    expect(trimSentence(sentence, ['大学'], idf)).toBe('和山西大学进行产学研合作，积极构建生猪现代化体系。');
    expect(trimSentence(sentence, ['大学', '体系'], idf)).toBe('和山西大学进行产学研合作，积极构建生猪现代化体系。');
  });
});

