// Test support: a scripted OpenAI-compatible chat-completions server on a loopback port (JSON or SSE).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type LlmMessage = { role: string; content: string };
export type LlmRequest = { model: string; messages: LlmMessage[]; stream?: boolean; temperature?: number; authorization?: string };
/** What the fake answers: text (after an optional delay), or an HTTP error status. */
export type Reply = { text: string; delayMs?: number } | { status: number };
export type Script = (req: LlmRequest) => Reply;

export const CONDENSE_SYSTEM = 'Rewrite the follow-up question';

/** True for the condensing prompt's request (told apart from the answer prompt by its system text). */
export const isCondense = (req: LlmRequest) => req.messages[0]?.content.includes(CONDENSE_SYSTEM) ?? false;
/** The user message of a request. */
export const humanOf = (req: LlmRequest) => req.messages.find((m) => m.role === 'user')?.content ?? '';

/** Source n's text as the answer prompt shows it ("[n]《title》text"). */
export function sourceOf(req: LlmRequest, n: number): string {
  const sources = humanOf(req).replace(/^资料：\n/, '').replace(/\n\n问题：[\s\S]*$/, '');
  const block = sources.split(/\n\n(?=\[\d+\]《)/).find((b) => b.startsWith(`[${n}]《`));
  return block?.replace(/^\[\d+\]《[^》]*》/, '') ?? '';
}

/** Number of the first source whose text contains `needle` (0 when none). */
export function sourceWith(req: LlmRequest, needle: string): number {
  for (let n = 1; n <= 50; n++) if (sourceOf(req, n).includes(needle)) return n;
  return 0;
}

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  return Array.isArray(content) ? content.map((p: { text?: string }) => p.text ?? '').join('') : '';
}

/** Starts nothing until listen(); records every request; answers as the current script says. */
export function fakeLlm() {
  const received: LlmRequest[] = [];
  /** Replies sent in full, and requests whose client hung up before the reply was sent. */
  const counts = { completed: 0, aborted: 0 };
  const timers = new Set<NodeJS.Timeout>();
  let script: Script = () => ({ text: '' });
  const send = (req: LlmRequest, res: ServerResponse, text: string) => {
    const base = { id: 'chatcmpl-fake', created: 1, model: req.model };
    if (!req.stream) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ...base, object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }], usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } }));
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    const chunk = (delta: object, finish: string | null) => res.write(`data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`);
    chunk({ role: 'assistant', content: '' }, null);
    for (const piece of [...text].reduce<string[]>((out, ch, i) => (i % 5 ? (out[out.length - 1] += ch) : out.push(ch), out), [])) chunk({ content: piece }, null);
    chunk({}, 'stop');
    res.end('data: [DONE]\n\n');
  };
  const server: Server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: `no ${req.method} ${req.url}` } }));
      return;
    }
    let raw = '';
    for await (const part of req) raw += String(part);
    const json = JSON.parse(raw) as { model: string; messages: { role: string; content: unknown }[]; stream?: boolean; temperature?: number };
    const request: LlmRequest = { ...json, messages: json.messages.map((m) => ({ role: m.role, content: textOf(m.content) })), authorization: req.headers.authorization };
    received.push(request);
    res.once('close', () => (res.writableFinished ? counts.completed++ : counts.aborted++));
    const reply = script(request);
    if ('status' in reply) {
      res.writeHead(reply.status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'scripted failure', type: 'server_error' } }));
      return;
    }
    if (reply.delayMs) {
      await new Promise<void>((resolve) => {
        const t = setTimeout(() => (timers.delete(t), resolve()), reply.delayMs);
        timers.add(t);
      });
      if (res.destroyed || res.writableEnded) return;
    }
    send(request, res, reply.text);
  });
  return {
    received,
    counts,
    script: (s: Script) => {
      script = s;
    },
    listen: () => new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`))),
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
