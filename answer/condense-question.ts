// Multi-turn: resolves a follow-up ("那它的产量呢？") against earlier turns by carrying the town over.
import type { Turn } from './types.js';

/** Words that point back to something said before. */
const FOLLOW_UP = /它|其|该|这个|那个|这家|那家|这里|那里|他们|它们|^那|^还有|呢[？?]?$|^and\b|\b(it|its|they|their|there|that)\b/i;
const MAX_FOLLOW_UP_CHARS = 16;

/**
 * Rewrites a follow-up question as a standalone one: when the question names no town and reads
 * as a follow-up (a pronoun, "那…呢", or short), the most recent town named in the user's earlier
 * turns is put in front of it. `namedTowns` tells which towns a text names (strongest first).
 * Returns the question unchanged when there is nothing to carry over.
 */
export function condenseQuestion(question: string, history: Turn[], namedTowns: (text: string) => string[]): string {
  if (history.length === 0 || namedTowns(question).length > 0) return question;
  const followUp = FOLLOW_UP.test(question.trim()) || [...question.trim()].length <= MAX_FOLLOW_UP_CHARS;
  if (!followUp) return question;
  for (let i = history.length - 1; i >= 0; i--) {
    const turn = history[i]!;
    if (turn.role !== 'user') continue;
    const towns = namedTowns(turn.content);
    if (towns.length > 0) return `${towns.join('、')} ${question}`;
  }
  return question;
}
