import { describe, expect, it } from 'vitest';
import type { Citation } from '../../answer/types.js';
import { formatAnswerReply, truncateUtf8, utf8Bytes } from './format-reply.js';

function citation(n: number, title: string, snippet: string): Citation {
  return { n, chunkId: `c${n}`, title, town: '泽州', snippet, source: `a${n}.md`, line: 1 };
}

describe('truncateUtf8', () => {
  it('returns text that fits unchanged', () => {
    expect(truncateUtf8('泽州山楂', 12)).toBe('泽州山楂');
  });

  it('cuts Chinese text on a character boundary and adds an ellipsis within the cap', () => {
    // 5 chars × 3 bytes = 15; cap 10 leaves 7 bytes after the 3-byte ellipsis → 2 chars.
    expect(truncateUtf8('泽州山楂红', 10)).toBe('泽州…');
  });

  it('never splits a surrogate pair or an emoji sequence', () => {
    const text = 'ab😀👍🏽c';
    for (let max = 0; max <= utf8Bytes(text); max++) {
      const out = truncateUtf8(text, max);
      expect(utf8Bytes(out)).toBeLessThanOrEqual(max);
      expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
      expect(out.includes('\uD83C') && !out.includes('👍🏽')).toBe(false);
    }
  });
});

describe('formatAnswerReply', () => {
  it('puts the answer first and the sources as numbered lines in marker order', () => {
    const text = formatAnswerReply({
      answer: '高平生猪年出栏约100万头[2]，泽州山楂红酒远销各地[1]。',
      citations: [
        citation(2, '高平  生猪\n产业', '高平市生猪年出栏约100万头。'),
        citation(1, '泽州山楂红酒', '山楂红酒远销各地。'),
      ],
    });
    expect(text).toBe(
      '高平生猪年出栏约100万头[2]，泽州山楂红酒远销各地[1]。\n\n来源：\n' +
        '[1] 《泽州山楂红酒》山楂红酒远销各地。\n[2] 《高平 生猪 产业》高平市生猪年出栏约100万头。',
    );
  });

  it('trims long snippets to a short excerpt', () => {
    const text = formatAnswerReply({ answer: '答[1]', citations: [citation(1, '标题', '蜂'.repeat(100))] }, {});
    expect(text).toBe(`答[1]\n\n来源：\n[1] 《标题》${'蜂'.repeat(60)}…`);
  });

  it('gives up snippets, then trailing sources, before touching the answer', () => {
    const answer = '沁水蜂蜜'.repeat(100); // 1200 bytes; the header takes 12 and each title line 35 (+1)
    const citations = [1, 2, 3].map((n) => citation(n, `沁水蜂蜜产业报道${n}`, '蜜'.repeat(60)));
    const titles = formatAnswerReply({ answer, citations }, { maxBytes: 1319 });
    expect(titles).toBe(`${answer}\n\n来源：\n[1] 《沁水蜂蜜产业报道1》\n[2] 《沁水蜂蜜产业报道2》\n[3] 《沁水蜂蜜产业报道3》`);
    const fewer = formatAnswerReply({ answer, citations }, { maxBytes: 1260 });
    expect(fewer).toBe(`${answer}\n\n来源：\n[1] 《沁水蜂蜜产业报道1》`);
    const cut = formatAnswerReply({ answer, citations }, { maxBytes: 1000 });
    expect(utf8Bytes(cut)).toBeLessThanOrEqual(1000);
    expect(cut.endsWith('…')).toBe(true);
    expect(answer.startsWith(cut.slice(0, -1))).toBe(true);
  });

  it('stays within 2048 bytes by default for any answer length', () => {
    const text = formatAnswerReply({ answer: '阳城蚕桑😀'.repeat(1000), citations: [citation(1, 't', 's')] });
    expect(utf8Bytes(text)).toBeLessThanOrEqual(2048);
    expect(utf8Bytes(text)).toBeGreaterThan(2030);
  });
});
