// Tests for the model download progress bar and its throttling.
import { describe, expect, it } from 'vitest';
import { progressReporter, renderProgressBar } from './model-progress.js';

describe('renderProgressBar', () => {
  it('draws the file, a 24-cell bar, the percentage and the megabytes', () => {
    expect(renderProgressBar({ status: 'progress', file: 'onnx/model_quantized.onnx', progress: 37.9, loaded: 9_100_000, total: 24_000_000 })).toBe(
      'downloading onnx/model_quantized.onnx [#########---------------] 37% 9.1/24.0 MB',
    );
    expect(renderProgressBar({ status: 'progress', file: 'config.json', progress: 100 })).toBe(`downloading config.json [${'#'.repeat(24)}] 100%`);
  });

  it('ignores reports that are not byte progress', () => {
    expect(renderProgressBar({ status: 'initiate', file: 'config.json' })).toBeNull();
    expect(renderProgressBar({ status: 'ready' })).toBeNull();
  });
});

describe('progressReporter', () => {
  it('emits a file at every 10% step and once at 100% for a log', () => {
    const lines: [string, boolean][] = [];
    const report = progressReporter((line, done) => lines.push([line.replace(/ \[.*/, ''), done]), 10);
    for (const progress of [0, 3, 9, 10, 15, 20, 55, 99, 100, 100]) report({ status: 'progress', file: 'm.onnx', progress, loaded: 0, total: 1 });
    report({ status: 'done', file: 'm.onnx' });
    expect(lines.map(([, done]) => done)).toEqual([false, false, false, false, false, true]);
    expect(lines).toHaveLength(6); // 0, 10, 20, 55, 99, 100
  });

  it('emits every change for a terminal', () => {
    const lines: string[] = [];
    const report = progressReporter((line) => lines.push(line), 0);
    for (const progress of [1, 2, 2, 3]) report({ status: 'progress', file: 'a', progress });
    expect(lines).toHaveLength(3);
  });
});
