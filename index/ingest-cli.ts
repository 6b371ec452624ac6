// `npm run ingest [-- [--rebuild] [--embedder hash|transformers|auto] files…]`: build or extend the index.
import { parseArgs } from 'node:util';
import { loadSettings } from '../config.js';
import { progressReporter } from './model-progress.js';
import { updateIndex } from './update-index.js';

const USAGE = 'usage: npm run ingest -- [--rebuild] [--embedder auto|transformers|hash] [files or folders…]';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: { rebuild: { type: 'boolean', default: false }, embedder: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const settings = loadSettings({ ...process.env, ...(values.embedder ? { EMBEDDER: values.embedder } : {}) });
  const started = performance.now();
  const report = await updateIndex(settings, positionals, { rebuild: values.rebuild, warn: (m) => console.error(m), progress: downloadBar() });
  const m = report.manifest;
  console.log(
    `indexed ${m.chunkCount} chunks from ${m.sources.length} file(s) into ${settings.INDEX_DIR} ` +
      `(${report.added} added, ${report.removed} removed, ${report.kept} kept) ` +
      `with ${m.embedder.id} embedder ${m.embedder.model} [${m.embedder.dimension} dims] in ${Math.round(performance.now() - started)} ms`,
  );
}

main().catch((err: unknown) => {
  console.error(`ingest failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});

/** A model download bar on stderr: redrawn in place on a terminal, every 10% otherwise. */
function downloadBar() {
  const tty = process.stderr.isTTY;
  return progressReporter((line, done) => process.stderr.write(tty ? `\r${line}${done ? '\n' : ''}` : `${line}\n`), tty ? 0 : 10);
}
