// Splits articles into chunks: one per paragraph, long ones cut on sentence ends with overlap.
import { createHash } from 'node:crypto';
import type { ArticleMeta, Chunk } from './types.js';
import type { LineSpan } from './repair-layout.js';

/** A sentence with its character offset in the text it came from. */
export type Sentence = { text: string; start: number };

const SENTENCE = /[^。！？!?；;]*[。！？!?；;]+[”’」』）)]*|[^。！？!?；;]+$/g;

/** Splits text after 。！？； (keeping closing quotes with their sentence). Concatenation = input. */
export function splitSentences(text: string): Sentence[] {
  return [...text.matchAll(SENTENCE)].filter((m) => m[0].length > 0).map((m) => ({ text: m[0], start: m.index }));
}

/**
 * Packs sentences into pieces of at most `maxChars` (a longer single sentence stands alone).
 * A piece after the first repeats the previous piece's last sentence when that sentence and the
 * next fit together within `maxChars`; otherwise the pieces are adjacent.
 */
export function packSentences(sentences: Sentence[], maxChars: number): Sentence[][] {
  const pieces: Sentence[][] = [];
  let piece: Sentence[] = [];
  let size = 0;
  for (const s of sentences) {
    if (piece.length > 0 && size + s.text.length > maxChars) {
      pieces.push(piece);
      const last = piece[piece.length - 1]!;
      piece = last.text.length + s.text.length <= maxChars ? [last] : [];
      size = piece.length ? last.text.length : 0;
    }
    piece.push(s);
    size += s.text.length;
  }
  if (piece.length > 0) pieces.push(piece);
  return pieces;
}

/** The source line holding character `offset` of a paragraph. */
export function lineAt(spans: LineSpan[], offset: number): number {
  let line = spans[0]!.line;
  for (const span of spans) if (span.offset <= offset) line = span.line;
  return line;
}

/** Content-derived chunk id: the same title and text always give the same id. */
export function chunkId(title: string, text: string): string {
  return createHash('sha256').update(`${title}\n${text}`).digest('hex').slice(0, 16);
}

/** Chunks of one paragraph; a paragraph within `maxChars` is one chunk. */
export function splitParagraph(
  para: { text: string; spans: LineSpan[] },
  paragraph: number,
  meta: ArticleMeta,
  maxChars: number,
): Chunk[] {
  const pieces = para.text.length <= maxChars ? [[{ text: para.text, start: 0 }]] : packSentences(splitSentences(para.text), maxChars);
  return pieces.map((piece, part) => {
    const start = piece[0]!.start;
    const text = piece.map((s) => s.text).join('');
    return {
      id: chunkId(meta.title, text),
      text,
      lineStart: lineAt(para.spans, start),
      lineEnd: lineAt(para.spans, start + text.length - 1),
      paragraph,
      part,
      meta,
    };
  });
}
