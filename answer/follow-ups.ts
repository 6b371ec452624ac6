// Suggested follow-up questions: other facts the articles of the towns an answer touched hold.

/** A follow-up template: asked about a town when its article has one of `evidence`; skipped when the question has one of `asked`. */
type Template = { ask: (town: string) => string; evidence: string[]; asked: string[] };

const TEMPLATES: Template[] = [
  { ask: (t) => `${t}有哪些龙头企业？`, evidence: ['公司', '龙头企业', '链主'], asked: ['企业', '公司', '链主'] },
  { ask: (t) => `${t}的产值是多少？`, evidence: ['产值'], asked: ['产值', '收入', '多少钱'] },
  { ask: (t) => `${t}有多长的历史？`, evidence: ['历史'], asked: ['历史', '多久', '多少年', '悠久'] },
  { ask: (t) => `${t}有哪些称号？`, evidence: ['称号', '美誉', '之乡', '地理标志'], asked: ['称号', '美誉', '之乡', '标志'] },
  { ask: (t) => `${t}的种植面积有多大？`, evidence: ['种植面积', '万亩'], asked: ['面积', '亩'] },
  { ask: (t) => `${t}的养殖规模有多大？`, evidence: ['饲养量', '存栏', '出栏'], asked: ['规模', '饲养', '存栏', '出栏'] },
  { ask: (t) => `${t}有什么品牌？`, evidence: ['品牌'], asked: ['品牌'] },
  { ask: (t) => `${t}下一步有什么打算？`, evidence: ['下一步'], asked: ['下一步', '打算', '计划', '未来'] },
];

/** Candidate follow-ups for a town: the templates whose evidence its article text holds, in template order. */
export function followUpCandidates(town: string, text: string): string[] {
  return TEMPLATES.filter((t) => t.evidence.some((w) => text.includes(w))).map((t) => t.ask(town));
}

/** True when `question` already asks what a follow-up would (its template's subject words). */
function alreadyAsked(question: string, followUp: string): boolean {
  return TEMPLATES.some((t) => t.asked.some((w) => question.includes(w)) && t.asked.some((w) => followUp.includes(w)));
}

/**
 * Up to `max` follow-ups for an answer to `question` that cited `towns` (most relevant first), taken
 * in turn from each town's `candidates`, leaving out what the question already asked. Empty when no
 * town was cited.
 */
export function suggestFollowUps(question: string, towns: string[], candidates: (town: string) => string[], max = 3): string[] {
  const lists = towns.map((t) => candidates(t).filter((q) => q !== question && !alreadyAsked(question, q)));
  const out: string[] = [];
  for (let i = 0; out.length < max && lists.some((l) => i < l.length); i++) {
    for (const l of lists) if (i < l.length && out.length < max) out.push(l[i]!);
  }
  return out;
}
