// The words a figure counts, read off facts extracted from real sentences.
import { describe, expect, it } from 'vitest';
import { extractFacts } from '../ingest/index.js';
import { figureWords } from './fact-evidence.js';

const wordsOf = (sentence: string) => Object.fromEntries(extractFacts(sentence, 0).filter((f) => f.kind === 'quantity').map((f) => [f.text, figureWords(f)]));

describe('figureWords', () => {
  it('takes the words after a figure up to the next figure', () => {
    const words = wordsOf('全县共有8个乡镇45个行政村198户脱贫户、3户监测户从事蚕桑产业。');
    expect(words['8个']).toBe('乡镇');
    expect(words['45个']).toBe('行政村');
    expect(words['198户']).toBe('脱贫户');
    expect(words['3户']).toMatch(/^监测户/);
  });

  it('reads past the few characters kept after a figure, to the end of its clause', () => {
    expect(wordsOf('其中，500亩山楂种植基地已通过了有机认证。')['500亩']).toBe('山楂种植基地已通过了有机认证');
  });

  it('takes the words before a figure that ends its clause', () => {
    expect(wordsOf('全县蜂农达1500户，年产蜂蜜500吨。')['1500户']).toMatch(/蜂农达$/);
  });
});
