// Tests for layout repair: sentence breaks joined, headings kept apart, bylines moved out, wording unchanged.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { stripSpace } from './normalize-text.js';
import { endsSentence, isHeadingLine, repairLayout, splitByline, type Block } from './repair-layout.js';

const PAGE = readFileSync(fileURLToPath(new URL('../data/articles/jincheng-specialty-towns-page1.txt', import.meta.url)), 'utf8');
const SOURCE_LINES = PAGE.split(/\r?\n/);

type Paragraph = Extract<Block, { kind: 'paragraph' }>;
const paragraphs = (blocks: Block[]): Paragraph[] => blocks.filter((b): b is Paragraph => b.kind === 'paragraph');

/** A compact picture of the layout: H<line> for a heading, P<lines joined>[/byline] for a paragraph. */
function layout(blocks: Block[]): string[] {
  return blocks.map((b) =>
    b.kind === 'heading' ? `H${b.line}` : `P${b.spans.map((s) => s.line).join('+')}${b.byline ? `/${b.byline}` : ''}`,
  );
}

describe('endsSentence', () => {
  it('is true after 。！？；… and after a closing quote that follows one', () => {
    expect(['发展。', '好！', '吗？', '项目；', '“山楂王。”', '蚕作不断……'].map(endsSentence)).toEqual([true, true, true, true, true, true]);
  });

  it('is false for a line broken mid-sentence or ending in a comma', () => {
    expect(['立足当地丰', '积极推进节', '年产值，', '2014年被列为', 'in English.'].map(endsSentence)).toEqual([false, false, false, false, false]);
  });
});

describe('isHeadingLine', () => {
  it('accepts short Han lines without sentence punctuation, including a colon and quotes', () => {
    expect(isHeadingLine('山西省市级特色小镇(晋城)')).toBe(true);
    expect(isHeadingLine('陵川中药材：“太行药乡”乘风而上')).toBe(true);
  });

  it('rejects lines with inner punctuation, sentence ends, too few Han characters or more than 40 characters', () => {
    expect(isHeadingLine('近年来，泽州县下村镇立足当地丰')).toBe(false);
    expect(isHeadingLine('今年，沁水黑山羊专业镇入选晋城首批市级专业镇。')).toBe(false);
    expect(isHeadingLine('GAP 5G')).toBe(false);
    expect(isHeadingLine('中'.repeat(41))).toBe(false);
    expect(isHeadingLine('中'.repeat(40))).toBe(true);
  });
});

describe('splitByline', () => {
  it('moves one trailing author name out of the line', () => {
    expect(splitByline('打造绿色智慧产业的创新典型和示范模板。 陈云华')).toEqual(['打造绿色智慧产业的创新典型和示范模板。', '陈云华']);
  });

  it('keeps up to three names, separated by single spaces, also after an ideographic space', () => {
    expect(splitByline('就业增收。\u3000王小明  李华')).toEqual(['就业增收。', '王小明 李华']);
  });

  it('leaves a line without a trailing name unchanged', () => {
    expect(splitByline('农民人均药材收入突破3000元。')).toEqual(['农民人均药材收入突破3000元。', '']);
    expect(splitByline('该县扩规提质 补链强链')).toEqual(['该县扩规提质 补链强链', '']);
  });
});

describe('repairLayout on a small page', () => {
  it('joins a sentence broken across blank lines and records where each line starts', () => {
    const blocks = repairLayout('标题行\n\n近年来，该县立足当地丰\n\n\n\n富的资源。\n');
    expect(blocks).toEqual([
      { kind: 'heading', text: '标题行', line: 1 },
      {
        kind: 'paragraph',
        text: '近年来，该县立足当地丰富的资源。',
        spans: [
          { line: 3, offset: 0 },
          { line: 7, offset: 11 },
        ],
        byline: '',
      },
    ]);
  });

  it('puts a space only between two Latin letters or digits joined across a break', () => {
    const [block] = repairLayout('今年，引进GAP\n\nbase技术，建成5G\n\n基站。');
    expect(block).toMatchObject({ kind: 'paragraph', text: '今年，引进GAP base技术，建成5G基站。' });
  });

  it('treats CRLF line endings like LF', () => {
    expect(repairLayout('标题行\r\n\r\n第一句断\r\n\r\n开了。 张三\r\n')).toEqual(repairLayout('标题行\n\n第一句断\n\n开了。 张三\n'));
  });

  it('returns no blocks for a page of blank lines', () => {
    expect(repairLayout('\n \n\u3000\n\t\n')).toEqual([]);
  });
});

