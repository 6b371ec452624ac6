// The lexicon table on disk: a JSON header with counts, then string blobs and typed arrays as sections.
import { z } from 'zod';
import { bytesOf, u32 } from '../binary-file.js';
import { IndexCorruptError } from '../errors.js';
import type { LexiconTable } from './build-lexicon.js';
import { stringCount, type StringTable } from './string-table.js';

export const LEXICON_MAGIC = 'JCLEXv02';

const headerSchema = z.object({
  targets: z.number().int().min(0),
  keys: z.number().int().min(0),
  relations: z.number().int().min(0),
  compounds: z.number().int().min(0),
});

const SECTIONS = 11;

/** Sections of a table: header, then each string table as blob + offsets, then the arrays. */
export function encodeLexicon(t: LexiconTable): Uint8Array[] {
  const header = {
    targets: stringCount(t.targets),
    keys: stringCount(t.keys),
    relations: t.relTargets.length,
    compounds: t.compounds.length,
  };
  const strings = (s: StringTable) => [s.blob, bytesOf(s.offsets)];
  return [
    Buffer.from(JSON.stringify(header)),
    ...strings(t.targets), t.corpus,
    ...strings(t.keys), bytesOf(t.relOffsets), bytesOf(t.relTargets), t.relWeights,
    bytesOf(t.compoundOffsets), bytesOf(t.compounds),
  ];
}

/** Checks that offsets start at 0, never decrease and end at `end`. */
export function monotone(offsets: Uint32Array, count: number, end: number): boolean {
  if (offsets.length !== count + 1 || offsets[0] !== 0 || offsets[count] !== end) return false;
  for (let i = 0; i < count; i++) if (offsets[i + 1]! < offsets[i]!) return false;
  return true;
}

/** Every index in `values` is below `limit`. */
export function within(values: Uint32Array, limit: number): boolean {
  let max = 0;
  for (let i = 0; i < values.length; i++) if (values[i]! > max) max = values[i]!;
  return values.length === 0 || max < limit;
}

/**
 * The parts every sectioned lexicon file is read with: its section count checked, its JSON header
 * parsed by `schema`, a reader of string tables (blob at `at`, offsets after it) checked against
 * their counts, and `fail`, the IndexCorruptError naming the file (`what`).
 */
export function openSections<H>(sections: Buffer[], expected: number, schema: z.ZodType<H>, what: string) {
  const fail = (why: string) => new IndexCorruptError(`${what}: ${why}; re-run \`npm run ingest\``);
  if (sections.length !== expected) throw fail(`${sections.length} sections, expected ${expected}`);
  const s = sections as [Buffer, ...Buffer[]];
  let header: H;
  try {
    header = schema.parse(JSON.parse(s[0].toString('utf8')));
  } catch {
    throw fail('invalid header');
  }
  const table = (at: number, count: number, name: string): StringTable => {
    const offsets = u32(s[at + 1]!);
    if (!monotone(offsets, count, s[at]!.length)) throw fail(`${name} offsets do not match the header`);
    return { blob: s[at]!, offsets };
  };
  return { s, header, table, fail };
}

/**
 * The table from the sections of encodeLexicon, with structural checks (counts, offsets, indexes
 * in range), as views over the file's buffer. Throws IndexCorruptError.
 */
export function decodeLexicon(sections: Buffer[]): LexiconTable {
  const { s, header: h, table, fail } = openSections(sections, SECTIONS, headerSchema, 'lexicon table');
  const t: LexiconTable = {
    targets: table(1, h.targets, 'target'),
    corpus: s[3]!,
    keys: table(4, h.keys, 'key'),
    relOffsets: u32(s[6]!),
    relTargets: u32(s[7]!),
    relWeights: s[8]!,
    compoundOffsets: u32(s[9]!),
    compounds: u32(s[10]!),
  };
  return checked(t, h, fail);
}

function checked(t: LexiconTable, h: z.infer<typeof headerSchema>, fail: (why: string) => Error): LexiconTable {
  if (t.corpus.length !== h.targets) throw fail('corpus flags do not match the targets');
  if (!monotone(t.relOffsets, h.keys, h.relations) || t.relTargets.length !== h.relations || t.relWeights.length !== h.relations) throw fail('relations do not match the header');
  if (!within(t.relTargets, h.targets)) throw fail('a relation points past the targets');
  if (!monotone(t.compoundOffsets, h.targets, h.compounds) || h.compounds % 2 !== 0 || !within(t.compounds, h.targets)) throw fail('compounds do not match the targets');
  return t;
}
