// Tests of rule-based condensing: carrying the town of earlier user turns into a follow-up question.
import { describe, expect, it } from 'vitest';
import { condenseQuestion } from './condense-question.js';
import type { Turn } from './types.js';

const TOWNS = ['高平生猪', '泽州山楂红酒', '陵川中药材'];
/** Towns a text names, in the order of the list (a stand-in for the searcher's gazetteer lookup). */
const namedTowns = (text: string) => TOWNS.filter((t) => text.includes(t));
const user = (content: string): Turn => ({ role: 'user', content });
const assistant = (content: string): Turn => ({ role: 'assistant', content });

describe('condenseQuestion', () => {
  it('leaves the question unchanged without history', () => {
    expect(condenseQuestion('那屠宰了多少头呢？', [], namedTowns)).toBe('那屠宰了多少头呢？');
  });

  it('carries the town of the earlier user turn into a follow-up', () => {
    expect(condenseQuestion('那屠宰了多少头呢？', [user('高平生猪2022年出栏多少？'), assistant('85万头。')], namedTowns)).toBe('高平生猪 那屠宰了多少头呢？');
  });

  it('carries the latest named town when several turns name towns', () => {
    const history = [user('高平生猪2022年出栏多少？'), assistant('85万头。'), user('泽州山楂红酒有什么品牌？'), assistant('泽州红。'), user('谢谢'), assistant('不客气')];
    expect(condenseQuestion('它的栽培历史有多久？', history, namedTowns)).toBe('泽州山楂红酒 它的栽培历史有多久？');
  });

  it('looks only at user turns, not at towns the assistant named', () => {
    expect(condenseQuestion('那它呢？', [user('高平生猪2022年出栏多少？'), assistant('另见陵川中药材。')], namedTowns)).toBe('高平生猪 那它呢？');
  });

  it('joins all towns a turn names', () => {
    expect(condenseQuestion('它们的产值呢？', [user('比较高平生猪和陵川中药材')], namedTowns)).toBe('高平生猪、陵川中药材 它们的产值呢？');
  });

  it('leaves a question that names a town alone', () => {
    expect(condenseQuestion('那陵川中药材呢？', [user('高平生猪2022年出栏多少？')], namedTowns)).toBe('那陵川中药材呢？');
  });

  it('leaves a long standalone question without pointing words alone', () => {
    const q = '晋城市哪个专业镇入选了首批市级专业镇名单并获得国家地理标志？';
    expect(condenseQuestion(q, [user('高平生猪2022年出栏多少？')], namedTowns)).toBe(q);
  });

  it('treats a short question as a follow-up', () => {
    expect(condenseQuestion('屠宰量是多少？', [user('高平生猪2022年出栏多少？')], namedTowns)).toBe('高平生猪 屠宰量是多少？');
  });

  it('recognises English follow-ups', () => {
    expect(condenseQuestion('What about its slaughter numbers in the latest year reported?', [user('高平生猪 output')], namedTowns)).toBe('高平生猪 What about its slaughter numbers in the latest year reported?');
  });

  it('leaves the question unchanged when no earlier user turn names a town', () => {
    expect(condenseQuestion('那屠宰了多少头呢？', [user('你好'), assistant('高平生猪')], namedTowns)).toBe('那屠宰了多少头呢？');
  });
});