describe('repairLayout on the bundled page', () => {
  const blocks = repairLayout(PAGE);

  it('yields the headings and paragraphs of the page, with bylines, in order', () => {
    expect(layout(blocks)).toEqual([
      'H5',
      'H7',
      'P9',
      'P11',
      'P13+15+17',
      'P19/陈云华',
      'H21',
      'P23',
      'P25',
      'P27+29',
      'P31',
      'P33/陈云华',
      'H37',
      'P39+41+43',
      'P45+47',
      'P49',
      'P51/陈云华',
      'H55',
      'P57',
      'P59',
      'P61+63+65+67',
      'P69/陈云华',
      'H71',
      'P73',
      'P75+77',
      'P79+83+85/张彩峰',
      'P87',
      'P89+91+93+95',
      'P97/张彩峰',
      'H99',
      'H103',
      'P105',
      'P107+109',
      'P111',
      'P113/张彩峰',
      'H115',
      'P117',
      'P119+123/张彩峰',
      'H127',
      'P129',
      'P131+133',
      'P135/张彩峰',
    ]);
  });

  it.each([
    ['丰', '富的煤炭资源', 13, 15],
    ['节', '能降碳', 15, 17],
    ['加快推', '进潞绸园', 41, 43],
    ['基础', '设施建设', 79, 83],
    ['融合发', '展示园', 107, 109],
    ['中', '药材种植业', 91, 93],
    ['深加工产', '品', 93, 95],
    ['等地建', '立凯永养殖', 63, 65],
  ])('joins %s / %s broken between lines %i and %i into one paragraph', (left, right, leftLine, rightLine) => {
    expect(SOURCE_LINES[leftLine - 1]!.trimEnd().endsWith(left)).toBe(true);
    expect(SOURCE_LINES[rightLine - 1]!.startsWith(right)).toBe(true);
    const holding = paragraphs(blocks).filter((p) => p.text.includes(left + right));
    expect(holding.length).toBeGreaterThan(0);
    const joinedHere = holding.find((p) => {
      const at = p.spans.findIndex((s) => s.line === rightLine);
      return at > 0 && p.spans[at - 1]!.line === leftLine && p.text.slice(p.spans[at]!.offset).startsWith(right);
    });
    expect(joinedHere).toBeDefined();
  });

  it('drops blank-line runs: no paragraph is empty or holds a line break', () => {
    for (const p of paragraphs(blocks)) {
      expect(p.text.length).toBeGreaterThan(0);
      expect(p.text).not.toMatch(/[\r\n]/);
      expect(p.text).toBe(p.text.trim());
    }
  });

  it('records each source line at its offset: the line text starts there, verbatim', () => {
    for (const p of paragraphs(blocks)) {
      p.spans.forEach((span, i) => {
        const end = i + 1 < p.spans.length ? p.spans[i + 1]!.offset : p.text.length;
        const [lineText] = splitByline(SOURCE_LINES[span.line - 1]!.trim());
        expect(p.text.slice(span.offset, end)).toBe(lineText);
      });
    }
  });

  it('moves the bylines 陈云华 and 张彩峰 out of the paragraph text', () => {
    const bylines = paragraphs(blocks).filter((p) => p.byline).map((p) => p.byline);
    expect(bylines).toEqual(['陈云华', '陈云华', '陈云华', '陈云华', '张彩峰', '张彩峰', '张彩峰', '张彩峰', '张彩峰']);
    for (const p of paragraphs(blocks)) {
      expect(p.text).not.toContain('陈云华');
      expect(p.text).not.toContain('张彩峰');
    }
  });

  it('changes no wording: headings, paragraphs and bylines in order spell the page without its whitespace', () => {
    const text = blocks.map((b) => (b.kind === 'heading' ? b.text : b.text + b.byline)).join('');
    expect(stripSpace(text)).toBe(stripSpace(PAGE));
  });
});

describe('repairLayout of structured text (HTML, Word)', () => {
  it('takes only "#" lines as headings and ends a paragraph at a blank line', () => {
    const blocks = repairLayout('# 泽州红薯：小红薯做成大产业\n\n来源：晋城日报 2024-03-18\n\n红薯产业综合产值达到6亿元\n\n当地建成育苗基地。', { markdown: true, structured: true });
    expect(blocks.map((b) => [b.kind, b.text])).toEqual([
      ['heading', '泽州红薯：小红薯做成大产业'],
      ['paragraph', '来源：晋城日报 2024-03-18'],
      ['paragraph', '红薯产业综合产值达到6亿元'],
      ['paragraph', '当地建成育苗基地。'],
    ]);
  });
});
