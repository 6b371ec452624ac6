// Finds and reads document files from the paths a user names (a named file may have any name; its content tells its type).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';

/** Names of the files a folder walk picks up; their content still decides their type. */
const DOCUMENT_EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.pdf', '.docx', '.html', '.htm']);

/** Error for a path that cannot be ingested; the message names the path and the problem. */
export class CorpusError extends Error {
  readonly code = 'corpus_error';
}

/**
 * Lists document files: each named file, and under each named folder (recursively, hidden
 * entries skipped) the files named like documents (.txt, .md, .pdf, .docx, .html). Sorted, unique.
 */
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
      for (const entry of readdirSync(path).sort()) if (!entry.startsWith('.')) visit(join(path, entry), false);
    } else if (named || DOCUMENT_EXTENSIONS.has(extname(path).toLowerCase())) {
      found.add(path);
    }
  };
  for (const p of paths) visit(p, true);
  if (found.size === 0) throw new CorpusError(`no documents (.txt, .md, .pdf, .docx, .html) in: ${paths.join(', ')}`);
  return [...found].sort();
}

/** Reads one document file's bytes; `source` is its path relative to the working folder when inside it. */
export function readArticleFile(path: string): { source: string; bytes: Uint8Array } {
  const rel = relative(process.cwd(), path);
  return { source: rel.startsWith('..') ? path : rel, bytes: readFileSync(path) };
}
