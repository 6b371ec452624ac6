// Test support: real documents made the way users get them — a PDF printed by Chromium, a DOCX written by `docx`, a saved news page.
import { writeFileSync } from 'node:fs';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-background-networking'];

/** An article: a title and paragraphs; a paragraph of `PAGE_BREAK` starts a new printed page. */
export type TestArticle = { title: string; paragraphs: string[] };
export const PAGE_BREAK = '\f';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Prints an article to PDF with Debian's Chromium (A5 pages, Noto CJK fonts), as "Save as PDF" would. */
export async function printPdf(article: TestArticle, path: string): Promise<void> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    let breakNext = false;
    const body = article.paragraphs
      .map((p) => {
        if (p === PAGE_BREAK) return ((breakNext = true), '');
        const style = breakNext ? ' style="break-before: page"' : '';
        breakNext = false;
        return `<p${style}>${escape(p)}</p>`;
      })
      .join('');
    await page.setContent(
      `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>body { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", serif; font-size: 14px; line-height: 1.7 }</style></head>` +
        `<body><h1>${escape(article.title)}</h1>${body}</body></html>`,
    );
    writeFileSync(path, await page.pdf({ format: 'A5', margin: { top: '15mm', bottom: '15mm', left: '12mm', right: '12mm' } }));
  } finally {
    await browser.close();
  }
}

/** Writes an article as a Word document: the title in Heading 1, then body paragraphs. */
export async function writeDocx(article: TestArticle, path: string): Promise<void> {
  const doc = new Document({
    sections: [{ children: [new Paragraph({ text: article.title, heading: HeadingLevel.HEADING_1 }), ...article.paragraphs.map((p) => new Paragraph({ text: p }))] }],
  });
  writeFileSync(path, await Packer.toBuffer(doc));
}

/** A news site's saved page: the article inside a header with navigation, ad banners, a sidebar of links and a footer. */
export function savedNewsPage(article: TestArticle): string {
  const nav = ['首页', '时政', '经济', '专业镇', '图片', '视频', '旅游', '专题'].map((x) => `<li><a href="/${x}">${x}</a></li>`).join('');
  const ad = (id: string) => `<div class="ad" id="${id}"><a href="https://ads.example/buy">广告：晋城特产年货节，全场满200减50，点击立即抢购！</a></div>`;
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(article.title)} - 晋城新闻网</title>
<script>window.analytics = { track() {} };</script><style>.ad { background: #fe0 }</style></head>
<body>
<header><div class="logo">晋城新闻网</div><nav class="menu"><ul>${nav}</ul></nav><form class="search"><input name="q"><button>搜索</button></form></header>
${ad('ad-top')}
<div class="main"><div class="content"><article>
<h1>${escape(article.title)}</h1>
<div class="info">来源：晋城日报　编辑：王芳　2024-03-18 09:12</div>
${article.paragraphs.map((p) => `<p>${escape(p)}</p>`).join('\n')}
</article>
<div class="social-share">分享到：微信 微博 QQ空间</div></div>
<aside class="sidebar"><h3>热门文章</h3><ul><li><a href="/a1">高平潞绸走向世界</a></li><li><a href="/a2">阳城蚕桑铺就新丝路</a></li><li><a href="/a3">陵川中药材产业提质增效</a></li></ul>${ad('ad-side')}</aside></div>
<footer><p>版权所有 晋城新闻网　晋ICP备00000000号</p><p>关于我们 | 联系我们 | 网站地图</p></footer>
</body></html>`;
}

/** Three articles about towns the bundled corpus does not cover, one per format; each has a fact to ask about. */
export const SAMPLE_ARTICLES = {
  pdf: {
    title: '高平黄梨：千年古树结出致富果',
    paragraphs: [
      '高平市地处太行山南端，黄梨栽培历史悠久，境内至今保存着树龄数百年的古梨树。当地群众把黄梨当作传家宝，代代相传，精心管护。',
      '近年来，高平市把黄梨产业作为乡村振兴的重要抓手，成立了黄梨专业合作社，统一技术标准，统一品牌销售，黄梨品质不断提升。',
      PAGE_BREAK,
      '截至2023年底，高平黄梨种植面积达到1.8万亩，年产量4500万公斤，带动果农2600余户，户均增收8000元。',
      '下一步，高平市将建设黄梨冷链仓储中心，延伸梨膏、梨汁等深加工链条。',
    ],
  },
  docx: {
    title: '沁水核桃：山区群众的绿色银行',
    paragraphs: [
      '沁水县是全国核桃生产重点县，核桃栽植面积达到52万亩，挂果面积31万亩，年产核桃干果1.2万吨。',
      '县里推广核桃高接换优技术，建成核桃乳、核桃油加工企业6家，沁水核桃获得国家地理标志产品认证。',
    ],
  },
  html: {
    title: '泽州红薯：小红薯做成大产业',
    paragraphs: [
      '泽州县红薯种植面积稳定在3.5万亩，年加工红薯粉条2万吨，红薯产业综合产值达到6亿元。',
      '当地建成红薯育苗基地12个，培育了“泽州红”系列红薯粉条品牌，产品远销京津冀地区。',
      '红薯产业带动全县1.1万户农户增收，成为泽州县特色农业的一张名片。',
    ],
  },
} satisfies Record<string, TestArticle>;
