// Tests for sectioned binary files: round trip, alignment, and what full and sampled verification catch.
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bytesOf, fileCheckOf, readSections, readSectionsAsync, readVerifiedFile, u32, writeSections } from './binary-file.js';
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

describe('readSectionsAsync and readVerifiedFile (reads in the thread pool)', () => {
  it('return what readSections returns', async () => {
    const path = join(dir, 'd.bin');
    const check = writeSections(path, 'TESTFILE', [Buffer.from('abc'), Buffer.alloc(3 << 20, 7), new Uint8Array(0)]);
    const sync = readSections(path, 'TESTFILE', check, 'full');
    for (const mode of ['full', 'sampled'] as const) {
      const sections = await readSectionsAsync(path, 'TESTFILE', check, mode);
      expect(sections.map((s) => Buffer.from(s).toString('hex'))).toEqual(sync.map((s) => Buffer.from(s).toString('hex')));
      expect(sections[1]!.byteOffset % 8).toBe(0);
    }
    expect(await readVerifiedFile(path, check, 'full', false)).toBeNull();
    expect((await readVerifiedFile(path, check, 'full', true))!.equals(readFileSync(path))).toBe(true);
    await expect(readSectionsAsync(path, 'OTHERONE', check, 'full')).rejects.toThrow(IndexCorruptError);
  });

  it('catch a truncated file in both modes and a same-size change only in full mode', async () => {
    const path = join(dir, 'e.bin');
    const check = writeSections(path, 'TESTFILE', [Buffer.alloc(8 << 20, 1)]);
    const data = readFileSync(path);
    data[20_000] = 2;
    writeFileSync(path, data);
    await expect(readSectionsAsync(path, 'TESTFILE', check, 'full')).rejects.toThrow('checksum mismatch');
    await expect(readVerifiedFile(path, check, 'full', false)).rejects.toThrow('checksum mismatch');
    expect((await readSectionsAsync(path, 'TESTFILE', check, 'sampled'))[0]!.length).toBe(8 << 20);
    expect(await readVerifiedFile(path, check, 'sampled', false)).toBeNull();
    truncateSync(path, 1000);
    await expect(readSectionsAsync(path, 'TESTFILE', check, 'sampled')).rejects.toThrow(IndexCorruptError);
    await expect(readVerifiedFile(path, check, 'sampled', false)).rejects.toThrow(IndexCorruptError);
  });
});
