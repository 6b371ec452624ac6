// Tests for grouping blocks into articles: titles before or after the body, sections, bylines, lost openings.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { groupArticles, startsMidSentence } from './group-articles.js';
import { repairLayout, type Block } from './repair-layout.js';

const PAGE = readFileSync(fileURLToPath(new URL('../data/articles/jincheng-specialty-towns-page1.txt', import.meta.url)), 'utf8');

const heading = (text: string, line: number): Block => ({ kind: 'heading', text, line });
const para = (text: string, line: number, byline = ''): Block => ({ kind: 'paragraph', text, spans: [{ line, offset: 0 }], byline });

describe('startsMidSentence', () => {
  it('is true for text that opens with closing punctuation', () => {
    expect(['，带动了农户。', '。此后', '”的美誉。', '）等地。', '……阳城至今绿桑遍野。'].map(startsMidSentence)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
  });

  it('is true for text that closes a quote it never opened', () => {
    expect(startsMidSentence('第一县”……阳城至今绿桑遍野，蚕作不断。')).toBe(true);
    expect(startsMidSentence('之乡”，至今仍有“老字号”。')).toBe(true);
  });

  it('is false for a normal opening, with or without balanced quotes', () => {
    expect(startsMidSentence('高平是闻名全国的“生猪之乡”，连续12年被确定为“全国生猪调出大县”。')).toBe(false);
    expect(startsMidSentence('今年，沁水黑山羊专业镇入选晋城首批市级专业镇。')).toBe(false);
  });
});

describe('groupArticles rules', () => {
  it('takes a heading followed by another heading at the top of the page as the section', () => {
    const articles = groupArticles([heading('专版', 1), heading('甲镇：题目', 2), para('正文。', 3, '张三')]);
    expect(articles).toEqual([
      {
        title: '甲镇：题目',
        titleLine: 2,
        section: '专版',
        paragraphs: [para('正文。', 3, '张三')],
        author: '张三',
        titleAfterBody: false,
        openingMissing: false,
      },
    ]);
  });

  it('gives the title printed after a closed untitled body to that body', () => {
    const articles = groupArticles([
      heading('甲镇：题目', 1),
      para('甲的正文。', 2, '张三'),
      para('乙的正文。', 3, '李四'),
      heading('乙镇：题目', 4),
      heading('丙镇：题目', 5),
      para('丙的正文。', 6, '王五'),
    ]);
    expect(articles.map((a) => [a.title, a.titleLine, a.author, a.titleAfterBody, a.paragraphs.map((p) => p.text)])).toEqual([
      ['甲镇：题目', 1, '张三', false, ['甲的正文。']],
      ['乙镇：题目', 4, '李四', true, ['乙的正文。']],
      ['丙镇：题目', 5, '王五', false, ['丙的正文。']],
    ]);
  });

  it('gives a title at the very end of the page to the closed untitled body before it', () => {
    const articles = groupArticles([para('正文。', 1, '张三'), heading('甲镇：题目', 2)]);
    expect(articles.map((a) => [a.title, a.titleAfterBody, a.section])).toEqual([['甲镇：题目', true, '']]);
  });

  it('keeps paragraphs in one article until a byline closes it', () => {
    const articles = groupArticles([heading('甲镇：题目', 1), para('一。', 2), para('二。', 3), para('三。', 4, '张三'), para('四。', 5)]);
    expect(articles.map((a) => a.paragraphs.map((p) => p.text))).toEqual([['一。', '二。', '三。'], ['四。']]);
    expect(articles.map((a) => a.title)).toEqual(['甲镇：题目', '']);
  });

  it('marks an article whose first paragraph starts mid-sentence as missing its opening', () => {
    const articles = groupArticles([heading('甲镇：题目', 1), para('之乡”……至今如此。', 2), para('后来。', 3, '张三')]);
    expect(articles[0]!.openingMissing).toBe(true);
  });
});

describe('groupArticles on the bundled page', () => {
  const articles = groupArticles(repairLayout(PAGE));

  it('finds the nine articles under the page section, in page order', () => {
    expect(articles.map((a) => [a.title, a.section])).toEqual(
      [
        '泽州精密铸造：“绿色+智造”引领产业升级',
        '泽州山楂红酒：打造“泽州红”品牌优势',
        '高平潞绸：“多彩丝绸”编织“彩”色品牌',
        '高平生猪：提振畜牧产业发展信心',
        '阳城陶瓷琉璃(珐华)：继往开来崭露峥嵘',
        '陵川中药材：“太行药乡”乘风而上',
        '阳城蚕桑：铺就乡村振兴“新丝路”',
        '沁水黑山羊：品牌打造显成效',
        '沁水蜂蜜：舞出乡村振兴“甜蜜曲”',
      ].map((t) => [t, '山西省市级特色小镇(晋城)']),
    );
  });

  it('gives 陵川中药材, printed after its body, to the article starting 陵川县是久负盛名', () => {
    const lingchuan = articles[5]!;
    expect(lingchuan.title).toBe('陵川中药材：“太行药乡”乘风而上');
    expect(lingchuan.titleLine).toBe(99);
    expect(lingchuan.titleAfterBody).toBe(true);
    expect(lingchuan.paragraphs[0]!.text.startsWith('陵川县是久负盛名')).toBe(true);
    expect(lingchuan.paragraphs.map((p) => p.spans[0]!.line)).toEqual([87, 89, 97]);
    expect(lingchuan.author).toBe('张彩峰');
  });

  it('ends the 阳城陶瓷琉璃 article at its byline, before the 陵川 body', () => {
    const ceramics = articles[4]!;
    expect(ceramics.paragraphs.map((p) => p.spans[0]!.line)).toEqual([73, 75, 79]);
    expect(ceramics.paragraphs.at(-1)!.text.endsWith('构建起了完善的创新生态闭环。')).toBe(true);
  });

  it('marks 阳城蚕桑 as missing its opening, its first paragraph being the surviving fragment', () => {
    const silkworm = articles[6]!;
    expect(silkworm.title).toBe('阳城蚕桑：铺就乡村振兴“新丝路”');
    expect(silkworm.openingMissing).toBe(true);
    expect(silkworm.paragraphs[0]!.text).toBe('第一县”……阳城至今绿桑遍野，蚕作不断。');
    expect(articles.filter((a) => a.openingMissing).map((a) => a.title)).toEqual([silkworm.title]);
  });

  it('records every article author from its byline', () => {
    expect(articles.map((a) => a.author)).toEqual([
      '陈云华',
      '陈云华',
      '陈云华',
      '陈云华',
      '张彩峰',
      '张彩峰',
      '张彩峰',
      '张彩峰',
      '张彩峰',
    ]);
    expect(articles.filter((a) => a.titleAfterBody).length).toBe(1);
  });
});
