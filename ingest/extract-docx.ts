// DOCX -> text: mammoth (in a worker thread) turns the Word document into semantic HTML (headings, paragraphs, lists, tables), then its blocks become lines.
import { createRequire } from 'node:module';
import { parseHTML } from 'linkedom';
import { domText } from './extract-html.js';
import { CorpusError } from './load-corpus.js';
import { runInWorker } from './run-in-worker.js';

/** Word's Title style is the document's title (mammoth maps Heading 1–6 itself). */
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh"];

/** mammoth's HTML of a Word document, images dropped (run by runInWorker: mammoth unzips and parses as a long promise chain). */
const CONVERT_DOCX = `async ({ mammothPath, bytes, styleMap }) => {
  const mammoth = require(mammothPath);
  const options = { styleMap, externalFileAccess: false, convertImage: mammoth.images.imgElement(async () => ({ src: '' })) };
  return (await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length) }, options)).value;
}`;

const require = createRequire(import.meta.url);

/**
 * The text of a Word document: headings as "#" lines, each paragraph, list item or table cell
 * on its own line, images dropped; mammoth runs in a worker thread. Throws CorpusError naming
 * `source` when it cannot be read.
 */
export async function extractDocx(bytes: Uint8Array, source: string): Promise<string> {
  let html: string;
  try {
    const data = new Uint8Array(bytes); // a copy: it is moved to the worker
    html = await runInWorker<string>(CONVERT_DOCX, { mammothPath: require.resolve('mammoth'), bytes: data, styleMap: STYLE_MAP }, [data.buffer]);
  } catch (err) {
    throw new CorpusError(`cannot read Word document ${source}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return domText(document.body as unknown as Parameters<typeof domText>[0]);
}
