// Test support: a real nginx (Debian's) with a generated config, in a temp prefix folder on a free loopback port.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../bench/server-process.js';

/** A running nginx; `stop` ends it and removes its folder. */
export interface Nginx {
  port: number;
  url: string;
  stop: () => Promise<void>;
}

/**
 * The ```nginx block of docs/scale-out.md with its `listen` turned into 127.0.0.1:`port` and its
 * upstream servers (127.0.0.1:3001, :3002, …) into `upstreamPorts` (extra documented servers are dropped).
 */
export function recipeConfig(markdown: string, port: number, upstreamPorts: number[]): string {
  const block = /```nginx\n([\s\S]*?)```/.exec(markdown)?.[1];
  if (!block) throw new Error('no ```nginx block in the recipe');
  let n = 0;
  return block
    .replace(/listen\s+\d+;/, `listen 127.0.0.1:${port};`)
    .replace(/^(\s*)server 127\.0\.0\.1:\d+(.*)$/gm, (_line, indent: string, rest: string) =>
      n < upstreamPorts.length ? `${indent}server 127.0.0.1:${upstreamPorts[n++]}${rest}` : '',
    );
}

const canConnect = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

/** Starts nginx (one worker, no daemon) with `httpBlock(port)` inside `http {}`; everything it writes stays in its temp prefix. */
export async function startNginx(httpBlock: (port: number) => string): Promise<Nginx> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'jc-nginx-'));
  for (const sub of ['logs', 'tmp']) mkdirSync(join(dir, sub));
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `${t}_temp_path ${join(dir, 'tmp', t)};`).join('\n  ');
  const conf = [
    `worker_processes 1;`,
    `pid ${join(dir, 'nginx.pid')};`,
    `error_log ${join(dir, 'logs', 'error.log')} warn;`,
    process.getuid?.() === 0 ? 'user root;' : '',
    `events { worker_connections 1024; }`,
    `http {`,
    `  access_log off;`,
    `  ${temp}`,
    httpBlock(port),
    `}`,
  ].join('\n');
  writeFileSync(join(dir, 'nginx.conf'), conf);
  let child: ChildProcess;
  try {
    child = spawn(existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx', ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'logs', 'error.log'), '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (err) {
    throw new Error(`cannot run nginx (run scripts/setup.sh): ${String(err)}`);
  }
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise((r) => child.once('exit', r));
  for (let i = 0; !(await canConnect(port)); i++) {
    if (child.exitCode !== null || i > 200) {
      const log = readFileSync(join(dir, 'logs', 'error.log'), 'utf8');
      child.kill('SIGKILL');
      throw new Error(`nginx did not start: ${stderr} ${log}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGQUIT');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
