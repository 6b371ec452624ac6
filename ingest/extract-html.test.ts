// Tests for HTML to text: block structure, headings, whitespace as a browser shows it, the article picked from a page.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { domText, extractHtmlArticle } from './extract-html.js';

const text = (html: string) => domText(parseHTML(`<html><body>${html}</body></html>`).document.body as unknown as Parameters<typeof domText>[0]);

describe('domText', () => {
  it('puts each block and <br> line on its own line, headings as "#" lines, scripts and styles dropped', () => {
    expect(text('<h2>潞绸</h2><p>高平<b>潞绸</b>历史悠久。<br>远销海外。</p><ul><li>丝绸</li><li>服饰</li></ul><script>x()</script><style>p{}</style>')).toBe(
      '## 潞绸\n\n高平潞绸历史悠久。\n\n远销海外。\n\n丝绸\n\n服饰',
    );
  });

  it('drops a source line break between Chinese characters, keeps one space between Latin words and full-width spaces', () => {
    expect(text('<p>陵川县地处\n   太行山南端，\n是 the  Taihang\nMountains　山区</p>')).toBe('陵川县地处太行山南端，是 the Taihang Mountains　山区');
  });
});

describe('extractHtmlArticle', () => {
  it('drops navigation and footer, also from a page too short for Readability to call an article', () => {
    const page = '<html><head><title>短讯 - 网站</title></head><body><nav><a href="/">首页</a></nav><p>阳城蚕桑。</p><footer>版权所有</footer></body></html>';
    expect(extractHtmlArticle(page)).toBe('# 短讯 - 网站\n\n阳城蚕桑。');
  });
});
