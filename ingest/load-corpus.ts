// Finds and reads article files (.txt / .md) from the paths a user names.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';

const ARTICLE_EXTENSIONS = new Set(['.txt', '.md']);

/** Error for a path that cannot be ingested; the message names the path and the problem. */
export class CorpusError extends Error {
  readonly code = 'corpus_error';
}

/** Lists article files under the given files or folders (folders recursively), sorted, unique. */
export function listArticleFiles(paths: string[]): string[] {
  const found = new Set<string>();
  const visit = (path: string, named: boolean): void => {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      throw new CorpusError(`no such file or folder: ${path}`);
    }
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path).sort()) visit(join(path, entry), false);
    } else if (ARTICLE_EXTENSIONS.has(extname(path).toLowerCase())) {
      found.add(path);
    } else if (named) {
      throw new CorpusError(`not a .txt or .md file: ${path}`);
    }
  };
  for (const p of paths) visit(p, true);
  if (found.size === 0) throw new CorpusError(`no .txt or .md files in: ${paths.join(', ')}`);
  return [...found].sort();
}

/** Reads one article file as UTF-8 text; rejects binary or non-UTF-8 content naming the file. */
export function readArticleFile(path: string): { source: string; text: string } {
  const bytes = readFileSync(path);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (text.includes('\u0000') || text.includes('\ufffd')) {
    throw new CorpusError(`not UTF-8 text: ${path}`);
  }
  const rel = relative(process.cwd(), path);
  return { source: rel.startsWith('..') ? path : rel, text: text.replace(/^\ufeff/, '') };
}
