// One page of text -> articles with metadata -> chunks. Pure: text in, chunks out.
import { deriveTownMeta } from './article-meta.js';
import type { Gazetteer } from './gazetteer.js';
import { groupArticles } from './group-articles.js';
import { repairLayout, type LayoutOptions } from './repair-layout.js';
import { splitParagraph } from './split-passages.js';
import type { ArticleMeta, Chunk } from './types.js';

/**
 * Parses a page: repairs its layout, groups articles, derives metadata and splits chunks.
 * `source` is recorded in every chunk; `maxChars` bounds chunk length; `markdown` honours "#" headings,
 * `structured` takes only "#" lines as headings and blank lines as paragraph ends; with `pageOfLine` (the 1-based page of each
 * line), every chunk records the page its text starts on.
 */
export function parsePage(
  raw: string,
  source: string,
  gazetteer: Gazetteer,
  maxChars: number,
  options: LayoutOptions & { pageOfLine?: number[] } = {},
): { articles: ArticleMeta[]; chunks: Chunk[] } {
  const articles: ArticleMeta[] = [];
  const chunks: Chunk[] = [];
  for (const a of groupArticles(repairLayout(raw, options))) {
    const body = a.paragraphs.map((p) => p.text).join('\n');
    const meta: ArticleMeta = {
      title: a.title,
      ...deriveTownMeta(a.title, body, gazetteer),
      author: a.author,
      source,
      section: a.section,
      openingMissing: a.openingMissing,
      titleAfterBody: a.titleAfterBody,
    };
    articles.push(meta);
    a.paragraphs.forEach((p, i) => chunks.push(...splitParagraph(p, i, meta, maxChars)));
  }
  if (options.pageOfLine) {
    const pages = options.pageOfLine;
    for (const c of chunks) c.page = pages[c.lineStart - 1];
  }
  return { articles, chunks };
}
