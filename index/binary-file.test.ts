// Tests for sectioned binary files: round trip, alignment, and what full and sampled verification catch.
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bytesOf, fileCheckOf, readSections, u32, writeSections } from './binary-file.js';
import { IndexCorruptError } from './errors.js';

const dir = mkdtempSync(join(tmpdir(), 'jc-binary-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeSections and readSections', () => {
  it('returns the sections written, each aligned for typed-array views', () => {
    const path = join(dir, 'a.bin');
    const numbers = Uint32Array.from([1, 2, 3, 0xffffffff]);
    const check = writeSections(path, 'TESTFILE', [Buffer.from('abc'), bytesOf(numbers), new Uint8Array(0)]);
    expect(check).toEqual(fileCheckOf(path));
    const [text, nums, empty] = readSections(path, 'TESTFILE', check, 'full');
    expect(text!.toString()).toBe('abc');
    expect(u32(nums!)).toEqual(numbers);
    expect(nums!.byteOffset % 8).toBe(0);
    expect(empty!.length).toBe(0);
  });

  it('refuses a file of another kind', () => {
    const path = join(dir, 'b.bin');
    const check = writeSections(path, 'TESTFILE', [Buffer.from('x')]);
    expect(() => readSections(path, 'OTHERONE', check, 'full')).toThrow(IndexCorruptError);
  });

  it('catches a truncated file in both modes and a same-size change only in full mode', () => {
    const path = join(dir, 'c.bin');
    const check = writeSections(path, 'TESTFILE', [Buffer.alloc(8 << 20, 1)]);
    const data = readFileSync(path);
    data[20_000] = 2; // between the first two sampled 4 KiB blocks (they are ~32 KiB apart)
    writeFileSync(path, data);
    expect(() => readSections(path, 'TESTFILE', check, 'full')).toThrow('checksum mismatch');
    expect(readSections(path, 'TESTFILE', check, 'sampled')[0]!.length).toBe(8 << 20);
    truncateSync(path, 1000);
    expect(() => readSections(path, 'TESTFILE', check, 'sampled')).toThrow(IndexCorruptError);
  });
});
