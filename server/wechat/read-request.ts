// Raw inputs of a callback: query values decoded without '+'→space, and a size-capped UTF-8 body.
import { WechatRequestError } from './errors.js';

/**
 * Percent-decodes the query of `url`, keeping a literal '+' (base64 ciphertexts contain it).
 * The first occurrence of a name wins. Throws WechatRequestError on a broken escape.
 */
export function readQuery(url: string): ReadonlyMap<string, string> {
  const query = new Map<string, string>();
  const search = new URL(url).search.slice(1);
  for (const pair of search.split('&')) {
    if (pair === '') continue;
    const at = pair.indexOf('=');
    const [name, value] = at < 0 ? [pair, ''] : [pair.slice(0, at), pair.slice(at + 1)];
    try {
      const decoded = decodeURIComponent(name);
      if (!query.has(decoded)) query.set(decoded, decodeURIComponent(value));
    } catch (err) {
      throw new WechatRequestError('missing_parameter', 'query string is not decodable', { cause: err });
    }
  }
  return query;
}

/**
 * Reads the request body as UTF-8 text, at most `maxBytes` bytes (a leading BOM is dropped).
 * Throws WechatRequestError: 'body_too_large' (413) as soon as the cap is passed, 'malformed_body'
 * for invalid UTF-8.
 */
export async function readBodyText(request: Request, maxBytes: number): Promise<string> {
  const tooLarge = () => new WechatRequestError('body_too_large', `body exceeds ${maxBytes} bytes`);
  if (Number(request.headers.get('content-length') ?? 0) > maxBytes) throw tooLarge();
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    total += next.value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(next.value);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch (err) {
    throw new WechatRequestError('malformed_body', 'body is not UTF-8', { cause: err });
  }
}
