// Raw-socket tests: what Node's HTTP parser rejects gets the JSON error body (and a log line); raw UTF-8 GETs are answered.
import { serve, type ServerType } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnswerService } from '../answer/index.js';
import { buildTestIndex } from '../test-support/test-index.js';
import { createApp } from './app.js';
import { describeParseError, handleClientErrors, rescueRawUtf8 } from './client-errors.js';
import { createLogger } from './logger.js';

let server: ServerType;
let port = 0;
const logs: Record<string, unknown>[] = [];

beforeAll(async () => {
  const { settings, searcher } = await buildTestIndex();
  const app = createApp({ settings, logger: createLogger('silent'), holder: { service: createAnswerService(searcher, settings) } });
  server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  handleClientErrors(server as Server, app.fetch, createLogger('info', (l) => logs.push(JSON.parse(l) as Record<string, unknown>)));
  if (!server.listening) await new Promise((resolve) => server.once('listening', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Sends exactly `bytes` on a fresh connection and resolves with everything the server wrote before closing. */
function exchange(bytes: Buffer | string): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes));
    const chunks: Buffer[] = [];
    socket.on('data', (b) => chunks.push(b));
    socket.on('error', reject);
    socket.on('close', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const [head = '', body = ''] = raw.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body });
    });
  });
}

const utf8Get = (target: string) => Buffer.from(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: curl/8\r\n\r\n`, 'utf8');

describe('requests the HTTP parser rejects', () => {
  it.each([
    ['a bad Content-Length', 'POST /api/chat HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: abc\r\n\r\n{}', 400, 'invalid Content-Length header'],
    ['Content-Length and Transfer-Encoding', 'POST /api/chat HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n{}', 400, 'Transfer-Encoding cannot be combined with Content-Length'],
    ['two Content-Lengths', 'POST /api/chat HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n{}', 400, 'conflicting Content-Length headers'],
    ['a garbage request line', 'GARBAGE\r\n\r\n', 400, 'malformed request line (unknown method)'],
    ['headers over 16 KB', `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(17_000)}\r\n\r\n`, 431, 'request headers are larger than 16 KB'],
  ])('answers %s with the JSON error body and logs it', async (_, bytes, status, message) => {
    const before = logs.length;
    const res = await exchange(bytes);
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers.connection).toBe('close');
    expect(JSON.parse(res.body)).toEqual({ error: { code: status === 431 ? 'headers_too_large' : 'bad_request', message } });
    expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(res.body));
    expect(logs.slice(before)).toEqual([expect.objectContaining({ level: 'warn', message: 'malformed request', status, remote: '127.0.0.1' })]);
  });

  it('answers GET /api/search?q=沁水蜂蜜 sent as raw UTF-8 (as curl sends it) like the percent-encoded request', async () => {
    const raw = await exchange(utf8Get('/api/search?q=沁水蜂蜜&k=2'));
    expect(raw.status).toBe(200);
    expect(raw.headers['content-type']).toMatch(/^application\/json/);
    const body = JSON.parse(raw.body) as { query: string; hits: { town: string }[] };
    const encoded = (await (await fetch(`http://127.0.0.1:${port}/api/search?q=${encodeURIComponent('沁水蜂蜜')}&k=2`)).json()) as typeof body;
    expect(body).toEqual(encoded);
    expect(body.query).toBe('沁水蜂蜜');
    expect(body.hits[0]!.town).toBe('沁水蜂蜜');
    expect(logs.at(-1)).toMatchObject({ level: 'info', message: 'request with a raw UTF-8 target', path: '/api/search' });
  });

  it('gives a raw UTF-8 target the app\'s own errors (404 JSON, 400 for an empty q)', async () => {
    expect(JSON.parse((await exchange(utf8Get('/不存在'))).body)).toEqual({ error: { code: 'not_found', message: 'no route for GET /不存在' } });
    const empty = await exchange(utf8Get('/api/search?q=&x=蜂'));
    expect(empty.status).toBe(400);
    expect(JSON.parse(empty.body).error.code).toBe('invalid_request');
  });
});

describe('rescueRawUtf8', () => {
  it('percent-encodes the target of a body-less GET, keeping existing escapes', () => {
    expect(rescueRawUtf8(utf8Get('/api/search?q=蜂蜜%20产量'))!.url).toBe('http://127.0.0.1/api/search?q=%E8%9C%82%E8%9C%9C%20%E4%BA%A7%E9%87%8F');
  });

  it('leaves POSTs, bodies, ASCII targets and incomplete headers to the error reply', () => {
    expect(rescueRawUtf8(Buffer.from('POST /蜂 HTTP/1.1\r\nHost: x\r\n\r\n'))).toBeNull();
    expect(rescueRawUtf8(Buffer.from('GET /蜂 HTTP/1.1\r\nContent-Length: 2\r\n\r\n'))).toBeNull();
    expect(rescueRawUtf8(Buffer.from('GET /%20 HTTP/1.1\r\nHost: x\r\n\r\n'))).toBeNull();
    expect(rescueRawUtf8(Buffer.from('GET /蜂 HTTP/1.1\r\nHost: x\r\n'))).toBeNull();
  });
});

describe('describeParseError', () => {
  it('maps timeouts to 408 and unknown parser errors to a generic 400', () => {
    expect(describeParseError('ERR_HTTP_REQUEST_TIMEOUT').status).toBe(408);
    expect(describeParseError('HPE_SOMETHING_NEW')).toEqual({ status: 400, code: 'bad_request', message: 'malformed HTTP request' });
  });
});
