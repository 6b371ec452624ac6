// Tests for parsePage: metadata of every article, chunk text and line ranges against the source, stable ids.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadGazetteer, type Gazetteer } from './gazetteer.js';
import { parsePage } from './parse-page.js';
import { chunkId } from './split-passages.js';
import { chunkSchema, type Chunk } from './types.js';

const PAGE_PATH = fileURLToPath(new URL('../data/articles/jincheng-specialty-towns-page1.txt', import.meta.url));
const PAGE = readFileSync(PAGE_PATH, 'utf8');
const GAZETTEER = loadGazetteer(fileURLToPath(new URL('../data/gazetteer.json', import.meta.url)));
const SOURCE = 'data/articles/jincheng-specialty-towns-page1.txt';

/**
 * Checks a chunk against the page it came from: its text occurs verbatim in the non-blank lines
 * lineStart..lineEnd joined (bylines and layout aside), starting inside lineStart and ending inside lineEnd.
 */
function expectChunkMatchesSource(page: string, chunk: Chunk): void {
  const lines = page.split(/\r?\n/);
  const kept: string[] = [];
  for (let n = chunk.lineStart; n <= chunk.lineEnd; n++) {
    const line = lines[n - 1]!.trim();
    if (line) kept.push(line);
  }
  const joined = kept.join('');
  const at = joined.indexOf(chunk.text);
  expect(at, `chunk ${chunk.id} at lines ${chunk.lineStart}-${chunk.lineEnd}`).toBeGreaterThanOrEqual(0);
  expect(at).toBeLessThan(kept[0]!.length);
  expect(at + chunk.text.length).toBeGreaterThan(joined.length - kept.at(-1)!.length);
}

const meta = (title: string, county: string, industry: string, author: string) => ({
  title,
  town: title.split('：')[0],
  county,
  industry,
  author,
  source: SOURCE,
  section: '山西省市级特色小镇(晋城)',
  openingMissing: false,
  titleAfterBody: false,
});

