// Reads a QA set (JSON Lines): validates each line, reports malformed lines and duplicate ids, never throws on content.
import { readFileSync } from 'node:fs';
import { z } from 'zod';

export const qaItemSchema = z.object({
  id: z.string().min(1),
  question: z.string().min(1),
  answers: z.array(z.string()),
  evidence: z.array(z.string()),
  town: z.union([z.string(), z.array(z.string()), z.null()]).optional().default(null),
  type: z.string().min(1),
  /** dev: used for tuning; test: held out, never looked at while tuning. Files without the field are dev. */
  split: z.enum(['dev', 'test']).optional().default('dev'),
  /** Strings that must ALL appear in a correct answer (list items, the figures of a comparison), besides one of `answers`. */
  all: z.array(z.string().min(1)).optional(),
  /** near_miss: related facts the refusal should show (any one appearing counts). */
  related: z.array(z.string().min(1)).optional(),
});
export type QaItem = z.infer<typeof qaItemSchema>;

/** Types whose items the assistant is expected to refuse (a near miss asks a detail the article does not state). */
export const REFUSAL_TYPES = new Set(['unanswerable', 'out_of_scope', 'near_miss']);

export const SPLITS = ['dev', 'test'] as const;
export type Split = (typeof SPLITS)[number];

/** True when the item expects a refusal (its type says so, or it has no acceptable answers). */
export function expectsRefusal(item: QaItem): boolean {
  return REFUSAL_TYPES.has(item.type) || item.answers.length === 0;
}

/** Parses QA text: valid items in order, plus one problem line per malformed line or duplicate id. */
export function parseQaSet(text: string): { items: QaItem[]; problems: string[] } {
  const items: QaItem[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      problems.push(`line ${i + 1}: not valid JSON, skipped`);
      return;
    }
    const parsed = qaItemSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      problems.push(`line ${i + 1}: field "${issue.path.join('.') || '(item)'}" ${issue.message}, skipped`);
      return;
    }
    if (seen.has(parsed.data.id)) {
      problems.push(`line ${i + 1}: duplicate id "${parsed.data.id}", skipped`);
      return;
    }
    seen.add(parsed.data.id);
    items.push(parsed.data);
  });
  return { items, problems };
}

/** Reads a QA file; a missing file is an error naming it. */
export function readQaSet(file: string): { items: QaItem[]; problems: string[] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new Error(`cannot read QA file: ${file}`);
  }
  return parseQaSet(text);
}
