// The gazetteer of Jincheng's counties and districts (data/gazetteer.json), validated on load.
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const placeSchema = z.object({ name: z.string().min(1), short: z.string().min(1), english: z.string().min(1) });
export const gazetteerSchema = z.object({ city: placeSchema, counties: z.array(placeSchema).min(1) });
export type Gazetteer = z.infer<typeof gazetteerSchema>;

/** Reads and validates a gazetteer file; throws naming the file and the broken field. */
export function loadGazetteer(file: string): Gazetteer {
  const parsed = gazetteerSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${file}: invalid gazetteer at ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}
