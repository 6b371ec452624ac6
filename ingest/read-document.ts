// One document's bytes -> text ready for layout repair, whatever its type (PDF, DOCX, HTML, Markdown, plain text).
import { createHash } from 'node:crypto';
import { channel } from 'node:diagnostics_channel';
import { declaredCharset, decodeUtf8, detectDocumentType, type DocumentType } from './document-type.js';
import { extractDocx } from './extract-docx.js';
import { extractHtmlArticle } from './extract-html.js';
import { extractPdf } from './extract-pdf.js';
import { CorpusError } from './load-corpus.js';

/** A document's text and how layout repair should read it. */
export type DocumentText = {
  type: DocumentType;
  text: string;
  /** "#" lines are headings (Markdown, and the headings of HTML and Word documents). */
  markdown: boolean;
  /** Blocks are known (HTML, Word): "#" lines are the only headings, a blank line ends a paragraph. */
  structured: boolean;
  /** The 1-based page of each line of `text` (PDF only). */
  pageOfLine?: number[];
};

/** A document's text with the sha256 of the bytes it was read from: a build given it reuses it for the same bytes instead of parsing again. */
export type ParsedDocument = DocumentText & { sha256: string };

/**
 * Published with `{ source, type }` each time readDocument parses a document (a diagnostics
 * channel: free without subscribers). A build thread relays its own parses to the main thread's
 * channel, so a subscriber there counts every parse of the process.
 */
export const DOCUMENT_PARSED = 'jincheng:document-parsed';
const documentParsed = channel(DOCUMENT_PARSED);

/** Hex sha256 of a document's bytes. */
export const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** readDocument, keeping the sha256 of the bytes with the text (see ParsedDocument). Throws as readDocument. */
export async function parseDocument(bytes: Uint8Array, source: string): Promise<ParsedDocument> {
  return { ...(await readDocument(bytes, source)), sha256: sha256Of(bytes) };
}

/**
 * Reads a document's text, its type told by content (see detectDocumentType). Throws
 * CorpusError naming `source` for an unsupported type or a file its parser cannot read.
 */
export async function readDocument(bytes: Uint8Array, source: string): Promise<DocumentText> {
  const type = detectDocumentType(bytes);
  if (documentParsed.hasSubscribers) documentParsed.publish({ source, type });
  switch (type) {
    case 'pdf':
      return { type, ...(await extractPdf(bytes, source)), markdown: false, structured: false };
    case 'docx':
      return { type, text: await extractDocx(bytes, source), markdown: true, structured: true };
    case 'html': {
      const html = decodeUtf8(bytes) ?? new TextDecoder(declaredCharset(bytes)!).decode(bytes);
      return { type, text: extractHtmlArticle(html), markdown: true, structured: true };
    }
    case 'markdown':
    case 'text':
      return { type, text: decodeUtf8(bytes)!, markdown: type === 'markdown', structured: false };
    default:
      throw new CorpusError(`not a PDF, Word (.docx), HTML or UTF-8 text document: ${source}`);
  }
}
