// Tests for English question words: lower-case words and base forms.
import { describe, expect, it } from 'vitest';
import { baseForms, englishWords } from './english-words.js';

describe('englishWords', () => {
  it('lower-cases words and drops digits and punctuation', () => {
    expect(englishWords("How many black goats does Qinshui raise in 2022? It's well-known.")).toEqual(['how', 'many', 'black', 'goats', 'does', 'qinshui', 'raise', 'in', "it's", 'well-known']);
  });
});

describe('baseForms', () => {
  it('offers singulars, verb stems and irregular pasts after the word itself', () => {
    expect(baseForms('goats')).toEqual(['goats', 'goat']);
    expect(baseForms('species')).toContain('species');
    expect(baseForms('varieties')).toContain('variety');
    expect(baseForms('farming')).toContain('farm');
    expect(baseForms('founded')).toContain('found');
    expect(baseForms('raised')).toContain('raise');
    expect(baseForms('sold')).toEqual(['sold', 'sell']);
    expect(baseForms('mainly')).toEqual(['mainly', 'main']);
    expect(baseForms('fly')).toEqual(['fly']);
  });
});
