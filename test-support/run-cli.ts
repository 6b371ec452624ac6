// Test support: runs one of the project's CLIs with `npx tsx` from the project root, as a user would.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { settingsSchema } from '../config.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export type Run = { code: number | null; stdout: string; stderr: string };

/** Runs `npx tsx <script> …args` with the caller's settings variables only (others from this process are dropped). */
export function runCli(script: string, args: string[], env: Record<string, string>): Promise<Run> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !(k in settingsSchema.shape)));
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', script, ...args], { cwd: ROOT, env: { ...base, LOG_LEVEL: 'silent', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
