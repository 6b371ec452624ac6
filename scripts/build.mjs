// `npm run build [-- --outdir DIR] [--if-stale]`: bundles the server and the CLIs into plain JS (esbuild).
//
// Why: `npm start` under tsx spent ~1.2 s of a ~1.9 s cold start transpiling TypeScript and resolving
// a few hundred ESM files one by one. One bundle per entry (shared chunks, the LLM client split off
// for on-demand loading) starts in ~0.6 s. Native packages (hnswlib-node, @node-rs/jieba, better-sqlite3), pg and
// @xenova/transformers (onnxruntime, sharp; loaded on demand) stay in node_modules. The sources
// stay the truth: tests and `npm run dev` run them through tsx. The CLIs (ingest, ask, eval) are
// bundled too, so that a one-off question does not pay the transpiling either.
//
// --if-stale skips the build when DIR/meta.json says every input is older than the build.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// index/build-worker.ts is the module of the server's index build thread (index/build-thread.ts loads it).
const ENTRIES = ['server/start.ts', 'server/cluster.ts', 'index/ingest-cli.ts', 'answer/cli.ts', 'eval/cli.ts', 'eval/feedback-cli.ts', 'index/build-worker.ts'];
// pdfjs-dist loads its worker and font data from its own folder at run time: it stays in node_modules.
const EXTERNAL = ['hnswlib-node', '@node-rs/jieba', '@xenova/transformers', 'better-sqlite3', 'pg', 'pdfjs-dist'];

/** True when the build in `outdir` is newer than every input it recorded (and than package-lock.json). */
export function isFresh(outdir) {
  const metaFile = join(outdir, 'meta.json');
  if (!existsSync(metaFile)) return false;
  const built = statSync(metaFile).mtimeMs;
  const { inputs } = JSON.parse(readFileSync(metaFile, 'utf8'));
  if (!Array.isArray(inputs)) return false; // written by another version of this script
  const files = [...inputs, 'package-lock.json', 'scripts/build.mjs'];
  return files.every((f) => existsSync(join(ROOT, f)) && statSync(join(ROOT, f)).mtimeMs < built);
}

/** Bundles the entries into `outdir` (DIR/server/start.mjs, DIR/answer/cli.mjs, …, DIR/chunks/) with the widget assets. */
export async function buildBundles(outdir) {
  const started = performance.now();
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: ENTRIES,
    outdir,
    outbase: '.',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: EXTERNAL,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    sourcemap: true,
    sourcesContent: false,
    metafile: true,
    logLevel: 'warning',
    // CommonJS packages inside an ESM bundle call require(): give them one.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
  // server/app.ts serves the widget from ./public next to the module that holds it (server/start.mjs).
  cpSync(join(ROOT, 'server/public'), join(outdir, 'server/public'), { recursive: true });
  // Our own sources (the entries among them); dependencies are covered by package-lock.json.
  const inputs = Object.keys(result.metafile.inputs).filter((f) => !f.includes('node_modules/'));
  writeFileSync(join(outdir, 'meta.json'), JSON.stringify({ inputs }));
  return Math.round(performance.now() - started);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  let values;
  try {
    ({ values } = parseArgs({ options: { outdir: { type: 'string', default: 'dist' }, 'if-stale': { type: 'boolean', default: false } } }));
  } catch (err) {
    console.error(`build: ${err.message}\nusage: npm run build -- [--outdir DIR] [--if-stale]`);
    process.exit(2);
  }
  const outdir = resolve(ROOT, values.outdir);
  if (values['if-stale'] && isFresh(outdir)) process.exit(0);
  try {
    const ms = await buildBundles(outdir);
    console.error(`built ${relative(ROOT, outdir)}/ (${ENTRIES.map((e) => e.replace(/\.ts$/, '.mjs')).join(', ')}) in ${ms} ms`);
  } catch (err) {
    console.error(`build failed: ${err.message}`);
    process.exit(1);
  }
}
