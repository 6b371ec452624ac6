// `npx tsx bench/ingest-trial.ts [--pairs 30] [--kills 10]`: pairs of real ingest processes on one index folder, and kill -9 mid-ingest; counts broken outcomes.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { settingsSchema } from '../config.js';
import { readPointer } from '../index/build-folders.js';
import { loadIndex } from '../index/index-store.js';
import { prng } from '../test-support/prng.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export type IngestRun = { pid: number; code: number | null; signal: string | null; stderr: string };
/** What an index folder holds after a trial: the sources of a loadable index, or why it is broken. */
export type FolderState = { sources: string[]; broken: string | null };

/** A small article page (title, body with numbers) whose chunks name `town`. */
export function articlePage(town: string, n: number): string {
  return [`${town}专版`, '', `${town}特产：一方水土富了一方百姓`, '', `${town}地处山区，种植面积达到${n}万亩。今年，${town}专业镇入选市级专业镇。`, '', `近年来，当地农户人均增收${n * 100}元。 王晓明`, ''].join('\n');
}

/** Starts `index/ingest-cli.ts` (through tsx) on INDEX_DIR `dir` with the hash embedder. */
export function startIngest(dir: string, args: string[], env: Record<string, string> = {}): { child: ChildProcess; done: Promise<IngestRun> } {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !(k in settingsSchema.shape)));
  const child = spawn(process.execPath, ['--import', 'tsx', 'index/ingest-cli.ts', ...args], { cwd: ROOT, env: { ...base, INDEX_DIR: dir, EMBEDDER: 'hash', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const done = new Promise<IngestRun>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ pid: child.pid!, code, signal, stderr }));
  });
  return { child, done };
}

/** The state of an index folder: loadable (its sources), and nothing left over (one build, no lock, no temp file). */
export function folderState(dir: string): FolderState {
  try {
    const index = loadIndex(dir, 50);
    const extra = readdirSync(dir).filter((e) => e !== 'CURRENT' && e !== readPointer(dir));
    if (index.chunks.length !== index.manifest.chunkCount) return { sources: [], broken: 'chunk count disagrees with the manifest' };
    return { sources: index.manifest.sources.map((s) => s.source).sort(), broken: extra.length ? `left over: ${extra.join(', ')}` : null };
  } catch (err) {
    return { sources: [], broken: err instanceof Error ? err.message : String(err) };
  }
}

/** A pair outcome is good when each run succeeded or failed on the lock, and the folder holds exactly the winners' files added. */
export function judgePair(before: string[], files: [string, string], runs: [IngestRun, IngestRun], after: FolderState): string | null {
  if (after.broken) return after.broken;
  for (const r of runs) {
    if (r.code !== 0 && !/^ingest failed: index folder .* is being written by another ingest: pid \d+/m.test(r.stderr)) return `pid ${r.pid} exited ${r.code}: ${r.stderr.trim()}`;
  }
  if (runs.every((r) => r.code !== 0)) return 'both ingests failed';
  const expected = [...new Set([...before, ...files.filter((_, i) => runs[i]!.code === 0)])].sort();
  return JSON.stringify(expected) === JSON.stringify(after.sources) ? null : `sources ${after.sources.join(', ')}, expected ${expected.join(', ')}`;
}

/** Runs two ingests of new files at once on `dir` (INDEX_LOCK_WAIT_MS `waitMs`); returns what broke, or null. */
export async function runPair(dir: string, files: [string, string], waitMs: number): Promise<{ problem: string | null; codes: (number | null)[] }> {
  const before = folderState(dir).sources;
  const env = { INDEX_LOCK_WAIT_MS: String(waitMs) };
  const runs = (await Promise.all(files.map((f) => startIngest(dir, [f], env).done))) as [IngestRun, IngestRun];
  return { problem: judgePair(before, files, runs, folderState(dir)), codes: runs.map((r) => r.code) };
}

/** Kills an ingest of `file` after `delayMs`, then checks the folder is old-or-new and the next ingest works and cleans up. */
export async function runKill(dir: string, file: string, delayMs: number): Promise<string | null> {
  const before = folderState(dir).sources;
  const { child, done } = startIngest(dir, [file]);
  setTimeout(() => child.kill('SIGKILL'), delayMs);
  await done;
  const killed = folderState(dir);
  const leftovers = killed.broken?.startsWith('left over') ?? false; // a killed writer leaves its lock or build: the next one cleans them
  if (killed.broken && !leftovers) return `after kill -9: ${killed.broken}`;
  const isOld = JSON.stringify(killed.sources) === JSON.stringify(before);
  const isNew = JSON.stringify(killed.sources) === JSON.stringify([...before, file].sort());
  if (!isOld && !isNew) return `after kill -9: sources ${killed.sources.join(', ')}`;
  const next = await startIngest(dir, [file]).done;
  if (next.code !== 0) return `ingest after kill -9 exited ${next.code}: ${next.stderr.trim()}`;
  const after = folderState(dir);
  return after.broken ?? null;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { pairs: { type: 'string', default: '30' }, kills: { type: 'string', default: '10' }, seed: { type: 'string', default: '1' } } });
  const random = prng(Number(values.seed));
  const dir = mkdtempSync(join(tmpdir(), 'jc-trial-index-'));
  const files = mkdtempSync(join(tmpdir(), 'jc-trial-files-'));
  const file = (name: string, n: number) => {
    const path = join(files, `${name}.txt`);
    writeFileSync(path, articlePage(name, n));
    return path;
  };
  try {
    const first = await startIngest(dir, []).done;
    if (first.code !== 0) throw new Error(`first ingest failed: ${first.stderr}`);
    const tally = { pairs: 0, broken: 0, bothSucceeded: 0, oneLocked: 0, kills: 0, killBroken: 0 };
    for (let i = 0; i < Number(values.pairs); i++) {
      const waitMs = i % 3 === 2 ? 120_000 : 0;
      const { problem, codes } = await runPair(dir, [file(`甲${i}镇`, i + 1), file(`乙${i}镇`, i + 2)], waitMs);
      tally.pairs++;
      if (problem) tally.broken++;
      if (codes.every((c) => c === 0)) tally.bothSucceeded++;
      else tally.oneLocked++;
      console.log(`pair ${i + 1} (${waitMs ? 'waiting' : 'fail-fast'}): exits ${codes.join('/')} ${problem ? `BROKEN: ${problem}` : 'ok'}`);
    }
    for (let i = 0; i < Number(values.kills); i++) {
      const delayMs = Math.round(300 + random() * 2500);
      const problem = await runKill(dir, file(`丙${i}镇`, i + 3), delayMs);
      tally.kills++;
      if (problem) tally.killBroken++;
      console.log(`kill -9 after ${delayMs} ms: ${problem ? `BROKEN: ${problem}` : 'ok'}`);
    }
    console.log(JSON.stringify(tally));
    if (tally.broken || tally.killBroken) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(files, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((err: unknown) => {
    console.error(`ingest trial failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
