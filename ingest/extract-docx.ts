// DOCX -> text: mammoth turns the Word document into semantic HTML (headings, paragraphs, lists, tables), then its blocks become lines.
import mammoth from 'mammoth';
import { parseHTML } from 'linkedom';
import { domText } from './extract-html.js';
import { CorpusError } from './load-corpus.js';

/** Word's Title style is the document's title (mammoth maps Heading 1–6 itself). */
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh"];

/**
 * The text of a Word document: headings as "#" lines, each paragraph, list item or table cell
 * on its own line, images dropped. Throws CorpusError naming `source` when it cannot be read.
 */
export async function extractDocx(bytes: Uint8Array, source: string): Promise<string> {
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes) },
      { styleMap: STYLE_MAP, externalFileAccess: false, convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
    );
    html = result.value;
  } catch (err) {
    throw new CorpusError(`cannot read Word document ${source}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return domText(document.body as unknown as Parameters<typeof domText>[0]);
}
