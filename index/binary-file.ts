// Binary index files: a magic tag, then length-prefixed sections aligned to 8 bytes; checksummed as written.
import { createHash, type Hash } from 'node:crypto';
import { closeSync, fstatSync, fsyncSync, openSync, readSync, statSync, writeSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { IndexCorruptError } from './errors.js';

/** How a file is checked on load: every byte (sha256), or its size and a sampled hash. */
export type VerifyMode = 'full' | 'sampled';
/** What the manifest records about a file. */
export type FileCheck = { bytes: number; sha256: string; sampleSha256?: string };

const ALIGN = 8;
const IO_BLOCK = 64 << 20;
const SAMPLE_BLOCK = 4096;
const SAMPLE_COUNT = 256;
/** Block of the reads that must not hold the event loop: each is a thread-pool job, and hashing one takes a few ms. */
const ASYNC_BLOCK = 1 << 20;

const padding = (n: number) => (ALIGN - (n % ALIGN)) % ALIGN;

/**
 * Writes `sections` after an 8-byte `magic` tag (each as a u64 length, the bytes, zero padding to
 * 8), hashing as it writes, then fsyncs. Returns the file's size and checksums.
 */
export function writeSections(path: string, magic: string, sections: Uint8Array[]): FileCheck {
  if (Buffer.byteLength(magic) !== ALIGN) throw new Error(`magic tag must be ${ALIGN} bytes`);
  const fd = openSync(path, 'w');
  const hash = createHash('sha256');
  let bytes = 0;
  const put = (data: Uint8Array) => {
    for (let at = 0; at < data.length; ) at += writeSync(fd, data, at, Math.min(IO_BLOCK, data.length - at));
    hash.update(data);
    bytes += data.length;
  };
  try {
    put(Buffer.from(magic));
    for (const s of sections) {
      const head = Buffer.alloc(8);
      head.writeBigUInt64LE(BigInt(s.length));
      put(head);
      put(s);
      put(Buffer.alloc(padding(s.length)));
    }
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return { bytes, sha256: hash.digest('hex'), sampleSha256: sampledSha256(path) };
}

/** The manifest entry of a file written by other code (size, full and sampled sha256). */
export function fileCheckOf(path: string): FileCheck {
  return { bytes: statSync(path).size, sha256: streamedSha256(path), sampleSha256: sampledSha256(path) };
}

/** sha256 of a file read in blocks (works past the 2 GiB limit of readFileSync). */
function streamedSha256(path: string): string {
  const hash = createHash('sha256');
  readBlocks(path, hash);
  return hash.digest('hex');
}

/**
 * sha256 over the file size and SAMPLE_COUNT blocks of 4 KiB spread evenly over the file (first
 * and last included): milliseconds for any size, catches truncation and most partial writes.
 */
function sampledSha256(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const hash = createHash('sha256').update(String(size));
    const block = Buffer.alloc(SAMPLE_BLOCK);
    const last = Math.max(0, size - SAMPLE_BLOCK);
    for (let i = 0; i < SAMPLE_COUNT; i++) {
      const n = readSync(fd, block, 0, SAMPLE_BLOCK, Math.floor((last * i) / (SAMPLE_COUNT - 1)));
      hash.update(block.subarray(0, n));
    }
    return hash.digest('hex');
  } finally {
    closeSync(fd);
  }
}

/** Reads a file in blocks, hashing it when asked; with `keep`, into one fresh buffer (offset 0, so views align). */
function readBlocks(path: string, hash: Hash | null, keep = false): Buffer | null {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const out = keep ? Buffer.allocUnsafeSlow(size) : null;
    const scratch = keep ? null : Buffer.allocUnsafeSlow(Math.min(IO_BLOCK, Math.max(1, size)));
    for (let at = 0; at < size; ) {
      const target = out ?? scratch!;
      const offset = out ? at : 0;
      const n = readSync(fd, target, offset, Math.min(IO_BLOCK, size - at), at);
      if (n === 0) break;
      hash?.update(target.subarray(offset, offset + n));
      at += n;
    }
    return out;
  } finally {
    closeSync(fd);
  }
}

const corrupt = (path: string) => new IndexCorruptError(`index file ${path} is truncated or corrupt (checksum mismatch); re-run \`npm run ingest\``);

