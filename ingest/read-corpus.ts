// Reads named files/folders into chunks (the edge of ingest: file I/O around parsePage).
import type { Gazetteer } from './gazetteer.js';
import { listArticleFiles, readArticleFile } from './load-corpus.js';
import { parsePage } from './parse-page.js';
import type { Chunk } from './types.js';

/** Chunks of every article file under `paths`, with duplicate ids (same title and text) dropped. */
export function readCorpus(paths: string[], gazetteer: Gazetteer, maxChars: number): { chunks: Chunk[]; sources: string[] } {
  const chunks: Chunk[] = [];
  const seen = new Set<string>();
  const sources: string[] = [];
  for (const file of listArticleFiles(paths)) {
    const { source, text } = readArticleFile(file);
    sources.push(source);
    const markdown = file.toLowerCase().endsWith('.md');
    for (const chunk of parsePage(text, source, gazetteer, maxChars, { markdown }).chunks) {
      if (!seen.has(chunk.id)) chunks.push(chunk);
      seen.add(chunk.id);
    }
  }
  return { chunks, sources };
}
