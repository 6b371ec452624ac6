import { describe, expect, it } from 'vitest';
import { WechatRequestError } from './errors.js';
import { readBodyText, readQuery } from './read-request.js';

describe('readQuery', () => {
  it('decodes %2B and keeps a literal + instead of turning it into a space', () => {
    const q = readQuery('http://h/wecom?echostr=ab%2Bc+d%2F%3D%3D&timestamp=1409659589&nonce=1&nonce=2');
    expect(q.get('echostr')).toBe('ab+c+d/==');
    expect(q.get('timestamp')).toBe('1409659589');
    expect(q.get('nonce')).toBe('1');
  });

  it('rejects a broken percent escape', () => {
    expect(() => readQuery('http://h/?a=%E4%B8')).toThrow(WechatRequestError);
  });
});

describe('readBodyText', () => {
  const post = (body: BodyInit, headers: Record<string, string> = {}) =>
    new Request('http://h/', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

  it('reads UTF-8 text and drops a BOM', async () => {
    expect(await readBodyText(post('\uFEFF<xml>泽州</xml>'), 100)).toBe('<xml>泽州</xml>');
  });

  it('refuses a body over the cap, by header and by streamed size', async () => {
    await expect(readBodyText(post('x'.repeat(11)), 10)).rejects.toMatchObject({ code: 'body_too_large', status: 413 });
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new Uint8Array(8));
      },
    });
    await expect(readBodyText(post(stream), 64)).rejects.toMatchObject({ code: 'body_too_large' });
  });

  it('refuses invalid UTF-8', async () => {
    await expect(readBodyText(post(new Uint8Array([0x3c, 0xff, 0x3e])), 10)).rejects.toMatchObject({ code: 'malformed_body' });
  });
});