/** Checks a file against the manifest: always its size; then every byte, or the sampled hash. */
export function verifyFile(path: string, expected: FileCheck, mode: VerifyMode, data?: Buffer): void {
  const size = data ? data.length : statSync(path).size;
  if (size !== expected.bytes) throw corrupt(path);
  if (mode === 'sampled' && expected.sampleSha256) {
    if (sampledSha256(path) !== expected.sampleSha256) throw corrupt(path);
    return;
  }
  const digest = data ? createHash('sha256').update(data).digest('hex') : streamedSha256(path);
  if (digest !== expected.sha256) throw corrupt(path);
}

/**
 * verifyFile without holding the event loop: the file is read in 1 MiB blocks in libuv's thread
 * pool, each hashed as it arrives (in full mode). Returns its bytes in one fresh buffer when `keep`,
 * else null. Throws IndexCorruptError as verifyFile does.
 */
export async function readVerifiedFile(path: string, expected: FileCheck, mode: VerifyMode, keep: boolean): Promise<Buffer | null> {
  const handle = await open(path, 'r');
  try {
    const size = (await handle.stat()).size;
    if (size !== expected.bytes) throw corrupt(path);
    const sampled = mode === 'sampled' && expected.sampleSha256 !== undefined;
    if (sampled && !keep) {
      if (sampledSha256(path) !== expected.sampleSha256) throw corrupt(path);
      return null;
    }
    const hash = sampled ? null : createHash('sha256');
    const out = keep ? Buffer.allocUnsafeSlow(size) : null;
    const scratch = keep ? null : Buffer.allocUnsafeSlow(Math.min(ASYNC_BLOCK, Math.max(1, size)));
    for (let at = 0; at < size; ) {
      const target = out ?? scratch!;
      const offset = out ? at : 0;
      const { bytesRead } = await handle.read(target, offset, Math.min(ASYNC_BLOCK, size - at), at);
      if (bytesRead === 0) throw corrupt(path);
      hash?.update(target.subarray(offset, offset + bytesRead));
      at += bytesRead;
    }
    if (hash ? hash.digest('hex') !== expected.sha256 : sampledSha256(path) !== expected.sampleSha256) throw corrupt(path);
    return out;
  } finally {
    await handle.close();
  }
}

/** Reads a sectioned file written by writeSections, verifying it first; returns the sections. */
export function readSections(path: string, magic: string, expected: FileCheck, mode: VerifyMode): Buffer[] {
  const data = readBlocks(path, null, true)!;
  verifyFile(path, expected, mode, mode === 'full' ? data : undefined);
  return splitSections(path, magic, data);
}

/** readSections without holding the event loop (see readVerifiedFile). */
export async function readSectionsAsync(path: string, magic: string, expected: FileCheck, mode: VerifyMode): Promise<Buffer[]> {
  return splitSections(path, magic, (await readVerifiedFile(path, expected, mode, true))!);
}

/** The sections of a sectioned file's bytes (views into `data`); throws IndexCorruptError for a wrong tag or a section past the end. */
function splitSections(path: string, magic: string, data: Buffer): Buffer[] {
  if (data.toString('latin1', 0, ALIGN) !== magic) throw new IndexCorruptError(`index file ${path} is not a ${magic.trim()} file; re-run \`npm run ingest\``);
  const sections: Buffer[] = [];
  for (let at = ALIGN; at < data.length; ) {
    const length = Number(data.readBigUInt64LE(at));
    if (at + 8 + length > data.length) throw new IndexCorruptError(`index file ${path} has a section past its end; re-run \`npm run ingest\``);
    sections.push(data.subarray(at + 8, at + 8 + length));
    at += 8 + length + padding(length);
  }
  return sections;
}

/** A Uint32Array over a section (a view when aligned, else a copy). */
export function u32(section: Uint8Array): Uint32Array {
  if (section.byteOffset % 4 === 0) return new Uint32Array(section.buffer, section.byteOffset, section.length >>> 2);
  return new Uint32Array(Uint8Array.from(section).buffer);
}

/** A Uint16Array over a section (a view when aligned, else a copy). */
export function u16(section: Uint8Array): Uint16Array {
  if (section.byteOffset % 2 === 0) return new Uint16Array(section.buffer, section.byteOffset, section.length >>> 1);
  return new Uint16Array(Uint8Array.from(section).buffer);
}

/** The bytes of a typed array, without copying. */
export function bytesOf(a: ArrayBufferView): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}