describe('parsePage on the bundled page', () => {
  const { articles, chunks } = parsePage(PAGE, SOURCE, GAZETTEER, 300);

  it('derives title, town, county, industry, author and source for all nine articles', () => {
    expect(articles).toEqual([
      meta('泽州精密铸造：“绿色+智造”引领产业升级', '泽州', '精密铸造', '陈云华'),
      meta('泽州山楂红酒：打造“泽州红”品牌优势', '泽州', '山楂红酒', '陈云华'),
      meta('高平潞绸：“多彩丝绸”编织“彩”色品牌', '高平', '潞绸', '陈云华'),
      meta('高平生猪：提振畜牧产业发展信心', '高平', '生猪', '陈云华'),
      meta('阳城陶瓷琉璃(珐华)：继往开来崭露峥嵘', '阳城', '陶瓷琉璃(珐华)', '张彩峰'),
      { ...meta('陵川中药材：“太行药乡”乘风而上', '陵川', '中药材', '张彩峰'), titleAfterBody: true },
      { ...meta('阳城蚕桑：铺就乡村振兴“新丝路”', '阳城', '蚕桑', '张彩峰'), openingMissing: true },
      meta('沁水黑山羊：品牌打造显成效', '沁水', '黑山羊', '张彩峰'),
      meta('沁水蜂蜜：舞出乡村振兴“甜蜜曲”', '沁水', '蜂蜜', '张彩峰'),
    ]);
  });

  it('cuts 37 chunks: one per paragraph, long paragraphs in sentence-aligned parts', () => {
    expect(chunks.map((c) => `${c.meta.town}#${c.paragraph}.${c.part}@${c.lineStart}-${c.lineEnd}`)).toEqual([
      '泽州精密铸造#0.0@9-9',
      '泽州精密铸造#1.0@11-11',
      '泽州精密铸造#2.0@13-17',
      '泽州精密铸造#3.0@19-19',
      '泽州山楂红酒#0.0@23-23',
      '泽州山楂红酒#1.0@25-25',
      '泽州山楂红酒#2.0@27-29',
      '泽州山楂红酒#3.0@31-31',
      '泽州山楂红酒#4.0@33-33',
      '高平潞绸#0.0@39-43',
      '高平潞绸#1.0@45-47',
      '高平潞绸#2.0@49-49',
      '高平潞绸#3.0@51-51',
      '高平生猪#0.0@57-57',
      '高平生猪#1.0@59-59',
      '高平生猪#2.0@61-67',
      '高平生猪#2.1@67-67',
      '高平生猪#3.0@69-69',
      '阳城陶瓷琉璃(珐华)#0.0@73-73',
      '阳城陶瓷琉璃(珐华)#1.0@75-77',
      '阳城陶瓷琉璃(珐华)#2.0@79-85',
      '陵川中药材#0.0@87-87',
      '陵川中药材#1.0@89-93',
      '陵川中药材#1.1@93-95',
      '陵川中药材#2.0@97-97',
      '阳城蚕桑#0.0@105-105',
      '阳城蚕桑#1.0@107-109',
      '阳城蚕桑#2.0@111-111',
      '阳城蚕桑#3.0@113-113',
      '沁水黑山羊#0.0@117-117',
      '沁水黑山羊#1.0@119-119',
      '沁水黑山羊#1.1@119-123',
      '沁水黑山羊#1.2@123-123',
      '沁水蜂蜜#0.0@129-129',
      '沁水蜂蜜#1.0@131-133',
      '沁水蜂蜜#1.1@133-133',
      '沁水蜂蜜#2.0@135-135',
    ]);
    for (const c of chunks) expect(chunkSchema.parse(c)).toEqual(c);
  });

  it('keeps every chunk within maxChars, and makes each of the 32 paragraphs one chunk when maxChars is large', () => {
    for (const c of chunks) expect(c.text.length).toBeLessThanOrEqual(300);
    expect(parsePage(PAGE, SOURCE, GAZETTEER, 5000).chunks.length).toBe(32);
  });

  it('takes each chunk verbatim from its recorded source lines', () => {
    for (const c of chunks) expectChunkMatchesSource(PAGE, c);
  });

  it('repairs the damaged sentences inside chunk text', () => {
    const all = chunks.map((c) => c.text).join('\n');
    for (const joined of ['丰富的煤炭资源', '节能降碳', '加快推进潞绸园', '基础设施建设', '融合发展示园', '中药材种植业', '深加工产品', '等地建立凯永养殖']) {
      expect(all).toContain(joined);
    }
  });

  it('starts the 阳城蚕桑 chunks with the surviving fragment of its lost opening', () => {
    const silkworm = chunks.filter((c) => c.meta.town === '阳城蚕桑');
    expect(silkworm[0]!.text).toBe('第一县”……阳城至今绿桑遍野，蚕作不断。');
    expect(silkworm.every((c) => c.meta.openingMissing)).toBe(true);
  });

  it('gives the 陵川 body, printed before its title, the 陵川中药材 metadata', () => {
    const first = chunks.find((c) => c.text.startsWith('陵川县是久负盛名'))!;
    expect(first.meta.title).toBe('陵川中药材：“太行药乡”乘风而上');
    expect(first.meta.titleAfterBody).toBe(true);
  });

  it('leaves the bylines 陈云华 and 张彩峰 out of every chunk text', () => {
    for (const c of chunks) {
      expect(c.text).not.toContain('陈云华');
      expect(c.text).not.toContain('张彩峰');
      expect(c.text).toBe(c.text.trim());
    }
  });

  it('gives unique ids derived from title and text, the same on every parse and for any source name', () => {
    const again = parsePage(PAGE, 'elsewhere/copy.txt', GAZETTEER, 300).chunks;
    expect(again.map((c) => c.id)).toEqual(chunks.map((c) => c.id));
    expect(new Set(chunks.map((c) => c.id)).size).toBe(37);
    for (const c of chunks) expect(c.id).toBe(chunkId(c.meta.title, c.text));
  });
});

