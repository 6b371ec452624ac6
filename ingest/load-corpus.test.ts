// Tests for finding and reading article files: folders, extensions, encodings and the CorpusError messages.
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
  mkdirSync(join(dir, 'empty'));
  writeFileSync(join(dir, 'empty', 'readme.pdf'), 'x');
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
  it('finds .txt and .md files in a folder recursively, any case, sorted, skipping other files', () => {
    expect(listArticleFiles([dir])).toEqual(
      [join(dir, 'a.md'), join(dir, 'b.txt'), join(dir, 'nested', 'C.TXT'), join(dir, 'nested', 'deeper', 'd.txt')].sort(),
    );
  });

  it('lists a file named twice, or named and inside a named folder, once', () => {
    const b = join(dir, 'b.txt');
    expect(listArticleFiles([b, b])).toEqual([b]);
    expect(listArticleFiles([join(dir, 'nested'), join(dir, 'nested', 'C.TXT')])).toEqual(
      [join(dir, 'nested', 'C.TXT'), join(dir, 'nested', 'deeper', 'd.txt')].sort(),
    );
  });

  it('rejects a missing path with a CorpusError naming it', () => {
    const missing = join(dir, 'no-such-article.txt');
    const err = corpusError(() => listArticleFiles([join(dir, 'b.txt'), missing]));
    expect(err.code).toBe('corpus_error');
    expect(err.message).toBe(`no such file or folder: ${missing}`);
  });

  it('rejects a named file that is not .txt or .md with a CorpusError naming it', () => {
    const json = join(dir, 'notes.json');
    expect(corpusError(() => listArticleFiles([json])).message).toBe(`not a .txt or .md file: ${json}`);
  });

  it('rejects a folder without article files with a CorpusError naming it', () => {
    const empty = join(dir, 'empty');
    expect(corpusError(() => listArticleFiles([empty])).message).toBe(`no .txt or .md files in: ${empty}`);
  });
});

describe('readArticleFile', () => {
  it('reads UTF-8 text without its byte-order mark, naming a file outside the working folder by its full path', () => {
    const file = join(readDir, 'bom.txt');
    writeFileSync(file, '\ufeff高平生猪。');
    expect(readArticleFile(file)).toEqual({ source: file, text: '高平生猪。' });
  });

  it('names a file inside the working folder by its relative path', () => {
    const file = join(process.cwd(), 'data', 'articles', 'jincheng-specialty-towns-page1.txt');
    expect(readArticleFile(file).source).toBe(join('data', 'articles', 'jincheng-specialty-towns-page1.txt'));
  });

  it('rejects binary or non-UTF-8 content with a CorpusError naming the file', () => {
    const gbk = join(readDir, 'gbk.txt');
    writeFileSync(gbk, Buffer.from([0xb8, 0xdf, 0xc6, 0xbd])); // 高平 in GBK
    expect(corpusError(() => readArticleFile(gbk)).message).toBe(`not UTF-8 text: ${gbk}`);
    const binary = join(readDir, 'binary.txt');
    writeFileSync(binary, Buffer.from([0x41, 0x00, 0x42]));
    expect(corpusError(() => readArticleFile(binary)).message).toBe(`not UTF-8 text: ${binary}`);
  });
});
