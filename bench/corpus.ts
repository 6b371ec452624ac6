// The benchmark corpora and queries: the real corpus topped up with synthetic chunks, and a fixed query set.
import { readFileSync } from 'node:fs';
import type { Settings } from '../config.js';
import { loadGazetteer, readCorpus, type Chunk } from '../ingest/index.js';
import { syntheticChunks } from './synthetic-corpus.js';

/** A corpus size: "real" (the bundled articles) or a chunk count. */
export type Size = { label: string; chunks: number | 'real' };

/** Parses "real,1k,10k,100k,1m" into sizes; throws on anything else. */
export function parseSizes(text: string): Size[] {
  return text.split(',').map((raw) => {
    const s = raw.trim().toLowerCase();
    if (s === 'real') return { label: 'real', chunks: 'real' as const };
    const m = /^(\d+(?:\.\d+)?)([km]?)$/.exec(s);
    if (!m) throw new Error(`bad size "${raw}": use real, a number, or a number with k or m (e.g. 10k, 1m)`);
    const chunks = Math.round(Number(m[1]) * (m[2] === 'k' ? 1e3 : m[2] === 'm' ? 1e6 : 1));
    return { label: s, chunks };
  });
}

/** The bundled articles' chunks. */
export async function realChunks(settings: Settings): Promise<Chunk[]> {
  return (await readCorpus([settings.ARTICLES_DIR], loadGazetteer(settings.GAZETTEER_FILE), settings.CHUNK_MAX_CHARS)).chunks;
}

/** The corpus of a size: the real chunks first, then synthetic ones up to the count. */
export function corpusOf(size: Size, real: Chunk[], maxChars: number): Chunk[] {
  if (size.chunks === 'real') return real;
  return [...real, ...syntheticChunks(real, Math.max(0, size.chunks - real.length), maxChars)].slice(0, size.chunks);
}

/**
 * The fixed query set: every question of the QA file (real users' questions about the towns),
 * then `fromCorpus` clauses taken from evenly spaced chunks (questions the corpus can match).
 */
export function benchQueries(qaFile: string, corpus: Chunk[], fromCorpus = 50): string[] {
  const qa = readFileSync(qaFile, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { question: string }).question);
  const clauses: string[] = [];
  for (let i = 0; i < fromCorpus && corpus.length > 0; i++) {
    const text = corpus[Math.floor((i * corpus.length) / fromCorpus)]!.text;
    const parts = text.split(/[，。；]/).filter((p) => p.length >= 6);
    clauses.push(parts[i % Math.max(1, parts.length)] ?? text.slice(0, 20));
  }
  return [...qa, ...clauses];
}
