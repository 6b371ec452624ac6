// The typed facts extracted from article sentences at ingest, and their schema (stored in the index).
import { z } from 'zod';

export const factKinds = ['quantity', 'time', 'name', 'honour', 'list', 'org', 'rank'] as const;
export type FactKind = (typeof factKinds)[number];

export const factSchema = z.object({
  kind: z.enum(factKinds),
  /** The span as printed: "85万头", "2007年", "“中国蜜蜂之乡”", a whole enumeration clause. */
  text: z.string(),
  /**
   * Normalised value: a quantity in its family's base unit (亩, 公斤, 元, 头…; 3.5亿元 -> 350000000),
   * a time as a Gregorian year (eras by their first year), a list's item count; null otherwise.
   */
  value: z.number().nullable(),
  /** The unit as printed after the number ("万头" -> "头", "亿元"), "" for none. */
  unit: z.string(),
  /** Unit family (area, weight, money, animals, households, people, organisations, kinds, percent, duration…), or year / era / date for times, or the kind for names. */
  family: z.string(),
  /** 多, 余, 近, 约, 以上: the value is a bound or a round figure. */
  approx: z.boolean(),
  /** Names of a name, honour, organisation or rank fact; items of an enumeration. */
  items: z.array(z.string()),
  /** "founding" for 成立于 / 创始于 years, the status for an honour like “…”成为…商标, else "". */
  role: z.string(),
  /** The clause's words before the span (its attribute: 生猪出栏, 中药材种类多达), at most 16 characters. */
  before: z.string(),
  /** Up to 8 characters after the span in its clause (the counted noun: 行政村, 农户致富). */
  after: z.string(),
  /** The clause holding the span, without its trailing comma. */
  clause: z.string(),
  /** Character offset of the clause in its sentence. */
  clauseStart: z.number().int().min(0),
  /** Position of the sentence in its chunk (see splitSentences). */
  sentence: z.number().int().min(0),
  /** The time said at the head of the sentence (2022年, 今年4月), "" when none. */
  when: z.string(),
});
export type Fact = z.infer<typeof factSchema>;

/** True for a time fact that is its whole clause at the head of its sentence (明清时期，…): the sentence's time. */
export function isHeadTime(fact: Fact): boolean {
  return fact.kind === 'time' && fact.clauseStart === 0 && fact.clause === fact.text;
}
