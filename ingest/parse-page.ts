// One page of text -> articles with metadata -> chunks. Pure: text in, chunks out.
import { deriveTownMeta } from './article-meta.js';
import type { Gazetteer } from './gazetteer.js';
import { groupArticles } from './group-articles.js';
import { repairLayout } from './repair-layout.js';
import { splitParagraph } from './split-passages.js';
import type { ArticleMeta, Chunk } from './types.js';

/**
 * Parses a page: repairs its layout, groups articles, derives metadata and splits chunks.
 * `source` is recorded in every chunk; `maxChars` bounds chunk length; `markdown` honours "#" headings.
 */
export function parsePage(
  raw: string,
  source: string,
  gazetteer: Gazetteer,
  maxChars: number,
  options: { markdown?: boolean } = {},
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
  return { articles, chunks };
}
