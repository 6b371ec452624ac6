// Tests for a fact's folded words: equal to folding them on the spot, made once per fact.
import { describe, expect, it } from 'vitest';
import { extractFacts, foldForMatch } from '../ingest/index.js';
import { factFolds } from './fact-folds.js';

describe('factFolds', () => {
  it('folds a fact\'s words, figure and neighbours as foldForMatch would (Traditional words in Simplified)', () => {
    const facts = extractFacts('2022年，陽城縣蠶繭產量達到167.7万公斤，占全省總量的86.8%。', 0);
    expect(facts.map((f) => f.text)).toEqual(['2022年', '167.7万公斤', '86.8%']);
    for (const f of facts) {
      expect(factFolds(f)).toEqual({
        words: foldForMatch(`${f.before}|${f.text}|${f.after}|${f.clause}`),
        text: foldForMatch(f.text),
        next: foldForMatch(`${f.before.slice(-8)}|${f.after}`),
      });
    }
    expect(factFolds(facts[1]!)).toEqual({ words: '阳城县蚕茧产量达到|167.7万公斤||阳城县蚕茧产量达到167.7万公斤', text: '167.7万公斤', next: '城县蚕茧产量达到|' });
  });

  it('gives the same object for the same fact, another for an equal copy', () => {
    const [fact] = extractFacts('彤康食品成立于2007年。', 0);
    expect(factFolds(fact!)).toBe(factFolds(fact!));
    expect(factFolds({ ...fact! })).not.toBe(factFolds(fact!));
    expect(factFolds({ ...fact! })).toEqual(factFolds(fact!));
  });
});
