// The small hand-kept part of the lexicon: English names the dictionary lacks (places) and glosses for rendering (units).
import { readFileSync } from 'node:fs';
import { z } from 'zod';

export const overridesSchema = z.object({
  /** English word or phrase (lower case) -> Chinese words; wins over the dictionary. */
  english: z.record(z.string(), z.array(z.string().min(1)).min(1)),
  /** Chinese word -> short English gloss for answers; wins over the dictionary. */
  gloss: z.record(z.string(), z.string().min(1)),
});
export type LexiconOverrides = z.infer<typeof overridesSchema>;

/** Reads and validates the overrides file; keys starting with "_" are comments. Throws naming the file. */
export function loadOverrides(file: string): LexiconOverrides {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`${file}: cannot read lexicon overrides: ${(err as Error).message}`, { cause: err });
  }
  const { _comment, ...rest } = (raw ?? {}) as Record<string, unknown>;
  void _comment;
  const parsed = overridesSchema.safeParse(rest);
  if (!parsed.success) throw new Error(`${file}: invalid lexicon overrides: ${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.message}`);
  return parsed.data;
}
