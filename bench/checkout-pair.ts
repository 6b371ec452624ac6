// What the two-checkout benches share (paired-unique, interleaved-unique): their options, checked, and a child run read back.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';

/** Options of a two-checkout bench: the checkouts a and b, how many runs (named `count`), and unique questions per run. */
export type CheckoutPairArgs<K extends string> = { a: string; b: string; unique: number } & Record<K, number>;

/** `--a DIR --b DIR [--<count> N] [--unique N]`, checked; throws with `usage` on anything else. */
export function parseCheckoutPairArgs<K extends string>(argv: string[], usage: string, count: K, countDefault: number): CheckoutPairArgs<K> {
  const schema = z.object({
    a: z.string().min(1),
    b: z.string().min(1),
    [count]: z.coerce.number().int().min(1).max(50),
    unique: z.coerce.number().int().min(10).max(100_000),
  });
  const options = { a: { type: 'string' }, b: { type: 'string' }, [count]: { type: 'string', default: String(countDefault) }, unique: { type: 'string', default: '1000' } } as const;
  const { values } = parseArgs({ args: argv, options, strict: true, allowPositionals: false });
  const parsed = schema.safeParse(values);
  if (!parsed.success) throw new Error(`${parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ')}\n${usage}`);
  const data = parsed.data as unknown as CheckoutPairArgs<K>;
  for (const dir of [data.a, data.b]) if (!existsSync(join(dir, 'answer/index.ts'))) throw new Error(`${dir} is no checkout of this project (no answer/index.ts)\n${usage}`);
  return Object.assign(data, { a: resolve(data.a), b: resolve(data.b) });
}

/** Runs `script` (a TypeScript file, through tsx) in `cwd` and reads the JSON on its last stdout line; fails naming `label` with its stderr's end. */
export function childRun<T>(script: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, label: string): Promise<T> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => {
      try {
        if (code !== 0) throw new Error(`exited with ${code}`);
        done(JSON.parse(out.trim().split('\n').pop() ?? '') as T);
      } catch (e) {
        fail(new Error(`${label}: ${(e as Error).message}\n${err.slice(-2000)}`));
      }
    });
  });
}
