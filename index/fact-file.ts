// The fact store on disk: every chunk's typed facts (see ingest/extract-facts.ts) as versioned JSON.
import { z } from 'zod';
import { extractFacts, factSchema, splitSentences, type Chunk, type Fact } from '../ingest/index.js';
import { IndexCorruptError } from './errors.js';

/** Bumped when the extractor changes what it finds, so an older index is re-ingested. */
export const FACTS_VERSION = 1;

const factFileSchema = z.object({ version: z.literal(FACTS_VERSION), chunks: z.array(z.array(factSchema)) });
const chunkFactsSchema = z.array(factSchema);

/** Facts of each chunk, in chunk order: every sentence's facts, numbered by sentence. */
export function factsOfChunks(chunks: Chunk[]): Fact[][] {
  return chunks.map((c) => splitSentences(c.text).flatMap((s, i) => extractFacts(s.text, i)));
}

/** The fact store's bytes. */
export function encodeFacts(facts: Fact[][]): Buffer {
  return Buffer.from(JSON.stringify({ version: FACTS_VERSION, chunks: facts }));
}

/** Facts from encodeFacts' bytes, validated; throws IndexCorruptError when they do not fit `chunkCount`. */
export function decodeFacts(data: Buffer, chunkCount: number): Fact[][] {
  const parsed = factFileSchema.safeParse(parseFactJson(data));
  if (!parsed.success) throw new IndexCorruptError(`fact store: ${parsed.error.issues[0]!.message}; re-run \`npm run ingest\``);
  return checkCount(parsed.data.chunks, chunkCount);
}

/**
 * decodeFacts with `pause` awaited between chunks' validation (the JSON is parsed in one go), for a
 * load that must not hold the event loop; the same result and errors.
 */
export async function decodeFactsInSlices(data: Buffer, chunkCount: number, pause: () => Promise<void>): Promise<Fact[][]> {
  const outline = factFileSchema.extend({ chunks: z.array(z.unknown()) }).safeParse(parseFactJson(data));
  if (!outline.success) throw new IndexCorruptError(`fact store: ${outline.error.issues[0]!.message}; re-run \`npm run ingest\``);
  const facts: Fact[][] = [];
  for (const raw of checkCount(outline.data.chunks, chunkCount)) {
    const parsed = chunkFactsSchema.safeParse(raw);
    if (!parsed.success) throw new IndexCorruptError(`fact store: ${parsed.error.issues[0]!.message}; re-run \`npm run ingest\``);
    facts.push(parsed.data);
    await pause();
  }
  return facts;
}

function parseFactJson(data: Buffer): unknown {
  try {
    return JSON.parse(data.toString('utf8'));
  } catch (err) {
    throw new IndexCorruptError('fact store is not valid JSON; re-run `npm run ingest`', { cause: err });
  }
}

function checkCount<T>(chunks: T[], chunkCount: number): T[] {
  if (chunks.length !== chunkCount) throw new IndexCorruptError(`fact store holds ${chunks.length} chunks, expected ${chunkCount}; re-run \`npm run ingest\``);
  return chunks;
}
