// The fact store on disk: every chunk's typed facts (see ingest/extract-facts.ts) as versioned JSON.
import { z } from 'zod';
import { extractFacts, factSchema, splitSentences, type Chunk, type Fact } from '../ingest/index.js';
import { IndexCorruptError } from './errors.js';

/** Bumped when the extractor changes what it finds, so an older index is re-ingested. */
export const FACTS_VERSION = 1;

const factFileSchema = z.object({ version: z.literal(FACTS_VERSION), chunks: z.array(z.array(factSchema)) });

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
  let raw: unknown;
  try {
    raw = JSON.parse(data.toString('utf8'));
  } catch (err) {
    throw new IndexCorruptError('fact store is not valid JSON; re-run `npm run ingest`', { cause: err });
  }
  const parsed = factFileSchema.safeParse(raw);
  if (!parsed.success) throw new IndexCorruptError(`fact store: ${parsed.error.issues[0]!.message}; re-run \`npm run ingest\``);
  if (parsed.data.chunks.length !== chunkCount) throw new IndexCorruptError(`fact store holds ${parsed.data.chunks.length} chunks, expected ${chunkCount}; re-run \`npm run ingest\``);
  return parsed.data.chunks;
}
