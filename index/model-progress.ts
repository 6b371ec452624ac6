// Model download progress as a text bar: for the ingest CLI (redrawn in place) and the server log (every 10%).
import type { ModelProgress } from './transformers-embedder.js';

const BAR_WIDTH = 24;
const mb = (bytes: number) => (bytes / 1e6).toFixed(1);

/** "downloading onnx/model_quantized.onnx [#########---------------] 38% 9.1/24.0 MB", or null for reports that are not byte progress. */
export function renderProgressBar(p: ModelProgress): string | null {
  if (p.status !== 'progress' || p.progress === undefined || !p.file) return null;
  const percent = Math.max(0, Math.min(100, p.progress));
  const filled = Math.round((percent / 100) * BAR_WIDTH);
  const size = p.total ? ` ${mb(p.loaded ?? 0)}/${mb(p.total)} MB` : '';
  return `downloading ${p.file} [${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${Math.floor(percent)}%${size}`;
}

/**
 * A progress callback that passes each file's bar to `emit` when it has moved by `stepPercent` (and
 * at 100%): `stepPercent` 0 for a terminal redrawing one line, 10 for a log.
 */
export function progressReporter(emit: (line: string, done: boolean) => void, stepPercent: number): (p: ModelProgress) => void {
  const last = new Map<string, number>();
  return (p) => {
    const line = renderProgressBar(p);
    if (!line || !p.file) return;
    const percent = Math.floor(p.progress ?? 0);
    const before = last.get(p.file);
    const done = percent >= 100;
    if (before !== undefined && (percent - before < Math.max(stepPercent, 1) || before >= 100) && !(done && before < 100)) return;
    last.set(p.file, percent);
    emit(line, done);
  };
}