describe('parsePage on a synthetic page in the same layout', () => {
  // Made-up city, counties, towns and authors: nothing here is in the code or the bundled data.
  const gazetteer: Gazetteer = {
    city: { name: '花溪市', short: '花溪', english: 'Huaxi' },
    counties: [
      { name: '云岭县', short: '云岭', english: 'Yunling' },
      { name: '石桥县', short: '石桥', english: 'Shiqiao' },
      { name: '河口区', short: '河口', english: 'Hekou' },
    ],
  };
  const page = [
    '',
    '花溪市特色产业专辑',
    '',
    '云岭茶叶：一片叶子富了一方百姓',
    '',
    '云岭县地处山区，茶园面积达到3万亩。今年，云岭茶叶专业镇入选首批市级专业镇。',
    '',
    '近年来，该县大力推广绿色种植技术，建成了标准化',
    '',
    '',
    '',
    '茶园示范基地，茶农人均增收2000元。 李明远',
    '',
    '石桥县是远近闻名的“竹编之乡”，从业人员多达800人。',
    '',
    '目前，石桥竹编产品远销海外。 赵小红 钱多多',
    '',
    '石桥竹编：巧手编出致富路',
    '',
    '',
    '河口蜜桔：甜蜜产业结硕果',
    '',
    '之乡”……河口至今橘林成片，果香四溢。',
    '',
    '今年，河口区蜜桔产量达到5万吨。 孙青',
    '',
  ].join('\n');
  const { articles, chunks } = parsePage(page, 'synthetic.txt', gazetteer, 300);
  const base = { source: 'synthetic.txt', section: '花溪市特色产业专辑', openingMissing: false, titleAfterBody: false };

  it('finds the section, the titles before and after their bodies, the bylines and the lost opening', () => {
    expect(articles).toEqual([
      { ...base, title: '云岭茶叶：一片叶子富了一方百姓', town: '云岭茶叶', county: '云岭', industry: '茶叶', author: '李明远' },
      {
        ...base,
        title: '石桥竹编：巧手编出致富路',
        town: '石桥竹编',
        county: '石桥',
        industry: '竹编',
        author: '赵小红 钱多多',
        titleAfterBody: true,
      },
      {
        ...base,
        title: '河口蜜桔：甜蜜产业结硕果',
        town: '河口蜜桔',
        county: '河口',
        industry: '蜜桔',
        author: '孙青',
        openingMissing: true,
      },
    ]);
  });

  it('joins the broken sentence and drops the bylines from the chunks', () => {
    expect(chunks.map((c) => [c.meta.town, c.paragraph, c.lineStart, c.lineEnd, c.text])).toEqual([
      ['云岭茶叶', 0, 6, 6, '云岭县地处山区，茶园面积达到3万亩。今年，云岭茶叶专业镇入选首批市级专业镇。'],
      ['云岭茶叶', 1, 8, 12, '近年来，该县大力推广绿色种植技术，建成了标准化茶园示范基地，茶农人均增收2000元。'],
      ['石桥竹编', 0, 14, 14, '石桥县是远近闻名的“竹编之乡”，从业人员多达800人。'],
      ['石桥竹编', 1, 16, 16, '目前，石桥竹编产品远销海外。'],
      ['河口蜜桔', 0, 23, 23, '之乡”……河口至今橘林成片，果香四溢。'],
      ['河口蜜桔', 1, 25, 25, '今年，河口区蜜桔产量达到5万吨。'],
    ]);
    for (const c of chunks) expectChunkMatchesSource(page, c);
  });

  it('parses the same page with CRLF line endings identically', () => {
    expect(parsePage(page.replace(/\n/g, '\r\n'), 'synthetic.txt', gazetteer, 300)).toEqual({ articles, chunks });
  });
});

describe('markdown pages', () => {
  it('treats "#" lines as headings (even with a comma), strips the marks, and leaves other # alone', () => {
    const md = '# 专版\n\n## 甲镇茶叶：稳中求进，再创佳绩\n\n甲镇茶叶种植面积达到1万亩，#号不是标题。 王五\n';
    const parsed = parsePage(md, 'page.md', GAZETTEER, 300, { markdown: true });
    expect(parsed.articles.map((a) => [a.title, a.section, a.author])).toEqual([['甲镇茶叶：稳中求进，再创佳绩', '专版', '王五']]);
    expect(parsed.chunks.map((c) => c.text)).toEqual(['甲镇茶叶种植面积达到1万亩，#号不是标题。']);
  });
});
