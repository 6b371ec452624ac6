// Reads named files/folders into chunks (the edge of ingest: file I/O around readDocument and parsePage).
import type { Gazetteer } from './gazetteer.js';
import { listArticleFiles, readArticleFile } from './load-corpus.js';
import { parsePage } from './parse-page.js';
import { readDocument, sha256Of, type DocumentText, type ParsedDocument } from './read-document.js';
import type { Chunk } from './types.js';

/**
 * Chunks of every document under `paths` (any supported type), with duplicate ids (same title and
 * text) dropped. A file whose bytes have the sha256 of one of `parsed` takes that text instead of
 * being parsed again (an upload, parsed once when it was received).
 */
export async function readCorpus(paths: string[], gazetteer: Gazetteer, maxChars: number, parsed: ParsedDocument[] = []): Promise<{ chunks: Chunk[]; sources: string[] }> {
  const given = new Map<string, DocumentText>(parsed.map(({ sha256, ...document }) => [sha256, document]));
  const chunks: Chunk[] = [];
  const seen = new Set<string>();
  const sources: string[] = [];
  for (const file of listArticleFiles(paths)) {
    const { source, bytes } = readArticleFile(file);
    sources.push(source);
    const { text, ...layout } = (parsed.length ? given.get(sha256Of(bytes)) : undefined) ?? (await readDocument(bytes, source));
    for (const chunk of parsePage(text, source, gazetteer, maxChars, layout).chunks) {
      if (!seen.has(chunk.id)) chunks.push(chunk);
      seen.add(chunk.id);
    }
  }
  return { chunks, sources };
}
