// Callback XML: safe parsing of a flat <xml> message into fields, and building passive replies with CDATA.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { WechatRequestError } from './errors.js';

const parser = new XMLParser({
  ignoreAttributes: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // No entity expansion at all (XXE / billion laughs); the five predefined entities are decoded below.
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  trimValues: true,
  cdataPropName: '#cdata',
  isArray: () => true,
});

const predefined: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(?:#x([0-9a-fA-F]+)|#(\d+)|(lt|gt|amp|quot|apos));/g, (whole, hex, dec, name) => {
    if (name) return predefined[name as string] ?? whole;
    const code = Number.parseInt((hex ?? dec) as string, hex ? 16 : 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

function malformed(reason: string, cause?: unknown): WechatRequestError {
  return new WechatRequestError('malformed_body', `malformed XML: ${reason}`, { cause });
}

/** Text of one leaf element as fast-xml-parser returns it (string, or CDATA sections). */
function leafText(node: unknown): string | undefined {
  if (typeof node === 'string') return decodeEntities(node);
  if (typeof node !== 'object' || node === null) return undefined;
  const parts = node as Record<string, unknown>;
  const cdata = parts['#cdata'];
  if (!Array.isArray(cdata) || Object.keys(parts).some((k) => k !== '#cdata' && k !== '#text')) return undefined;
  if (typeof parts['#text'] === 'string' && parts['#text'] !== '') throw malformed('text mixed with CDATA');
  return cdata.join('');
}

/**
 * Parses a callback body `<xml><Name>value</Name>…</xml>` into its top-level leaf fields.
 * Values may be CDATA or plain text; numbers stay strings (MsgId is 64-bit); nested elements
 * are skipped. Throws WechatRequestError: 'forbidden_markup' for DOCTYPE/ENTITY, 'malformed_body'
 * for anything not well-formed, a root other than a single <xml>, or a duplicated element.
 */
export function parseXmlFields(text: string): ReadonlyMap<string, string> {
  if (/<!(?:DOCTYPE|ENTITY)/i.test(text)) {
    throw new WechatRequestError('forbidden_markup', 'DOCTYPE and ENTITY declarations are not accepted');
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw malformed(valid.err.msg);
  let doc: unknown;
  try {
    doc = parser.parse(text);
  } catch (err) {
    throw malformed('unparseable', err);
  }
  const roots = (doc as Record<string, unknown>).xml;
  if (!Array.isArray(roots) || roots.length !== 1 || Object.keys(doc as object).length !== 1) {
    throw malformed('root must be a single <xml> element');
  }
  const root: unknown = roots[0];
  const fields = new Map<string, string>();
  if (typeof root !== 'object' || root === null) return fields;
  for (const [name, values] of Object.entries(root)) {
    if (!Array.isArray(values) || name === '#text') continue;
    if (values.length !== 1) throw malformed(`duplicate element <${name}>`);
    const value = leafText(values[0]);
    if (value !== undefined) fields.set(name, value);
  }
  return fields;
}

/** Wraps text in CDATA, splitting any `]]>` and dropping characters XML 1.0 cannot carry. */
function cdata(text: string): string {
  const clean = text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');
  return `<![CDATA[${clean.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

/** The passive text reply; `toUser` is the incoming FromUserName, `fromUser` the incoming ToUserName. */
export function buildTextReplyXml(reply: {
  toUser: string;
  fromUser: string;
  createTimeSec: number;
  content: string;
}): string {
  return (
    `<xml><ToUserName>${cdata(reply.toUser)}</ToUserName><FromUserName>${cdata(reply.fromUser)}</FromUserName>` +
    `<CreateTime>${reply.createTimeSec}</CreateTime><MsgType><![CDATA[text]]></MsgType>` +
    `<Content>${cdata(reply.content)}</Content></xml>`
  );
}

/** The encrypted reply envelope of safe/compatible mode and WeCom. */
export function buildEncryptedReplyXml(envelope: {
  encrypt: string;
  msgSignature: string;
  timestampSec: number;
  nonce: string;
}): string {
  return (
    `<xml><Encrypt>${cdata(envelope.encrypt)}</Encrypt><MsgSignature>${cdata(envelope.msgSignature)}</MsgSignature>` +
    `<TimeStamp>${envelope.timestampSec}</TimeStamp><Nonce>${cdata(envelope.nonce)}</Nonce></xml>`
  );
}
