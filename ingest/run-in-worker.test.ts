// Tests for runInWorker: a parse in a real worker thread, its value, its errors, a thread that dies, moved buffers.
import { describe, expect, it } from 'vitest';
import { runInWorker } from './run-in-worker.js';

describe('runInWorker', () => {
  it('resolves with what the parse returns, computed in another thread from the moved bytes', async () => {
    const bytes = new TextEncoder().encode('高平黄梨');
    const parse = `async ({ bytes }) => ({ text: new TextDecoder().decode(bytes), main: require('node:worker_threads').isMainThread })`;
    expect(await runInWorker(parse, { bytes }, [bytes.buffer as ArrayBuffer])).toEqual({ text: '高平黄梨', main: false });
    expect(bytes.byteLength).toBe(0); // moved, not copied
  });

  it('rejects with the name and message the parse threw', async () => {
    const parse = `async () => { throw Object.assign(new Error('wrong password'), { name: 'PasswordException' }); }`;
    await expect(runInWorker(parse, {})).rejects.toMatchObject({ name: 'PasswordException', message: 'wrong password' });
  });

  it('rejects when the thread dies without an answer', async () => {
    await expect(runInWorker('async () => process.exit(3)', {})).rejects.toThrow("the parser's thread stopped without an answer (exit code 3)");
    await expect(runInWorker('not a function', {})).rejects.toThrow(SyntaxError);
  });
});
