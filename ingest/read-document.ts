// One document's bytes -> text ready for layout repair, whatever its type (PDF, DOCX, HTML, Markdown, plain text).
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

/**
 * Reads a document's text, its type told by content (see detectDocumentType). Throws
 * CorpusError naming `source` for an unsupported type or a file its parser cannot read.
 */
export async function readDocument(bytes: Uint8Array, source: string): Promise<DocumentText> {
  const type = detectDocumentType(bytes);
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
