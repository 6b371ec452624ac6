// A fact's words folded for matching (its clause with the words around the figure, the figure, the words next to it), made once per fact, not per question.
import { foldForMatch, type Fact } from '../ingest/index.js';

/**
 * Folded copies of a fact's text (foldForMatch): `words` is before|text|after|clause, `text` the
 * figure or name itself, `next` the last 8 characters before it and the words after it (before|after).
 */
export type FactFolds = { words: string; text: string; next: string };

const folds = new WeakMap<Fact, FactFolds>();

/** The folded copies of a fact, made on its first use and kept while the fact lives (scoring asks them of every fact it ranks). */
export function factFolds(fact: Fact): FactFolds {
  let found = folds.get(fact);
  if (!found) {
    found = {
      words: foldForMatch(`${fact.before}|${fact.text}|${fact.after}|${fact.clause}`),
      text: foldForMatch(fact.text),
      next: foldForMatch(`${fact.before.slice(-8)}|${fact.after}`),
    };
    folds.set(fact, found);
  }
  return found;
}
