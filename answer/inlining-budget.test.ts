// Tests for the inlining budget: V8 really inlines less into a hot function once it is set.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** A hot function calling twelve distinct callees of about 40 bytecode bytes each (about 480 in all: under V8's default budget, over ours). */
const CALLEES = Array.from({ length: 12 }, (_, k) => `function f${k}(x) { let s = ${k}; for (let i = 0; i < 3; i++) s += (x * i + ${k}) % 7; return s; }`);
const HOT = [...CALLEES, `function hot(x) { return ${CALLEES.map((_, k) => `f${k}(x)`).join(' + ')}; }`, 'let t = 0;', 'for (let i = 0; i < 2e5; i++) t += hot(i);', 'console.log(t);'].join('\n');

/** The most callees V8 inlined into one optimised function (`hot`, or the loop calling it), in a fresh process, with or without limitInlining first (compiling on the main thread, so the trace is complete at exit). */
function inlinedIntoHot(limit: boolean): number {
  const script = `${limit ? "const { limitInlining } = await import('./answer/inlining-budget.ts');\nlimitInlining();\nlimitInlining();\n" : ''}${HOT}`;
  // V8 writes its trace through C's buffered stdout: into a file it arrives whole, through a pipe its end may be lost at exit.
  const dir = mkdtempSync(join(tmpdir(), 'inlining-'));
  const out = openSync(join(dir, 'trace.txt'), 'w');
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--trace-turbo-inlining', '--no-concurrent-recompilation', '--input-type=module', '-e', script], { stdio: ['ignore', out, 'pipe'], encoding: 'utf8' });
  closeSync(out);
  const trace = readFileSync(join(dir, 'trace.txt'), 'utf8');
  rmSync(dir, { recursive: true, force: true });
  expect(run.status, run.stderr).toBe(0);
  // Per optimised function (named by its SharedFunctionInfo's address): how many of the callees f0…f11 went into it.
  const into = new Map<string, number>();
  for (const [, target] of trace.matchAll(/^Inlining \S+ \{\S+ <SharedFunctionInfo f\d+>\} into \S+ \{(\S+) /gm)) into.set(target!, (into.get(target!) ?? 0) + 1);
  return Math.max(0, ...into.values());
}

describe('limitInlining', () => {
  it('makes V8 inline fewer callees into a hot function than its default budget allows', () => {
    const byDefault = inlinedIntoHot(false);
    const limited = inlinedIntoHot(true);
    expect(byDefault).toBe(12);
    expect(limited).toBeGreaterThan(0);
    expect(limited).toBeLessThan(byDefault);
  });
});
