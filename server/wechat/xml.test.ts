import { describe, expect, it } from 'vitest';
import { WechatRequestError } from './errors.js';
import { buildEncryptedReplyXml, buildTextReplyXml, parseXmlFields } from './xml.js';

function rejection(text: string): string | undefined {
  try {
    parseXmlFields(text);
    return undefined;
  } catch (err) {
    return err instanceof WechatRequestError ? err.code : 'other';
  }
}

describe('parseXmlFields', () => {
  it('reads CDATA and bare values, keeping a 64-bit MsgId exact', () => {
    const fields = parseXmlFields(
      '<xml><ToUserName><![CDATA[gh_accountid]]></ToUserName><FromUserName><![CDATA[OPENID]]></FromUserName>\n' +
        '<CreateTime>1348831860</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[this is a test]]></Content>\n' +
        '<MsgId>9223372036854775807</MsgId></xml>',
    );
    expect(Object.fromEntries(fields)).toEqual({
      ToUserName: 'gh_accountid',
      FromUserName: 'OPENID',
      CreateTime: '1348831860',
      MsgType: 'text',
      Content: 'this is a test',
      MsgId: '9223372036854775807',
    });
  });

  it('accepts a newline after every element, an XML declaration and escaped plain text', () => {
    const fields = parseXmlFields(
      '<?xml version="1.0" encoding="UTF-8"?>\n<xml>\n<Content>a &lt;b&gt; &amp; &#x4e2d;&#25991;</Content>\n<C2><![CDATA[x]]]]><![CDATA[>y &amp;]]></C2>\n</xml>\n',
    );
    expect(fields.get('Content')).toBe('a <b> & 中文');
    expect(fields.get('C2')).toBe('x]]>y &amp;');
  });

  it('skips nested elements such as event sub-structures', () => {
    const fields = parseXmlFields('<xml><Event>x</Event><SendLocationInfo><Label>l</Label></SendLocationInfo></xml>');
    expect(Object.fromEntries(fields)).toEqual({ Event: 'x' });
  });

  it('rejects DOCTYPE and ENTITY declarations', () => {
    expect(rejection('<!DOCTYPE xml [<!ENTITY e SYSTEM "file:///etc/passwd">]><xml><A>&e;</A></xml>')).toBe(
      'forbidden_markup',
    );
    expect(rejection('<xml><!ENTITY a "b"><A>1</A></xml>')).toBe('forbidden_markup');
  });

  it('rejects malformed, mis-rooted and duplicated input', () => {
    for (const bad of [
      '<xml><A>1</A>',
      '<xml><A>1</B></xml>',
      'garbage',
      '',
      '<root><A>1</A></root>',
      '<xml><A>1</A></xml><xml/>',
      '<xml><MsgId>1</MsgId><MsgId>2</MsgId></xml>',
      '<xml><__proto__>1</__proto__></xml>',
    ]) {
      expect(rejection(bad), bad).toBe('malformed_body');
    }
  });
});

describe('reply builders', () => {
  it('builds the passive text reply with CDATA, splitting "]]>" in the content', () => {
    expect(buildTextReplyXml({ toUser: 'OPENID', fromUser: 'gh_a', createTimeSec: 1700000000, content: 'a]]>b\n' })).toBe(
      '<xml><ToUserName><![CDATA[OPENID]]></ToUserName><FromUserName><![CDATA[gh_a]]></FromUserName>' +
        '<CreateTime>1700000000</CreateTime><MsgType><![CDATA[text]]></MsgType>' +
        '<Content><![CDATA[a]]]]><![CDATA[>b\n]]></Content></xml>',
    );
  });

  it('drops characters that XML cannot carry and keeps astral ones', () => {
    const xml = buildTextReplyXml({ toUser: 'u', fromUser: 'g', createTimeSec: 1, content: 'a\u0000b\u0007😀\uFFFE' });
    expect(parseXmlFields(xml).get('Content')).toBe('ab😀');
  });

  it('builds the encrypted envelope in the documented element order', () => {
    expect(buildEncryptedReplyXml({ encrypt: 'QUJD', msgSignature: 'ab12', timestampSec: 1713424427, nonce: '415670741' })).toBe(
      '<xml><Encrypt><![CDATA[QUJD]]></Encrypt><MsgSignature><![CDATA[ab12]]></MsgSignature>' +
        '<TimeStamp>1713424427</TimeStamp><Nonce><![CDATA[415670741]]></Nonce></xml>',
    );
  });
});
