// Shapes of articles and chunks, shared by ingest, index and answer.
import { z } from 'zod';

/** Metadata of one article, derived from its text. */
export const articleMetaSchema = z.object({
  /** The printed title, e.g. "泽州山楂红酒：打造“泽州红”品牌优势"; empty when the page lost it. */
  title: z.string(),
  /** The specialty town / industry: the title's lead before "：", e.g. "泽州山楂红酒". */
  town: z.string(),
  /** County or district recognised from the gazetteer, short form, e.g. "泽州"; "" when none. */
  county: z.string(),
  /** The industry without the county prefix, e.g. "山楂红酒". */
  industry: z.string(),
  /** Trailing author byline moved out of the text, "" when none. */
  author: z.string(),
  /** Source file path as given to ingest (relative to the working directory when possible). */
  source: z.string(),
  /** Page section heading printed above the articles, "" when none. */
  section: z.string(),
  /** True when the article's opening was lost (it starts mid-sentence). */
  openingMissing: z.boolean(),
  /** True when the title was printed after the article body. */
  titleAfterBody: z.boolean(),
});
export type ArticleMeta = z.infer<typeof articleMetaSchema>;

/** One retrievable passage: a paragraph or a sentence-aligned piece of one. */
export const chunkSchema = z.object({
  /** Content-derived id (hex), stable across re-ingests. */
  id: z.string().regex(/^[0-9a-f]{16}$/),
  /** Verbatim text as printed (layout repaired, byline removed). */
  text: z.string().min(1),
  /** 1-based first and last source line the text came from. */
  lineStart: z.number().int().min(1),
  lineEnd: z.number().int().min(1),
  /** Position of the paragraph in its article (0-based) and of the chunk in its paragraph. */
  paragraph: z.number().int().min(0),
  part: z.number().int().min(0),
  /** 1-based page the text starts on, for paged documents (PDF); absent otherwise. */
  page: z.number().int().min(1).optional(),
  meta: articleMetaSchema,
});
export type Chunk = z.infer<typeof chunkSchema>;
