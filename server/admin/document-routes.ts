// Admin API for documents: list, preview chunks, upload (type told by content), delete, rebuild — builds run as background jobs.
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, extname, join, relative, resolve } from 'node:path';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AnswerService } from '../../answer/index.js';
import type { Settings } from '../../config.js';
import { CorpusError, detectDocumentType, parseDocument, TYPE_EXTENSIONS, type Chunk, type DocumentType, type ParsedDocument } from '../../ingest/index.js';
import { ApiError } from '../errors.js';
import type { LiveIndex } from '../live-index.js';
import { validate } from '../validate.js';

/** One indexed document (a source file) as the console lists it. */
export type DocumentSummary = { source: string; titles: string[]; chunks: number; added: string | null };

/** The served answer service, or a 503 while the index loads. */
export function servedIndex(holder: { service: AnswerService | null }): AnswerService {
  if (!holder.service) throw new ApiError(503, 'not_ready', 'the index is not loaded yet');
  return holder.service;
}

/** Documents of an index, in chunk order: distinct titles, chunk count and when the source was added. */
export function summarizeDocuments(chunks: Chunk[], added: Map<string, string>): DocumentSummary[] {
  const docs = new Map<string, DocumentSummary>();
  for (const c of chunks) {
    let doc = docs.get(c.meta.source);
    if (!doc) docs.set(c.meta.source, (doc = { source: c.meta.source, titles: [], chunks: 0, added: added.get(c.meta.source) ?? null }));
    doc.chunks++;
    if (c.meta.title && !doc.titles.includes(c.meta.title)) doc.titles.push(c.meta.title);
  }
  return [...docs.values()];
}

/** Extensions a stored file of each type may keep (others get the type's own appended). */
const KEEPS: Record<DocumentType, string[]> = { pdf: ['.pdf'], docx: ['.docx'], html: ['.html', '.htm'], markdown: ['.md', '.markdown', '.txt'], text: ['.txt', '.md'] };

/**
 * The file name an upload is stored under: the client's base name with anything but letters,
 * digits, "." "-" "_" replaced, at most 100 characters, never hidden, and an extension that fits
 * its type (so a rebuild's folder walk finds it): "年报" as PDF -> "年报.pdf".
 */
export function storedName(clientName: string, type: DocumentType): string {
  const base = (basename(clientName.replace(/\\/g, '/')).normalize('NFC').replace(/[^\p{L}\p{N}._-]+/gu, '_').replace(/^[._]+/, '') || 'document').slice(0, 100);
  return KEEPS[type].includes(extname(base).toLowerCase()) ? base : `${base}${TYPE_EXTENSIONS[type]}`;
}

const sourceQuery = z.object({ source: z.string().min(1, 'source is empty') });

type DocumentDeps = { holder: { service: AnswerService | null }; settings: Settings; liveIndex: LiveIndex };

/** Routes under /admin/api/documents. */
export function documentRoutes({ holder, settings, liveIndex }: DocumentDeps) {
  const uploads = resolve(settings.UPLOADS_DIR);
  return new Hono()
    .get('/', (c) => {
      const index = servedIndex(holder).searcher.index;
      const added = new Map(index.manifest.sources.map((s) => [s.source, s.addedAt ?? index.manifest.builtAt]));
      return c.json({ builtAt: index.manifest.builtAt, documents: summarizeDocuments(index.chunks, added) });
    })
    .get('/chunks', validate('query', sourceQuery), (c) => {
      const { source } = c.req.valid('query');
      const chunks = servedIndex(holder).searcher.index.chunks.filter((ch) => ch.meta.source === source);
      if (chunks.length === 0) throw new ApiError(404, 'not_found', `no document ${source} in the index`);
      return c.json({
        source,
        chunks: chunks.map((ch) => ({ id: ch.id, title: ch.meta.title, town: ch.meta.town, paragraph: ch.paragraph, part: ch.part, lineStart: ch.lineStart, lineEnd: ch.lineEnd, page: ch.page ?? null, text: ch.text })),
      });
    })
    .post('/', async (c) => {
      if (!/^multipart\/form-data\b/i.test(c.req.header('content-type') ?? '')) {
        throw new ApiError(415, 'unsupported_media_type', 'upload documents as multipart/form-data, in "file" fields');
      }
      const form = await c.req.parseBody({ all: true });
      const files = [form.file ?? []].flat().filter((f): f is File => typeof f === 'object' && f !== null && 'arrayBuffer' in f);
      if (files.length === 0) throw new ApiError(400, 'invalid_request', 'no file in the form (field "file")');
      const docs: { name: string; type: DocumentType; bytes: Uint8Array; path: string; parsed: ParsedDocument }[] = [];
      for (const file of files) {
        const bytes = new Uint8Array(await file.arrayBuffer());
        const type = detectDocumentType(bytes);
        if (!type) throw new ApiError(415, 'unsupported_media_type', `${file.name}: not a PDF, Word (.docx), HTML, Markdown or UTF-8 text document`);
        const name = storedName(file.name, type);
        let parsed: ParsedDocument;
        try {
          parsed = await parseDocument(bytes, name); // a broken file is refused now, not in the background; the build reuses the text
        } catch (err) {
          if (err instanceof CorpusError) throw new ApiError(422, 'unreadable_document', err.message);
          throw err;
        }
        docs.push({ name, type, bytes, path: join(uploads, name), parsed });
      }
      mkdirSync(uploads, { recursive: true });
      for (const d of docs) {
        writeFileSync(`${d.path}.part`, d.bytes);
        renameSync(`${d.path}.part`, d.path);
      }
      const job = liveIndex.submit(`上传 ${docs.map((d) => d.name).join('、')}`, { kind: 'add', paths: docs.map((d) => d.path), rebuild: false, parsed: docs.map((d) => d.parsed) });
      const source = (path: string) => (relative(process.cwd(), path).startsWith('..') ? path : relative(process.cwd(), path));
      return c.json({ job, documents: docs.map((d) => ({ name: d.name, type: d.type, source: source(d.path) })) }, 202);
    })
    .delete('/', validate('query', sourceQuery), (c) => {
      const { source } = c.req.valid('query');
      if (!servedIndex(holder).searcher.index.chunks.some((ch) => ch.meta.source === source)) throw new ApiError(404, 'not_found', `no document ${source} in the index`);
      const file = resolve(source);
      const uploaded = file.startsWith(`${uploads}/`);
      // An upload goes with its chunks; bundled articles stay on disk.
      const job = liveIndex.submit(`删除 ${source}`, { kind: 'remove', sources: [source] }, uploaded ? () => rmSync(file, { force: true }) : undefined);
      return c.json({ job }, 202);
    })
    .post('/rebuild', (c) => {
      const paths = [settings.ARTICLES_DIR, ...(existsSync(uploads) ? [uploads] : [])];
      return c.json({ job: liveIndex.submit('重建索引', { kind: 'add', paths, rebuild: true, parsed: [] }) }, 202);
    })
    .get('/jobs/:id', (c) => {
      const job = liveIndex.job(c.req.param('id'));
      if (!job) throw new ApiError(404, 'not_found', `no index job ${c.req.param('id')}`);
      return c.json({ job });
    });
}
