// Folding for matching only (never for display): Traditional→Simplified, full→half width, case.
import * as OpenCC from 'opencc-js';

const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });

/**
 * Characters without which OpenCC's tw→cn conversion leaves a text as it is: of each dictionary
 * entry that changes its text, the characters it changes (all of its characters when the length
 * changes). A text with none of them cannot contain such an entry, so it skips the converter.
 */
export function convertibleChars(dictionaries: string[]): Set<string> {
  const chars = new Set<string>();
  for (const dictionary of dictionaries) {
    for (const entry of dictionary.split('|')) {
      const [from = '', to = ''] = entry.split(' ');
      if (from === to) continue;
      const [a, b] = [[...from], [...to]];
      a.forEach((c, i) => (a.length !== b.length || c !== b[i]) && chars.add(c));
    }
  }
  return chars;
}

/**
 * Flags per UTF-16 code unit: WIDE for what toHalfWidth changes, CONVERTIBLE for convertibleChars (an
 * astral one by its high surrogate), CASED for what toLowerCase changes (every high surrogate: astral
 * letters are left to toLowerCase).
 */
const WIDE = 1;
const CONVERTIBLE = 2;
const CASED = 4;
const FOLD_FLAGS = new Uint8Array(0x10000);
FOLD_FLAGS.fill(WIDE, 0xff01, 0xff5f);
FOLD_FLAGS[0x3000] = WIDE;
for (const c of convertibleChars([OpenCC.Locale.from.tw, OpenCC.Locale.to.cn].flat(3))) FOLD_FLAGS[c.charCodeAt(0)]! |= CONVERTIBLE;
for (const code of casedCodeUnits()) FOLD_FLAGS[code]! |= CASED;

/**
 * Code units that toLowerCase changes on their own, and every high surrogate. A text with none of
 * them is its own lower case: case mappings that depend on context (final sigma) start from a letter
 * that changes alone. Blocks of 256 that lower-case to themselves are skipped whole.
 */
export function casedCodeUnits(): number[] {
  const out: number[] = [];
  for (let block = 0; block < 0x10000; block += 0x100) {
    if (block >= 0xd800 && block < 0xe000) {
      // Surrogates: a lone one is no letter; the high ones stand for astral letters, some of them cased.
      if (block < 0xdc00) for (let code = block; code < block + 0x100; code++) out.push(code);
      continue;
    }
    const text = String.fromCharCode(...Array.from({ length: 0x100 }, (_, i) => block + i));
    if (text.toLowerCase() === text) continue;
    for (let code = block; code < block + 0x100; code++) if (String.fromCharCode(code).toLowerCase() !== String.fromCharCode(code)) out.push(code);
  }
  return out;
}

/** Full-width ASCII variants (Ｕ+FF01..FF5E) and the ideographic space to their half-width forms. */
export function toHalfWidth(text: string): string {
  // A loop, not a replace with a callback: Chinese text has a full-width comma in nearly every sentence.
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code !== 0x3000 && (code < 0xff01 || code > 0xff5e)) continue;
    out += text.slice(from, i) + (code === 0x3000 ? ' ' : String.fromCharCode(code - 0xfee0));
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/**
 * Folds text for matching: Traditional to Simplified Chinese, full-width letters and digits to
 * half-width, lower case. Length may change only through the OpenCC phrase conversion, which for
 * tw→cn is character-for-character in practice.
 */
export function foldForMatch(text: string): string {
  const flags = foldFlags(text);
  // Without OpenCC, folding costs about what a cache lookup would.
  if (!(flags & CONVERTIBLE)) return foldWith(text, flags);
  const hit = folded.get(text);
  if (hit !== undefined) return hit;
  const out = foldWith(text, flags);
  if (folded.size >= FOLD_CACHE_SIZE) folded.delete(folded.keys().next().value!);
  folded.set(text, out);
  return out;
}

/**
 * foldForMatch without its cache: for text folded once (passages at ingest), which would only
 * evict the entries the answer path reuses.
 */
export function foldText(text: string): string {
  return foldWith(text, foldFlags(text));
}

/** The FOLD_FLAGS of a text's characters, or-ed. */
function foldFlags(text: string): number {
  let flags = 0;
  for (let i = 0; i < text.length; i++) flags |= FOLD_FLAGS[text.charCodeAt(i)]!;
  return flags;
}

/** Folds a text whose foldFlags are `flags`: most text is Simplified, half width and without cased letters already, and then is returned as it is. */
function foldWith(text: string, flags: number): string {
  const half = flags & WIDE ? toHalfWidth(text) : text;
  const simplified = flags & CONVERTIBLE ? toSimplified(half) : half;
  // Lower-casing a Chinese (two-byte) string copies it even when nothing changes: skip it when no character is cased.
  return flags & (CASED | CONVERTIBLE) ? simplified.toLowerCase() : simplified;
}

/**
 * Folding is pure and the same passages and sentences are folded on every question that
 * retrieves them, so recent results of OpenCC (which dominated profiles) are kept, oldest evicted first.
 */
const FOLD_CACHE_SIZE = 20_000;
const folded = new Map<string, string>();

/** Removes all whitespace (used to compare texts whose layout differs). */
export function stripSpace(text: string): string {
  return text.replace(/\s+/g, '');
}
