// HTML -> the article's text: Readability (on a linkedom DOM) picks the article body, then blocks become lines and headings "#" lines.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

type DomNode = { nodeType: number; nodeName: string; textContent: string | null; childNodes: ArrayLike<DomNode> };

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'BUTTON', 'SELECT', 'TEXTAREA']);
const BLOCK = new Set(['ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TD', 'TH', 'TR', 'UL']);
/** Page furniture dropped before Readability looks (a <header> inside an <article> stays). */
const FURNITURE = 'nav, header, footer, aside, form, script, style, noscript, [role="navigation"], [role="banner"], [role="contentinfo"]';
const WIDE = '[\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u3000-\\u303f]';
/** A source line break between two wide (CJK) characters is no space at all. */
const WIDE_BREAK = new RegExp(`(${WIDE})[ \\t\\r\\f]*\\n[ \\t\\n\\r\\f]*(?=${WIDE})`, 'g');

/**
 * Text of a DOM subtree as lines: each block element (p, li, div, td, …) and each <br> ends a
 * line, h1–h6 become Markdown heading lines ("## 标题"), whitespace collapses as a browser shows it.
 * Lines are separated by blank lines (one block, one paragraph).
 */
export function domText(root: DomNode): string {
  const lines: string[] = [];
  let line = '';
  const flush = () => {
    const text = line.replace(/[ \t\n\r\f]+/g, ' ').replace(/^[ \t\n\r\f]+|[ \t\n\r\f]+$/g, '');
    if (text && !/^#+ ?$/.test(text)) lines.push(text);
    line = '';
  };
  const walk = (node: DomNode) => {
    if (node.nodeType === 3) line += (node.textContent ?? '').replace(WIDE_BREAK, '$1');
    if (node.nodeType !== 1 || SKIP.has(node.nodeName)) return;
    const heading = /^H([1-6])$/.exec(node.nodeName);
    if (node.nodeName === 'BR') return flush();
    if (heading || BLOCK.has(node.nodeName)) flush();
    if (heading) line = `${'#'.repeat(Number(heading[1]))} `;
    for (const child of Array.from(node.childNodes)) walk(child);
    if (heading || BLOCK.has(node.nodeName)) flush();
  };
  walk(root);
  flush();
  return lines.join('\n\n');
}

/**
 * The article of an HTML page as Markdown-like text: "# title", then its body's blocks. The body
 * is what Readability keeps (navigation, ads, comments and link lists dropped); the title is the
 * page's <h1> when it has one (a <title> usually carries the site's name too), else Readability's.
 * Navigation, page header, footer, sidebars and forms are dropped first; a page Readability
 * finds no article in gives the rest of its <body>.
 */
export function extractHtmlArticle(html: string): string {
  const { document } = parseHTML(html);
  const h1 = document.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  document.querySelectorAll(FURNITURE).forEach((el) => (el.nodeName === 'HEADER' && el.closest('article') ? null : el.remove()));
  const article = new Readability(document.cloneNode(true) as unknown as Document, { charThreshold: 100 }).parse();
  const body = article?.content
    ? domText(parseHTML(`<!doctype html><html><body>${article.content}</body></html>`).document.body as unknown as DomNode)
    : domText(document.body as unknown as DomNode);
  const title = (h1 && h1.length <= 80 ? h1 : article?.title?.trim()) ?? '';
  const lines = body.split('\n\n').filter((l) => l.replace(/^#+ /, '') !== title);
  return [title ? `# ${title}` : '', ...lines].filter(Boolean).join('\n\n');
}
