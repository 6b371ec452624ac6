// Tests for the unique bench questions: distinct after folding, deterministic per seed, drawn from the sources given.
import { describe, expect, it } from 'vitest';
import { loadSettings } from '../config.js';
import { foldText, loadGazetteer, readCorpus } from '../ingest/index.js';
import { corpusSources, uniqueQuestions, type QuestionSources } from './unique-questions.js';

const s = loadSettings({});
const chunks = (await readCorpus([s.ARTICLES_DIR], loadGazetteer(s.GAZETTEER_FILE), s.CHUNK_MAX_CHARS)).chunks;
const sources: QuestionSources = {
  qa: ['泽州山楂有多少年的栽培历史？', '高平生猪出栏多少头？'],
  ...corpusSources(chunks),
  countyEnglish: ['Gaoping', 'Qinshui'],
  englishWords: ['pig', 'honey'],
};

describe('corpusSources', () => {
  it('takes the towns, counties and Han words of the corpus', () => {
    const c = corpusSources(chunks);
    expect(c.towns).toContain('高平生猪');
    expect(c.counties).toEqual(expect.arrayContaining(['泽州', '高平', '阳城', '陵川', '沁水']));
    expect(c.words.length).toBeGreaterThan(500);
    expect(c.words.every((w) => /^[\u4e00-\u9fff]{2,3}$/.test(w))).toBe(true);
  });
});

describe('uniqueQuestions', () => {
  const questions = uniqueQuestions(sources, 3000, 7);

  it('gives the number asked, no two alike even after folding', () => {
    expect(questions).toHaveLength(3000);
    expect(new Set(questions.map(foldText)).size).toBe(3000);
  });

  it('is the same for the same seed and differs for another', () => {
    expect(uniqueQuestions(sources, 50, 7)).toEqual(questions.slice(0, 50));
    expect(uniqueQuestions(sources, 50, 8)).not.toEqual(questions.slice(0, 50));
  });

  it('mixes varied QA questions, Chinese and English templates, Traditional and full-width forms', () => {
    expect(questions.some((q) => q.includes('山楂') && q !== sources.qa[0])).toBe(true);
    expect(questions.some((q) => /^(How|What|When|Which|Why) /.test(q))).toBe(true);
    expect(questions.some((q) => /[豬歷]/.test(q))).toBe(true);
    expect(questions.some((q) => /[\uff10-\uff5a]/.test(q))).toBe(true);
  });

  it('throws when the sources cannot give that many distinct questions', () => {
    expect(() => uniqueQuestions({ qa: ['一？'], towns: [], counties: ['甲'], words: ['乙'], countyEnglish: [], englishWords: [] }, 1000)).toThrow('distinct questions');
  });
});
