// Tests for CC-CEDICT gloss normalisation: phrases, verbal senses, dropped references, noun-phrase heads.
import { describe, expect, it } from 'vitest';
import { headOf, senseOf } from './gloss-phrases.js';

describe('senseOf', () => {
  it('splits a meaning into phrases without "to", stop words and notes', () => {
    expect(senseOf('to raise; to breed (animals etc)')).toEqual({ phrases: ['raise', 'breed'], verbal: true });
    expect(senseOf('(honorable) reputation')).toEqual({ phrases: ['reputation'], verbal: false });
    expect(senseOf('Chinese hawthorn (Crataegus pinnatifida)')).toEqual({ phrases: ['chinese hawthorn'], verbal: false });
  });

  it('keeps a short parenthesised object after a verb, and drops a bare generic verb', () => {
    expect(senseOf('to make (money)')).toEqual({ phrases: ['make money'], verbal: true });
    expect(senseOf('to do')).toBeNull();
    expect(senseOf('to go (in a direction)')).toBeNull();
  });

  it('reads a long verbal gloss by its verb when a preposition starts its description', () => {
    expect(senseOf("to learn by studying another's experience")).toEqual({ phrases: ['learn'], verbal: true });
    // Not a generic verb, nor a long noun gloss, nor a verb followed by its object or by where it goes.
    expect(senseOf('to journey to India on a quest for the Buddhist scriptures')).toBeNull();
    expect(senseOf('to make by hand out of wood and glue')).toBeNull();
    expect(senseOf('a kind of tree growing in the northern hills')).toBeNull();
    expect(senseOf('to sell goods of every kind at the market')).toBeNull();
  });

  it('reads "to (a place)" as the preposition, not a verb', () => {
    expect(senseOf('to (a place); until (a time); up to (a point)')).toEqual({ phrases: ['to', 'until', 'up to'], verbal: false });
  });

  it('returns null for cross references, labels and meanings naming other headwords', () => {
    expect(senseOf('surname Wan')).toBeNull();
    expect(senseOf('used in 万俟[Mo4 qi2]')).toBeNull();
    expect(senseOf('classifier for fields')).toBeNull();
    expect(senseOf('variant of 畝|亩[mu3]')).toBeNull();
  });
});

describe('headOf', () => {
  it('is the last word of a short noun phrase, and nothing for verbs or "of" phrases', () => {
    expect(headOf('good reputation', false)).toBe('reputation');
    expect(headOf('chinese hawthorn', false)).toBe('hawthorn');
    expect(headOf('make money', true)).toBeNull();
    expect(headOf('name of a river', false)).toBeNull();
    expect(headOf('honey', false)).toBeNull();
  });
});
