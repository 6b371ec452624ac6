// Groups repaired blocks into articles: titles before or after their body, bylines, lost openings.
import type { Block } from './repair-layout.js';

type Paragraph = Extract<Block, { kind: 'paragraph' }>;

/** An article as laid out on the page, before metadata is derived. */
export type RawArticle = {
  title: string;
  titleLine: number | null;
  /** The page's section heading in force where the article stands, "" when none. */
  section: string;
  paragraphs: Paragraph[];
  author: string;
  titleAfterBody: boolean;
  openingMissing: boolean;
};

/** An article starting mid-sentence: it opens with closing punctuation, or closes a quote it never opened. */
export function startsMidSentence(text: string): boolean {
  if (/^[，。、；：！？”’」』）)…]/.test(text)) return true;
  const close = text.search(/[”」』]/);
  const open = text.search(/[“「『]/);
  return close >= 0 && (open < 0 || close < open);
}

function newArticle(section: string, title = '', titleLine: number | null = null): RawArticle {
  return { title, titleLine, section, paragraphs: [], author: '', titleAfterBody: false, openingMissing: false };
}

/**
 * Groups blocks into articles. Rules (general to this newspaper layout, no names):
 * - a byline closes its article; a paragraph after a closed article starts a new one;
 * - a heading directly followed by another heading (or the page end) titles the closed
 *   untitled article before it (title printed after the body), or, with no such article,
 *   is a section heading;
 * - any other heading starts a new article with that title.
 */
export function groupArticles(blocks: Block[]): RawArticle[] {
  const articles: RawArticle[] = [];
  let section = '';
  let current: RawArticle | null = null;
  let closed = true;
  blocks.forEach((block, i) => {
    if (block.kind === 'heading') {
      const next = blocks[i + 1];
      const standsAlone = !next || next.kind === 'heading';
      if (standsAlone && current && !current.title && current.paragraphs.length > 0 && closed) {
        Object.assign(current, { title: block.text, titleLine: block.line, titleAfterBody: true });
      } else if (standsAlone && (!current || closed)) {
        section = block.text;
      } else {
        current = newArticle(section, block.text, block.line);
        articles.push(current);
        closed = false;
      }
      return;
    }
    if (!current || closed) {
      current = newArticle(section);
      articles.push(current);
    }
    if (current.paragraphs.length === 0) current.openingMissing = startsMidSentence(block.text);
    current.paragraphs.push(block);
    closed = block.byline !== '';
    if (closed) current.author = block.byline;
  });
  return articles;
}
