// Folding for matching only (never for display): Traditional→Simplified, full→half width, case.
import * as OpenCC from 'opencc-js';

const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });

/** Full-width ASCII variants (Ｕ+FF01..FF5E) and the ideographic space to their half-width forms. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e\u3000]/g, (ch) =>
    ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

/**
 * Folds text for matching: Traditional to Simplified Chinese, full-width letters and digits to
 * half-width, lower case. Length may change only through the OpenCC phrase conversion, which for
 * tw→cn is character-for-character in practice.
 */
export function foldForMatch(text: string): string {
  const hit = folded.get(text);
  if (hit !== undefined) return hit;
  const out = foldText(text);
  if (folded.size >= FOLD_CACHE_SIZE) folded.delete(folded.keys().next().value!);
  folded.set(text, out);
  return out;
}

/**
 * foldForMatch without its cache: for text folded once (passages at ingest), which would only
 * evict the entries the answer path reuses.
 */
export function foldText(text: string): string {
  return toSimplified(toHalfWidth(text)).toLowerCase();
}

/**
 * Folding is pure and the same passages and sentences are folded on every question that
 * retrieves them, so recent results are kept (oldest evicted first). OpenCC dominated profiles.
 */
const FOLD_CACHE_SIZE = 20_000;
const folded = new Map<string, string>();

/** Removes all whitespace (used to compare texts whose layout differs). */
export function stripSpace(text: string): string {
  return text.replace(/\s+/g, '');
}
