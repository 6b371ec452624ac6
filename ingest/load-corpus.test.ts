// Tests for finding and reading document files: folders, names, sources and the CorpusError messages.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CorpusError, listArticleFiles, readArticleFile } from './load-corpus.js';
import { useTempDirs } from '../test-support/temp-dirs.js';

/** Temp folders this file creates, removed after its tests. */
const { tempDir, made } = useTempDirs();

let dir: string;
let readDir: string;

beforeAll(() => {
  dir = tempDir('jc-corpus-');
  mkdirSync(join(dir, 'nested', 'deeper'), { recursive: true });
  writeFileSync(join(dir, 'b.txt'), '乙。');
  writeFileSync(join(dir, 'a.md'), '# 甲\n\n甲。');
  writeFileSync(join(dir, 'notes.json'), '{}');
  writeFileSync(join(dir, 'nested', 'C.TXT'), '丙。');
  writeFileSync(join(dir, 'nested', 'deeper', 'd.txt'), '丁。');
  writeFileSync(join(dir, 'nested', 'page.HTML'), '<p>戊。</p>');
  writeFileSync(join(dir, 'nested', 'report.pdf'), '%PDF-1.7');
  writeFileSync(join(dir, '.hidden.txt'), '己。');
  mkdirSync(join(dir, 'empty'));
  writeFileSync(join(dir, 'empty', 'photo.png'), 'x');
  readDir = tempDir('jc-read-');
});

function corpusError(run: () => unknown): CorpusError {
  try {
    run();
  } catch (err) {
    if (err instanceof CorpusError) return err;
    throw err;
  }
  throw new Error('expected a CorpusError');
}

describe('listArticleFiles', () => {
  it('finds document files in a folder recursively, any case, sorted, skipping hidden and other files', () => {
    expect(listArticleFiles([dir])).toEqual(
      [join(dir, 'a.md'), join(dir, 'b.txt'), join(dir, 'nested', 'C.TXT'), join(dir, 'nested', 'deeper', 'd.txt'), join(dir, 'nested', 'page.HTML'), join(dir, 'nested', 'report.pdf')].sort(),
    );
  });

  it('lists a file named twice, or named and inside a named folder, once', () => {
    const b = join(dir, 'b.txt');
    expect(listArticleFiles([b, b])).toEqual([b]);
    expect(listArticleFiles([join(dir, 'nested'), join(dir, 'nested', 'C.TXT')])).toEqual(
      [join(dir, 'nested', 'C.TXT'), join(dir, 'nested', 'deeper', 'd.txt'), join(dir, 'nested', 'page.HTML'), join(dir, 'nested', 'report.pdf')].sort(),
    );
  });

  it('rejects a missing path with a CorpusError naming it', () => {
    const missing = join(dir, 'no-such-article.txt');
    const err = corpusError(() => listArticleFiles([join(dir, 'b.txt'), missing]));
    expect(err.code).toBe('corpus_error');
    expect(err.message).toBe(`no such file or folder: ${missing}`);
  });

  it('takes a named file whatever its name (its content is checked when it is read)', () => {
    const json = join(dir, 'notes.json');
    expect(listArticleFiles([json])).toEqual([json]);
  });

  it('rejects a folder without article files with a CorpusError naming it', () => {
    const empty = join(dir, 'empty');
    expect(corpusError(() => listArticleFiles([empty])).message).toBe(`no documents (.txt, .md, .pdf, .docx, .html) in: ${empty}`);
  });
});

describe('readArticleFile', () => {
  it('reads a file\'s bytes, naming a file outside the working folder by its full path', () => {
    const file = join(readDir, 'bom.txt');
    writeFileSync(file, '\ufeff高平生猪。');
    const read = readArticleFile(file);
    expect(read.source).toBe(file);
    expect(Buffer.from(read.bytes).toString('utf8')).toBe('\ufeff高平生猪。');
  });

  it('names a file inside the working folder by its relative path', () => {
    const file = join(process.cwd(), 'data', 'articles', 'jincheng-specialty-towns-page1.txt');
    expect(readArticleFile(file).source).toBe(join('data', 'articles', 'jincheng-specialty-towns-page1.txt'));
  });
});
