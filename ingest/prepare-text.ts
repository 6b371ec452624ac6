// Text prepared at ingest for matching: a passage's folded copy and where its sentences start in both.
import { foldText } from './normalize-text.js';
import { splitSentences } from './split-passages.js';

/** A passage's folded copy and its sentences' start offsets (UTF-16 units) in the text and in the copy. */
export type PreparedText = { folded: string; starts: number[]; foldedStarts: number[] };

/**
 * Folds `text` sentence by sentence (splitSentences, then foldText), so the folded copy's
 * sentences line up with the text's even where folding changes a length. The copy equals
 * foldText(text) unless an OpenCC phrase spanned a sentence end, which its dictionaries never do.
 * Empty text gives an empty copy and no sentences.
 */
export function prepareText(text: string): PreparedText {
  const starts: number[] = [];
  const foldedStarts: number[] = [];
  let folded = '';
  for (const s of splitSentences(text)) {
    starts.push(s.start);
    foldedStarts.push(folded.length);
    folded += foldText(s.text);
  }
  return { folded, starts, foldedStarts };
}
