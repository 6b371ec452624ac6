// Requests Node's HTTP parser rejects: answered with the JSON error body and logged; a raw UTF-8 query is answered.
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import type { Logger } from './logger.js';

type Fetch = (request: Request, env: unknown) => Response | Promise<Response>;

/** Status, code and message for a parser error code (llhttp's HPE_*, Node's ERR_HTTP_*). */
export function describeParseError(code: string): { status: number; code: string; message: string } {
  if (code === 'HPE_HEADER_OVERFLOW') return { status: 431, code: 'headers_too_large', message: 'request headers are larger than 16 KB' };
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return { status: 408, code: 'request_timeout', message: 'the request was not received in time' };
  const reasons: Record<string, string> = {
    HPE_INVALID_CONTENT_LENGTH: 'invalid Content-Length header',
    HPE_UNEXPECTED_CONTENT_LENGTH: 'conflicting Content-Length headers',
    HPE_INVALID_TRANSFER_ENCODING: 'Transfer-Encoding cannot be combined with Content-Length',
    HPE_INVALID_METHOD: 'malformed request line (unknown method)',
    HPE_INVALID_URL: 'malformed request target (percent-encode non-ASCII characters)',
    HPE_INVALID_HEADER_TOKEN: 'malformed header',
  };
  return { status: 400, code: 'bad_request', message: reasons[code] ?? 'malformed HTTP request' };
}

/** A whole raw HTTP/1.x response with a JSON body; the connection closes after it. */
function rawResponse(status: number, headers: [string, string][], body: Buffer): Buffer {
  const kept = headers.filter(([k]) => !/^(content-length|connection|transfer-encoding|keep-alive)$/i.test(k));
  const head = [`HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? ''}`, ...kept.map(([k, v]) => `${k}: ${v}`), `content-length: ${body.length}`, 'connection: close'];
  return Buffer.concat([Buffer.from(`${head.join('\r\n')}\r\n\r\n`, 'latin1'), body]);
}
function headerPairs(headers: Headers): [string, string][] {
  const out: [string, string][] = [];
  headers.forEach((value, key) => out.push([key, value]));
  return out;
}
const STATUS_TEXT: Record<number, string> = { 200: 'OK', 400: 'Bad Request', 404: 'Not Found', 405: 'Method Not Allowed', 408: 'Request Timeout', 429: 'Too Many Requests', 431: 'Request Header Fields Too Large', 503: 'Service Unavailable' };

/**
 * A body-less GET/HEAD whose request target holds raw UTF-8 (as curl sends `?q=沁水蜂蜜`), as a
 * Request with the target percent-encoded; null when the packet is anything else.
 */
export function rescueRawUtf8(packet: Buffer): Request | null {
  const end = packet.indexOf('\r\n\r\n');
  if (end < 0 || end + 4 !== packet.length) return null;
  const [line, ...headerLines] = packet.subarray(0, end).toString('utf8').split('\r\n');
  const m = /^(GET|HEAD) (\/\S*) HTTP\/1\.[01]$/.exec(line ?? '');
  if (!m || !/[^\x00-\x7f]/.test(m[2]!)) return null;
  const headers = new Headers();
  for (const h of headerLines) {
    const colon = h.indexOf(':');
    if (colon <= 0) return null;
    headers.append(h.slice(0, colon).trim(), h.slice(colon + 1).trim());
  }
  if (headers.has('content-length') || headers.has('transfer-encoding')) return null;
  const host = /^[\w.-]+(:\d+)?$/.test(headers.get('host') ?? '') ? headers.get('host')! : 'localhost';
  return new Request(`http://${host}${encodeURI(m[2]!).replace(/%25([0-9A-Fa-f]{2})/g, '%$1')}`, { method: m[1], headers });
}

/**
 * Answers what the parser rejects instead of Node's empty 400: a raw UTF-8 GET goes through the app
 * (`fetch`); anything else gets {"error": {"code", "message"}} with 400, 408 or 431. Every case is logged.
 */
export function handleClientErrors(server: Server, fetch: Fetch, logger: Logger): void {
  server.on('clientError', (err: Error & { code?: string; rawPacket?: Buffer }, socket: Socket) => {
    const code = err.code ?? '';
    // A response already under way on this connection (pipelining) cannot be followed by another.
    const busy = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent;
    if (code === 'ECONNRESET' || !socket.writable || busy) return void socket.destroy();
    const remote = socket.remoteAddress ?? 'unknown';
    const rescued = code === 'HPE_INVALID_URL' && err.rawPacket ? rescueRawUtf8(err.rawPacket) : null;
    if (rescued) {
      logger.info('request with a raw UTF-8 target', { method: rescued.method, path: new URL(rescued.url).pathname, remote });
      void Promise.resolve(fetch(rescued, { incoming: { socket } }))
        .then(async (res) => socket.end(rawResponse(res.status, headerPairs(res.headers), Buffer.from(rescued.method === 'HEAD' ? new ArrayBuffer(0) : await res.arrayBuffer()))))
        .catch(() => socket.destroy());
      return;
    }
    const e = describeParseError(code);
    logger.warn('malformed request', { status: e.status, code: e.code, parserError: code, remote });
    const body = Buffer.from(JSON.stringify({ error: { code: e.code, message: e.message } }));
    socket.end(rawResponse(e.status, [['content-type', 'application/json; charset=utf-8']], body));
  });
}
