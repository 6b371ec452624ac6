// PDF -> lines of text with the page each line is on, from the text layer (pdf.js, legacy build for Node, in a worker thread).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CorpusError } from './load-corpus.js';
import { runInWorker } from './run-in-worker.js';

/** Text of a paged document: lines joined by "\n", and the 1-based page of each line. */
export type PagedText = { text: string; pageOfLine: number[] };

/** One text run of pdf.js's text content (the fields used here). */
export type TextRun = { str: string; hasEOL: boolean; transform: number[]; height: number };

/** Kangxi radicals and CJK radicals supplement: CJK fonts' ToUnicode maps often give these for common characters (⽔ for 水, ⻩ for 黄). */
const RADICALS = /[\u2e80-\u2eff\u2f00-\u2fdf]/g;
/**
 * CJK radicals supplement -> the ideograph each stands for, as pairs (from Unicode's
 * EquivalentUnifiedIdeograph.txt, 15.0); Kangxi radicals need no table: NFKC maps them.
 */
const SUPPLEMENT_PAIRS = '⺁厂⺂乛⺃乚⺄乙⺅亻⺆冂⺇𠘨⺈刀⺉刂⺊卜⺋㔾⺌小⺍小⺎兀⺏尣⺐尢⺑𡯂⺒巳⺓幺⺔彑⺕𫜹⺖忄⺗心⺘扌⺙攵⺛旡⺜日⺝月⺞歺⺟母⺠民⺡氵⺢氺⺣灬⺤爫⺥爫⺦丬⺧牛⺨犭⺩王⺪𤴔⺫目⺬示⺭礻⺮𥫗⺯糹⺰纟⺱罓⺲罒⺳㓁⺴冗⺵𦉫⺶羊⺷𦍌⺸𦍋⺹耂⺺肀⺻聿⺼肉⺽𦥑⺾艹⺿艹⻀艹⻁虎⻂衤⻃覀⻄西⻅见⻆角⻇𧢲⻈讠⻉贝⻊𧾷⻋车⻌辶⻍辶⻎辶⻏邑⻐钅⻑長⻒镸⻓长⻔门⻕𨸏⻖阝⻗雨⻘青⻙韦⻚页⻛风⻜飞⻝食⻞𩙿⻟飠⻠饣⻡𩠐⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻫斉⻬齐⻭歯⻮齿⻯竜⻰龙⻱龜⻲亀⻳龟';
const SUPPLEMENT = new Map(Array.from(SUPPLEMENT_PAIRS.matchAll(/(.)(.)/gu), (m) => [m[1]!, m[2]!]));
/** A line that is only a page number ("3", "- 3 -", "第3页", "3 / 12"). */
const PAGE_NUMBER = /^(?:[-–—]\s*\d+\s*[-–—]|第\s*\d+\s*页|\d+(?:\s*\/\s*\d+)?)$/;

/** Replaces radical code points with the ideographs they stand for, leaving all other text as printed. */
export function foldRadicals(text: string): string {
  return text.replace(RADICALS, (c) => SUPPLEMENT.get(c) ?? c.normalize('NFKC'));
}

/**
 * Lines of one page from its text runs, in content order: a run flagged end-of-line ends a line,
 * and so does a run that starts lower or higher than the last one by more than half its height.
 * Lines are trimmed; blank lines and page-number lines are dropped.
 */
export function pageLines(runs: TextRun[]): string[] {
  const lines: string[] = [];
  let line = '';
  let lastY: number | null = null;
  const end = () => {
    const text = foldRadicals(line).trim();
    if (text && !PAGE_NUMBER.test(text)) lines.push(text);
    line = '';
    lastY = null;
  };
  for (const run of runs) {
    const y = run.transform[5]!;
    if (run.str && lastY !== null && Math.abs(y - lastY) > Math.max(run.height, 1) / 2) end();
    line += run.str;
    if (run.str) lastY = y;
    if (run.hasEOL) end();
  }
  end();
  return lines;
}

const require = createRequire(import.meta.url);

/**
 * Parses the PDF with pdf.js and returns each page's text runs (run by runInWorker). pdf.js parses
 * in the thread that calls it, as a long chain of messages; in the server's thread those wait
 * behind every request of a busy load (a PDF upload took minutes to swap in under load).
 */
const PARSE_PDF = `async ({ pdfUrl, bytes, cMapUrl, standardFontDataUrl }) => {
  const { getDocument } = await import(pdfUrl);
  const task = getDocument({ data: bytes, verbosity: 0, isEvalSupported: false, cMapUrl, standardFontDataUrl });
  try {
    const doc = await task.promise;
    const pages = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const content = await (await doc.getPage(p)).getTextContent();
      pages.push(content.items.filter((i) => 'str' in i).map((i) => ({ str: i.str, hasEOL: i.hasEOL, transform: i.transform, height: i.height })));
    }
    return pages;
  } finally {
    await task.destroy();
  }
}`;

/** The text runs of each page of a PDF, parsed by pdf.js in a worker thread; rejects with pdf.js's error (name and message). */
function textRunsOfPdf(bytes: Uint8Array): Promise<TextRun[][]> {
  const root = dirname(require.resolve('pdfjs-dist/package.json'));
  const data = new Uint8Array(bytes); // a copy: it is moved to the worker (and pdf.js detaches the buffer it is given)
  const pdfUrl = pathToFileURL(join(root, 'legacy/build/pdf.mjs')).href;
  return runInWorker(PARSE_PDF, { pdfUrl, bytes: data, cMapUrl: join(root, 'cmaps/'), standardFontDataUrl: join(root, 'standard_fonts/') }, [data.buffer]);
}

/**
 * Extracts the text layer of a PDF, page by page, parsing in a worker thread. Throws CorpusError
 * naming `source` when the file is not a readable PDF, is encrypted, or has no text at all (a scan
 * without OCR).
 */
export async function extractPdf(bytes: Uint8Array, source: string): Promise<PagedText> {
  let pages: TextRun[][];
  try {
    pages = await textRunsOfPdf(bytes);
  } catch (err) {
    const why = (err as { name?: string }).name === 'PasswordException' ? 'it is encrypted' : err instanceof Error ? err.message : String(err);
    throw new CorpusError(`cannot read PDF ${source}: ${why}`, { cause: err });
  }
  const lines: string[] = [];
  const pageOfLine: number[] = [];
  pages.forEach((runs, i) => {
    for (const line of pageLines(runs)) {
      lines.push(line);
      pageOfLine.push(i + 1);
    }
  });
  if (lines.length === 0) throw new CorpusError(`PDF ${source} has no text layer (a scanned page needs OCR first)`);
  return { text: lines.join('\n'), pageOfLine };
}
