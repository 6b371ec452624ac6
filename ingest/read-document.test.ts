// Tests for readDocument and readCorpus on real files: a PDF printed by Chromium, a DOCX written by `docx`, a saved news page, text.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { printPdf, SAMPLE_ARTICLES, savedNewsPage, writeDocx } from '../test-support/make-documents.js';
import { useTempDirs } from '../test-support/temp-dirs.js';
import { CorpusError } from './load-corpus.js';
import { foldForMatch } from './normalize-text.js';
import { readDocument } from './read-document.js';
import { loadGazetteer } from './gazetteer.js';
import { readCorpus } from './read-corpus.js';

const { tempDir } = useTempDirs();
let dir: string;
const { pdf, docx, html } = SAMPLE_ARTICLES;
const body = (a: { paragraphs: string[] }) => a.paragraphs.filter((p) => p !== '\f');
const bytes = (s: string) => new TextEncoder().encode(s);

beforeAll(async () => {
  dir = tempDir('jc-docs-');
  await printPdf(pdf, join(dir, 'huangli.pdf'));
  await writeDocx(docx, join(dir, 'hetao.docx'));
}, 60_000);

describe('readDocument', () => {
  it('reads a Chromium-printed Chinese PDF from its text layer, ideographs intact, each line with its page', async () => {
    const doc = await readDocument(readFileSync(join(dir, 'huangli.pdf')), 'huangli.pdf');
    expect(doc.type).toBe('pdf');
    const lines = doc.text.split('\n');
    expect(doc.pageOfLine).toHaveLength(lines.length);
    expect(lines[0]).toBe(pdf.title);
    // Radical code points the font's ToUnicode map gives (⻩ for 黄, ⽔ for 水) are folded back.
    expect(doc.text).not.toMatch(/[\u2e80-\u2fdf]/);
    // The printed lines, joined, are the paragraphs, up to characters that share one glyph in the
    // font, which the PDF names by the lower code point (戶 for 户); matching folds those anyway.
    expect(foldForMatch(lines.join(''))).toBe(foldForMatch([pdf.title, ...body(pdf)].join('')));
    const page2 = lines.findIndex((l) => l.startsWith('截至2023年底'));
    expect(doc.pageOfLine!.slice(0, page2).every((p) => p === 1)).toBe(true);
    expect(doc.pageOfLine!.slice(page2).every((p) => p === 2)).toBe(true);
  }, 30_000);

  it('reads a DOCX: the Heading 1 title as a "#" line, then each paragraph', async () => {
    const doc = await readDocument(readFileSync(join(dir, 'hetao.docx')), 'hetao.docx');
    expect(doc).toEqual({ type: 'docx', text: [`# ${docx.title}`, ...docx.paragraphs].join('\n\n'), markdown: true, structured: true });
  });

  it('reads a saved news page\'s article only: no navigation, ads, sidebar, share bar or footer', async () => {
    const doc = await readDocument(bytes(savedNewsPage(html)), 'hongshu.html');
    expect(doc.type).toBe('html');
    expect(doc.text).toBe([`# ${html.title}`, '来源：晋城日报　编辑：王芳　2024-03-18 09:12', ...html.paragraphs].join('\n\n'));
    for (const junk of ['首页', '广告', '热门文章', '版权所有', '分享到', '搜索', 'analytics']) expect(doc.text).not.toContain(junk);
  });

  it('reads a page in GBK by the charset its <meta> declares', async () => {
    const gbk = Buffer.concat([Buffer.from('<html><head><meta charset="gbk"></head><body><h1>'), Buffer.from([0xb8, 0xdf, 0xc6, 0xbd]), Buffer.from('</h1></body></html>')]);
    expect((await readDocument(gbk, 'gbk.html')).text).toBe('# 高平');
  });

  it('reads text and Markdown as they are, told apart by "#" heading lines', async () => {
    expect(await readDocument(bytes('\ufeff高平生猪。'), 'a.txt')).toEqual({ type: 'text', text: '高平生猪。', markdown: false, structured: false });
    expect((await readDocument(bytes('# 高平\n\n生猪。'), 'a.txt')).markdown).toBe(true);
  });

  it('refuses what it cannot read with a CorpusError naming the source', async () => {
    await expect(readDocument(Buffer.from([0xb8, 0xdf, 0xc6, 0xbd]), 'gbk.txt')).rejects.toThrow(new CorpusError('not a PDF, Word (.docx), HTML or UTF-8 text document: gbk.txt'));
    await expect(readDocument(bytes('%PDF-1.7\nnot really a pdf'), 'broken.pdf')).rejects.toThrow(/^cannot read PDF broken\.pdf: /);
    await expect(readDocument(Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.from('word/document.xml garbage')]), 'broken.docx')).rejects.toThrow(/^cannot read Word document broken\.docx: /);
  });
});

describe('readCorpus over documents of every type', () => {
  it('chunks them through the same layout repair and metadata, PDF chunks with the page they start on', async () => {
    writeFileSync(join(dir, 'hongshu.htm'), savedNewsPage(html));
    const gazetteer = loadGazetteer(fileURLToPath(new URL('../data/gazetteer.json', import.meta.url)));
    const { chunks, sources } = await readCorpus([dir], gazetteer, 300);
    expect(sources).toEqual(['hetao.docx', 'hongshu.htm', 'huangli.pdf'].map((f) => join(dir, f)));
    const of = (file: string) => chunks.filter((c) => c.meta.source === join(dir, file));
    expect(of('hetao.docx').map((c) => c.text)).toEqual(docx.paragraphs);
    expect(of('hetao.docx')[0]!.meta).toMatchObject({ title: docx.title, town: '沁水核桃', county: '沁水', industry: '核桃' });
    expect(of('hongshu.htm').map((c) => c.text)).toEqual(['来源：晋城日报　编辑：王芳　2024-03-18 09:12', ...html.paragraphs]);
    expect(of('hongshu.htm')[0]!.meta).toMatchObject({ title: html.title, town: '泽州红薯', county: '泽州' });
    const pdfChunks = of('huangli.pdf');
    expect(pdfChunks.map((c) => foldForMatch(c.text))).toEqual(body(pdf).map(foldForMatch));
    expect(pdfChunks.map((c) => c.page)).toEqual([1, 1, 2, 2]);
    expect(pdfChunks[0]!.meta).toMatchObject({ title: pdf.title, town: '高平黄梨', county: '高平' });
    expect(of('hetao.docx').every((c) => c.page === undefined)).toBe(true);
  });
});
