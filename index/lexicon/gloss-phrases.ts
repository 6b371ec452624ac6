// CC-CEDICT glosses -> normalised English phrases ("to raise; to breed (animals etc)" -> ["raise", "breed"]).

/** Function words dropped inside a phrase (a phrase is never only these). */
const STOP = new Set(['a', 'an', 'the', "one's", 'oneself', 'sth', 'sb', 'etc', 'something', 'someone', 'somebody']);
/** Verbs too general to link two words when they stand alone ("to do", "to make"). */
export const GENERIC_VERBS = new Set(['do', 'make', 'get', 'have', 'be', 'take', 'give', 'put', 'go', 'come', 'use', 'set', 'let', 'hold', 'keep', 'bring', 'turn', 'run', 'show', 'see', 'say', 'open', 'become', 'act', 'carry', 'place', 'send', 'pass', 'leave', 'reach', 'move', 'add']);
/** Meanings that are cross references or labels, not translations. */
const SKIP = /^(surname|used in|see |see also|abbr\.|abbr |variant of|old variant|also written|classifier for|erhua variant|japanese variant|pr\. |\(old\)|\(archaic\)|\(dialect\)|\(literary\)|\(Tw\)|\(onom\.?\)|\(coll\.\))/i;
const HAN = /[\u3400-\u9fff]/;
/** Longest phrase kept, in words: longer glosses are descriptions, not translations. */
export const MAX_PHRASE_WORDS = 4;
/** Words a parenthesised object may have to be kept ("to make (money)" -> "make money"). */
const MAX_OBJECT_WORDS = 2;

/** Prepositions after which a verbal gloss describes how (see phraseOf). */
const MANNER = new Set(['by', 'through', 'from', 'with', 'in', 'at', 'on', 'for', 'into', 'about', 'after', 'as']);

/** Lower-case words of a phrase without stop words. */
function words(text: string): string[] {
  return text.toLowerCase().replace(/[^a-z0-9'\- ]/g, ' ').split(/\s+/).filter((w) => w && !STOP.has(w));
}

/** One comma/semicolon part of a meaning as a phrase, or null when nothing specific is left. */
function phraseOf(part: string): string | null {
  const trimmed = part.trim();
  if (trimmed === 'to') return 'to';
  let text = trimmed.replace(/^to /, '');
  // "to (a place)": the preposition with a note, not a verb.
  if (text !== trimmed && text.startsWith('(')) return words(text.replace(/\([^()]*\)/g, ' ')).length ? null : 'to';
  const isVerb = text !== trimmed;
  // A short parenthesised object after a verb qualifies it; any other parenthesis is a note.
  text = text.replace(/\(([^()]*)\)/g, (_, inner: string) => {
    const w = words(inner);
    const object = isVerb && w.length > 0 && w.length <= MAX_OBJECT_WORDS && !/\b(etc|of|or|e\.g|lit|fig|used|esp|in|on|at|to|for|with|from|by|into)\b/.test(inner);
    return object ? ` ${w.join(' ')} ` : ' ';
  });
  const w = words(text);
  // A long verbal gloss says its verb first and how after a preposition ("to learn by studying another's
  // experience"): the verb is the translation, the rest a description.
  if (isVerb && w.length > MAX_PHRASE_WORDS && MANNER.has(w[1]!) && !GENERIC_VERBS.has(w[0]!)) return w[0]!;
  if (w.length === 0 || w.length > MAX_PHRASE_WORDS) return null;
  if (w.length === 1 && isVerb && GENERIC_VERBS.has(w[0]!)) return null;
  return w.join(' ');
}

/** A sense: the phrases of one CC-CEDICT meaning, and whether it is verbal (a part reads "to <verb>"). */
export type Sense = { phrases: string[]; verbal: boolean };

/**
 * Phrases of one CC-CEDICT meaning (the text between slashes): split on ";" and ",", "to" and
 * stop words dropped, a short parenthesised object kept after a verb, other notes dropped. Returns
 * null for cross references, labels and meanings with Han characters (they point at other words).
 */
export function senseOf(meaning: string): Sense | null {
  if (SKIP.test(meaning.trim()) || HAN.test(meaning)) return null;
  const parts = meaning.split(/[;,](?![^()]*\))/);
  // "to (a place)" is the preposition, "to go (somewhere)" a verb.
  const verbal = parts.some((part) => /^to [^(]/.test(part.trim()));
  const phrases = new Set<string>();
  for (const part of parts) {
    const p = phraseOf(part);
    if (p) phrases.add(p);
  }
  return phrases.size ? { phrases: [...phrases], verbal } : null;
}

/**
 * Weaker form of a two- or three-word noun phrase: its head, the last word ("good reputation" ->
 * "reputation"). Null for verbal senses and for phrases with "of" ("name of a river" is no name).
 */
export function headOf(phrase: string, verbal: boolean): string | null {
  if (verbal) return null;
  const w = phrase.split(' ');
  if (w.length < 2 || w.length > 3 || w.includes('of')) return null;
  const head = w.at(-1)!;
  return head.length >= 3 ? head : null;
}
