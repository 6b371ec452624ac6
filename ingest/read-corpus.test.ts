// Tests for readCorpus: text and markdown files to chunks, duplicates dropped, sources reported, documents parsed before reused.
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadGazetteer } from './gazetteer.js';
import { CorpusError } from './load-corpus.js';
import { readCorpus } from './read-corpus.js';
import { DOCUMENT_PARSED, parseDocument } from './read-document.js';
import { useTempDirs } from '../test-support/temp-dirs.js';

const PAGE_PATH = fileURLToPath(new URL('../data/articles/jincheng-specialty-towns-page1.txt', import.meta.url));
const PAGE = readFileSync(PAGE_PATH, 'utf8');
const GAZETTEER = loadGazetteer(fileURLToPath(new URL('../data/gazetteer.json', import.meta.url)));

/** Temp folders this file creates, removed after its tests. */
const { tempDir, made } = useTempDirs();

let dir: string;

beforeAll(() => {
  dir = tempDir('jc-read-corpus-');
});

/** The bundled page as markdown: "#" on the section heading, "##" on every article title. */
function pageAsMarkdown(): string {
  return PAGE.split('\n')
    .map((line, i) => (i + 1 === 5 ? `# ${line}` : [7, 21, 37, 55, 71, 99, 103, 115, 127].includes(i + 1) ? `## ${line}` : line))
    .join('\n');
}

describe('readCorpus', () => {
  it('reads the bundled page into 37 chunks, naming the file by its path relative to the working folder', async () => {
    const { chunks, sources } = await readCorpus([PAGE_PATH], GAZETTEER, 300);
    expect(sources).toEqual(['data/articles/jincheng-specialty-towns-page1.txt']);
    expect(chunks.length).toBe(37);
    expect(new Set(chunks.map((c) => c.meta.source))).toEqual(new Set(sources));
  });

  it('reads a markdown copy of the page into the same chunks, with markdown heading marks removed', async () => {
    const md = join(dir, 'page.md');
    writeFileSync(md, pageAsMarkdown());
    const fromText = (await readCorpus([PAGE_PATH], GAZETTEER, 300)).chunks;
    const fromMarkdown = (await readCorpus([md], GAZETTEER, 300)).chunks;
    expect(fromMarkdown.map((c) => [c.id, c.text, c.lineStart, c.lineEnd, c.meta.title, c.meta.section])).toEqual(
      fromText.map((c) => [c.id, c.text, c.lineStart, c.lineEnd, c.meta.title, c.meta.section]),
    );
    expect(fromMarkdown.every((c) => c.meta.source === md)).toBe(true);
  });

  it('keeps a markdown heading a heading even when it holds a comma', async () => {
    const md = join(dir, 'comma-title.md');
    writeFileSync(md, '# 示例专版\n\n## 甲镇茶叶：稳中求进，再创佳绩\n\n甲镇茶园面积达到3万亩。\n\n今年继续扩大规模。 张三\n');
    const { chunks } = await readCorpus([md], GAZETTEER, 300);
    expect(chunks.map((c) => [c.meta.title, c.meta.section, c.text])).toEqual([
      ['甲镇茶叶：稳中求进，再创佳绩', '示例专版', '甲镇茶园面积达到3万亩。'],
      ['甲镇茶叶：稳中求进，再创佳绩', '示例专版', '今年继续扩大规模。'],
    ]);
  });

  it('reads files in sorted path order and drops a chunk whose title and text an earlier file already gave', async () => {
    const first = join(dir, 'a-first.txt');
    const second = join(dir, 'b-second.txt');
    writeFileSync(first, PAGE);
    writeFileSync(second, PAGE);
    const { chunks, sources } = await readCorpus([second, first], GAZETTEER, 300);
    expect(sources).toEqual([first, second]);
    expect(chunks.length).toBe(37);
    expect(chunks.every((c) => c.meta.source === first)).toBe(true);
  });

  it('throws a CorpusError naming a missing file before reading anything', async () => {
    const missing = join(dir, 'missing.txt');
    await expect(readCorpus([PAGE_PATH, missing], GAZETTEER, 300)).rejects.toThrow(new CorpusError(`no such file or folder: ${missing}`));
  });

  it('takes the text of a document parsed before for the same bytes, and parses one whose bytes changed', async () => {
    const page = join(dir, 'reused.md');
    writeFileSync(page, pageAsMarkdown());
    const parsed = await parseDocument(readFileSync(page), 'reused.md');
    const parses: unknown[] = [];
    const count = (message: unknown) => parses.push(message);
    subscribe(DOCUMENT_PARSED, count);
    try {
      const reused = await readCorpus([page], GAZETTEER, 300, [parsed]);
      expect(parses).toEqual([]);
      expect(reused.chunks).toEqual((await readCorpus([page], GAZETTEER, 300)).chunks);
      expect(parses).toEqual([{ source: page, type: 'markdown' }]); // outside the working folder: named by its absolute path
      writeFileSync(page, `${pageAsMarkdown()}\n\n补充一段。`); // replaced after it was parsed: the old text is not used
      await readCorpus([page], GAZETTEER, 300, [parsed]);
      expect(parses).toHaveLength(2);
    } finally {
      unsubscribe(DOCUMENT_PARSED, count);
    }
  });
});
